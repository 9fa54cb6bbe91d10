import { FIELDS, type FieldName, type FieldValues } from '@cocok/domain';

export type FieldChange = { field: FieldName; before: number | null; after: number | null };

/** What changed between a version and the one before it; `null` for the first version (nothing to compare). */
export function diffVersions(
  newer: { fields: FieldValues },
  older: { fields: FieldValues } | undefined,
): FieldChange[] | null {
  if (!older) return null;
  return FIELDS.filter((f) => (newer.fields[f] ?? null) !== (older.fields[f] ?? null)).map((field) => ({
    field,
    before: older.fields[field] ?? null,
    after: newer.fields[field] ?? null,
  }));
}
