import { z } from 'zod';
import { CODE_LENGTH_BY_LEVEL, NATION_CODE, isTpsCode, levelOfCode } from '@cocok/domain';

/**
 * Pure decisions of the Sirekap follower: KPU's URL scheme, what an HTTP answer means, how long to wait
 * before a retry, what counts as a malformed answer, and when each URL is due again. No I/O here.
 */

/** KPU's public data host (see ../shared/sirekap/README.md); photos live on another host, named in each document. */
export const KPU_DATA_BASE_URL = 'https://sirekap-obj-data.kpu.go.id';

/** Code lengths per level below the nation (province, regency, district, village, TPS): the registry's. */
const LEVEL_LENGTHS = CODE_LENGTH_BY_LEVEL.slice(1);
export const ROOT = '0';
export { isTpsCode };

/** Where a cycle may start: KPU's root list '0', or any region or TPS code the registry's rule accepts. */
export function isSyncStart(code: string): boolean {
  return code === ROOT || (code !== NATION_CODE && levelOfCode(code) !== null);
}

/** `31/3101/310101`: each ancestor's full code, as KPU nests its paths. */
function segments(code: string): string {
  return LEVEL_LENGTHS.filter((n) => n <= code.length)
    .map((n) => code.slice(0, n))
    .join('/');
}
export const regionListPath = (code: string) => `/wilayah/pemilu/ppwp/${code === ROOT ? ROOT : segments(code)}.json`;
export const documentPath = (tps: string) => `/pemilu/hhcw/ppwp/${segments(tps)}.json`;
export const aggregatePath = (code: string) =>
  code === ROOT ? '/pemilu/hhcw/ppwp.json' : `/pemilu/hhcw/ppwp/${segments(code)}.json`;

/** The length a child of `code` must have ('0' -> provinces, village -> TPS), or null below a TPS. */
export function childCodeLength(code: string): number | null {
  if (code === ROOT) return LEVEL_LENGTHS[0];
  const i = (LEVEL_LENGTHS as readonly number[]).indexOf(code.length);
  return i >= 0 && i < LEVEL_LENGTHS.length - 1 ? LEVEL_LENGTHS[i + 1] : null;
}

export type StatusClass = 'ok' | 'not-modified' | 'redirect' | 'retry' | 'fail';
/** 408, 425, 429 and 5xx are worth another try; other 4xx are not (a 404 image stays missing this cycle). */
export function classifyStatus(status: number): StatusClass {
  if (status === 200) return 'ok';
  if (status === 304) return 'not-modified';
  if ([301, 302, 303, 307, 308].includes(status)) return 'redirect';
  if (status === 408 || status === 425 || status === 429 || (status >= 500 && status <= 599)) return 'retry';
  return 'fail';
}

/** Retry-After in ms: delta-seconds or an HTTP date (relative to `now`); null when absent or unreadable. */
export function parseRetryAfter(header: string | null | undefined, now: Date): number | null {
  if (!header) return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/[a-z]/i.test(text)) return null; // "-5", "1.5": not the forms RFC 9110 allows
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

export type BackoffPolicy = { baseMs: number; maxMs: number };
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 500, maxMs: 30_000 };

/**
 * Exponential backoff with "full jitter" (AWS architecture blog): a random wait in [0, min(max, base * 2^n)],
 * so many followers retrying together spread out. `random` in [0, 1) is injected for tests.
 */
export function backoffDelay(attempt: number, random: () => number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt));
  return Math.floor(random() * ceiling);
}

/** The wait before retry `attempt`: the server's Retry-After when it gave one (never less), else the backoff. */
export function retryDelay(
  attempt: number,
  retryAfterMs: number | null,
  random: () => number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
): number {
  return retryAfterMs ?? backoffDelay(attempt, random, policy);
}

export type JsonCheck = { ok: true; value: unknown } | { ok: false; reason: string };
/**
 * Whether a 200 answer is JSON at all. KPU's CDN answered some requests with an nginx HTML error page under
 * status 200 and a JSON content type, and cut answers off; both must be skipped, never stored.
 */
export function checkJsonBody(contentType: string | null, body: string): JsonCheck {
  const start = body.trimStart();
  if (/html/i.test(contentType ?? '') || start.startsWith('<'))
    return { ok: false, reason: 'an HTML page instead of JSON' };
  if (start === '') return { ok: false, reason: 'an empty body' };
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (err) {
    return { ok: false, reason: `truncated or invalid JSON (${(err as Error).message})` };
  }
}

const regionListSchema = z.array(
  z.object({ nama: z.string(), id: z.number().optional(), kode: z.string(), tingkat: z.number().optional() }),
);
export type RegionChild = { code: string; name: string };
export type RegionListResult = { ok: true; children: RegionChild[] } | { ok: false; reason: string };

/** A region list (`/wilayah/...`): its children must be one level down and inside the region. */
export function parseRegionList(parent: string, value: unknown): RegionListResult {
  const parsed = regionListSchema.safeParse(value);
  if (!parsed.success) return { ok: false, reason: `not a region list (${parsed.error.issues[0].message})` };
  const length = childCodeLength(parent);
  const bad = parsed.data.find(
    (c) => c.kode.length !== length || !/^\d+$/.test(c.kode) || (parent !== ROOT && !c.kode.startsWith(parent)),
  );
  if (bad) return { ok: false, reason: `child code ${JSON.stringify(bad.kode)} is not a child of ${parent}` };
  return { ok: true, children: parsed.data.map((c) => ({ code: c.kode, name: c.nama })) };
}

