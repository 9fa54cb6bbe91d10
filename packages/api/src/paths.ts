/**
 * URL builders, one per route, so no page writes an API URL by hand. Every value that goes into a path
 * segment or the query is encoded, so a code typed into the address bar ("31/../x", "a b", "?#%") stays
 * one value of one route and never becomes another route.
 */
export const API_PREFIX = '/api';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * encodeURIComponent, except that it never throws: an unpaired surrogate (pasted half an emoji) is
 * sent as U+FFFD, which the server then refuses like any other wrong text.
 */
export function encodeValue(value: string | number): string {
  return encodeURIComponent(String(value).replace(LONE_SURROGATE, '\uFFFD'));
}

/**
 * One path segment. "", "." and ".." cannot be sent as a segment at all: `/regions/` is the nation's
 * page, and URL parsers (fetch, `new URL`) resolve "." and ".." even when written %2E, so the request
 * would go to another route. Those are refused here instead of answered with the wrong resource.
 */
export function segment(value: string | number): string {
  const text = String(value);
  if (text === '' || text === '.' || text === '..') throw new RangeError(`not a path segment: ${JSON.stringify(text)}`);
  return encodeValue(text);
}

export type QueryValues = Record<string, string | number | undefined>;

/** "?a=1&b=x%20y" of the values given (undefined ones left out), "" when none. */
export function queryString(values: QueryValues = {}): string {
  const parts = Object.entries(values)
    .filter((e): e is [string, string | number] => e[1] !== undefined)
    .map(([k, v]) => `${encodeValue(k)}=${encodeValue(v)}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

const api = (path: string) => `${API_PREFIX}${path}`;
const s = segment;

export type PhotoKind = 'display' | 'thumb';

/** Every route's URL. Names match the keys of `routes` (routes.ts; `photo` picks one of two); a test checks that both build the same URL. */
export const apiPaths = {
  health: () => api('/health'),
  me: () => api('/auth/me'),
  register: () => api('/auth/register'),
  login: () => api('/auth/login'),
  logout: () => api('/auth/logout'),

  nation: () => api('/regions'),
  region: (code: string) => api(`/regions/${s(code)}`),
  search: (query: { q?: string; limit?: number } = {}) => api(`/search${queryString(query)}`),
  tps: (code: string) => api(`/tps/${s(code)}`),

  mismatches: (query: { region?: string; status?: string; limit?: number; cursor?: string } = {}) =>
    api(`/mismatches${queryString(query)}`),
  regionTpsCsv: (code: string) => api(`/regions/${s(code)}/tps.csv`),
  regionTpsJson: (code: string) => api(`/regions/${s(code)}/tps.json`),

  upload: () => api('/submissions'),
  mySubmissions: () => api('/submissions'),
  submission: (id: number | string) => api(`/submissions/${s(id)}`),
  confirmSubmission: (id: number | string) => api(`/submissions/${s(id)}/confirm`),
  withdrawSubmission: (id: number | string) => api(`/submissions/${s(id)}/withdraw`),
  fieldCutout: (id: number | string, sha256: string, field: string) =>
    api(`/submissions/${s(id)}/photos/${s(sha256)}/fields/${s(field)}.jpg`),
  tpsSubmissions: (code: string) => api(`/tps/${s(code)}/submissions`),
  photoDisplay: (sha256: string) => api(`/photos/${s(sha256)}/display.jpg`),
  photoThumb: (sha256: string) => api(`/photos/${s(sha256)}/thumb.jpg`),
  /** The public copy of a photo by kind (photoDisplay or photoThumb). */
  photo: (sha256: string, kind: PhotoKind): string =>
    kind === 'thumb' ? apiPaths.photoThumb(sha256) : apiPaths.photoDisplay(sha256),

  userLookup: (contact: string) => api(`/admin/users${queryString({ contact })}`),
  userRole: (id: number | string) => api(`/admin/users/${s(id)}/role`),
  moderationQueue: (query: { region?: string; reason?: string; limit?: number; cursor?: string } = {}) =>
    api(`/moderation/queue${queryString(query)}`),
  moderationDashboard: () => api('/moderation/dashboard'),
  claim: (code: string) => api(`/moderation/tps/${s(code)}/claim`),
  releaseClaim: (code: string) => api(`/moderation/tps/${s(code)}/claim/release`),
  review: (code: string) => api(`/moderation/tps/${s(code)}`),
  decide: (code: string) => api(`/moderation/tps/${s(code)}/decisions`),
  takedownPhoto: (sha256: string) => api(`/moderation/photos/${s(sha256)}/takedown`),
  tpsHistory: (code: string) => api(`/tps/${s(code)}/moderation`),
  report: (code: string) => api(`/tps/${s(code)}/reports`),
  moderationLogCsv: () => api('/moderation/log.csv'),
  moderationLogJson: () => api('/moderation/log.json'),
};
