import { test } from 'node:test';
import assert from 'node:assert/strict';
import { arg } from '../src/cli-support.ts';

/**
 * The one `arg()` of the scripts (bench-*, seed-scale, bench-server, bench-classifier each had their own
 * and they had drifted: bench-night fell back on an empty value, the others returned it, and none noticed
 * a missing value followed by the next flag).
 */
const argv = (...rest: string[]) => ['/usr/bin/node', 'packages/tools/src/bench-scale.ts', ...rest];
const cases: [string, string[], string, string | undefined][] = [
  ['a value', argv('--db', 'data/x.sqlite'), '--db', 'data/x.sqlite'],
  ['a value among other flags', argv('--seconds', '5', '--db', 'x.sqlite'), '--seconds', '5'],
  ['a negative number is a value', argv('--offset', '-3'), '--offset', '-3'],
  ['the flag absent', argv('--seconds', '5'), '--db', undefined],
  ['the flag last, without a value', argv('--seconds', '5', '--db'), '--db', undefined],
  ['the next flag where the value should be', argv('--db', '--seconds', '5'), '--db', undefined],
  ["an empty value (--seconds '')", argv('--seconds', ''), '--seconds', undefined],
  ['the script name is not a flag', ['--db'], '--db', undefined],
];
for (const [name, args, flag, expected] of cases) {
  test(`arg: ${name} -> ${expected}`, () => assert.equal(arg(flag, args), expected));
}

test('arg: the default argv is the process command line', () => {
  assert.equal(arg('--surely-not-a-flag-of-the-test-runner'), undefined);
});
