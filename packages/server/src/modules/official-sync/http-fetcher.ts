import type { Clock } from '../../core/clock.ts';
import {
  DEFAULT_BACKOFF,
  classifyStatus,
  parseRetryAfter,
  retryDelay,
  type BackoffPolicy,
} from './official-sync.logic.ts';

/**
 * The follower's only door to the network: node's own fetch (undici, shipped with Node 20), at most `rate`
 * requests per second and `concurrency` at once, each with a timeout; retries with backoff and jitter on
 * timeouts, dropped connections, 429 and 5xx, honouring Retry-After (which also pauses every other request:
 * the server asked this client to slow down); conditional requests from stored validators; redirects followed
 * by hand so a loop is seen and refused. Time is injected (clock, sleep, random) so tests see every wait.
 */
export type Validators = { etag: string | null; lastModified: string | null };
export type FetchResult =
  | {
      kind: 'ok';
      url: string;
      body: Buffer;
      contentType: string | null;
      etag: string | null;
      lastModified: string | null;
    }
  | { kind: 'not-modified'; url: string }
  | { kind: 'failed'; url: string; reason: string; status: number | null };

export type SleepReason = 'rate' | 'retry';
export type Sleeper = (ms: number, reason: SleepReason) => Promise<void>;
export type HttpFetcher = {
  get(url: string, validators?: Validators | null): Promise<FetchResult>;
  /** Requests sent so far (every attempt and redirect hop). */
  requests(): number;
};

export type FetcherOptions = {
  ratePerSecond: number;
  concurrency: number;
  timeoutMs?: number;
  /** Attempts per URL, the first included. */
  maxAttempts?: number;
  maxRedirects?: number;
  /** A Retry-After longer than this is not waited for: the URL fails for this cycle and is retried later. */
  maxRetryAfterMs?: number;
  backoff?: BackoffPolicy;
  clock: Clock;
  sleep?: Sleeper;
  random?: () => number;
  userAgent?: string;
};

export const realSleep: Sleeper = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

class AttemptError extends Error {}

export function createHttpFetcher(options: FetcherOptions): HttpFetcher {
  const {
    ratePerSecond,
    concurrency,
    clock,
    timeoutMs = 20_000,
    maxAttempts = 4,
    maxRedirects = 5,
    maxRetryAfterMs = 120_000,
  } = options;
  const {
    backoff = DEFAULT_BACKOFF,
    sleep = realSleep,
    random = Math.random,
    userAgent = 'Cocok-sirekap-follower (+https://github.com/cocok)',
  } = options;
  const interval = 1000 / ratePerSecond;
  let nextSlot = 0;
  let sent = 0;
  let active = 0;
  const waiting: (() => void)[] = [];

  /** Reserves the next send time in order, then waits for it: the rate holds however many callers there are. */
  async function takeSlot(): Promise<void> {
    const now = clock.now().getTime();
    const at = Math.max(now, nextSlot);
    nextSlot = at + interval;
    if (at > now) await sleep(at - now, 'rate');
  }

  async function withPermit<T>(work: () => Promise<T>): Promise<T> {
    if (active >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    active += 1;
    try {
      return await work();
    } finally {
      active -= 1;
      waiting.shift()?.();
    }
  }

  /** One request (no redirects followed), its body read in full under the timeout. */
  async function send(url: string, validators: Validators | null) {
    await takeSlot();
    sent += 1;
    const headers: Record<string, string> = {
      'user-agent': userAgent,
      accept: 'application/json, image/*;q=0.9, */*;q=0.1',
    };
    if (validators?.etag) headers['if-none-match'] = validators.etag;
    if (validators?.lastModified) headers['if-modified-since'] = validators.lastModified;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const res = await fetch(url, { headers, redirect: 'manual', signal: controller.signal });
      const body = Buffer.from(await res.arrayBuffer());
      return { status: res.status, headers: res.headers, body };
    } catch (err) {
      throw new AttemptError(
        controller.signal.aborted ? `timed out after ${timeoutMs} ms` : `connection failed (${causeOf(err)})`,
      );
    } finally {
      clearTimeout(timer);
    }
  }

  /** Follows redirects by hand: a URL seen twice is a loop, more than maxRedirects hops a chain too long. */
  async function attempt(
    url: string,
    validators: Validators | null,
  ): Promise<FetchResult | { retry: string; retryAfterMs: number | null; status: number }> {
    const seen = new Set<string>([url]);
    let current = url;
    for (let hop = 0; ; hop++) {
      const res = await send(current, validators);
      const kind = classifyStatus(res.status);
      if (kind === 'ok') {
        return {
          kind: 'ok',
          url: current,
          body: res.body,
          contentType: res.headers.get('content-type'),
          etag: res.headers.get('etag'),
          lastModified: res.headers.get('last-modified'),
        };
      }
      if (kind === 'not-modified') return { kind: 'not-modified', url: current };
      if (kind === 'retry')
        return {
          retry: `HTTP ${res.status}`,
          retryAfterMs: parseRetryAfter(res.headers.get('retry-after'), clock.now()),
          status: res.status,
        };
      if (kind === 'fail') return { kind: 'failed', url, reason: `HTTP ${res.status}`, status: res.status };
      const location = res.headers.get('location');
      if (!location)
        return { kind: 'failed', url, reason: `HTTP ${res.status} without a Location`, status: res.status };
      current = new URL(location, current).toString();
      if (seen.has(current))
        return { kind: 'failed', url, reason: `redirect loop (back to ${current})`, status: res.status };
      if (hop + 1 >= maxRedirects)
        return { kind: 'failed', url, reason: `more than ${maxRedirects} redirects`, status: res.status };
      seen.add(current);
    }
  }

  async function get(url: string, validators: Validators | null = null): Promise<FetchResult> {
    return withPermit(async () => {
      let last = 'no attempt';
      let lastStatus: number | null = null;
      for (let n = 0; n < maxAttempts; n++) {
        let retryAfterMs: number | null = null;
        try {
          const result = await attempt(url, validators);
          if (!('retry' in result)) return result;
          ({ retryAfterMs } = result);
          last = result.retry;
          lastStatus = result.status;
        } catch (err) {
          if (!(err instanceof AttemptError)) throw err;
          last = err.message;
          lastStatus = null;
        }
        if (retryAfterMs !== null && retryAfterMs > maxRetryAfterMs) {
          return {
            kind: 'failed',
            url,
            reason: `${last}, Retry-After ${retryAfterMs / 1000} s is longer than the ${maxRetryAfterMs / 1000} s this cycle waits`,
            status: lastStatus,
          };
        }
        if (n + 1 === maxAttempts) break;
        const wait = retryDelay(n, retryAfterMs, random, backoff);
        // The server asked for a pause: nobody sends before it ends, not only this URL.
        if (retryAfterMs !== null) nextSlot = Math.max(nextSlot, clock.now().getTime() + retryAfterMs);
        await sleep(wait, 'retry');
      }
      return { kind: 'failed', url, reason: `${last} after ${maxAttempts} attempts`, status: lastStatus };
    });
  }

  return { get, requests: () => sent };
}

function causeOf(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
}
