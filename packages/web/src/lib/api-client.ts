import type { ErrorEnvelope } from '../../../server/src/core/errors.ts';

/** A failed API call: `status` 0 means the server was not reached at all (network down, server stopped). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly messageEn: string,
    /** The envelope's `details`, e.g. `{file}` naming the refused photo. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get isNotFound(): boolean {
    return this.status === 404 || this.code === 'invalid-code';
  }
}

/** GETs a JSON resource from the API and turns the server's error envelope into an ApiError. */
export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    // 'no-cache': the browser revalidates with If-None-Match every time (a 304 costs a few bytes), so a page
    // shown right after one's own decision or confirmation is never a stale copy; CDNs keep their short max-age.
    res = await fetch(path, { signal, cache: 'no-cache', headers: { accept: 'application/json' } });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiError(0, 'network-error', 'Tidak dapat menghubungi server.', 'Could not reach the server.');
  }
  const body: unknown = await res.json().catch(() => undefined);
  return checkedBody<T>(res.status, body);
}

/** The parsed body of an answer, or the ApiError its envelope (or its status alone) describes. */
export function checkedBody<T>(status: number, body: unknown): T {
  if (status < 200 || status >= 300) {
    const e = (body as Partial<ErrorEnvelope> | undefined)?.error;
    throw new ApiError(status, e?.code ?? 'http-error', e?.message ?? `HTTP ${status}`, e?.messageEn ?? `HTTP ${status}`, e?.details);
  }
  if (body === undefined) {
    // A proxy page or a half-written response: treat like a network failure so the user can retry.
    throw new ApiError(status, 'bad-response', 'Jawaban server tidak dapat dibaca.', 'The server response could not be read.');
  }
  return body as T;
}

/**
 * The session's CSRF token (from `GET /api/auth/me`, login, register, logout), sent as `X-CSRF-Token`
 * on every POST. Kept here rather than in React state so XMLHttpRequest uploads use the same one.
 */
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function currentCsrfToken(): string | null {
  return csrfToken;
}

/** Fetches a fresh token; the answer also says who is signed in. */
export async function refreshCsrfToken<T extends { csrfToken: string }>(): Promise<T> {
  const me = await getJson<T>('/api/auth/me');
  setCsrfToken(me.csrfToken);
  return me;
}

/**
 * POSTs JSON with the CSRF token. A token refused as `csrf-invalid` (another tab logged out, the
 * session expired) is refreshed once and the request repeated, so the witness does not lose the form.
 */
export async function postJson<T>(path: string, body: unknown = {}): Promise<T> {
  if (csrfToken === null) await refreshCsrfToken();
  try {
    return await postOnce<T>(path, body);
  } catch (err) {
    if (!(err instanceof ApiError) || err.code !== 'csrf-invalid') throw err;
    await refreshCsrfToken();
    return postOnce<T>(path, body);
  }
}

async function postOnce<T>(path: string, body: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json', 'X-CSRF-Token': csrfToken ?? '' },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network-error', 'Tidak dapat menghubungi server.', 'Could not reach the server.');
  }
  return checkedBody<T>(res.status, await res.json().catch(() => undefined));
}
