import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.ts';

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');
const NAME = /^(\d{4})_[a-z0-9_]+\.sql$/;

export type Migration = { version: number; name: string; sql: string };

/** Lists the numbered migrations; refuses gaps, duplicates and badly named files. */
export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  return files.map((name, i) => {
    const m = NAME.exec(name);
    if (!m) throw new Error(`Migration file name must look like 0001_name.sql: ${name}`);
    const version = Number(m[1]);
    if (version !== i + 1) throw new Error(`Migrations must be numbered 1, 2, 3... without gaps: ${name}`);
    return { version, name, sql: fs.readFileSync(path.join(dir, name), 'utf8') };
  });
}

/** Applies every migration newer than the database's user_version, each in its own transaction. */
export async function migrate(db: Database, dir = MIGRATIONS_DIR): Promise<number[]> {
  const applied: number[] = [];
  const row = await db.get<{ user_version: number }>('PRAGMA user_version');
  const current = row?.user_version ?? 0;
  for (const m of listMigrations(dir)) {
    if (m.version <= current) continue;
    await db.transaction(async (tx) => {
      await tx.exec(m.sql);
      await tx.exec(`PRAGMA user_version = ${m.version}`);
    });
    applied.push(m.version);
  }
  return applied;
}
