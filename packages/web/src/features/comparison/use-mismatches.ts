import { useCallback, useEffect, useState } from 'react';
import { ApiError, apiCall, send } from '../../lib/api-client.ts';
import type { ListedStatus, MismatchItem } from './comparison-types.ts';

export const PAGE_SIZE = 25;

type State = {
  key: string;
  items: MismatchItem[];
  nextCursor: string | null;
  phase: 'loading' | 'ready' | 'loading-more';
  error: ApiError | null;
};

export function mismatchesCall(region: string, status: ListedStatus, cursor?: string | null) {
  return apiCall('mismatches', { query: { region, status, limit: PAGE_SIZE, cursor: cursor || undefined } });
}

/**
 * The TPS below a region in one status, highest impact first, page by page with the API's keyset
 * cursor. A failed "load more" keeps what is shown and offers to retry.
 */
export function useMismatches(region: string, status: ListedStatus) {
  const key = `${region}|${status}`;
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<State>({ key, items: [], nextCursor: null, phase: 'loading', error: null });

  useEffect(() => {
    const controller = new AbortController();
    setState({ key, items: [], nextCursor: null, phase: 'loading', error: null });
    send(mismatchesCall(region, status), { signal: controller.signal }).then(
      (page) => setState({ key, items: page.items, nextCursor: page.nextCursor, phase: 'ready', error: null }),
      (err: unknown) => {
        if (!controller.signal.aborted) setState((s) => ({ ...s, key, phase: 'ready', error: asApiError(err) }));
      },
    );
    return () => controller.abort();
  }, [key, region, status, attempt]);

  const loadMore = useCallback(() => {
    if (state.phase !== 'ready' || !state.nextCursor) return;
    const cursor = state.nextCursor;
    setState((s) => ({ ...s, phase: 'loading-more', error: null }));
    send(mismatchesCall(region, status, cursor)).then(
      (page) =>
        setState((s) =>
          s.key === key ? { ...s, items: [...s.items, ...page.items], nextCursor: page.nextCursor, phase: 'ready' } : s,
        ),
      (err: unknown) => setState((s) => (s.key === key ? { ...s, phase: 'ready', error: asApiError(err) } : s)),
    );
  }, [state.phase, state.nextCursor, region, status, key]);

  const retryFirst = useCallback(() => setAttempt((n) => n + 1), []);
  const current =
    state.key === key ? state : { key, items: [], nextCursor: null, phase: 'loading' as const, error: null };
  return { ...current, loadMore, retry: current.items.length === 0 ? retryFirst : loadMore };
}

function asApiError(err: unknown): ApiError {
  return err instanceof ApiError ? err : new ApiError(0, 'client-error', String(err), String(err));
}
