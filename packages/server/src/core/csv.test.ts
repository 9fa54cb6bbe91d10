import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseQuotedLine } from './csv.ts';

const cases: [string, string[]][] = [
  ['9901,99,"Abu Dhabi, Uni Emirat Arab"', ['9901', '99', 'Abu Dhabi, Uni Emirat Arab']],
  ['99AB010001,99AB01,"Sana\'a, Yaman"', ['99AB010001', '99AB01', "Sana'a, Yaman"]],
  ['1,2,"say ""hi"""', ['1', '2', 'say "hi"']],
  ['1,,x', ['1', '', 'x']],
];
for (const [line, expected] of cases) {
  test(`csv: ${line}`, () => assert.deepEqual(parseQuotedLine(line), expected));
}
