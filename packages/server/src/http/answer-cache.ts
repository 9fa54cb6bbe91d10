import crypto from 'node:crypto';
import type { Request, Response, NextFunction } from 'express';
import type { Database } from '../db/database.ts';
import { publicCacheControl } from './cache-policy.ts';

/**
 * Public read answers (region, TPS and mismatch-list pages), with a server-side micro-cache and HTTP caching.
 *
 * Each answer is about one code (a region, a TPS, the nation 'ID'): `scope(req)`. The serialised JSON is
 * reused while that code's version in `region_versions` stands still (migration 0009: triggers move a TPS's
 * version and every region's above it on each committed change to what their pages are made of, whichever
 * process writes), for at most `ttlMs`. So a confirm at one TPS renews that TPS's page and its ancestors'
 * pages and lists, and leaves every other cached answer valid. Reads see committed rows only, and the
 * version is read before the answer is computed, so an answer is never served after a change it did not see.
 * Concurrent misses for the same answer share one computation.
 *
 * Every answer carries a strong ETag (a hash of its bytes) and the public Cache-Control of cache-policy.ts; a
 * request whose If-None-Match holds the current ETag gets `304 Not Modified` with no body.
 */
export type AnswerCache = {
  route(
    scope: (req: Request) => string,
    compute: (req: Request) => Promise<unknown>,
  ): (req: Request, res: Response, next: NextFunction) => Promise<void>;
};

type Answer = { body: Buffer; etag: string };
type Entry = Answer & { version: string; at: number };

export function createAnswerCache({
  db,
  memo = true,
  ttlMs = 60_000,
  maxBytes = 64 * 1024 * 1024,
  now = () => performance.now(),
}: {
  db: Database;
  /** false: compute every answer afresh (still with ETag and 304); the benchmarks compare both. */
  memo?: boolean;
  ttlMs?: number;
  /** Bound on the cached bodies together (distinct query strings must not grow memory without end). */
  maxBytes?: number;
  now?: () => number;
}): AnswerCache {
  const entries = new Map<string, Entry>();
  const pending = new Map<string, Promise<Answer>>();
  let bytes = 0;

  async function versionOf(code: string): Promise<string> {
    const row = await db.get<{ n: number }>('SELECT n FROM region_versions WHERE code = ?', [code]);
    return `${code}:${row?.n ?? 0}`;
  }

  function store(key: string, entry: Entry): void {
    const old = entries.get(key);
    if (old) {
      bytes -= old.body.length;
      entries.delete(key);
    }
    entries.set(key, entry);
    bytes += entry.body.length;
    // Map keeps insertion order: evict the least recently stored first.
    for (const [k, e] of entries) {
      if (bytes <= maxBytes) break;
      entries.delete(k);
      bytes -= e.body.length;
    }
  }

  async function cached(key: string, version: string, compute: () => Promise<unknown>): Promise<Answer> {
    const hit = entries.get(key);
    if (hit && hit.version === version && now() - hit.at < ttlMs) return hit;
    const flightKey = `${version} ${key}`;
    let flight = pending.get(flightKey);
    if (!flight) {
      const at = now();
      flight = compute().then((value) => {
        const answer = encode(value);
        store(key, { ...answer, version, at });
        return answer;
      });
      pending.set(flightKey, flight);
      flight.then(
        () => pending.delete(flightKey),
        () => pending.delete(flightKey),
      );
    }
    return flight;
  }

  return {
    route(scope, compute) {
      return async (req, res) => {
        const answer = memo
          ? await cached(req.originalUrl, await versionOf(scope(req)), () => compute(req))
          : encode(await compute(req));
        res.set({
          'Cache-Control': publicCacheControl(res),
          ETag: answer.etag,
          'Content-Type': 'application/json; charset=utf-8',
        });
        // express compares If-None-Match with the ETag just set (RFC 9110 weak comparison, `*` included).
        if (req.fresh) res.status(304).end();
        else res.send(answer.body);
      };
    },
  };
}

/** Stored encoded, so a hit is one socket write of ready bytes; the ETag is the bytes' hash, so it is strong. */
function encode(value: unknown): Answer {
  const body = Buffer.from(JSON.stringify(value), 'utf8');
  return { body, etag: `"${crypto.createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
}
