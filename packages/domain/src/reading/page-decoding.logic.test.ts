import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FieldName } from '../form/form-fields.ts';
import { DIGIT_CLASSES, type DigitLabel, type DigitPrediction } from './digit-classifier.logic.ts';
import { AUTO_ACCEPT_CONFIDENCE } from './field-reading.logic.ts';
import {
  boxDistributions,
  CHECK_FAILURE_PRIOR,
  decodePage,
  valueCandidates,
  type ValueCandidate,
} from './page-decoding.logic.ts';

const candidates = (...pairs: [number | null, number][]): ValueCandidate[] =>
  pairs.map(([value, probability]) => ({ value, probability }));
const page3 = (sah: ValueCandidate[], tidakSah: ValueCandidate[], total: ValueCandidate[]) => [
  { field: 'suara_sah' as FieldName, candidates: sah },
  { field: 'suara_tidak_sah' as FieldName, candidates: tidakSah },
  { field: 'suara_total' as FieldName, candidates: total },
];

const decodeCases: { name: string; fields: ReturnType<typeof page3>; values: (number | null)[] }[] = [
  {
    name: 'a page whose best readings add up keeps them',
    fields: page3(candidates([427, 0.99], [421, 0.01]), candidates([3, 0.99]), candidates([430, 0.9], [450, 0.1])),
    values: [427, 3, 430],
  },
  {
    // The real page-3 photo: the 3 of 430 touches the box border and reads as a 5.
    name: 'a runner-up that makes the sums hold wins over a best reading that breaks them',
    fields: page3(candidates([427, 0.99]), candidates([3, 0.99]), candidates([450, 0.7], [430, 0.25], [480, 0.05])),
    values: [427, 3, 430],
  },
  {
    name: 'a sheet read with confidence keeps its figures even when they do not add up (a KPPS slip)',
    fields: page3(
      candidates([427, 0.999]),
      candidates([3, 0.999]),
      candidates([431, 0.995], [430, 0.005 * CHECK_FAILURE_PRIOR]),
    ),
    values: [427, 3, 431],
  },
  {
    name: 'a runner-up just under 1/100 of the best stays out',
    fields: page3(candidates([427, 1]), candidates([3, 1]), candidates([450, 0.9901], [430, 0.0099])),
    values: [427, 3, 450],
  },
  {
    name: 'a blank field skips its checks, so nothing is forced on the others',
    fields: page3(candidates([427, 0.99]), candidates([null, 0.99]), candidates([450, 0.7], [430, 0.3])),
    values: [427, null, 450],
  },
  {
    name: 'a bound does not steer: 916 stays 916 when no sum says otherwise (the 300-voter check flags it)',
    fields: page3(candidates([null, 0.99]), candidates([6, 0.99]), candidates([916, 0.6], [216, 0.4])),
    values: [null, 6, 916],
  },
  {
    name: 'the sum does: 916 against 216 when sah + tidak sah = 216',
    fields: page3(candidates([210, 0.99]), candidates([6, 0.99]), candidates([916, 0.6], [216, 0.4])),
    values: [210, 6, 216],
  },
];

for (const c of decodeCases) {
  test(`page decoding: ${c.name}`, () => {
    const decoded = decodePage(c.fields);
    assert.deepEqual(
      c.fields.map((f) => decoded.values.get(f.field)),
      c.values,
    );
    for (const f of c.fields) {
      const confidence = decoded.confidence.get(f.field)!;
      assert.ok(confidence > 0 && confidence <= 1 + 1e-9, `${f.field}: ${confidence}`);
    }
  });
}

test('page decoding: the page confidence of a mended field says how sure the search is', () => {
  const decoded = decodePage(page3(candidates([427, 0.99]), candidates([3, 0.99]), candidates([450, 0.7], [430, 0.3])));
  const total = decoded.confidence.get('suara_total')!;
  assert.ok(total > 0.9 && total < 1, `total ${total}`);
});

test('page decoding: a sure reading that breaks a sum is less sure than its boxes alone say', () => {
  const decoded = decodePage(page3(candidates([427, 1]), candidates([3, 1]), candidates([431, 0.995], [430, 0.005])));
  assert.equal(decoded.values.get('suara_total'), 431);
  const total = decoded.confidence.get('suara_total')!;
  assert.ok(total < 0.9, `total ${total}`);
  // Whereas a sure reading that keeps the sums is as sure as its boxes.
  const kept = decodePage(page3(candidates([428, 1]), candidates([3, 1]), candidates([431, 0.995], [430, 0.005])));
  assert.ok(kept.confidence.get('suara_total')! > 0.99);
});

const prediction = (probabilities: Partial<Record<DigitLabel, number>>): DigitPrediction => {
  const all = Object.fromEntries(DIGIT_CLASSES.map((c) => [c, probabilities[c] ?? 0]));
  const label = DIGIT_CLASSES.reduce((a, b) => (all[b] > all[a] ? b : a));
  return { label, probability: all[label], probabilities: all };
};
const certain = (label: DigitLabel) => prediction({ [label]: 1 });
const top = (list: ValueCandidate[]) => list[0].value;

