import type { Database } from './database.ts';

/** SQLite accepts at most 32,766 bound parameters per statement; stay well below. */
const MAX_PARAMS = 30_000;

/**
 * Inserts rows with multi-row VALUES statements: one statement per few thousand rows instead of one
 * per row, which is what makes loading the 822,116 TPS take seconds rather than minutes.
 */
export async function insertMany(
  tx: Database,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  verb = 'INSERT',
): Promise<void> {
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  const tuple = `(${columns.map(() => '?').join(',')})`;
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const sql = `${verb} INTO ${table} (${columns.join(',')}) VALUES ${chunk.map(() => tuple).join(',')}`;
    await tx.run(sql, chunk.flat());
  }
}
