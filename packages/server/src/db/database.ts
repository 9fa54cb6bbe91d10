import fs from 'node:fs';
import path from 'node:path';
import { AsyncLocalStorage } from 'node:async_hooks';
import sqlite3 from 'sqlite3';

export type Params = readonly unknown[];

/**
 * The promise wrapper over sqlite3 that every repository uses. Parameterised SQL only.
 *
 * - `all` / `get` read on read-only connections (WAL: each statement sees the last committed state and
 *   never another request's open transaction), so page reads never queue behind a writer.
 * - `transaction` runs its work on the one writer connection, one transaction at a time (a mutex), and
 *   `run` / `exec` outside a transaction are a transaction of their own on that connection: a write can
 *   never become part of another request's transaction, nor be undone by its rollback.
 * - Inside `transaction(work)` all work uses the `tx` it is given. A read through the outer handle in the
 *   transaction's async context is answered on `tx` (it sees the transaction's own rows); a write through
 *   it throws, because it would wait for the mutex the transaction holds.
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

export type OpenOptions = {
  /** Read-only connections beside the writer (0: reads share the writer, in turn with writes). */
  readers?: number;
};

/** Thrown for a write that would join, or wait on, the transaction its own code is running in. */
export class WriteOutsideTransactionError extends Error {
  constructor(what: string) {
    super(`${what} through the outer database handle inside a transaction: use the transaction's tx`);
  }
}

const PRAGMAS =
  'PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;';

export async function openDatabase(file: string, { readers = 2 }: OpenOptions = {}): Promise<Database> {
  const inMemory = file === ':memory:' || file === '';
  if (!inMemory) fs.mkdirSync(path.dirname(file), { recursive: true });
  const writer = connection(await openRaw(file, sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE), file);
  await writer.exec(PRAGMAS);
  // A private in-memory database cannot be opened twice: its reads take their turn on the writer.
  const readPool = inMemory ? [] : await Promise.all(Array.from({ length: readers }, () => openReader(file)));
  const inFlight = readPool.map(() => 0);
  const active = new AsyncLocalStorage<{ open: boolean; tx: Database }>();
  const openTx = () => {
    const store = active.getStore();
    return store?.open ? store.tx : undefined;
  };

  let tail: Promise<unknown> = Promise.resolve();
  /** Runs `work` alone on the writer connection, after every write queued before it. */
  function exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = tail.then(work);
    tail = next.catch(() => undefined);
    return next;
  }

  async function read<T>(query: (c: Connection) => Promise<T>): Promise<T> {
    const tx = openTx();
    if (tx) return query(tx as Connection);
    if (readPool.length === 0) return exclusive(() => query(writer));
    let pick = 0;
    for (let i = 1; i < readPool.length; i++) if (inFlight[i] < inFlight[pick]) pick = i;
    inFlight[pick]++;
    try {
      return await query(readPool[pick]);
    } finally {
      inFlight[pick]--;
    }
  }

  function refuseInsideTransaction(what: string): void {
    if (openTx()) throw new WriteOutsideTransactionError(what);
  }

  function transaction<T>(work: (tx: Database) => Promise<T>): Promise<T> {
    refuseInsideTransaction('a transaction');
    return exclusive(async () => {
      const state = { open: true, tx: nestedOn(writer) };
      await writer.exec('BEGIN IMMEDIATE');
      try {
        const result = await active.run(state, () => work(state.tx));
        state.open = false;
        await writer.exec('COMMIT');
        return result;
      } catch (err) {
        state.open = false;
        await writer.exec('ROLLBACK').catch(() => undefined);
        throw err;
      }
    });
  }

  return {
    file,
    all: (sql, params) => read((c) => c.all(sql, params)),
    get: (sql, params) => read((c) => c.get(sql, params)),
    run(sql, params) {
      refuseInsideTransaction('a write');
      return exclusive(() => writer.run(sql, params));
    },
    exec(sql) {
      refuseInsideTransaction('a write');
      return exclusive(() => writer.exec(sql));
    },
    transaction,
    async close() {
      await exclusive(async () => undefined);
      await Promise.all([writer, ...readPool].map((c) => c.close()));
    },
  };
}

type Connection = Database;

/**
 * One plain sqlite3 connection under the same promise wrapper, without the writer mutex or read pool: for a
 * file that is not the database (the instance lock). Its `transaction` is refused; `exec` runs SQL as given.
 */
export async function openConnection(
  file: string,
  mode = sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE,
): Promise<Pick<Database, 'exec' | 'close'>> {
  return connection(await openRaw(file, mode), file);
}

function openRaw(file: string, mode: number): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, mode, (err) => (err ? reject(err) : resolve(db)));
  });
}

async function openReader(file: string): Promise<Connection> {
  const reader = connection(await openRaw(file, sqlite3.OPEN_READONLY), file);
  await reader.exec('PRAGMA busy_timeout = 5000; PRAGMA query_only = ON;');
  return reader;
}

/** The connection as a Database whose `transaction` runs inline: the handle a transaction's work gets. */
function nestedOn(c: Connection): Database {
  const tx: Database = {
    ...c,
    transaction: (work) => work(tx),
    close: () => Promise.reject(new Error('a transaction cannot close the database')),
  };
  return tx;
}

function connection(raw: sqlite3.Database, file: string): Connection {
  return {
    file,
    all: (sql, params = []) =>
      new Promise((resolve, reject) =>
        raw.all(sql, params as unknown[], (err, rows) => (err ? reject(err) : resolve(rows as never))),
      ),
    get: (sql, params = []) =>
      new Promise((resolve, reject) =>
        raw.get(sql, params as unknown[], (err, row) => (err ? reject(err) : resolve(row as never))),
      ),
    run: (sql, params = []) =>
      new Promise((resolve, reject) =>
        raw.run(sql, params as unknown[], function (this: sqlite3.RunResult, err: Error | null) {
          if (err) reject(err);
          else resolve({ changes: this.changes, lastID: this.lastID });
        }),
      ),
    exec: (sql) => new Promise((resolve, reject) => raw.exec(sql, (err) => (err ? reject(err) : resolve()))),
    transaction: () => Promise.reject(new Error('a raw connection has no transactions')),
    close: () => new Promise((resolve, reject) => raw.close((err) => (err ? reject(err) : resolve()))),
  };
}
