import type { Request, Response, NextFunction } from 'express';
import type { Database } from '../db/database.ts';

/**
 * A micro-cache for public read answers (region and TPS pages): the serialised JSON of an answer is
 * reused while the database has not changed and for at most `ttlMs`. "Not changed" is SQLite's
 * `total_changes()` of the server's one connection, read before the answer is computed: every write the
 * server makes (a confirm, a withdrawal, an import, a moderator decision) moves it, so an answer computed
 * before or during a write is never served after it. Writes by another process (`npm run import-official`)
 * and rolled-back transactions are not seen by the counter; the TTL bounds how long those can be stale.
 * Concurrent misses for the same answer share one computation.
 */
export type AnswerCache = {
  route(compute: (req: Request) => Promise<unknown>): (req: Request, res: Response, next: NextFunction) => Promise<void>;
};

type Entry = { version: number; at: number; body: string };

export function createAnswerCache({ db, ttlMs = 1000, maxEntries = 5000, now = () => performance.now() }: {
  db: Database;
  ttlMs?: number;
  maxEntries?: number;
  now?: () => number;
}): AnswerCache {
  const entries = new Map<string, Entry>();
  const pending = new Map<string, Promise<string>>();

  async function version(): Promise<number> {
    const row = await db.get<{ n: number }>('SELECT total_changes() AS n');
    return row?.n ?? 0;
  }

  function store(key: string, entry: Entry): void {
    entries.delete(key);
    entries.set(key, entry);
    // Map keeps insertion order: the first key is the least recently stored.
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
  }

  return {
    route(compute) {
      return async (req, res) => {
        const key = req.originalUrl;
        const v = await version();
        const hit = entries.get(key);
        let body: string;
        if (hit && hit.version === v && now() - hit.at < ttlMs) body = hit.body;
        else {
          const flightKey = `${v} ${key}`;
          let flight = pending.get(flightKey);
          if (!flight) {
            const at = now();
            flight = compute(req).then((answer) => {
              const text = JSON.stringify(answer);
              store(key, { version: v, at, body: text });
              return text;
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
