import type { ComparisonService, TpsComparisonView, TpsSummary } from '../../../../server/src/modules/comparison/comparison.service.ts';
import type { CrowdComparisonTotals } from '@cocok/domain';
import type { ComparisonStatus, CrowdFieldState, FieldComparison, MisreadLabel } from '@cocok/domain';

/** API shapes of the comparison, taken from the server's own types so the two cannot drift. */
export type { ComparisonStatus, CrowdFieldState, FieldComparison, MisreadLabel, TpsComparisonView, TpsSummary };
export type RegionComparison = CrowdComparisonTotals;
export type MismatchPage = Awaited<ReturnType<ComparisonService['listMismatches']>>;
export type MismatchItem = MismatchPage['items'][number];
/** What `GET /api/mismatches?status=` can list (every status but no_crowd), in the order the filter offers them. */
export const LISTED_STATUSES = ['mismatch', 'crowd_conflict', 'official_inconsistent', 'no_official', 'match'] as const;
export type ListedStatus = (typeof LISTED_STATUSES)[number];
