import type { InkVerdict } from './box-ink.logic.ts';
import type { DigitLabel, DigitPrediction } from './digit-classifier.logic.ts';

/**
 * How three digit boxes (hundreds, tens, units) and, on page 2, three bubble columns read as one field,
 * taking each box's best class: the value and why a person should look at it. Pure: the rules are the
 * product, so they are tested as tables. How sure the value is comes from the page as a whole
 * (page-decoding.logic.ts), which reads the same rules over every combination of the boxes' classes.
 *
 * - A field whose three boxes are all empty is `null` (never guessed as 0).
 * - Leading boxes may be empty or crossed out (X, read as 0): X X 7 is 7, X X 0 is 0.
 * - An empty box after a written one (7 _ 4, 8 4 _) is not how the form is filled: the value is still
 *   formed from the written digits, but the field always goes to review.
 * - The ink in each box (box-ink.logic.ts) is another reading: a box the model calls empty that holds
 *   clear ink, or a digit in a box without ink (counted as empty), goes to review.
 * - Bubbles (page 2) are a second, independent reading: when they spell another number than the boxes,
 *   or a column is unclear, the field always goes to review.
 */
export type BubbleColumn = { digit: number | null; clear: boolean };

export type FieldReading = {
  value: number | null;
  /** Why the field needs a look (empty when nothing in its boxes or bubbles is odd). */
  reasons: string[];
  /** The boxes as read, e.g. ['empty', '8', '4']. */
  boxes: DigitLabel[];
  bubbles?: (number | null)[];
};

/** Below this the witness is asked to look. Set from the calibrated validation table of digits.json. */
export const AUTO_ACCEPT_CONFIDENCE = 0.98;

/**
 * Whether to tell the witness the writing is unclear (`low-confidence`): the value is under the bar,
 * and not only because a check it is in fails, which its own reason says (its boxes alone were sure).
 */
export function writingUnclear(confidence: number, boxesAlone: number, inFailedCheck: boolean): boolean {
  return confidence < AUTO_ACCEPT_CONFIDENCE && !(inFailedCheck && boxesAlone >= AUTO_ACCEPT_CONFIDENCE);
}

export function combineBoxes(
  predictions: readonly DigitPrediction[],
  bubbles?: readonly BubbleColumn[],
  ink?: readonly InkVerdict[],
): FieldReading {
  const reasons: string[] = [];
  if (ink?.some((v, i) => v === 'ink' && predictions[i].label === 'empty')) reasons.push('ink-in-empty-box');
  // A digit where the box holds no stroke at all is the model seeing one in moire or paper grain: the
  // box counts as empty (so a blank form stays blank), and the field goes to review.
  if (ink?.some((v, i) => v === 'blank' && predictions[i].label !== 'empty')) reasons.push('digit-without-ink');
  const labels = predictions.map((p, i) => (ink?.[i] === 'blank' ? 'empty' : p.label));
  const firstWritten = labels.findIndex((l) => l !== 'empty');
  const value = firstWritten === -1 ? null : Number.parseInt(labels.filter((l) => l !== 'empty').join(''), 10);
  if (firstWritten !== -1 && labels.slice(firstWritten).includes('empty')) reasons.push('gap-between-digits');
  if (bubbles) {
    const verdict = compareWithBubbles(value, bubbles);
    if (verdict === 'disagree') reasons.push('bubbles-disagree');
    if (verdict === 'unclear') reasons.push('bubbles-unclear');
  }
  return { value, reasons, boxes: labels, bubbles: bubbles?.map((b) => b.digit) };
}

/** Bubble columns spell a number: a leading column left blank counts as 0, a blank after a mark is unclear. */
export function compareWithBubbles(
  value: number | null,
  bubbles: readonly BubbleColumn[],
): 'agree' | 'disagree' | 'unclear' | 'absent' {
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
