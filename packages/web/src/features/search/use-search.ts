import { apiCall } from '../../lib/api-client.ts';
import { useApi } from '../../lib/use-api.ts';

export type { SearchResults } from '@cocok/api';

/** The server answers at most this many of each kind (its default `limit`). */
export const SEARCH_LIMIT = 20;

/** Queries shorter than 2 characters are not sent: the server would answer nothing anyway. */
export function useSearch(q: string) {
  const query = q.trim();
  return useApi(query.length >= 2 ? apiCall('search', { query: { q: query } }) : null);
}
