import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FieldName } from '../form/form-fields.ts';
import type { ValueCandidate } from './page-decoding.logic.ts';
import type { FieldResult } from './reading.types.ts';
import { readSheet, type PageReading } from './sheet-reading.logic.ts';

/**
 * A page as form-reader.ts reports it: per field the candidates from its boxes (value, probability)
 * and the page's own result (the first candidate, with the reasons given).
 */
function page(
  n: 1 | 2 | 3,
  fields: Partial<Record<FieldName, { candidates: [number | null, number][]; reasons?: string[] }>>,
): PageReading {
  const results: Partial<Record<FieldName, FieldResult>> = {};
  const candidates: Partial<Record<FieldName, ValueCandidate[]>> = {};
  for (const [name, f] of Object.entries(fields) as [
    FieldName,
    { candidates: [number | null, number][]; reasons?: string[] },
  ][]) {
    candidates[name] = f.candidates.map(([value, probability]) => ({ value, probability }));
    const reasons = f.reasons ?? [];
    results[name] = { value: f.candidates[0][0], confidence: f.candidates[0][1], review: reasons.length > 0, reasons };
  }
  return { page: n, fields: results, candidates };
}
const sure = (value: number | null) => ({ candidates: [[value, 0.999]] as [number | null, number][] });

test('sheet: a sum across pages picks the runner-up it allows (paslon 36 + 41 + 58 = suara sah 135), and says so', () => {
  const sheet = readSheet([
    page(2, {
      suara_paslon_1: {
        candidates: [
          [836, 0.5],
          [36, 0.45],
        ],
        reasons: ['low-confidence'],
      },
      suara_paslon_2: sure(41),
      suara_paslon_3: sure(58),
    }),
    page(3, { suara_sah: sure(135), suara_tidak_sah: sure(2), suara_total: sure(137) }),
  ]);
  assert.equal(sheet.suara_paslon_1!.value, 36);
  assert.equal(sheet.suara_paslon_1!.review, true);
  assert.ok(sheet.suara_paslon_1!.reasons!.includes('chosen-by-checks'));
  // The sum failed as the pages read it: its other fields are looked at too, told it was the first reading.
  for (const f of ['suara_paslon_2', 'suara_paslon_3', 'suara_sah'] as const) {
    assert.deepEqual(sheet[f]!.reasons, ['check-as-read:paslon_sum_vs_sah'], f);
  }
  assert.equal(sheet.suara_total!.review, false);
});

test('sheet: pages read surely that disagree keep their figures, and every field of the failed sum goes to review', () => {
  // The real photos: 123 + 274 + 32 = 429 on page 2, suara sah 427 on page 3.
  const sheet = readSheet(
    [
      page(2, { suara_paslon_1: sure(123), suara_paslon_2: sure(274), suara_paslon_3: sure(32) }),
      page(3, { suara_sah: sure(427), suara_tidak_sah: sure(3), suara_total: sure(430) }),
    ],
    { overseas: true },
  );
  assert.deepEqual(Object.fromEntries(Object.entries(sheet).map(([f, r]) => [f, [r!.value, r!.review]])), {
    suara_paslon_1: [123, true],
    suara_paslon_2: [274, true],
    suara_paslon_3: [32, true],
    suara_sah: [427, true],
    suara_tidak_sah: [3, false],
    suara_total: [430, false],
  });
  assert.deepEqual(sheet.suara_sah!.reasons, ['check:paslon_sum_vs_sah']);
});

test('sheet: a check a page failed that the sheet mends becomes check-as-read', () => {
  const sheet = readSheet([
    page(3, {
      suara_sah: {
        candidates: [
          [152, 0.6],
          [158, 0.4],
        ],
        reasons: ['low-confidence', 'check:sah_plus_tidak_sah_vs_total'],
      },
      suara_tidak_sah: { candidates: [[3, 0.999]], reasons: ['check:sah_plus_tidak_sah_vs_total'] },
      suara_total: { candidates: [[161, 0.999]], reasons: ['check:sah_plus_tidak_sah_vs_total'] },
    }),
  ]);
  assert.equal(sheet.suara_sah!.value, 158);
  assert.deepEqual(sheet.suara_tidak_sah!.reasons, ['check-as-read:sah_plus_tidak_sah_vs_total']);
});

test('sheet: a page photographed twice gives each field from the more confident photo; readings without candidates keep their own results', () => {
  const a: PageReading = {
    page: 2,
    fields: {
      suara_paslon_1: { value: 123, confidence: 0.6, review: true },
      suara_paslon_2: { value: 274, confidence: 0.99, review: false },
    },
  };
  const b: PageReading = {
    page: 2,
    fields: {
      suara_paslon_1: { value: 128, confidence: 0.9, review: false },
      suara_paslon_2: { value: 214, confidence: 0.5, review: true },
    },
  };
  const notAPage: PageReading = { page: null, fields: { suara_paslon_3: { value: 1, confidence: 1, review: false } } };
  const sheet = readSheet([a, b, notAPage]);
  assert.deepEqual(sheet, {
    suara_paslon_1: { value: 128, confidence: 0.9, review: false, reasons: [] },
    suara_paslon_2: { value: 274, confidence: 0.99, review: false, reasons: [] },
  });
  assert.deepEqual(readSheet([]), {});
  // A stored reading with an empty candidate list is read like one without (never an empty search).
  assert.deepEqual(readSheet([{ ...a, candidates: { suara_paslon_1: [] } }]).suara_paslon_1, {
    value: 123,
    confidence: 0.6,
    review: true,
    reasons: [],
  });
});
