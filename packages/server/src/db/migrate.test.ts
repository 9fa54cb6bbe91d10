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
    assert.deepEqual(
      await migrate(db),
      migrations.map((m) => m.version),
    );
    assert.deepEqual(await migrate(db), []);
    const mode = await db.get<{ journal_mode: string }>('PRAGMA journal_mode');
    assert.equal(mode?.journal_mode, 'wal');
    const tables = await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    for (const t of ['official_current', 'official_flags', 'official_versions', 'region_rollups', 'regions', 'tps']) {
      assert.ok(
        tables.some((r) => r.name === t),
        `table ${t}`,
      );
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

test('0008 gives staff of an older database a staff pseudonym of the house alphabet, and witnesses none', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cocok-migrate-0008-'));
  const upTo7 = path.join(dir, 'migrations');
  fs.mkdirSync(upTo7);
  for (const m of listMigrations().filter((m) => m.version <= 7)) fs.writeFileSync(path.join(upTo7, m.name), m.sql);
  const db = await openDatabase(path.join(dir, 'm.sqlite'));
  try {
    await migrate(db, upTo7);
    const insert = (id: number, role: string) =>
      db.run(
        `INSERT INTO users (id, name, contact, contact_kind, password_hash, role, pseudonym, created_at) VALUES (?, 'x', ?, 'email', 'x', ?, ?, '2024-02-14')`,
        [id, `u${id}@example.org`, role, `Saksi-U${id}`],
      );
    await insert(1, 'witness');
    await insert(2, 'moderator');
    await insert(3, 'admin');
    assert.deepEqual(
      await migrate(db),
      listMigrations()
        .filter((m) => m.version > 7)
        .map((m) => m.version),
    );
    const rows = await db.all<{ id: number; staff_pseudonym: string | null }>(
      'SELECT id, staff_pseudonym FROM users ORDER BY id',
    );
    assert.equal(rows[0].staff_pseudonym, null);
    for (const r of rows.slice(1)) assert.match(r.staff_pseudonym ?? '', /^Moderator-[2-9A-HJKMNP-Z]{6}$/);
    assert.notEqual(rows[1].staff_pseudonym, rows[2].staff_pseudonym);
  } finally {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
