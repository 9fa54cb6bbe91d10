import { CHECKS, checkFields, failedChecks, runChecks, type CheckContext } from '../form/form-checks.logic.ts';
import { emptyFieldValues, type FieldName } from '../form/form-fields.ts';
import { writingUnclear } from './field-reading.logic.ts';
import { boxesAlone, decodePage, type FieldCandidates, type ValueCandidate } from './page-decoding.logic.ts';
import type { FieldResult, FormReading } from './reading.types.ts';

/**
 * The pages of one sheet read together: a witness's photos of pages 1, 2 and 3 of one TPS. The sums,
 * including those across pages (candidates = suara_sah, total = voters who voted = ballots used),
 * decide between the values each field's boxes allow (the search of page-decoding.logic.ts). Nothing
 * is dropped: every reason a page gave for a look stays, a value the sheet chose over the page's goes
 * to review (`chosen-by-checks`), and so does every field of a check the values reported fail. Pure.
 * form-reader.ts reads one photo the same way, as a sheet of one page whose "page's values" are its
 * boxes' own best readings.
 *
 * A page photographed twice: each field is taken from the photo that read it more confidently (ties:
 * the earlier photo). Readings stored before candidates were kept give their values as they are. The
 * server (what the machine read, stored at confirmation) and the confirm screen both call this.
 */
export type PageReading = Pick<FormReading, 'page' | 'fields' | 'candidates'>;

/**
 * For each field, the reading (an index into `readings`) that read it most confidently, ties the earlier
 * one: what the sheet takes the field from, and the photo whose cut-out the confirm screen shows.
 */
export function mostConfidentReadings(readings: readonly PageReading[]): Map<FieldName, number> {
  const best = new Map<FieldName, number>();
  readings.forEach((reading, i) => {
    if (reading.page === null) return;
    for (const [field, result] of Object.entries(reading.fields) as [FieldName, FieldResult][]) {
      const prev = best.get(field);
      if (result && (prev === undefined || result.confidence > readings[prev].fields[field]!.confidence))
        best.set(field, i);
    }
  });
  return best;
}

export function readSheet(
  readings: readonly PageReading[],
  ctx: CheckContext = { overseas: false },
): Partial<Record<FieldName, FieldResult>> {
  const best = new Map(
    [...mostConfidentReadings(readings)].map(([field, i]) => [
      field,
      { result: readings[i].fields[field]!, reading: readings[i] },
    ]),
  );
  const fields = [...best.keys()];
  const candidates: FieldCandidates[] = fields.map((field) => {
    const { result, reading } = best.get(field)!;
    return { field, candidates: searchedCandidates(reading, field) ?? [{ value: result.value, probability: 1 }] };
  });
  const chosen = decodePage(candidates);
  const pageValues = new Map(fields.map((f) => [f, best.get(f)!.result.value]));
  const failedAsRead = failedIn(pageValues, ctx);
  const failed = failedIn(chosen.values, ctx);

  const out: Partial<Record<FieldName, FieldResult>> = {};
  for (const field of fields) {
    const { result: page, reading } = best.get(field)!;
    const value = chosen.values.get(field) ?? null;
    // A reading stored without candidates keeps its own confidence and reasons.
    const searched = searchedCandidates(reading, field) !== undefined;
    const confidence = searched ? (chosen.confidence.get(field) ?? 0) : page.confidence;
    const reasons = new Set<string>();
    for (const r of page.reasons ?? []) {
      // A check the page failed that the sheet's values pass was failed only by the first reading.
      if (r.startsWith('check:') && !failed.has(r.slice('check:'.length)))
        reasons.add(`check-as-read:${r.slice('check:'.length)}`);
      else if (r !== 'low-confidence' || !searched) reasons.add(r);
    }
    if (value !== page.value) reasons.add('chosen-by-checks');
    for (const id of failed) if (involves(id, field)) reasons.add(`check:${id}`);
    for (const id of failedAsRead) if (involves(id, field) && !failed.has(id)) reasons.add(`check-as-read:${id}`);
    const inCheck = [...reasons].some((r) => r.startsWith('check'));
    if (searched && writingUnclear(confidence, boxesAlone(candidates, field, value), inCheck))
      reasons.add('low-confidence');
    // Rounded down, so a confidence under the review bar is never shown as reaching it (0.9797 is 0.979).
    out[field] = {
      value,
      confidence: Math.floor(confidence * 1000) / 1000,
      review: reasons.size > 0 || (!searched && page.review),
      reasons: [...reasons],
    };
  }
  return out;
}

/** A field's stored candidates, when there are any to search (an empty list is as good as none). */
function searchedCandidates(reading: PageReading, field: FieldName): ValueCandidate[] | undefined {
  const list = reading.candidates?.[field];
  return list && list.length > 0 ? list : undefined;
}

/** The ids of the checks that figures (the rest unknown) fail. */
export function failedIn(values: ReadonlyMap<FieldName, number | null>, ctx: CheckContext): Set<string> {
  const figures = emptyFieldValues();
  for (const [f, v] of values) figures[f] = v;
  return new Set(failedChecks(runChecks(figures, ctx)).map((r) => r.id));
}

const involves = (checkId: string, field: FieldName) =>
  checkFields(CHECKS.find((c) => c.id === checkId)!).includes(field);
