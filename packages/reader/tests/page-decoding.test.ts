import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  createDigitClassifier,
  DIGIT_CLASSES,
  type DigitClassifier,
  type DigitLabel,
  type DigitPrediction,
} from '../src/digit-classifier.ts';
import { createFormReader } from '../src/form-reader.ts';
import { decodePhoto } from '../src/image-decode.ts';
import { fixture } from '@cocok/testing';

/**
 * The page search (page-decoding.logic.ts) inside the whole reader, on the real page-3 photo (427 + 3 =
 * 430). The real model's reading of one box is replaced, so each case is exactly the one named: the
 * tens box of suara_total is index 7 of the page's nine (three fields of three boxes, in layout order).
 */
const photo = readFileSync(fixture('photos/page-3-on-screen.jpg'));
const real = await createDigitClassifier();
const TOTAL_TENS = 7;

/** The real classifier, with the boxes at the given indexes read as given. */
function withBoxes(overrides: Record<number, Partial<Record<DigitLabel, number>>>): DigitClassifier {
  return {
    classes: real.classes,
    async classify(boxes) {
      const out = await real.classify(boxes);
      for (const [index, probabilities] of Object.entries(overrides)) {
        const all = Object.fromEntries(DIGIT_CLASSES.map((c) => [c, probabilities[c] ?? 0]));
        const label = DIGIT_CLASSES.reduce((a, b) => (all[b] > all[a] ? b : a));
        out[Number(index)] = { label, probability: all[label], probabilities: all } satisfies DigitPrediction;
      }
      return out;
    },
  };
}
const readWith = async (classifier: DigitClassifier) =>
  (await createFormReader({ classifier, decode: (b) => decodePhoto(b) })).read(photo);

test('a misread the sums rule out is replaced by the runner-up that fits, and the witness is asked to look', async () => {
  const r = await readWith(withBoxes({ [TOTAL_TENS]: { 5: 0.7, 3: 0.25, 8: 0.05 } }));
  const total = r.fields.suara_total!;
  assert.equal(total.value, 430);
  assert.equal(total.review, true);
  assert.ok(total.reasons?.includes('chosen-by-checks'), total.reasons?.join());
  // The boxes as read (427 + 3 = 450) fail the check, so all three fields stay in review, told that the
  // first reading failed it (the figures reported, 427 + 3 = 430, pass it).
  for (const name of ['suara_sah', 'suara_tidak_sah', 'suara_total'] as const) {
    const reasons = r.fields[name]!.reasons ?? [];
    assert.equal(r.fields[name]!.review, true);
    assert.ok(reasons.includes('check-as-read:sah_plus_tidak_sah_vs_total'), `${name}: ${reasons.join()}`);
    assert.ok(!reasons.includes('check:sah_plus_tidak_sah_vs_total'), `${name}: ${reasons.join()}`);
  }
  // The values reported add up; this test sheet's 430 votes are over a domestic TPS's 300 as written.
  assert.deepEqual(r.checks, ['total_over_300']);
});

test('a sheet read with confidence that does not add up is reported as written (a KPPS slip is not hidden)', async () => {
  // 427 + 3 = 440 on the sheet, every box read surely: no runner-up is likely enough to make it add up.
  const sure = (label: DigitLabel) => ({ [label]: 1 });
  const r = await readWith(
    withBoxes({
      0: sure('4'),
      1: sure('2'),
      2: sure('7'),
      3: sure('empty'),
      4: sure('empty'),
      5: sure('3'),
      6: sure('4'),
      [TOTAL_TENS]: { 4: 0.999, 3: 0.001 },
      8: sure('0'),
    }),
  );
  assert.equal(r.fields.suara_total!.value, 440);
  assert.equal(r.fields.suara_sah!.value, 427);
  assert.equal(r.fields.suara_tidak_sah!.value, 3);
  assert.deepEqual(r.checks, ['sah_plus_tidak_sah_vs_total', 'total_over_300']);
  for (const f of Object.values(r.fields)) assert.equal(f.review, true);
  assert.ok(!r.fields.suara_total!.reasons?.includes('chosen-by-checks'));
});
