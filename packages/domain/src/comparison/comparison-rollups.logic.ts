import { FIELDS, type FieldName } from '../form/form-fields.ts';
import { COMPARED_STATUSES, type ComparisonStatus, type TpsComparison } from './comparison.logic.ts';

/**
 * What one TPS adds to the crowd rollups of every region above it (table `crowd_rollups`). Rollups are
 * kept by adding the difference between a TPS's new and old contribution, so an update touches one TPS
 * and its five ancestors, never the TPS below a region. Pure; tested in comparison.logic.test.ts.
 */

/** Statuses counted per region; `no_crowd` is not stored: it is the region's TPS count minus `crowd_tps`. */
export const COUNTED_STATUSES = [
  'match',
  'mismatch',
  'official_inconsistent',
  'crowd_conflict',
  'no_official',
] as const satisfies readonly ComparisonStatus[];

export const ROLLUP_COLUMNS: readonly string[] = [
  'crowd_tps',
  'compared_tps',
  'impact_total',
  ...COUNTED_STATUSES.map((s) => `n_${s}`),
  ...FIELDS.flatMap((f) => [`cmp_tps_${f}`, `cmp_official_${f}`, `cmp_crowd_${f}`]),
];

export type Contribution = Record<string, number>;

export function zeroContribution(): Contribution {
  return Object.fromEntries(ROLLUP_COLUMNS.map((c) => [c, 0]));
}

/**
 * A TPS's contribution. Per field, official and crowd are summed only where the TPS is compared (both
 * figures exist) and the field has both values, so the two totals always cover the same TPS.
 */
export function contributionOf(c: TpsComparison | null): Contribution {
  const out = zeroContribution();
  if (!c || c.status === 'no_crowd') return out;
  out.crowd_tps = 1;
  out[`n_${c.status}`] = 1;
  if (!COMPARED_STATUSES.includes(c.status)) return out;
  out.compared_tps = 1;
  out.impact_total = c.impact;
  for (const f of c.fields) {
    if (f.official === null || f.crowd === null) continue;
    out[`cmp_tps_${f.field}`] = 1;
    out[`cmp_official_${f.field}`] = f.official;
    out[`cmp_crowd_${f.field}`] = f.crowd;
  }
  return out;
}

/** new - old, column by column; null when nothing changes (the rollups need no write). */
export function contributionDelta(before: Contribution, after: Contribution): Contribution | null {
  const delta = zeroContribution();
  let changed = false;
  for (const c of ROLLUP_COLUMNS) {
    delta[c] = (after[c] ?? 0) - (before[c] ?? 0);
    if (delta[c] !== 0) changed = true;
  }
  return changed ? delta : null;
}

export type CrowdComparisonTotals = {
  /** TPS with crowd figures / all TPS below. */
  coverage: number;
  crowdTps: number;
  comparedTps: number;
  impactTotal: number;
  statusCounts: Record<ComparisonStatus, number>;
  /**
   * Per field, over the compared TPS that have both values for it: how many, KPU's sum, the crowd's sum.
   * Fields no compared TPS has are left out (keeps region pages with dozens of children small).
   */
  fields: Partial<Record<FieldName, { tps: number; official: number; crowd: number; difference: number }>>;
};

/** The public shape of a region's (or one TPS's) crowd rollup; `tpsCount` is every TPS below it. */
const NO_CONTRIBUTION: Readonly<Contribution> = Object.freeze(zeroContribution());

export function toComparisonTotals(row: Contribution | undefined, tpsCount: number): CrowdComparisonTotals {
  const r = row ?? NO_CONTRIBUTION;
  const statusCounts = Object.fromEntries(COUNTED_STATUSES.map((s) => [s, r[`n_${s}`] ?? 0])) as Record<
    ComparisonStatus,
    number
  >;
  statusCounts.no_crowd = tpsCount - r.crowd_tps;
  return {
    coverage: tpsCount > 0 ? r.crowd_tps / tpsCount : 0,
    crowdTps: r.crowd_tps,
    comparedTps: r.compared_tps,
    impactTotal: r.impact_total,
    statusCounts,
    fields: Object.fromEntries(
      FIELDS.filter((f) => r[`cmp_tps_${f}`] > 0).map((f) => {
        const official = r[`cmp_official_${f}`];
        const crowd = r[`cmp_crowd_${f}`];
        return [f, { tps: r[`cmp_tps_${f}`], official, crowd, difference: crowd - official }];
      }),
    ) as CrowdComparisonTotals['fields'],
  };
}
