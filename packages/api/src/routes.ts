import { z } from 'zod';
import { codeParams, sha256Params } from './common.ts';
import { currentSession, loginBody, registerBody, signedIn, signedOut } from './accounts.ts';
import { mismatchList, mismatchQuery, regionTpsExport } from './comparison.ts';
import { health } from './health.ts';
import {
  claimAnswer,
  dashboard,
  decisionAnswer,
  moderationLog,
  queuePage,
  releaseAnswer,
  reportAnswer,
  review,
  roleAnswer,
  takedownAnswer,
  tpsHistory,
  userLookup,
} from './moderation.ts';
import {
  decisionBody,
  queueQuery,
  reportBody,
  roleBody,
  takedownBody,
  userLookupQuery,
  userParams,
} from './moderation-requests.ts';
import { tpsPage } from './official.ts';
import { endpointOf, endpoints as e, type Endpoint, type EndpointName, type EndpointText } from './endpoints.ts';
import { regionPage, searchQuery, searchResults } from './regions.ts';
import {
  confirmBody,
  fieldCutoutParams,
  mySubmissions,
  submissionParams,
  submissionView,
  tpsSubmissions,
  uploadAnswer,
  uploadFields,
} from './submissions.ts';

/**
 * Every route of the API: its method and path pattern (endpoints.ts, under API_PREFIX), who may call
 * it, what it answers (JSON with its schema, or a CSV or JPEG file), the success status, and the request
 * parts' schemas. The server registers and validates from it; the web client is typed by it.
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

const get = { status: 200, format: 'json', access: 'public' } as const;
const post = { status: 200, format: 'json', access: 'public', bodyEncoding: 'json' } as const;
type Defaults<M> = M extends 'POST' ? typeof post : typeof get;
type Parts = Omit<RouteSpec, 'method' | 'pattern'>;

/** A route: its endpoint, the defaults of its method (200, JSON, public), and what `spec` sets. */
function route<const E extends EndpointText, const S extends Partial<Parts>>(
  text: E,
  spec: S,
): Omit<Defaults<Endpoint<E>['method']>, keyof S> & Endpoint<E> & S {
  const endpoint = endpointOf(text);
  return { ...(endpoint.method === 'POST' ? post : get), ...endpoint, ...spec } as never;
}

export const routes = {
  health: route(e.health, { response: health }),

  me: route(e.me, { response: currentSession }),
  register: route(e.register, { status: 201, body: registerBody, response: signedIn }),
  login: route(e.login, { body: loginBody, response: signedIn }),
  logout: route(e.logout, { response: signedOut }),

  nation: route(e.nation, { response: regionPage }),
  region: route(e.region, { params: codeParams, response: regionPage }),
  search: route(e.search, { query: searchQuery, response: searchResults }),
  tps: route(e.tps, { params: codeParams, response: tpsPage }),

  mismatches: route(e.mismatches, { query: mismatchQuery, response: mismatchList }),
  regionTpsCsv: route(e.regionTpsCsv, { params: codeParams, format: 'csv' }),
  regionTpsJson: route(e.regionTpsJson, { params: codeParams, response: regionTpsExport }),

  upload: route(e.upload, {
    access: 'user',
    status: 202,
    body: uploadFields,
    bodyEncoding: 'multipart',
    response: uploadAnswer,
  }),
  mySubmissions: route(e.mySubmissions, { access: 'user', response: mySubmissions }),
  submission: route(e.submission, { access: 'user', params: submissionParams, response: submissionView }),
  confirmSubmission: route(e.confirmSubmission, {
    access: 'user',
    params: submissionParams,
    body: confirmBody,
    response: submissionView,
  }),
  withdrawSubmission: route(e.withdrawSubmission, {
    access: 'user',
    params: submissionParams,
    response: submissionView,
  }),
  fieldCutout: route(e.fieldCutout, { access: 'user', params: fieldCutoutParams, format: 'jpeg' }),
  tpsSubmissions: route(e.tpsSubmissions, { params: codeParams, response: tpsSubmissions }),
  photoDisplay: route(e.photoDisplay, { params: sha256Params, format: 'jpeg' }),
  photoThumb: route(e.photoThumb, { params: sha256Params, format: 'jpeg' }),

  userLookup: route(e.userLookup, { access: 'admin', query: userLookupQuery, response: userLookup }),
  userRole: route(e.userRole, { access: 'admin', params: userParams, body: roleBody, response: roleAnswer }),
  moderationQueue: route(e.moderationQueue, { access: 'staff', query: queueQuery, response: queuePage }),
  moderationDashboard: route(e.moderationDashboard, { access: 'staff', response: dashboard }),
  claim: route(e.claim, { access: 'staff', params: codeParams, response: claimAnswer }),
  releaseClaim: route(e.releaseClaim, { access: 'staff', params: codeParams, response: releaseAnswer }),
  review: route(e.review, { access: 'staff', params: codeParams, response: review }),
  decide: route(e.decide, {
    access: 'staff',
    status: 201,
    params: codeParams,
    body: decisionBody,
    response: decisionAnswer,
  }),
  takedownPhoto: route(e.takedownPhoto, {
    access: 'staff',
    status: 201,
    params: sha256Params,
    body: takedownBody,
    response: takedownAnswer,
  }),
  tpsHistory: route(e.tpsHistory, { params: codeParams, response: tpsHistory }),
  report: route(e.report, { status: 201, params: codeParams, body: reportBody, response: reportAnswer }),
  moderationLogCsv: route(e.moderationLogCsv, { format: 'csv' }),
  moderationLogJson: route(e.moderationLogJson, { response: moderationLog }),
} as const satisfies Record<EndpointName, RouteSpec>;

export type Routes = typeof routes;
export type RouteName = keyof Routes;

type InputOf<S> = S extends z.ZodType ? z.input<S> : never;
type Present<T> = { [K in keyof T as [T[K]] extends [never] ? never : K]: T[K] };

/** What a caller gives for a route: `params`, `query` and `body`, each only where the route has one. */
export type RouteInput<R extends RouteSpec> = Present<{
  params: InputOf<R['params']>;
  query: InputOf<R['query']>;
  body: InputOf<R['body']>;
}>;
/** What a JSON route answers (after parsing with its schema); files are not typed here. */
export type RouteOutput<R extends RouteSpec> = R['response'] extends z.ZodType ? z.output<R['response']> : never;
