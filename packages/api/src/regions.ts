import { z } from 'zod';
import { count, fieldSums, fieldValues, levelName, regionRef, tpsCode } from './common.ts';
import { regionComparison, tpsSummary } from './comparison.ts';

/**
 * Region pages (/regions, /regions/:code) and the search box (/search, validated with `searchQuery`).
 */
export const searchQuery = z.object({
  q: z.string().max(100).default(''),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

/** KPU's figures summed over the TPS below a region (or of one TPS: 0 where unknown). */
export const totals = z.strictObject({
  tpsCount: count,
  officialTps: count,
  officialChartTps: count,
  flaggedTps: count,
  fields: fieldSums,
});

const childRef = { code: z.string(), name: z.string(), totals };

/** A child region (province to village) with its totals and crowd rollup. */
export const childRegion = z.strictObject({
  ...childRef,
  level: z.number().int().min(1).max(4),
  levelName,
  comparison: regionComparison,
});
/** A TPS of a village page: also its own figures (null where unknown) and its status. */
export const childTps = z.strictObject({
  ...childRef,
  code: tpsCode,
  level: z.literal(5),
  levelName: z.literal('tps'),
  figures: fieldValues,
  comparison: tpsSummary,
});
export const regionChild = z.union([childRegion, childTps]);

/** GET /regions (the nation) and /regions/:code: a region, the way to it, its totals and its children. */
export const regionPage = regionRef.extend({
  breadcrumb: z.array(regionRef),
  totals,
  childLevelName: levelName,
  children: z.array(regionChild),
  comparison: regionComparison,
});

/** A search hit: where it is, as the names of the regions above it (the nation left out). */
const searchHit = regionRef.extend({ path: z.array(z.string()) });

/** GET /search: TPS by code prefix, regions by name (or one region by exact code). */
export const searchResults = z.strictObject({
  regions: z.array(searchHit),
  tps: z.array(searchHit.extend({ code: tpsCode, level: z.literal(5), levelName: z.literal('tps') })),
});

export type SearchQuery = z.input<typeof searchQuery>;
export type Totals = z.infer<typeof totals>;
export type ChildRegion = z.infer<typeof childRegion>;
export type ChildTps = z.infer<typeof childTps>;
export type RegionChild = z.infer<typeof regionChild>;
export type RegionPage = z.infer<typeof regionPage>;
export type SearchHit = z.infer<typeof searchHit>;
export type SearchResults = z.infer<typeof searchResults>;
