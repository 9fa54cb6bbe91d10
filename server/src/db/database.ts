import fs from 'node:fs';
import path from 'node:path';
import sqlite3 from 'sqlite3';

export type Params = readonly unknown[];

/**
 * The thin promise wrapper over sqlite3 that every repository uses. Parameterised SQL only.
 * `transaction` serialises writers: sqlite3 shares one connection, so two interleaved async
 * transactions would otherwise nest BEGINs. Work inside a transaction must use the `tx` it is given.
 */
export type Database = {
  all<T>(sql: string, params?: Params): Promise<T[]>;
  get<T>(sql: string, params?: Params): Promise<T | undefined>;
  run(sql: string, params?: Params): Promise<{ changes: number; lastID: number }>;
  exec(sql: string): Promise<void>;
  transaction<T>(work: (tx: Database) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  readonly file: string;
};

export async function openDatabase(file: string): Promise<Database> {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const raw = await new Promise<sqlite3.Database>((resolve, reject) => {
    const db = new sqlite3.Database(file, (err) => (err ? reject(err) : resolve(db)));
  });
  const base = wrap(raw, file);
  await base.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;');
  let queue: Promise<unknown> = Promise.resolve();
  const transaction = <T>(work: (tx: Database) => Promise<T>): Promise<T> => {
    const next = queue.then(async () => {
      await base.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(base);
        await base.exec('COMMIT');
        return result;
      } catch (err) {
        await base.exec('ROLLBACK').catch(() => undefined);
        throw err;
      }
    });
    queue = next.catch(() => undefined);
    return next;
  };
  return { ...base, transaction };
}

function wrap(raw: sqlite3.Database, file: string): Database {
  const self: Database = {
    file,
    all: (sql, params = []) =>
      new Promise((resolve, reject) => raw.all(sql, params as unknown[], (err, rows) => (err ? reject(err) : resolve(rows as never)))),
    get: (sql, params = []) =>
      new Promise((resolve, reject) => raw.get(sql, params as unknown[], (err, row) => (err ? reject(err) : resolve(row as never)))),
    run: (sql, params = []) =>
      new Promise((resolve, reject) =>
        raw.run(sql, params as unknown[], function (this: sqlite3.RunResult, err: Error | null) {
          if (err) reject(err);
          else resolve({ changes: this.changes, lastID: this.lastID });
        }),
      ),
    exec: (sql) => new Promise((resolve, reject) => raw.exec(sql, (err) => (err ? reject(err) : resolve()))),
    transaction: (work) => work(self),
    close: () => new Promise((resolve, reject) => raw.close((err) => (err ? reject(err) : resolve()))),
  };
  return self;
}
