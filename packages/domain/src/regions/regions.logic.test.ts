import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ancestorsOfCode,
  isRegionCode,
  isTpsCode,
  levelOfCode,
  parentOfCode,
  validateRegistryRows,
} from './regions.logic.ts';

const codes: [string, number | null, string | null][] = [
  ['ID', 0, null],
  ['31', 1, 'ID'],
  ['3101', 2, '31'],
  ['310101', 3, '3101'],
  ['3101011003', 4, '310101'],
  ['3101011003008', 5, '3101011003'],
  ['99AA', 2, '99'],
  ['99AA010001', 4, '99AA01'],
  ['310', null, null],
  ['31-1', null, null],
  ['', null, null],
  ['31010110030081', null, null],
];

for (const [code, level, parent] of codes) {
  test(`code ${JSON.stringify(code)} is level ${level} with parent ${parent}`, () => {
    assert.equal(levelOfCode(code), level);
    assert.equal(parentOfCode(code), parent);
  });
}

test('ancestors run from the nation down, excluding the code itself', () => {
  assert.deepEqual(ancestorsOfCode('3101011003008'), ['ID', '31', '3101', '310101', '3101011003']);
  assert.deepEqual(ancestorsOfCode('31'), ['ID']);
});

test('TPS and region codes are told apart', () => {
  assert.equal(isTpsCode('3101011003008'), true);
  assert.equal(isTpsCode('3101011003'), false);
  assert.equal(isRegionCode('3101011003'), true);
  assert.equal(isRegionCode('3101011003008'), false);
  assert.equal(isRegionCode('ID'), true);
});

test('registry rows: bad column counts, wrong levels and foreign parents are reported', () => {
  const problems = validateRegistryRows(
    [
      ['3101', '31', 'OK'],
      ['3102', '32', 'WRONG PARENT'],
      ['310', '31', 'TOO SHORT'],
      ['3103', '31'],
      ['3104', '31', ' '],
    ],
    2,
  );
  assert.deepEqual(
    problems.map((p) => p.code),
    ['3102', '310', '3103', '3104'],
  );
});
