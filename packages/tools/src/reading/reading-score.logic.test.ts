import { test } from 'node:test';
import assert from 'node:assert/strict';
import { percentile, scoreReadings, type ScoredPhoto } from './reading-score.logic.ts';

const photo = (
  truth: Record<string, number | null>,
  read: Record<string, [number | null, boolean]>,
  page: 1 | 2 | 3 | null = 3,
  ms = 100,
): ScoredPhoto => ({
  file: 'x.jpg',
  truth: { page: 3, fields: truth },
  read: {
    page,
    review: false,
    ms,
    fields: Object.fromEntries(Object.entries(read).map(([k, [value, review]]) => [k, { value, review }])),
  },
});

test('scoreReadings counts right, auto-accepted and wrong-but-not-flagged fields', () => {
  const cases: { name: string; photos: ScoredPhoto[]; want: [number, number, number, number] }[] = [
    {
      name: 'all right and accepted',
      photos: [photo({ a: 1, b: null }, { a: [1, false], b: [null, false] })],
      want: [2, 2, 2, 0],
    },
    { name: 'wrong but flagged', photos: [photo({ a: 430 }, { a: [450, true] })], want: [1, 0, 0, 0] },
    { name: 'wrong and not flagged', photos: [photo({ a: 430 }, { a: [450, false] })], want: [1, 0, 1, 1] },
    { name: 'blank read as 0 is wrong', photos: [photo({ a: null }, { a: [0, false] })], want: [1, 0, 1, 1] },
    { name: 'missing field counts as wrong and flagged', photos: [photo({ a: 5 }, {})], want: [1, 0, 0, 0] },
    {
      name: 'wrong page: every field wrong, flagged',
      photos: [photo({ a: 5, b: 6 }, { a: [5, false], b: [6, false] }, 2)],
      want: [2, 0, 0, 0],
    },
    { name: 'page not found', photos: [photo({ a: 5 }, {}, null)], want: [1, 0, 0, 0] },
  ];
  for (const c of cases) {
    const s = scoreReadings(c.photos);
    assert.deepEqual([s.fields, s.fieldsRight, s.autoAccepted, s.wrongNotFlagged], c.want, c.name);
    assert.equal(s.misses.length, s.fields - s.fieldsRight, c.name);
  }
});

test('percentile is nearest-rank', () => {
  const cases: [number[], number, number][] = [
    [[], 0.5, 0],
    [[7], 0.95, 7],
    [[4, 1, 3, 2], 0.5, 2],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 100], 0.95, 19],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 100], 1, 100],
  ];
  for (const [values, p, want] of cases) assert.equal(percentile(values, p), want, `${values} p${p}`);
});
