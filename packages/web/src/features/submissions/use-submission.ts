import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError, apiCall, send } from '../../lib/api-client.ts';
import type { SubmissionView } from './submission-types.ts';

/** How often the page asks while photos are being read. */
export const POLL_MS = 1500;
/** After a failed poll (weak signal), wait longer before the next, up to this. */
const MAX_BACKOFF_MS = 15_000;

/**
 * One submission, asked for again every 1.5 s until every photo is read or failed. A poll that fails
 * keeps the last answer on screen and tries again a little later; only a first load that fails is an
 * error state. `replace` takes the answer of confirm/withdraw, which is the same view.
 */
export function useSubmission(id: string | undefined) {
  const [data, setData] = useState<SubmissionView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const call = useMemo(() => (id && /^\d+$/.test(id) ? apiCall('submission', { params: { id } }) : null), [id]);

  useEffect(() => {
    if (!call) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    const poll = async () => {
      try {
        const view = await send(call, { signal: controller.signal });
        failures = 0;
        setData(view);
        setError(null);
        if (!view.readingDone) timer = setTimeout(poll, POLL_MS);
      } catch (err) {
        if (controller.signal.aborted) return;
        const e = err instanceof ApiError ? err : new ApiError(0, 'client-error', String(err), String(err));
        setError(e);
        failures += 1;
        if (e.status === 0 || e.status >= 500)
          timer = setTimeout(poll, Math.min(MAX_BACKOFF_MS, POLL_MS * 2 ** failures));
      }
    };
    void poll();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [call, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const invalid =
    call === null ? new ApiError(404, 'not-found', 'Kiriman tidak ditemukan.', 'Submission not found.') : null;
  return { data, error: invalid ?? error, retry, replace: setData };
}
