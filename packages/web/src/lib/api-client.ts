import {
  endpointOf,
  endpoints,
  urlOf,
  type ErrorEnvelope,
  type QueryValues,
  type RouteInput,
  type RouteOutput,
  type Routes,
} from '@cocok/api';

/**
 * The one client of the API, typed by its contract (@cocok/api): `request('tps', { params: { code } })`
 * answers a `TpsPage`. URLs come from the contract's route table with every value encoded; the table
 * it sends from (`endpoints`) has no zod in it, and the schemas are only imported as types, so the
 * bundle gets the types' guarantees without the validator.
 */
export type RouteName = keyof Routes;
/** Routes with a JSON answer and (for POSTs) a JSON body; the upload's multipart form goes through upload-request.ts for its progress. */
export type JsonRoute = {
  [N in RouteName]: Routes[N] extends { format: 'json'; bodyEncoding?: 'json' } ? N : never;
}[RouteName];
/** JSON routes read with a GET (what useApi loads). */
export type GetRoute = { [N in JsonRoute]: Routes[N]['method'] extends 'GET' ? N : never }[JsonRoute];
export type Answer<N extends RouteName> = RouteOutput<Routes[N]>;
export type Input<N extends RouteName> = RouteInput<Routes[N]>;
/** The input may be left out where the route takes none (an empty object satisfies every field of it). */
type NoFields = Record<never, never>;
type InputArg<N extends RouteName> = NoFields extends Input<N> ? [input?: Input<N>] : [input: Input<N>];
type UrlInput<N extends RouteName> = Omit<Input<N>, 'body'>;
type UrlArg<N extends RouteName> = NoFields extends UrlInput<N> ? [input?: UrlInput<N>] : [input: UrlInput<N>];

/** One call of a route: where it goes and, for a POST, what it sends; `N` types the answer. */
export type ApiCall<N extends RouteName = RouteName> = {
  readonly route: N;
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly body?: unknown;
};

export function apiCall<N extends RouteName>(route: N, ...[input]: InputArg<N>): ApiCall<N> {
  const given = (input ?? {}) as { params?: Record<string, string | number>; query?: QueryValues; body?: unknown };
  const endpoint = endpointOf(endpoints[route]);
  return { route, method: endpoint.method, url: urlOf(endpoint, given), body: given.body };
}

/** The URL of a route for its params and query (for links, `<img>` and XMLHttpRequest). */
export function apiUrl<N extends RouteName>(route: N, ...[input]: UrlArg<N>): string {
  return urlOf(
    endpointOf(endpoints[route]),
    (input ?? {}) as { params?: Record<string, string | number>; query?: QueryValues },
  );
}

/** Sends a call: GETs revalidate (no-cache), POSTs carry the CSRF token; an error envelope becomes an ApiError. */
export function send<N extends JsonRoute>(
  call: ApiCall<N>,
  { signal }: { signal?: AbortSignal } = {},
): Promise<Answer<N>> {
  return call.method === 'GET' ? getJson<Answer<N>>(call.url, signal) : postJson<Answer<N>>(call.url, call.body ?? {});
}

/** Calls a route with its params, query and body: `request('decide', { params: { code }, body })`. */
export function request<N extends JsonRoute>(route: N, ...input: InputArg<N>): Promise<Answer<N>> {
  return send(apiCall(route, ...input));
}

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
async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
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
    throw new ApiError(
      status,
      e?.code ?? 'http-error',
      e?.message ?? `HTTP ${status}`,
      e?.messageEn ?? `HTTP ${status}`,
      e?.details,
    );
  }
  if (body === undefined) {
    // A proxy page or a half-written response: treat like a network failure so the user can retry.
    throw new ApiError(
      status,
      'bad-response',
      'Jawaban server tidak dapat dibaca.',
      'The server response could not be read.',
    );
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
export async function refreshCsrfToken(): Promise<Answer<'me'>> {
  const me = await getJson<Answer<'me'>>(apiUrl('me'));
  setCsrfToken(me.csrfToken);
  return me;
}

/**
 * POSTs JSON with the CSRF token. A token refused as `csrf-invalid` (another tab logged out, the
 * session expired) is refreshed once and the request repeated, so the witness does not lose the form.
 */
async function postJson<T>(path: string, body: unknown): Promise<T> {
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
