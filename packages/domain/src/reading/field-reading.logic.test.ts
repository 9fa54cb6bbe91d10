import { test } from 'node:test';
import assert from 'node:assert/strict';
import { combineBoxes, compareWithBubbles, readBubbleColumn, type BubbleColumn } from './field-reading.logic.ts';
import type { DigitLabel, DigitPrediction } from './digit-classifier.logic.ts';

const p = (label: DigitLabel, probability = 0.999): DigitPrediction => ({
  label,
  probability,
  probabilities: { [label]: probability },
});
const boxes = (...labels: DigitLabel[]) => labels.map((l) => p(l));
const bubble = (digit: number | null, clear = true): BubbleColumn => ({ digit, clear });

const cases: {
  name: string;
  read: DigitPrediction[];
  bubbles?: BubbleColumn[];
  value: number | null;
  review: boolean;
  reasons?: string[];
}[] = [
  { name: 'three digits', read: boxes('1', '2', '3'), value: 123, review: false },
  { name: 'X X 7 is 7', read: boxes('0', '0', '7'), value: 7, review: false },
  { name: 'X X 0 is 0', read: boxes('0', '0', '0'), value: 0, review: false },
  { name: 'empty leading boxes', read: boxes('empty', '8', '4'), value: 84, review: false },
  { name: 'untouched boxes are null, never 0', read: boxes('empty', 'empty', 'empty'), value: null, review: false },
  {
    name: 'a gap between digits goes to review',
    read: boxes('7', 'empty', '4'),
    value: 74,
    review: true,
    reasons: ['gap-between-digits'],
  },
  {
    name: 'trailing empty box goes to review',
    read: boxes('8', '4', 'empty'),
    value: 84,
    review: true,
    reasons: ['gap-between-digits'],
  },
  {
    name: 'bubbles agreeing',
    read: boxes('2', '7', '4'),
    bubbles: [bubble(2), bubble(7), bubble(4)],
    value: 274,
    review: false,
  },
  {
    name: 'blank leading bubble counts as 0',
    read: boxes('0', '3', '2'),
    bubbles: [bubble(null), bubble(3), bubble(2)],
    value: 32,
    review: false,
  },
  {
    name: 'bubbles disagreeing always go to review',
    read: boxes('8', '8', '4'),
    bubbles: [bubble(null), bubble(8), bubble(4)],
    value: 884,
    review: true,
    reasons: ['bubbles-disagree'],
  },
  {
    name: 'an unclear bubble column goes to review',
    read: boxes('1', '2', '3'),
    bubbles: [bubble(1), bubble(null, false), bubble(3)],
    value: 123,
    review: true,
    reasons: ['bubbles-unclear'],
  },
];

for (const c of cases) {
  test(`field: ${c.name}`, () => {
    const r = combineBoxes(c.read, c.bubbles);
    assert.equal(r.value, c.value);
    assert.equal(r.reasons.length > 0, c.review, `reasons: ${r.reasons.join(',')}`);
    if (c.reasons) assert.deepEqual(r.reasons, c.reasons);
  });
}

const bubbleCases: [string, number | null, BubbleColumn[], ReturnType<typeof compareWithBubbles>][] = [
  ['no bubbles marked, value present', 12, [bubble(null), bubble(null), bubble(null)], 'absent'],
  ['no bubbles, no value', null, [bubble(null), bubble(null), bubble(null)], 'agree'],
  ['gap after a mark', 102, [bubble(1), bubble(null), bubble(2)], 'unclear'],
  ['same number', 102, [bubble(1), bubble(0), bubble(2)], 'agree'],
];
for (const [name, value, cols, verdict] of bubbleCases) {
  test(`bubbles: ${name}`, () => assert.equal(compareWithBubbles(value, cols), verdict));
}

const columnCases: [string, number[], BubbleColumn][] = [
  ['one clear mark', [0.05, 0.04, 0.9, 0.06, 0.05, 0.05, 0.04, 0.05, 0.06, 0.05], bubble(2)],
  ['nothing marked', [0.05, 0.04, 0.1, 0.06, 0.05, 0.05, 0.04, 0.05, 0.06, 0.05], bubble(null)],
  ['two marks', [0.05, 0.8, 0.9, 0.06, 0.05, 0.05, 0.04, 0.05, 0.06, 0.05], bubble(null, false)],
  ['a faint smudge', [0.05, 0.04, 0.38, 0.06, 0.05, 0.05, 0.04, 0.05, 0.06, 0.05], bubble(null, false)],
  [
    'blurred print darkens every bubble alike: nothing marked',
    [0.39, 0.33, 0.32, 0.4, 0.37, 0.39, 0.4, 0.31, 0.46, 0.49],
    bubble(null),
  ],
  ['a mark over blurred print', [0.39, 0.33, 0.32, 0.98, 0.37, 0.39, 0.4, 0.31, 0.46, 0.42], bubble(3)],
];
for (const [name, densities, expected] of columnCases) {
  test(`bubble column: ${name}`, () => assert.deepEqual(readBubbleColumn(densities), expected));
}

test('combineBoxes with the ink test: ink and model disagreeing goes to review', () => {
  const cases: {
    name: string;
    read: DigitPrediction[];
    ink: ('blank' | 'unclear' | 'ink')[];
    value: number | null;
    review: boolean;
    reasons: string[];
  }[] = [
    {
      name: 'unsure empties without ink: an untouched field, null, no review',
      read: [p('empty', 0.7), p('empty', 0.8), p('empty', 0.9)],
      ink: ['blank', 'blank', 'blank'],
      value: null,
      review: false,
      reasons: [],
    },
    {
      name: 'a box the model calls empty holds ink',
      read: boxes('empty', 'empty', 'empty'),
      ink: ['ink', 'blank', 'blank'],
      value: null,
      review: true,
      reasons: ['ink-in-empty-box'],
    },
    {
      name: 'a sure digit in a box without ink counts as empty, with review',
      read: boxes('empty', 'empty', '1'),
      ink: ['blank', 'blank', 'blank'],
      value: null,
      review: true,
      reasons: ['digit-without-ink'],
    },
    {
      name: 'a units digit without ink after written ones',
      read: boxes('1', '2', '1'),
      ink: ['ink', 'ink', 'blank'],
      value: 12,
      review: true,
      reasons: ['digit-without-ink', 'gap-between-digits'],
    },
    {
      name: 'digits with ink, leading empty without: accepted',
      read: [p('empty', 0.9), p('8'), p('4')],
      ink: ['blank', 'ink', 'ink'],
      value: 84,
      review: false,
      reasons: [],
    },
  ];
  for (const c of cases) {
    const r = combineBoxes(c.read, undefined, c.ink);
    assert.deepEqual([r.value, r.reasons.length > 0, r.reasons], [c.value, c.review, c.reasons], c.name);
  }
});
