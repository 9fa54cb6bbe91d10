import { z } from 'zod';
import { COMPARISON_STATUSES, FIELDS, LEVELS, type FieldName } from './domain.ts';

/** Building blocks shared by the areas' schemas. Answers are strict objects: a field added or dropped on the server fails the contract test. */

export const fieldName = z.enum(FIELDS as [FieldName, ...FieldName[]]);
/** A figure on the form or a sum of them. */
export const count = z.number().int().min(0);
/** Every field of the form, null where unknown (zod's enum-keyed record is exhaustive and refuses other keys). */
export const fieldValues = z.record(fieldName, z.number().int().nullable());
/** Some fields of the form, null where unknown. */
export const someFieldValues = z.partialRecord(fieldName, z.number().int().nullable());
/** Every field of the form with a number (sums: unknown counts as 0). */
export const fieldSums = z.record(fieldName, z.number().int());

export const comparisonStatus = z.enum(COMPARISON_STATUSES);
export const levelName = z.enum(LEVELS);
/** A TPS code: village code + 3 (overseas codes carry letters). */
export const tpsCode = z.string().regex(/^[0-9A-Z]{13}$/);
export const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
/** A time as the server writes it (Date#toISOString, or an hour bucket "2026-01-10T13:00:00Z"). */
export const isoTime = z.iso.datetime();
export const id = z.number().int().positive();

/** A place in the region tree: nation (level 0) to TPS (level 5). */
export const regionRef = z.strictObject({
  code: z.string().min(1),
  name: z.string(),
  level: z.number().int().min(0).max(5),
  levelName,
});

/** The `:code` of a region or TPS route: validated by the service (400 invalid-code / 404), so any text here. */
export const codeParams = z.strictObject({ code: z.string().min(1) });
export const sha256Params = z.strictObject({ sha256: z.string().min(1) });

export type FieldValues = z.infer<typeof fieldValues>;
export type SomeFieldValues = z.infer<typeof someFieldValues>;
export type ComparisonStatus = z.infer<typeof comparisonStatus>;
export type LevelName = z.infer<typeof levelName>;
export type RegionRef = z.infer<typeof regionRef>;