const candidateCases: {
  name: string;
  boxes: DigitPrediction[];
  ink?: ('blank' | 'unclear' | 'ink')[];
  bubbles?: { digit: number | null; clear: boolean }[];
  best: number | null;
  probability?: number;
}[] = [
  { name: 'three digits', boxes: [certain('1'), certain('2'), certain('3')], best: 123, probability: 1 },
  {
    name: 'X X 7 and _ _ 7 are both 7, so their chances add up',
    boxes: [prediction({ 0: 0.5, empty: 0.5 }), prediction({ 0: 0.5, empty: 0.5 }), certain('7')],
    best: 7,
    probability: 1,
  },
  {
    name: 'three untouched boxes are null',
    boxes: [certain('empty'), certain('empty'), certain('empty')],
    best: null,
    probability: 1,
  },
  {
    name: 'a gap between digits is unlikely: 7 _ 4 loses to 774 when the middle box is torn between the two',
    boxes: [certain('7'), prediction({ empty: 0.6, 7: 0.4 }), certain('4')],
    best: 774,
  },
  {
    name: 'a digit in a box the ink test finds untouched is hardly believed',
    boxes: [prediction({ 1: 0.7, empty: 0.3 }), certain('empty'), certain('empty')],
    ink: ['blank', 'blank', 'blank'],
    best: null,
  },
  {
    name: 'clear bubbles favour the digit they spell: a leading 0 read as 6, bubbles blank in that column',
    boxes: [prediction({ 6: 0.6, 0: 0.4 }), certain('3'), certain('2')],
    bubbles: [
      { digit: null, clear: true },
      { digit: 3, clear: true },
      { digit: 2, clear: true },
    ],
    best: 32,
  },
  {
    name: 'bubbles do not outvote a box the model is sure of',
    boxes: [prediction({ 6: 0.99, 0: 0.01 }), certain('3'), certain('2')],
    bubbles: [
      { digit: null, clear: true },
      { digit: 3, clear: true },
      { digit: 2, clear: true },
    ],
    best: 632,
  },
  {
    name: 'an unclear bubble column is no evidence',
    boxes: [prediction({ 6: 0.6, 0: 0.4 }), certain('3'), certain('2')],
    bubbles: [
      { digit: null, clear: false },
      { digit: 3, clear: true },
      { digit: 2, clear: true },
    ],
    best: 632,
  },
];

for (const c of candidateCases) {
  test(`field candidates: ${c.name}`, () => {
    const list = valueCandidates(boxDistributions(c.boxes, c.ink, c.bubbles));
    assert.equal(top(list), c.best);
    if (c.probability !== undefined)
      assert.ok(Math.abs(list[0].probability - c.probability) < 1e-9, `p ${list[0].probability}`);
    const sum = list.reduce((a, v) => a + v.probability, 0);
    assert.ok(sum <= 1 + 1e-9);
    for (let i = 1; i < list.length; i++) assert.ok(list[i - 1].probability >= list[i].probability);
  });
}

/** One field alone (no check on it): its confidence is the probability of its best value. */
const aloneConfidence = (
  boxes: DigitPrediction[],
  ink?: ('blank' | 'unclear' | 'ink')[],
  bubbles?: { digit: number | null; clear: boolean }[],
) => {
  const decoded = decodePage([
    { field: 'suara_paslon_1', candidates: valueCandidates(boxDistributions(boxes, ink, bubbles)) },
  ]);
  return { value: decoded.values.get('suara_paslon_1'), confidence: decoded.confidence.get('suara_paslon_1')! };
};

const confidenceCases: {
  name: string;
  boxes: DigitPrediction[];
  ink?: ('blank' | 'unclear' | 'ink')[];
  bubbles?: { digit: number | null; clear: boolean }[];
  value: number | null;
  accepted: boolean;
}[] = [
  { name: 'three sure digits', boxes: [certain('1'), certain('2'), certain('3')], value: 123, accepted: true },
  {
    name: 'one unsure box',
    boxes: [certain('8'), prediction({ 8: 0.7, 0: 0.3 }), certain('4')],
    value: 884,
    accepted: false,
  },
  {
    name: 'bubbles that agree lift an unsure box above the bar',
    boxes: [prediction({ 2: 0.9, 7: 0.1 }), certain('7'), certain('4')],
    bubbles: [
      { digit: 2, clear: true },
      { digit: 7, clear: true },
      { digit: 4, clear: true },
    ],
    value: 274,
    accepted: true,
  },
  {
    name: 'unsure empties in boxes without ink: an untouched field',
    boxes: [prediction({ empty: 0.5, 1: 0.5 }), prediction({ empty: 0.5, 7: 0.5 }), prediction({ empty: 0.5, 4: 0.5 })],
    ink: ['blank', 'blank', 'blank'],
    value: null,
    accepted: true,
  },
  {
    name: 'an unsure empty where the ink is unclear',
    boxes: [prediction({ empty: 0.7, 1: 0.3 }), certain('empty'), certain('empty')],
    ink: ['unclear', 'blank', 'blank'],
    value: null,
    accepted: false,
  },
];

for (const c of confidenceCases) {
  test(`field confidence: ${c.name}`, () => {
    const r = aloneConfidence(c.boxes, c.ink, c.bubbles);
    assert.equal(r.value, c.value);
    assert.equal(r.confidence >= AUTO_ACCEPT_CONFIDENCE, c.accepted, `confidence ${r.confidence}`);
  });
}
