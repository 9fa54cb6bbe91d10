import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { acquireInstanceLock, InstanceLockedError } from './instance-lock.ts';
import { openDatabase } from './database.ts';
import { migrate } from './migrate.ts';

function tempDataDir(t: { after(fn: () => void): void }): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cocok-lock-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return path.join(dir, 'data');
}

test('instance lock: a second holder is refused at once with the data directory named, and can take it after release', async (t) => {
  const dataDir = tempDataDir(t);
  const dbFile = path.join(dataDir, 'cocok.sqlite');
  const lock = await acquireInstanceLock(dbFile);
  assert.equal(lock.file, `${dbFile}.lock`);
  await assert.rejects(acquireInstanceLock(dbFile), (e: unknown) => {
    assert.ok(e instanceof InstanceLockedError);
    assert.equal(
      e.message,
      `Cocok is already running on this data directory (${dataDir}): another process holds ${dbFile}.lock. Stop it first, or give this one another DATA_DIR.`,
    );
    return true;
  });
  await lock.release();
  const again = await acquireInstanceLock(dbFile);
  await again.release();
  assert.deepEqual(fs.readdirSync(dataDir), ['cocok.sqlite.lock'], 'no journal or other file beside it');
});

test('instance lock: the database itself stays open to command-line scripts while a server holds the lock', async (t) => {
  const dbFile = path.join(tempDataDir(t), 'cocok.sqlite');
  const lock = await acquireInstanceLock(dbFile);
  try {
    const db = await openDatabase(dbFile);
    try {
      await migrate(db);
      await db.transaction((tx) =>
        tx.run(
          `INSERT INTO users (name, contact, contact_kind, password_hash, pseudonym, created_at) VALUES ('A', 'a@example.org', 'email', 'x', 'Saksi-A', '2026-01-01')`,
        ),
      );
      assert.equal((await db.get<{ n: number }>('SELECT count(*) AS n FROM users'))?.n, 1);
    } finally {
      await db.close();
    }
  } finally {
    await lock.release();
  }
});
