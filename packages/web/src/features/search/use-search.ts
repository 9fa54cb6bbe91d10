import type { RegionsService } from '../../../../server/src/modules/regions/regions.service.ts';
import { useApi } from '../../lib/use-api.ts';

export type SearchResults = Awaited<ReturnType<RegionsService['search']>>;

/** The server answers at most this many of each kind (its default `limit`). */
export const SEARCH_LIMIT = 20;

/** Queries shorter than 2 characters are not sent: the server would answer nothing anyway. */
export function useSearch(q: string) {
  const query = q.trim();
  return useApi<SearchResults>(query.length >= 2 ? `/api/search?q=${encodeURIComponent(query)}` : null);
}
