/**
 * `npm run sync-official -- --once` as a real child process against the replay server, killed with
 * SIGKILL mid-cycle (after a number of requests the server saw, not after a time), then started again:
 * it must finish the cycle without fetching in full anything the first run had stored.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT, importRegistry, migrate, openDatabase } from '@cocok/server';
import { loadReplayData, writeReplayRegistry } from '@cocok/server/test-support/sirekap-replay-data';
import { startReplayServer, type ReplayServer } from '@cocok/server/test-support/sirekap-replay-server';

const REGION = '310101'; // 53 real TPS in four villages, about 140 page photos
let dir: string;
let server: ReplayServer;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cocok-sync-kill-'));
  const data = loadReplayData(REGION);
  const db = await openDatabase(path.join(dir, 'cocok.sqlite'));
  await migrate(db);
  await importRegistry(db, writeReplayRegistry(dir, data));
  await db.close();
  server = await startReplayServer(data);
});
after(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function runSync() {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dir,
    UPLOADS_DIR: path.join(dir, 'uploads'),
    OFFICIAL_SYNC_RATE: '100',
    OFFICIAL_SYNC_CONCURRENCY: '4',
    LOG_LEVEL: 'warn',
  };
  delete env.NODE_TEST_CONTEXT;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'packages/tools/src/sync-official.ts', '--base', server.url, '--region', REGION, '--once'],
    {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const exited = once(child, 'exit').then(([code, signal]) => ({
    code: code as number | null,
    signal: signal as NodeJS.Signals | null,
  }));
  return { child, exited, output: () => out };
}

/** What the killed run committed: every path it marked handled, every photo URL archived. */
async function storedPaths(): Promise<Set<string>> {
  const db = await openDatabase(path.join(dir, 'cocok.sqlite'));
  try {
    const urls = await db.all<{ path: string }>(
      'SELECT path FROM official_sync_urls WHERE body_hash IS NOT NULL AND error IS NULL',
    );
    return new Set(urls.map((u) => (u.path.startsWith('http') ? new URL(u.path).pathname : u.path)));
  } finally {
    await db.close();
  }
}

test('sync-official --once killed with SIGKILL mid-cycle resumes on restart and fetches nothing it had stored', async () => {
  const first = runSync();
  const KILL_AFTER = 80;
  const onRequest = () => {
    if (server.requests.length < KILL_AFTER) return;
    server.events.off('request', onRequest);
    first.child.kill('SIGKILL');
  };
  server.events.on('request', onRequest);
  const exit1 = await first.exited;
  assert.equal(exit1.signal, 'SIGKILL', first.output());

  const stored = await storedPaths();
  assert.ok(stored.size > 10, `the first run stored ${stored.size} URLs before it was killed`);
  const from = server.requests.length;

  const second = runSync();
  const exit2 = await second.exited;
  assert.equal(exit2.code, 0, second.output());
  assert.match(second.output(), /Cycle 1 over 310101 \(resumed\)/);
  const secondRun = server.requests.slice(from);
  assert.ok(secondRun.length > 0, 'the restarted run fetched the rest');
  const refetched = secondRun
    .filter((r) => r.status === 200 && r.bodyBytes > 0 && stored.has(r.path))
    .map((r) => r.path);
  assert.deepEqual(refetched, [], 'nothing stored before the kill was fetched again in full');

  const db = await openDatabase(path.join(dir, 'cocok.sqlite'));
  try {
    assert.equal((await db.get<{ n: number }>('SELECT count(*) AS n FROM official_current'))!.n, 53);
    const photos = (await db.get<{ n: number }>('SELECT count(*) AS n FROM official_photos'))!.n;
    const distinct = (await db.get<{ n: number }>('SELECT count(DISTINCT url) AS n FROM official_photos'))!.n;
    assert.equal(photos, distinct, 'one version per photo URL: none archived twice');
    assert.ok(photos >= 100, `${photos} photos archived`);
    const open = await db.get<{ n: number }>(
      'SELECT count(*) AS n FROM official_sync_cycles WHERE finished_at IS NULL',
    );
    assert.equal(open!.n, 0, 'the resumed cycle finished');
  } finally {
    await db.close();
  }
});
