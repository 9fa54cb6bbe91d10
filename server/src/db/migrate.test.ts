import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from './database.ts';
import { listMigrations, migrate } from './migrate.ts';

test('migrations are numbered without gaps and all apply to a fresh database, once', async () => {
  const migrations = listMigrations();
  assert.ok(migrations.length >= 1);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cocok-migrate-'));
  const db = await openDatabase(path.join(dir, 'm.sqlite'));
  try {
    assert.deepEqual(await migrate(db), migrations.map((m) => m.version));
    assert.deepEqual(await migrate(db), []);
    const mode = await db.get<{ journal_mode: string }>('PRAGMA journal_mode');
    assert.equal(mode?.journal_mode, 'wal');
    const tables = await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    for (const t of ['official_current', 'official_flags', 'official_versions', 'region_rollups', 'regions', 'tps']) {
      assert.ok(tables.some((r) => r.name === t), `table ${t}`);
    }
  } finally {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a badly named or gapped migration folder is refused', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cocok-migrations-'));
  fs.writeFileSync(path.join(dir, '0001_init.sql'), 'SELECT 1;');
  fs.writeFileSync(path.join(dir, '0003_gap.sql'), 'SELECT 1;');
  assert.throws(() => listMigrations(dir), /without gaps/);
  fs.rmSync(path.join(dir, '0003_gap.sql'));
  fs.writeFileSync(path.join(dir, '2-bad.sql'), 'SELECT 1;');
  assert.throws(() => listMigrations(dir), /must look like/);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a failing transaction leaves nothing behind', async () => {
  const db = await openDatabase(':memory:');
  await db.exec('CREATE TABLE t (x INTEGER)');
  await assert.rejects(
    db.transaction(async (tx) => {
      await tx.run('INSERT INTO t VALUES (1)');
      throw new Error('boom');
    }),
  );
  assert.deepEqual(await db.all('SELECT * FROM t'), []);
  await db.close();
});
