import type { MismatchList, TpsComparison } from '@cocok/api';

/** API shapes of the comparison: the wire contract's (@cocok/api), under the names the pages use. */
export type {
  ComparisonStatus,
  CrowdFieldState,
  FieldComparison,
  MisreadLabel,
  MismatchItem,
  RegionComparison,
  TpsSummary,
} from '@cocok/api';
export type TpsComparisonView = TpsComparison;
export type MismatchPage = MismatchList;
/** What `GET /api/mismatches?status=` can list, in the order the filter offers them: the server's own list. */
export { LISTED_STATUSES, type ListedStatus } from '@cocok/domain';
