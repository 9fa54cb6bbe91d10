import { z } from 'zod';
import { LISTED_STATUSES } from './domain.ts';
import { comparisonStatus, count, fieldName, fieldValues, sha256, someFieldValues, tpsCode } from './common.ts';

/**
 * The crowd's figures beside KPU's: per TPS (inside TPS and region pages), the mismatch lists
 * (/mismatches) and the region exports (/regions/:code/tps.json, tps.csv).
 * `mismatchQuery` is the request schema the server validates /mismatches with.
 */

/** The statuses /mismatches can list: every status but no_crowd, in the order the page's filter offers them (the domain's one list). */
export { LISTED_STATUSES };
export const listedStatus = z.enum(LISTED_STATUSES);

/** GET /mismatches. `status` lists one status of TPS with crowd figures; the default is the mismatches. */
export const mismatchQuery = z.object({
  region: z.string().max(20).default('ID'),
  status: listedStatus.default('mismatch'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export const crowdFieldState = z.enum(['verified', 'single', 'crowd_conflict', 'moderated']);
export const misreadLabel = z.enum(['digit_dropped', 'digit_added', 'multiple_of_100', 'multiple_of_10']);

/** One field side by side (comparison.logic.ts compareField). */
export const fieldComparison = z.strictObject({
  field: fieldName,
  official: z.number().int().nullable(),
  crowd: z.number().int().nullable(),
  /** null: no crowd figure for the field. */
  state: crowdFieldState.nullable(),
  /** crowd - official, where both exist. */
  difference: z.number().int().nullable(),
  misread: misreadLabel.nullable(),
  witnesses: count,
  candidates: z.array(z.strictObject({ value: z.number().int(), witnesses: count })),
  /** A moderator marked KPU's current figure for this field wrong. */
  disputed: z.boolean(),
});

/** A TPS's comparison, as TPS pages and the review screen show it. */
export const tpsComparison = z.strictObject({
  status: comparisonStatus,
  impact: count,
  fields: z.array(fieldComparison),
  disputed: z.array(fieldName),
  submissions: count,
  photos: z.array(sha256),
});

const statusCounts = z.record(comparisonStatus, count);

/** The crowd rollup of a region (or of one TPS in a village's children). */
export const regionComparison = z.strictObject({
  /** TPS with crowd figures / all TPS below. */
  coverage: z.number().min(0).max(1),
  crowdTps: count,
  comparedTps: count,
  impactTotal: count,
  statusCounts,
  /** Per field, over the compared TPS with both values for it; fields no compared TPS has are left out. */
  fields: z.partialRecord(
    fieldName,
    z.strictObject({ tps: count, official: count, crowd: count, difference: z.number().int() }),
  ),
});

/** A TPS row of a village page: its own totals in the shape of a region's, with its status and impact. */
export const tpsSummary = regionComparison.extend({ status: comparisonStatus, impact: count });

export const mismatchItem = z.strictObject({
  code: tpsCode,
  name: z.string(),
  villageName: z.string().nullable(),
  location: z.strictObject({
    district: z.string().nullable(),
    regency: z.string().nullable(),
    province: z.string().nullable(),
  }),
  status: listedStatus,
  impact: count,
  submissions: count,
  /** Only the fields that differ. */
  differences: z.array(fieldComparison),
  conflicts: z.array(fieldName),
  disputed: z.array(fieldName),
});

/** GET /mismatches: one page, largest impact first; `nextCursor` null on the last page. */
export const mismatchList = z.strictObject({
  region: z.strictObject({ code: z.string(), name: z.string(), level: z.number().int().min(0).max(4) }),
  status: listedStatus,
  items: z.array(mismatchItem),
  nextCursor: z.string().nullable(),
});

/** One TPS of GET /regions/:code/tps.json (comparison-export.ts jsonRecord). */
export const tpsExportRecord = z.strictObject({
  code: tpsCode,
  name: z.string(),
  status: comparisonStatus,
  impact: count,
  official: fieldValues.nullable(),
  crowd: someFieldValues,
  difference: someFieldValues,
  photos: z.array(z.strictObject({ sha256 })),
  disputed: z.array(fieldName),
});

/** GET /regions/:code/tps.json, streamed: every TPS below the region in code order. */
export const regionTpsExport = z.strictObject({
  region: z.strictObject({ code: z.string(), name: z.string() }),
  tps: z.array(tpsExportRecord),
});

export type ListedStatus = z.infer<typeof listedStatus>;
export type MismatchQuery = z.input<typeof mismatchQuery>;
export type CrowdFieldState = z.infer<typeof crowdFieldState>;
export type MisreadLabel = z.infer<typeof misreadLabel>;
export type FieldComparison = z.infer<typeof fieldComparison>;
export type TpsComparison = z.infer<typeof tpsComparison>;
export type RegionComparison = z.infer<typeof regionComparison>;
export type TpsSummary = z.infer<typeof tpsSummary>;
export type MismatchItem = z.infer<typeof mismatchItem>;
export type MismatchList = z.infer<typeof mismatchList>;
export type TpsExportRecord = z.infer<typeof tpsExportRecord>;
export type RegionTpsExport = z.infer<typeof regionTpsExport>;
