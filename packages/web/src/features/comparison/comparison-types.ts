import type { ComparisonService, TpsComparisonView, TpsSummary } from '../../../../server/src/modules/comparison/comparison.service.ts';
import type { CrowdComparisonTotals } from '@cocok/domain';
import type { ComparisonStatus, CrowdFieldState, FieldComparison, MisreadLabel } from '@cocok/domain';

/** API shapes of the comparison, taken from the server's own types so the two cannot drift. */
export type { ComparisonStatus, CrowdFieldState, FieldComparison, MisreadLabel, TpsComparisonView, TpsSummary };
export type RegionComparison = CrowdComparisonTotals;
export type MismatchPage = Awaited<ReturnType<ComparisonService['listMismatches']>>;
export type MismatchItem = MismatchPage['items'][number];
/** What `GET /api/mismatches?status=` can list, in the order the filter offers them: the server's own list. */
export { LISTED_STATUSES, type ListedStatus } from '@cocok/domain';
