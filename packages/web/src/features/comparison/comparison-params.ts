import { LISTED_STATUSES, type ListedStatus } from './comparison-types.ts';

/** The national mismatch list; here rather than in its page so the header's link does not pull the page into the first download. */
export const MISMATCHES_PATH = '/selisih';

/** The region page's tab and the mismatch filter live in the URL (`?tab=selisih&status=...`), so they can be linked and survive back/forward. */
export type RegionTab = 'ringkasan' | 'selisih';

export function readTab(params: URLSearchParams): RegionTab {
  return params.get('tab') === 'selisih' ? 'selisih' : 'ringkasan';
}

/** The filter's status; anything unknown falls back to the mismatches, the list people come for. */
export function readStatus(params: URLSearchParams): ListedStatus {
  const s = params.get('status');
  return (LISTED_STATUSES as readonly string[]).includes(s ?? '') ? (s as ListedStatus) : 'mismatch';
}

/** The search part of a link to the "Selisih" tab, with the default status left out of the URL. */
export function mismatchTabSearch(status: ListedStatus = 'mismatch'): string {
  return status === 'mismatch' ? '?tab=selisih' : `?tab=selisih&status=${status}`;
}
