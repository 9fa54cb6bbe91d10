import sqlite3 from 'sqlite3';

/**
 * Buffered multi-row INSERTs through prepared statements on a raw sqlite3 connection: one prepared
 * statement of `rowsPerStatement` rows, re-run for every full buffer (one native call per few hundred
 * rows instead of one per row), and one statement for the remainder at the end.
 */
export type BulkInserter = {
  add(row: readonly unknown[]): Promise<void>;
  flush(): Promise<void>;
  close(): Promise<void>;
  count: number;
};

export function bulkInserter(
  raw: sqlite3.Database,
  table: string,
  columns: readonly string[],
  rowsPerStatement = Math.floor(30_000 / columns.length),
): BulkInserter {
  const sql = (n: number) =>
    `INSERT INTO ${table} (${columns.join(',')}) VALUES ${Array.from({ length: n }, () => `(${columns.map(() => '?').join(',')})`).join(',')}`;
  const full = raw.prepare(sql(rowsPerStatement));
  let buffer: unknown[] = [];
  let rows = 0;
  const run = (stmt: sqlite3.Statement, params: unknown[]) =>
    new Promise<void>((resolve, reject) => stmt.run(params, (err: Error | null) => (err ? reject(err) : resolve())));
  const self: BulkInserter = {
    count: 0,
    async add(row) {
      for (const v of row) buffer.push(v);
      rows++;
      self.count++;
      if (rows === rowsPerStatement) {
        const params = buffer;
        buffer = [];
        rows = 0;
        await run(full, params);
      }
    },
    async flush() {
      if (rows === 0) return;
      const rest = raw.prepare(sql(rows));
      const params = buffer;
      buffer = [];
      rows = 0;
      await run(rest, params);
      await new Promise<void>((resolve) => rest.finalize(() => resolve()));
    },
    async close() {
      await self.flush();
      await new Promise<void>((resolve) => full.finalize(() => resolve()));
    },
  };
  return self;
}

export function exec(raw: sqlite3.Database, sql: string): Promise<void> {
  return new Promise((resolve, reject) => raw.exec(sql, (err) => (err ? reject(err) : resolve())));
}

export function openRaw(file: string): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, (err) => (err ? reject(err) : resolve(db)));
  });
}

export function closeRaw(raw: sqlite3.Database): Promise<void> {
  return new Promise((resolve, reject) => raw.close((err) => (err ? reject(err) : resolve())));
}
