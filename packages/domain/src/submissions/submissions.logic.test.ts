import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PAGE_FIELDS } from '../form/form-fields.ts';
import type { FormReading } from '../reading/reading.types.ts';
import {
  confirmableFields,
  duplicateFlags,
  isFormReading,
  planUpload,
  stillReading,
  unexpectedFields,
} from './submissions.logic.ts';

test('upload plan: new, repeated in the same upload, and already sent for this TPS', () => {
  const plan = planUpload(['a', 'b', 'a', 'c', 'b'], new Map([['c', 7]]));
  assert.deepEqual(plan, [
    { sha256: 'a', state: 'uploaded' },
    { sha256: 'b', state: 'uploaded' },
    { sha256: 'a', state: 'duplicate-in-upload' },
    { sha256: 'c', state: 'already-uploaded', submissionId: 7 },
    { sha256: 'b', state: 'duplicate-in-upload' },
  ]);
  assert.deepEqual(planUpload([], new Map()), []);
});

const TPS = '3101011001001';
const dupCases: [string, Parameters<typeof duplicateFlags>[2], ReturnType<typeof duplicateFlags>][] = [
  ['same TPS matches are not flagged', [{ sha256: 'x', distance: 0, submissionPhotoId: 1, tpsCode: TPS }], []],
  [
    'same bytes for another TPS: exact, distance 0',
    [{ sha256: 'own', distance: 0, submissionPhotoId: 2, tpsCode: '3101011001002' }],
    [{ otherSubmissionPhotoId: 2, otherTps: '3101011001002', distance: 0, exact: true }],
  ],
  [
    'near-identical for another TPS: not exact, with its distance; nearest first',
    [
      { sha256: 'y', distance: 5, submissionPhotoId: 3, tpsCode: '3101011001003' },
      { sha256: 'z', distance: 2, submissionPhotoId: 4, tpsCode: '3101011003001' },
    ],
    [
      { otherSubmissionPhotoId: 4, otherTps: '3101011003001', distance: 2, exact: false },
      { otherSubmissionPhotoId: 3, otherTps: '3101011001003', distance: 5, exact: false },
    ],
  ],
];
for (const [name, matches, expected] of dupCases) {
  test(`duplicates: ${name}`, () => assert.deepEqual(duplicateFlags('own', TPS, matches), expected));
}

test('still reading while any photo is uploaded or reading', () => {
  assert.equal(stillReading(['read', 'uploaded']), true);
  assert.equal(stillReading(['read', 'reading']), true);
  assert.equal(stillReading(['read', 'failed']), false);
  assert.equal(stillReading([]), false);
});

test('confirmable fields follow the pages found, in form order; null pages add nothing', () => {
  assert.deepEqual(confirmableFields([3, null, 2]), [...PAGE_FIELDS[2], ...PAGE_FIELDS[3]]);
  assert.deepEqual(confirmableFields([null]), []);
  assert.equal(confirmableFields([1, 1]).length, PAGE_FIELDS[1].length);
  assert.deepEqual(unexpectedFields(['suara_paslon_1', 'suara_sah', 'bogus'], confirmableFields([2])), [
    'suara_sah',
    'bogus',
  ]);
});

const reading = (page: 1 | 2 | 3 | null, fields: FormReading['fields']): FormReading => ({
  page,
  fields,
  review: false,
  ms: 1,
});

test('a reader answer is checked for the FormReading shape before it is stored', () => {
  assert.equal(isFormReading(reading(1, {})), true);
  assert.equal(isFormReading({ ...reading(null, {}), reason: 'not-a-form' }), true);
  assert.equal(isFormReading({ page: 4, fields: {} }), false);
  assert.equal(isFormReading({ page: 1 }), false);
  assert.equal(isFormReading(null), false);
  assert.equal(isFormReading('page 1'), false);
});
