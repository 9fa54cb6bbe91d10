import { API_PREFIX, queryString, segment, type QueryValues } from './paths.ts';

/**
 * Every route's method and path pattern (express syntax, under API_PREFIX), as one "METHOD /pattern"
 * string per route name: the one list of the API's addresses. routes.ts adds access, format, status
 * and the schemas. No zod here, so the web app can build and send requests from it without bundling
 * the schemas (it takes their types from `routes`, import type only); kept terse because the browser
 * downloads it.
 */
export type Method = 'GET' | 'POST';
export type EndpointText = `${Method} /${string}`;

export const endpoints = {
  health: 'GET /health',

  me: 'GET /auth/me',
  register: 'POST /auth/register',
  login: 'POST /auth/login',
  logout: 'POST /auth/logout',

  nation: 'GET /regions',
  region: 'GET /regions/:code',
  search: 'GET /search',
  tps: 'GET /tps/:code',

  mismatches: 'GET /mismatches',
  regionTpsCsv: 'GET /regions/:code/tps.csv',
  regionTpsJson: 'GET /regions/:code/tps.json',

  upload: 'POST /submissions',
  mySubmissions: 'GET /submissions',
  submission: 'GET /submissions/:id',
  confirmSubmission: 'POST /submissions/:id/confirm',
  withdrawSubmission: 'POST /submissions/:id/withdraw',
  fieldCutout: 'GET /submissions/:id/photos/:sha256/fields/:field.jpg',
  tpsSubmissions: 'GET /tps/:code/submissions',
  photoDisplay: 'GET /photos/:sha256/display.jpg',
  photoThumb: 'GET /photos/:sha256/thumb.jpg',

  userLookup: 'GET /admin/users',
  userRole: 'POST /admin/users/:id/role',
  moderationQueue: 'GET /moderation/queue',
  moderationDashboard: 'GET /moderation/dashboard',
  claim: 'POST /moderation/tps/:code/claim',
  releaseClaim: 'POST /moderation/tps/:code/claim/release',
  review: 'GET /moderation/tps/:code',
  decide: 'POST /moderation/tps/:code/decisions',
  takedownPhoto: 'POST /moderation/photos/:sha256/takedown',
  tpsHistory: 'GET /tps/:code/moderation',
  report: 'POST /tps/:code/reports',
  moderationLogCsv: 'GET /moderation/log.csv',
  moderationLogJson: 'GET /moderation/log.json',
} as const satisfies Record<string, EndpointText>;

export type EndpointName = keyof typeof endpoints;

/** An endpoint's method and pattern, typed from its text: `{ method: 'GET'; pattern: '/tps/:code' }`. */
export type Endpoint<E extends EndpointText = EndpointText> = E extends `${infer M extends Method} ${infer P}`
  ? { method: M; pattern: P }
  : never;

export function endpointOf<E extends EndpointText>(text: E): Endpoint<E> {
  const space = text.indexOf(' ');
  return { method: text.slice(0, space), pattern: text.slice(space + 1) } as Endpoint<E>;
}

/**
 * The URL of a route for these params and query: each `:name` of the pattern replaced by its encoded
 * value (paths.ts segment), the query encoded. A missing param throws: no request to a half-built URL.
 */
export function urlOf(
  r: { method: Method; pattern: string },
  input: { params?: Record<string, string | number>; query?: QueryValues } = {},
): string {
  const path = r.pattern.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const value = input.params?.[name];
    if (value === undefined) throw new RangeError(`${r.method} ${r.pattern}: no value for :${name}`);
    return segment(value);
  });
  return `${API_PREFIX}${path}${queryString(input.query)}`;
}
