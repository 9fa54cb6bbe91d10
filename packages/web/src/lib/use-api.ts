import { useCallback, useEffect, useState } from 'react';
import { ApiError, send, type Answer, type ApiCall, type GetRoute } from './api-client.ts';

export type ApiState<T> =
  | { status: 'loading'; data?: undefined; error?: undefined }
  | { status: 'error'; data?: undefined; error: ApiError }
  | { status: 'ready'; data: T; error?: undefined };

export type ApiResult<T> = ApiState<T> & { retry: () => void };

/**
 * Short-lived cache so that going back up the region tree (browser back, breadcrumb) is instant,
 * while figures that change with a new Sirekap import are not held for long.
 */
const CACHE_MS = 60_000;
const CACHE_MAX = 100;
const cache = new Map<string, { at: number; data: unknown }>();

function cached<T>(path: string): T | undefined {
  const hit = cache.get(path);
  if (!hit || Date.now() - hit.at > CACHE_MS) return undefined;
  return hit.data as T;
}

function remember(path: string, data: unknown): void {
  cache.delete(path);
  cache.set(path, { at: Date.now(), data });
  if (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value as string);
}

/**
 * Loads one API resource, `useApi(apiCall('tps', { params: { code } }))`; a null call means "nothing to
 * load" (stays in loading state). `cache: false` for what a visitor may just have changed (their own
 * witness submission), which must never be stale.
 */
export function useApi<N extends GetRoute>(
  call: ApiCall<N> | null,
  { cache: useCache = true }: { cache?: boolean } = {},
): ApiResult<Answer<N>> {
  type T = Answer<N>;
  // The URL is the identity of the resource: a new call object each render must not reload.
  const path = call?.url ?? null;
  const route = call?.route ?? null;
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<{ path: string | null; value: ApiState<T> }>(() => initial<T>(path, useCache));

  useEffect(() => {
    if (path === null || route === null) return;
    const hit = useCache ? cached<T>(path) : undefined;
    if (hit !== undefined) {
      setState({ path, value: { status: 'ready', data: hit } });
      return;
    }
    setState({ path, value: { status: 'loading' } });
    const controller = new AbortController();
    send<N>({ route: route as N, method: 'GET', url: path }, { signal: controller.signal }).then(
      (data) => {
        if (useCache) remember(path, data);
        setState({ path, value: { status: 'ready', data } });
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        const error = err instanceof ApiError ? err : new ApiError(0, 'client-error', String(err), String(err));
        setState({ path, value: { status: 'error', error } });
      },
    );
    return () => controller.abort();
  }, [path, route, attempt, useCache]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  // While the effect for a new path has not run yet, never show the previous path's data.
  const value: ApiState<T> = state.path === path ? state.value : initial<T>(path, useCache).value;
  return { ...value, retry };
}

function initial<T>(path: string | null, useCache: boolean): { path: string | null; value: ApiState<T> } {
  const hit = path === null || !useCache ? undefined : cached<T>(path);
  return { path, value: hit !== undefined ? { status: 'ready', data: hit } : { status: 'loading' } };
}
