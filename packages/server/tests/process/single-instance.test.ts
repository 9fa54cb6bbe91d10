/**
 * The server as `npm start` runs it, in real processes: one server per data directory (a second one
 * would re-queue the first one's running jobs) and a taken port ends start-up before the reading queue
 * touches any job. Every wait is for an event (a log line, an exit); the test timeout is only a guard.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { systemClock } from '../../src/core/clock.ts';
import { defaultConfig } from '../../src/config.ts';
import { createRegionsService } from '../../src/modules/regions/regions.service.ts';
import { createFileStore } from '../../src/modules/photos/file-store.ts';
import { createSharpImageProcessor } from '../../src/modules/photos/image-processor.ts';
import { createPhotosService } from '../../src/modules/photos/photos.service.ts';
import { createSubmissionUploadService } from '../../src/modules/submissions/submission-upload.service.ts';
import { patternJpeg } from '@cocok/testing';
import { seedDataDir, startServer, type ServerProcess } from '../helpers/server-process.ts';

const GUARD = { timeout: 180_000 };

function tempDirs(t: { after(fn: () => void): void }): { dataDir: string; uploadsDir: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cocok-instance-'));
  t.after(() => fs.rmSync(root, { recursive: true, force: true }));
  return { dataDir: path.join(root, 'data'), uploadsDir: path.join(root, 'uploads') };
}

/** A photo uploaded through the real service whose job a (dead) server left running. */
async function seedRunningJob(dbFile: string, uploadsDir: string): Promise<number> {
  const db = await openDatabase(dbFile);
  try {
    const photos = createPhotosService({
      db,
      files: createFileStore(uploadsDir),
      images: createSharpImageProcessor({ maxPixels: 1e8 }),
      clock: systemClock,
    });
    const uploads = createSubmissionUploadService({
      db,
      photos,
      regions: createRegionsService({ db }),
      clock: systemClock,
      limits: defaultConfig().uploads,
    });
    const { lastID: userId } = await db.run(
      `INSERT INTO users (name, contact, contact_kind, password_hash, pseudonym, created_at) VALUES ('W', 'w@example.org', 'email', 'x', 'Saksi-TEST01', '2026-01-01')`,
    );
    const result = await uploads.upload(
      { id: userId, name: 'W', role: 'witness', pseudonym: 'Saksi-TEST01' },
      '3101011001001',
      [{ name: 'p.jpg', bytes: await patternJpeg(7) }],
    );
    const job = await db.get<{ id: number }>(
      `SELECT j.id FROM reading_jobs j JOIN submission_photos p ON p.id = j.submission_photo_id WHERE p.submission_id = ?`,
      [result.body.id],
    );
    await db.run(`UPDATE reading_jobs SET state = 'running', attempts = 1 WHERE id = ?`, [job!.id]);
    return job!.id;
  } finally {
    await db.close();
  }
}

async function jobState(dbFile: string, jobId: number): Promise<unknown> {
  const db: Database = await openDatabase(dbFile);
  try {
    return await db.get('SELECT state, attempts FROM reading_jobs WHERE id = ?', [jobId]);
  } finally {
    await db.close();
  }
}

async function health(port: number): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/api/health`);
  await res.arrayBuffer();
  return res.status;
}

/** Linux: the processes `pid` forked (the reader pool's children). */
function childPids(pid: number): number[] {
  return fs
    .readdirSync(`/proc/${pid}/task`)
    .flatMap((tid) =>
      fs.readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number),
    );
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !/^\S+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8')); // a zombie has ended
  } catch {
    return false;
  }
}

/** Polls a condition another process decides; the bound only turns a hang into a failure. */
async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; !condition(); i++) {
    assert.ok(i < 6000, `never happened: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Ends a server the test started, whatever state it is in. */
const stopped = (s: ServerProcess) => s.kill('SIGKILL');

test(
  'a taken port: the server exits non-zero naming the port, before the reading queue touches a running job',
  GUARD,
  async (t) => {
    const { dataDir, uploadsDir } = tempDirs(t);
    const dbFile = await seedDataDir(dataDir);
    const jobId = await seedRunningJob(dbFile, uploadsDir);
    const squatter = net.createServer();
    squatter.listen(0, '127.0.0.1');
    await once(squatter, 'listening');
    t.after(() => squatter.close());
    const port = (squatter.address() as net.AddressInfo).port;

    const server = startServer({ DATA_DIR: dataDir, UPLOADS_DIR: uploadsDir, PORT: String(port) });
    t.after(() => stopped(server));
    const first = await server.started;
    assert.ok('exited' in first, `the server said it was listening on a port it did not get:\n${server.stderr()}`);
    assert.equal(first.exited.code, 1);
    assert.match(
      server.stderr(),
      new RegExp(`^Cocok cannot listen on port ${port} \\(host 127\\.0\\.0\\.1\\): the port is already in use`, 'm'),
    );
    assert.doesNotMatch(server.stderr(), /Cocok portal listening|reading jobs recovered/);
    assert.deepEqual(
      await jobState(dbFile, jobId),
      { state: 'running', attempts: 1 },
      'the running job was left alone',
    );
  },
);

test(
  'a second server on the same data directory exits non-zero with the lock message; the first keeps serving, and after kill -9 a new one starts',
  GUARD,
  async (t) => {
    const { dataDir, uploadsDir } = tempDirs(t);
    await seedDataDir(dataDir);
    const env = { DATA_DIR: dataDir, UPLOADS_DIR: uploadsDir, PORT: '0' };

    const first = startServer(env);
    t.after(() => stopped(first));
    const firstStart = await first.started;
    assert.ok('listening' in firstStart, `the first server did not start:\n${first.stderr()}`);
    assert.equal(await health(firstStart.listening), 200);

    const second = startServer(env);
    t.after(() => stopped(second));
    const secondStart = await second.started;
    assert.ok('exited' in secondStart, `the second server started on a data directory in use:\n${second.stderr()}`);
    assert.equal(secondStart.exited.code, 1);
    assert.equal(
      second.stderr().trim(),
      `Cocok is already running on this data directory (${dataDir}): another process holds ${path.join(dataDir, 'cocok.sqlite.lock')}. Stop it first, or give this one another DATA_DIR.`,
      'one line, nothing else (no migrations, no queue)',
    );
    assert.equal(await health(firstStart.listening), 200, 'the first server still serves');

    const readers = childPids(first.child.pid!);
    assert.equal(readers.length, 1, 'READER_CONCURRENCY=1: one reader process');
    assert.deepEqual(await first.kill('SIGKILL'), { code: null, signal: 'SIGKILL' });
    await until(() => readers.every((pid) => !alive(pid)), 'the reader processes of a killed server end too');
    const third = startServer(env);
    t.after(() => stopped(third));
    const thirdStart = await third.started;
    assert.ok('listening' in thirdStart, `no server could start after the first was killed:\n${third.stderr()}`);
    assert.equal(await health(thirdStart.listening), 200);
    assert.deepEqual(await third.kill('SIGTERM'), { code: 0, signal: null }, 'a stopped server ends cleanly');
  },
);
