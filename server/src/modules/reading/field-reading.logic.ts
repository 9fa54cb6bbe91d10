import type { InkVerdict } from './box-ink.logic.ts';
import type { DigitLabel, DigitPrediction } from './digit-classifier.logic.ts';

/**
 * How three digit boxes (hundreds, tens, units) and, on page 2, three bubble columns become one field
 * value with an honest confidence. Pure: the rules are the product, so they are tested as tables.
 *
 * - A field whose three boxes are all empty is `null` (never guessed as 0).
 * - Leading boxes may be empty or crossed out (X, read as 0): X X 7 is 7, X X 0 is 0.
 * - An empty box after a written one (7 _ 4, 8 4 _) is not how the form is filled: the value is still
 *   formed from the written digits, but the field always goes to review.
 * - The ink in each box (box-ink.logic.ts) is another: a box the model calls empty that holds clear ink,
 *   or a digit in a box without ink (counted as empty), goes to review; an empty box without ink is an
 *   untouched box.
 * - Bubbles (page 2) are a second, independent reading: when every column has a clear mark and they
 *   spell the same number, confidence rises; when they disagree, the field always goes to review.
 */
export type BubbleColumn = { digit: number | null; clear: boolean };

export type FieldReading = {
  value: number | null;
  confidence: number;
  review: boolean;
  reasons: string[];
  /** The boxes as read, e.g. ['empty', '8', '4']. */
  boxes: DigitLabel[];
  bubbles?: (number | null)[];
};

/** Below this the witness is asked to look. Set from the calibrated validation table of digits.json. */
export const AUTO_ACCEPT_CONFIDENCE = 0.98;

/**
 * A box the model calls empty and the ink measurement finds untouched (box-ink.logic.ts): two
 * independent readings agree. The ink test misses a pen stroke about 1 time in 200 (3 of 567 simulated
 * digit boxes, each of them still seen by the model), so the pair is at least this sure.
 */
export const UNTOUCHED_BOX_CONFIDENCE = 0.995;

export function combineBoxes(predictions: readonly DigitPrediction[], bubbles?: readonly BubbleColumn[], ink?: readonly InkVerdict[]): FieldReading {
  const reasons: string[] = [];
  if (ink?.some((v, i) => v === 'ink' && predictions[i].label === 'empty')) reasons.push('ink-in-empty-box');
  // A digit where the box holds no stroke at all is the model seeing one in moire or paper grain: the
  // box counts as empty (so a blank form stays blank), and the field goes to review.
  if (ink?.some((v, i) => v === 'blank' && predictions[i].label !== 'empty')) reasons.push('digit-without-ink');
  const labels = predictions.map((p, i) => (ink?.[i] === 'blank' ? 'empty' : p.label));
  const probabilities = predictions.map((p, i) => (p.label === 'empty' && ink?.[i] === 'blank' ? Math.max(p.probability, UNTOUCHED_BOX_CONFIDENCE) : p.probability));
  let confidence = probabilities.reduce((acc, p) => acc * p, 1);
  const firstWritten = labels.findIndex((l) => l !== 'empty');
  if (firstWritten === -1) {
    return withBubbles({ value: null, confidence, review: false, reasons, boxes: labels }, bubbles);
  }
  if (labels.slice(firstWritten).includes('empty')) reasons.push('gap-between-digits');
  const digits = labels.filter((l) => l !== 'empty').join('');
  const value = Number.parseInt(digits, 10);
  const reading: FieldReading = { value, confidence, review: false, reasons, boxes: labels };
  return withBubbles(reading, bubbles);
}

function withBubbles(reading: FieldReading, bubbles?: readonly BubbleColumn[]): FieldReading {
  let { confidence } = reading;
  const reasons = [...reading.reasons];
  let bubbleDigits: (number | null)[] | undefined;
  if (bubbles) {
    bubbleDigits = bubbles.map((b) => b.digit);
    const verdict = compareWithBubbles(reading.value, bubbles);
    if (verdict === 'disagree') reasons.push('bubbles-disagree');
    if (verdict === 'unclear') reasons.push('bubbles-unclear');
    // Two independent readings that agree: the chance both are wrong the same way is the product of
    // their error rates, so the combined error is far below either alone.
    if (verdict === 'agree') confidence = 1 - (1 - confidence) * 0.1;
  }
  if (confidence < AUTO_ACCEPT_CONFIDENCE) reasons.push('low-confidence');
  return { ...reading, confidence, reasons, review: reasons.length > 0, bubbles: bubbleDigits };
}

/** Bubble columns spell a number: a leading column left blank counts as 0, a blank after a mark is unclear. */
export function compareWithBubbles(value: number | null, bubbles: readonly BubbleColumn[]): 'agree' | 'disagree' | 'unclear' | 'absent' {
  if (bubbles.some((b) => !b.clear)) return 'unclear';
  const marked = bubbles.map((b) => b.digit);
  if (marked.every((d) => d === null)) return value === null ? 'agree' : 'absent';
  const first = marked.findIndex((d) => d !== null);
  if (marked.slice(first).some((d) => d === null)) return 'unclear';
  const bubbleValue = Number(marked.slice(first).join(''));
  return bubbleValue === value ? 'agree' : 'disagree';
}

/**
 * Reads one bubble column from its ten ink densities (0 = white, 1 = fully inked): the darkest bubble
 * counts as marked only when it is clearly inked and clearly darker than the runner-up. Densities are
 * first taken relative to the column's median bubble, an unmarked one: a photo's blur spreads the
 * printed outline and numeral of every bubble alike (0.3-0.5 in a real photo of a blank column), which
 * is print, not a mark.
 */
export function readBubbleColumn(raw: readonly number[], marked = 0.45, margin = 0.25): BubbleColumn {
  const sorted = [...raw].sort((a, b) => a - b);
  const median = (sorted[(sorted.length - 1) >> 1] + sorted[sorted.length >> 1]) / 2;
  const densities = raw.map((d) => Math.max(0, d - median));
  let best = 0;
  for (let i = 1; i < densities.length; i++) if (densities[i] > densities[best]) best = i;
  const runnerUp = Math.max(...densities.filter((_, i) => i !== best));
  const top = densities[best];
  if (top < marked - margin / 2) return { digit: null, clear: true };
  if (top >= marked && top - runnerUp >= margin) return { digit: best, clear: true };
  return { digit: null, clear: false };
}
