import { z } from 'zod';
import { codeParams, sha256Params } from './common.ts';
import { currentSession, loginBody, registerBody, signedIn, signedOut } from './accounts.ts';
import { mismatchList, mismatchQuery, regionTpsExport } from './comparison.ts';
import { health } from './health.ts';
import { claimAnswer, dashboard, decisionAnswer, moderationLog, queuePage, releaseAnswer, reportAnswer, review, roleAnswer, takedownAnswer, tpsHistory, userLookup } from './moderation.ts';
import { decisionBody, queueQuery, reportBody, roleBody, takedownBody, userLookupQuery, userParams } from './moderation-requests.ts';
import { tpsPage } from './official.ts';
import { API_PREFIX, queryString, segment, type QueryValues } from './paths.ts';
import { regionPage, searchQuery, searchResults } from './regions.ts';
import { confirmBody, fieldCutoutParams, mySubmissions, submissionParams, submissionView, tpsSubmissions, uploadAnswer, uploadFields } from './submissions.ts';

/**
 * Every route of the API: method, path pattern (express syntax, under API_PREFIX), who may call it, what
 * it answers (JSON with its schema, or a CSV or JPEG file), the success status, and the request parts'
 * schemas. The server can register and validate from it; the web client types a generic request by it.
 */
export type RouteSpec = {
  method: 'GET' | 'POST';
  pattern: string;
  /** public: anyone; user: signed in (401 otherwise); staff: moderator or admin (403); admin: admin only. */
  access: 'public' | 'user' | 'staff' | 'admin';
  format: 'json' | 'csv' | 'jpeg';
  status: number;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** How `body` travels: JSON, or a multipart form with the photos as file parts (the upload). */
  bodyEncoding?: 'json' | 'multipart';
  /** The answer's schema (JSON routes only). */
  response?: z.ZodType;
};

const route = <const R extends RouteSpec>(r: R): R => r;
const get = { method: 'GET', status: 200, format: 'json', access: 'public' } as const;
const post = { method: 'POST', status: 200, format: 'json', access: 'public', bodyEncoding: 'json' } as const;

export const routes = {
  health: route({ ...get, pattern: '/health', response: health }),

  me: route({ ...get, pattern: '/auth/me', response: currentSession }),
  register: route({ ...post, pattern: '/auth/register', status: 201, body: registerBody, response: signedIn }),
  login: route({ ...post, pattern: '/auth/login', body: loginBody, response: signedIn }),
  logout: route({ ...post, pattern: '/auth/logout', response: signedOut }),

  nation: route({ ...get, pattern: '/regions', response: regionPage }),
  region: route({ ...get, pattern: '/regions/:code', params: codeParams, response: regionPage }),
  search: route({ ...get, pattern: '/search', query: searchQuery, response: searchResults }),
  tps: route({ ...get, pattern: '/tps/:code', params: codeParams, response: tpsPage }),

  mismatches: route({ ...get, pattern: '/mismatches', query: mismatchQuery, response: mismatchList }),
  regionTpsCsv: route({ ...get, pattern: '/regions/:code/tps.csv', params: codeParams, format: 'csv' }),
  regionTpsJson: route({ ...get, pattern: '/regions/:code/tps.json', params: codeParams, response: regionTpsExport }),

  upload: route({ ...post, pattern: '/submissions', access: 'user', status: 202, body: uploadFields, bodyEncoding: 'multipart', response: uploadAnswer }),
  mySubmissions: route({ ...get, pattern: '/submissions', access: 'user', response: mySubmissions }),
  submission: route({ ...get, pattern: '/submissions/:id', access: 'user', params: submissionParams, response: submissionView }),
  confirmSubmission: route({ ...post, pattern: '/submissions/:id/confirm', access: 'user', params: submissionParams, body: confirmBody, response: submissionView }),
  withdrawSubmission: route({ ...post, pattern: '/submissions/:id/withdraw', access: 'user', params: submissionParams, response: submissionView }),
  fieldCutout: route({ ...get, pattern: '/submissions/:id/photos/:sha256/fields/:field.jpg', access: 'user', params: fieldCutoutParams, format: 'jpeg' }),
  tpsSubmissions: route({ ...get, pattern: '/tps/:code/submissions', params: codeParams, response: tpsSubmissions }),
  photoDisplay: route({ ...get, pattern: '/photos/:sha256/display.jpg', params: sha256Params, format: 'jpeg' }),
  photoThumb: route({ ...get, pattern: '/photos/:sha256/thumb.jpg', params: sha256Params, format: 'jpeg' }),

  userLookup: route({ ...get, pattern: '/admin/users', access: 'admin', query: userLookupQuery, response: userLookup }),
  userRole: route({ ...post, pattern: '/admin/users/:id/role', access: 'admin', params: userParams, body: roleBody, response: roleAnswer }),
  moderationQueue: route({ ...get, pattern: '/moderation/queue', access: 'staff', query: queueQuery, response: queuePage }),
  moderationDashboard: route({ ...get, pattern: '/moderation/dashboard', access: 'staff', response: dashboard }),
  claim: route({ ...post, pattern: '/moderation/tps/:code/claim', access: 'staff', params: codeParams, response: claimAnswer }),
  releaseClaim: route({ ...post, pattern: '/moderation/tps/:code/claim/release', access: 'staff', params: codeParams, response: releaseAnswer }),
  review: route({ ...get, pattern: '/moderation/tps/:code', access: 'staff', params: codeParams, response: review }),
  decide: route({ ...post, pattern: '/moderation/tps/:code/decisions', access: 'staff', status: 201, params: codeParams, body: decisionBody, response: decisionAnswer }),
  takedownPhoto: route({ ...post, pattern: '/moderation/photos/:sha256/takedown', access: 'staff', status: 201, params: sha256Params, body: takedownBody, response: takedownAnswer }),
  tpsHistory: route({ ...get, pattern: '/tps/:code/moderation', params: codeParams, response: tpsHistory }),
  report: route({ ...post, pattern: '/tps/:code/reports', status: 201, params: codeParams, body: reportBody, response: reportAnswer }),
  moderationLogCsv: route({ ...get, pattern: '/moderation/log.csv', format: 'csv' }),
  moderationLogJson: route({ ...get, pattern: '/moderation/log.json', response: moderationLog }),
} as const satisfies Record<string, RouteSpec>;

export type Routes = typeof routes;
export type RouteName = keyof Routes;

type InputOf<S> = S extends z.ZodType ? z.input<S> : never;
type Present<T> = { [K in keyof T as [T[K]] extends [never] ? never : K]: T[K] };

/** What a caller gives for a route: `params`, `query` and `body`, each only where the route has one. */
export type RouteInput<R extends RouteSpec> = Present<{ params: InputOf<R['params']>; query: InputOf<R['query']>; body: InputOf<R['body']> }>;
/** What a JSON route answers (after parsing with its schema); files are not typed here. */
export type RouteOutput<R extends RouteSpec> = R['response'] extends z.ZodType ? z.output<R['response']> : never;

/**
 * The URL of a route for these params and query: each `:name` of the pattern replaced by its encoded
 * value (paths.ts segment), the query encoded. A missing param throws: no request to a half-built URL.
 */
export function urlOf(r: RouteSpec, input: { params?: Record<string, string | number>; query?: QueryValues } = {}): string {
  const path = r.pattern.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const value = input.params?.[name];
    if (value === undefined) throw new RangeError(`${r.method} ${r.pattern}: no value for :${name}`);
    return segment(value);
  });
  return `${API_PREFIX}${path}${queryString(input.query)}`;
}
