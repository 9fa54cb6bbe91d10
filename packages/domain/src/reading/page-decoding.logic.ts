import { CHECKS, checkFields, compareSides, type CheckDefinition } from '../form/form-checks.logic.ts';
import type { FieldName } from '../form/form-fields.ts';
import type { InkVerdict } from './box-ink.logic.ts';
import { DIGIT_CLASSES, type DigitPrediction } from './digit-classifier.logic.ts';
import type { BubbleColumn } from './field-reading.logic.ts';

/**
 * Reading a page as a whole, the way a person checks a form: each field's boxes give a few possible
 * values with their probabilities, and the page's checks (L + P = J, DPT + DPTb + DPK = total, ballots
 * received = used + spoiled + left, ...) say which combinations a correctly filled sheet can hold. The
 * page's values are the most probable combination, where a combination that fails a check is not
 * excluded (KPPS do make arithmetic mistakes, and those must reach the portal as written) but costs
 * CHECK_FAILURE_PRIOR per failed check. kawalc1, KawalPemilu's reader, picks digits against the
 * form's sums the same way (its processprobs.py multiplies a combination failing its checksum by 0.005).
 *
 * This never hides anything: sheet-reading.logic.ts (which form-reader.ts reads each photo with) still
 * sends every field of a check the boxes failed as read, and every value chosen over its boxes' own best
 * reading, to review. Pure, tested as tables.
 */

/**
 * How likely a sheet is to fail one check as written, against a misread making it fail. Chosen, not
 * fitted: with it, a field's runner-up reading is taken only when it is at least 1/100 as likely as its
 * best one per check it mends, so a sheet read with confidence keeps its figures, sums wrong or not.
 */
export const CHECK_FAILURE_PRIOR = 0.01;
/**
 * A digit in a box the ink test (box-ink.logic.ts) finds untouched: the test misses a pen stroke about
 * 1 time in 200 (3 of 567 simulated digit boxes, each of them still seen by the model).
 */
const DIGIT_WITHOUT_INK = 0.005;
/** An empty box after a written one (7 _ 4) is not how the form is filled. */
const GAP_PRIOR = 0.05;
/** Bubbles are a second, independent reading of each digit; taken as wrong 1 time in 10 (chosen, not fitted). */
const BUBBLE_ERROR = 0.1;
const MAX_CANDIDATES = 8;
/** Partial combinations kept while the page is searched (fields in layout order). */
const BEAM_WIDTH = 256;

const EMPTY = DIGIT_CLASSES.indexOf('empty');
/** Only sums steer the search (see decodePage), and they hold alike at domestic and overseas TPS. */
const SUMS_ONLY = { overseas: false };

export type ValueCandidate = { value: number | null; probability: number };
export type FieldCandidates = { field: FieldName; candidates: ValueCandidate[] };
export type PageDecoding = {
  values: Map<FieldName, number | null>;
  /** P(value | every box, bubble and check of the page), over the combinations searched, erring low. */
  confidence: Map<FieldName, number>;
};

/**
 * Each box's class probabilities (DIGIT_CLASSES order) once the ink test and, on page 2, the bubbles
 * are taken into account. Ink where the model sees an empty box changes nothing here (a cursor or a
 * stray mark does that too); it sends the field to review in field-reading.logic.ts.
 */
export function boxDistributions(
  predictions: readonly DigitPrediction[],
  ink?: readonly InkVerdict[],
  bubbles?: readonly BubbleColumn[],
): number[][] {
  const expected = bubbleDigits(bubbles);
  return predictions.map((p, i) => {
    const dist = DIGIT_CLASSES.map((c) => p.probabilities[c] ?? 0);
    if (ink?.[i] === 'blank') for (let c = 0; c < EMPTY; c++) dist[c] *= DIGIT_WITHOUT_INK;
    if (expected) {
      // A leading blank bubble column stands for a leading 0, written or left empty.
      const agrees = (c: number) => (expected[i] === null ? c === EMPTY || c === 0 : c === expected[i]);
      for (let c = 0; c < dist.length; c++) if (!agrees(c)) dist[c] *= BUBBLE_ERROR;
    }
    return normalise(dist);
  });
}

/** The digits the bubbles spell, box by box, when every column is clear and they spell a number. */
function bubbleDigits(bubbles?: readonly BubbleColumn[]): (number | null)[] | undefined {
  if (!bubbles || bubbles.some((b) => !b.clear)) return undefined;
  const digits = bubbles.map((b) => b.digit);
  const first = digits.findIndex((d) => d !== null);
  if (first === -1 || digits.slice(first).includes(null)) return undefined;
  return digits;
}

/**
 * The field's possible values, most probable first: every combination of box classes, read by the
 * form's rules (leading empty or X boxes are 0s, three empty boxes are null), summed per value.
 */
