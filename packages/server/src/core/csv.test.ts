import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvLine, parseQuotedLine } from './csv.ts';

const cases: [string, string[]][] = [
  ['9901,99,"Abu Dhabi, Uni Emirat Arab"', ['9901', '99', 'Abu Dhabi, Uni Emirat Arab']],
  ['99AB010001,99AB01,"Sana\'a, Yaman"', ['99AB010001', '99AB01', "Sana'a, Yaman"]],
  ['1,2,"say ""hi"""', ['1', '2', 'say "hi"']],
  ['1,,x', ['1', '', 'x']],
];
for (const [line, expected] of cases) {
  test(`csv: ${line}`, () => assert.deepEqual(parseQuotedLine(line), expected));
}

const lineCases: [unknown[], string][] = [
  [['a', 1, null, undefined], 'a,1,,\r\n'],
  [['with,comma', 'with "quote"', 'line\nbreak'], '"with,comma","with ""quote""","line\nbreak"\r\n'],
  [['=HYPERLINK("x")', '+1', '-2', '@cmd', '\tx', '\rx'], `"'=HYPERLINK(""x"")",'+1,'-2,'@cmd,'\tx,"'\rx"\r\n`],
  [[-30, 0, 12.5], '-30,0,12.5\r\n'],
];
for (const [values, expected] of lineCases) {
  test(`csv line of ${JSON.stringify(values)}`, () => assert.equal(csvLine(values), expected));
}

test('csv line: the TPS export ends its lines with LF', () => assert.equal(csvLine(['a', '=b'], '\n'), "a,'=b\n"));
