import type { FieldName } from '../form/form-fields.ts';
import { compareField, type CrowdFieldState, type FieldComparison, type TpsComparison } from './comparison.logic.ts';

/**
 * The `detail` column of tps_comparisons: the fields that have a crowd figure, as compact tuples (the
 * national data set holds hundreds of thousands of rows, so field names are written once per tuple and
 * derived values are not stored), the SHA-256 of every crowd photo, and the disputed official fields (`d`,
 * written only when there are any, so rows from before disputes counted decode and compare unchanged).
 * Difference and misread label are recomputed on decode by the same pure function that made them.
 */
type FieldTuple = [FieldName, number | null, number | null, CrowdFieldState, number, [number, number][]];
export type StoredDetail = { f: FieldTuple[]; p: string[]; d?: FieldName[] };

export function encodeDetail(comparison: TpsComparison, photos: readonly string[]): string {
  const fields = comparison.fields
    .filter((f) => f.state !== null)
    .map((f): FieldTuple => [
      f.field,
      f.official,
      f.crowd,
      f.state!,
      f.witnesses,
      f.candidates.length > 1 ? f.candidates.map((c) => [c.value, c.witnesses]) : [],
    ]);
  const stored: StoredDetail =
    comparison.disputed.length > 0
      ? { f: fields, p: [...photos], d: comparison.disputed }
      : { f: fields, p: [...photos] };
  return JSON.stringify(stored);
}

export function decodeDetail(detail: string): { fields: FieldComparison[]; photos: string[]; disputed: FieldName[] } {
  const stored = JSON.parse(detail) as StoredDetail;
  const disputed = stored.d ?? [];
  const fields = stored.f.map(([field, official, crowd, state, witnesses, candidates]) => {
    const list =
      candidates.length > 0
        ? candidates.map(([value, w]) => ({ value, witnesses: w }))
        : crowd === null
          ? []
          : [{ value: crowd, witnesses }];
    return compareField(
      field,
      official,
      { value: crowd, state, witnesses, candidates: list },
      disputed.includes(field),
    );
  });
  return { fields, photos: stored.p, disputed };
}