export type UrlKind = 'tree' | 'document' | 'aggregate' | 'image';
export type VisitDecision = 'fetch' | 'done-this-cycle' | 'not-due';

/**
 * Whether a cycle fetches a URL: never twice in one cycle (a cycle resumed after a crash skips what it
 * already handled, the cursor being the per-URL cycle mark), otherwise when never seen or due.
 */
export function visitDecision(
  state: Pick<UrlStateRow, 'cycle_id' | 'next_at'> | null,
  cycleId: number,
  now: Date,
): VisitDecision {
  if (!state) return 'fetch';
  if (state.cycle_id === cycleId) return 'done-this-cycle';
  if (state.next_at === null || state.next_at <= now.toISOString()) return 'fetch';
  return 'not-due';
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Revisit intervals: TPS still filling in or just corrected are watched closely, settled ones rarely. */
export const REVISIT = {
  documentIncomplete: 15 * MINUTE,
  documentRecentlyChanged: 30 * MINUTE,
  documentSettled: 6 * HOUR,
  recentChangeWindow: 24 * HOUR,
  aggregate: HOUR,
  tree: 24 * HOUR,
  image: 24 * HOUR,
  failed: 10 * MINUTE,
} as const;

export type RevisitFacts = { kind: UrlKind; complete: boolean; changedAt: string | null; failed: boolean };
/** When a URL is due again after being handled at `now`. */
export function nextVisitAt(facts: RevisitFacts, now: Date): string {
  return new Date(now.getTime() + revisitAfterMs(facts, now)).toISOString();
}

export function revisitAfterMs({ kind, complete, changedAt, failed }: RevisitFacts, now: Date): number {
  if (failed) return REVISIT.failed;
  if (kind === 'tree') return REVISIT.tree;
  if (kind === 'aggregate') return REVISIT.aggregate;
  if (kind === 'image') return REVISIT.image;
  if (!complete) return REVISIT.documentIncomplete;
  const recentlyChanged = changedAt !== null && now.getTime() - Date.parse(changedAt) < REVISIT.recentChangeWindow;
  return recentlyChanged ? REVISIT.documentRecentlyChanged : REVISIT.documentSettled;
}

/** A TPS is settled once both parts are published and flagged done; until then it is watched closely. */
export function isCompleteDocument(doc: {
  hasChart: boolean;
  hasAdministrasi: boolean;
  statusSuara: boolean | null;
  statusAdm: boolean | null;
}): boolean {
  return doc.hasChart && doc.hasAdministrasi && doc.statusSuara === true && doc.statusAdm === true;
}

/** What the follower keeps per URL (table official_sync_urls, migration 0011). */
export type UrlStateRow = {
  path: string;
  kind: UrlKind;
  code: string | null;
  etag: string | null;
  last_modified: string | null;
  body_hash: string | null;
  body: string | null;
  images_json: string | null;
  complete: number;
  checked_at: string | null;
  changed_at: string | null;
  next_at: string | null;
  cycle_id: number | null;
  error: string | null;
  error_at: string | null;
  error_count: number;
};

export type UrlEvent =
  | {
      kind: 'good';
      etag: string | null;
      lastModified: string | null;
      bodyHash: string;
      body?: string | null;
      images?: string | null;
      complete: boolean;
    }
  | { kind: 'not-modified' }
  | { kind: 'failed'; reason: string };

/**
 * A URL's state after handling it in `cycleId`. Only a good body moves the validators and the body hash:
 * after a malformed answer the stored ETag is still that of the last good body, so the next visit cannot get
 * a 304 for the bad one, and the good data stays what it was.
 */
export function nextUrlState(
  prev: UrlStateRow | null | undefined,
  at: { path: string; kind: UrlKind; code: string | null },
  event: UrlEvent,
  cycleId: number,
  now: Date,
): UrlStateRow {
  const nowIso = now.toISOString();
  const base: UrlStateRow = prev ?? {
    ...at,
    etag: null,
    last_modified: null,
    body_hash: null,
    body: null,
    images_json: null,
    complete: 0,
    checked_at: null,
    changed_at: null,
    next_at: null,
    cycle_id: null,
    error: null,
    error_at: null,
    error_count: 0,
  };
  const s: UrlStateRow = { ...base, ...at, checked_at: nowIso, cycle_id: cycleId };
  if (event.kind === 'failed') {
    Object.assign(s, { error: event.reason, error_at: nowIso, error_count: base.error_count + 1 });
  } else if (event.kind === 'good') {
    const changed = base.body_hash !== event.bodyHash;
    Object.assign(s, {
      etag: event.etag,
      last_modified: event.lastModified,
      body_hash: event.bodyHash,
      complete: event.complete ? 1 : 0,
      body: event.body === undefined ? base.body : event.body,
      images_json: event.images === undefined ? base.images_json : event.images,
      changed_at: changed ? nowIso : base.changed_at,
      error: null,
      error_at: null,
      error_count: 0,
    });
  } else {
    Object.assign(s, { error: null, error_at: null, error_count: 0 });
  }
  s.next_at = nextVisitAt(
    { kind: at.kind, complete: s.complete === 1, changedAt: s.changed_at, failed: event.kind === 'failed' },
    now,
  );
  return s;
}