export function valueCandidates(boxes: readonly number[][]): ValueCandidate[] {
  const byValue = new Map<number | null, number>();
  const visit = (i: number, labels: number[], p: number) => {
    if (p < 1e-9) return;
    if (i === boxes.length) {
      const first = labels.findIndex((c) => c !== EMPTY);
      const value = first === -1 ? null : Number(labels.filter((c) => c !== EMPTY).join(''));
      const gap = first !== -1 && labels.slice(first).includes(EMPTY);
      byValue.set(value, (byValue.get(value) ?? 0) + p * (gap ? GAP_PRIOR : 1));
      return;
    }
    boxes[i].forEach((q, c) => visit(i + 1, [...labels, c], p * q));
  };
  visit(0, [], 1);
  const total = [...byValue.values()].reduce((a, b) => a + b, 0);
  return [...byValue]
    .map(([value, p]) => ({ value, probability: p / total }))
    .sort((a, b) => b.probability - a.probability)
    .slice(0, MAX_CANDIDATES);
}

/** The probability a field's own boxes give `value` (0 when it is not among its candidates). */
export function boxesAlone(fields: readonly FieldCandidates[], field: FieldName, value: number | null): number {
  return fields.find((f) => f.field === field)?.candidates.find((c) => c.value === value)?.probability ?? 0;
}

type State = { values: (number | null)[]; score: number };

/** The page's most probable values under its checks (see the top of this file). */
export function decodePage(
  fields: readonly FieldCandidates[],
  checks: readonly CheckDefinition[] = CHECKS,
): PageDecoding {
  const index = new Map(fields.map((f, i) => [f.field, i]));
  // Only the sums steer the search. A bound (at most 300 voters, users not above registered) depends on
  // the TPS (overseas ones are exempt), which a photo does not tell, and it only ever pulls towards a
  // smaller number, i.e. towards dropping a digit; a failed bound still sends its fields to review.
  const onPage = checks.filter((c) => c.kind === 'equal' && checkFields(c).every((f) => index.has(f)));
  // Each check is judged as soon as its last field has a value, so the beam drops failing combinations early.
  const judgedAt = fields.map(() => [] as CheckDefinition[]);
  for (const c of onPage) judgedAt[Math.max(...checkFields(c).map((f) => index.get(f)!))].push(c);
  const penalty = Math.log(CHECK_FAILURE_PRIOR);
  // A value less likely than its field's best by more than every check it is in could make up for never wins.
  const options = fields.map((f) => {
    const inChecks = onPage.filter((c) => checkFields(c).includes(f.field)).length;
    const floor = (f.candidates[0]?.probability ?? 0) * CHECK_FAILURE_PRIOR ** inChecks;
    return f.candidates.filter((c, k) => k === 0 || c.probability >= floor);
  });

  let beam: State[] = [{ values: [], score: 0 }];
  fields.forEach((f, i) => {
    const next: State[] = [];
    for (const s of beam) {
      for (const cand of options[i]) {
        const values = [...s.values, cand.value];
        let score = s.score + Math.log(cand.probability);
        for (const c of judgedAt[i]) if (!holds(c, values, index)) score += penalty;
        next.push({ values, score });
      }
    }
    beam = next.sort((a, b) => b.score - a.score).slice(0, BEAM_WIDTH);
  });

  const best = beam[0];
  const weights = beam.map((s) => Math.exp(s.score - best.score));
  const total = weights.reduce((a, b) => a + b, 0);
  const values = new Map<FieldName, number | null>();
  const confidence = new Map<FieldName, number>();
  fields.forEach((f, i) => {
    values.set(f.field, best.values[i]);
    const agreeing = beam.reduce((acc, s, k) => acc + (s.values[i] === best.values[i] ? weights[k] : 0), 0);
    // Values never searched (past MAX_CANDIDATES, or below the floor) still had their chance, and may
    // have mended the checks the best reading fails: bounded as if every one of them mended them all,
    // so the confidence is never overstated.
    const chosen = options[i].find((c) => c.value === best.values[i])!;
    const unsearched = Math.max(0, 1 - options[i].reduce((acc, c) => acc + c.probability, 0));
    const failing = onPage.filter((c) => checkFields(c).includes(f.field) && !holds(c, best.values, index)).length;
    const unsearchedBound = (unsearched / chosen.probability) * CHECK_FAILURE_PRIOR ** -failing;
    confidence.set(f.field, agreeing / (total + unsearchedBound));
  });
  return { values, confidence };
}

/** A check with an unknown (null) figure is skipped, so it holds. */
function holds(
  check: CheckDefinition,
  values: readonly (number | null)[],
  index: ReadonlyMap<FieldName, number>,
): boolean {
  return compareSides(check, (name) => values[index.get(name)!], SUMS_ONLY)?.pass !== false;
}

function normalise(dist: number[]): number[] {
  const total = dist.reduce((a, b) => a + b, 0);
  return total > 0 ? dist.map((p) => p / total) : dist.map(() => 1 / dist.length);
}
