import type { Request, Response, NextFunction } from 'express';
import type { Database } from '../db/database.ts';

/**
 * A micro-cache for public read answers (region and TPS pages): the serialised JSON of an answer is
 * reused while the data public answers are made of has not changed, for at most `ttlMs`. "Not changed" is
 * read, before the answer is computed, from SQLite in one statement: `public_data_epoch.n`, which triggers on
 * the public tables move on every committed write to them (a confirm, a withdrawal, an import, a moderator
 * decision; migration 0007), whichever process makes it (`npm run import-official` too). Writes no public answer
 * reads (sessions, reading jobs, photos) leave the cache alone. Reads see committed rows only, so an answer
 * computed before or during a change is never served after it. Concurrent misses for the same answer share one
 * computation.
 */
export type AnswerCache = {
  route(compute: (req: Request) => Promise<unknown>): (req: Request, res: Response, next: NextFunction) => Promise<void>;
};

type Entry = { version: string; at: number; body: Buffer };

export function createAnswerCache({ db, ttlMs = 60_000, maxBytes = 64 * 1024 * 1024, now = () => performance.now() }: {
  db: Database;
  ttlMs?: number;
  /** Bound on the cached bodies together (distinct query strings must not grow memory without end). */
  maxBytes?: number;
  now?: () => number;
}): AnswerCache {
  const entries = new Map<string, Entry>();
  const pending = new Map<string, Promise<Buffer>>();

  async function version(): Promise<string> {
    // Not `PRAGMA data_version`: it is per connection, and reads come from a pool of connections.
    const row = await db.get<{ n: number }>('SELECT n FROM public_data_epoch');
    return String(row?.n);
  }

  let bytes = 0;
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

  return {
    route(compute) {
      return async (req, res) => {
        const key = req.originalUrl;
        const v = await version();
        const hit = entries.get(key);
        let body: Buffer;
        if (hit && hit.version === v && now() - hit.at < ttlMs) body = hit.body;
        else {
          const flightKey = `${v} ${key}`;
          let flight = pending.get(flightKey);
          if (!flight) {
            const at = now();
            // Stored encoded, so a hit is one socket write of ready bytes.
            flight = compute(req).then((answer) => {
              const bytes = Buffer.from(JSON.stringify(answer), 'utf8');
              store(key, { version: v, at, body: bytes });
              return bytes;
            });
            pending.set(flightKey, flight);
            flight.then(() => pending.delete(flightKey), () => pending.delete(flightKey));
          }
          body = await flight;
        }
        res.type('application/json; charset=utf-8').send(body);
      };
    },
  };
}
