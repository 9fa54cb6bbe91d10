import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createReadingQueueFixture, PAGE_2, type ReadingQueueFixture } from '../helpers/reading-queue-fixture.ts';
import type { Database } from '../../src/db/database.ts';
import type { FormReader } from '@cocok/reader';
import type { FormReading } from '@cocok/domain';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), '../helpers/reading-queue-child.ts');
let fx: ReadingQueueFixture;
let db: Database;
let uploadsDir: string;
let seed = 100;

const queueWith = (reader: FormReader) => fx.queueWith(reader);
/** One photo uploaded through the real upload service; returns its job and photo rows' ids. */
const uploadOne = () => fx.uploadOne(seed++);

const jobOf = (id: number) =>
  db.get<{ state: string; attempts: number; last_error: string | null }>(
    'SELECT state, attempts, last_error FROM reading_jobs WHERE id = ?',
    [id],
  );
const photoOf = (id: number) =>
  db.get<{ state: string; page: number | null; reading: string | null; failure: string | null }>(
    'SELECT * FROM submission_photos WHERE id = ?',
    [id],
  );

before(async () => {
  fx = await createReadingQueueFixture('cocok-queue-');
  ({ db, uploadsDir } = fx);
});
after(() => fx.cleanup());

test('a queued job is read by the reader and its photo becomes read with the page and reading', async () => {
  const { jobId, photoId } = await uploadOne();
  assert.equal((await photoOf(photoId))?.state, 'uploaded');
  const seen: Buffer[] = [];
  const queue = queueWith({ read: async (bytes) => (seen.push(bytes), PAGE_2) });
  await queue.start();
  await queue.idle();
  await queue.stop();
  assert.equal(seen.length, 1);
  assert.deepEqual(seen[0].subarray(0, 3), Buffer.from([0xff, 0xd8, 0xff]), 'the reader gets the stored original');
  assert.deepEqual(await jobOf(jobId), { state: 'done', attempts: 1, last_error: null });
  const photo = await photoOf(photoId);
  assert.deepEqual([photo?.state, photo?.page], ['read', 2]);
  assert.equal(JSON.parse(photo!.reading!).fields.suara_paslon_1.value, 123);
});

test('a reader that keeps throwing: retried, then failed after 3 attempts with the reason', async () => {
  const { jobId, photoId } = await uploadOne();
  let calls = 0;
  const queue = queueWith({
    read: async () => {
      calls += 1;
      throw Object.assign(new Error('worker exited with code 134'), { reason: 'worker-crashed' });
    },
  });
  await queue.start();
  await queue.idle();
  await queue.stop();
  assert.equal(calls, 3);
  assert.deepEqual(await jobOf(jobId), {
    state: 'failed',
    attempts: 3,
    last_error: 'worker-crashed: worker exited with code 134',
  });
  const photo = await photoOf(photoId);
  assert.deepEqual([photo?.state, photo?.failure], ['failed', 'worker-crashed: worker exited with code 134']);
});

test('handleReadPhoto reports each outcome: retry, then done', async () => {
  const { jobId } = await uploadOne();
  let fail = true;
  const queue = queueWith({ read: async () => (fail ? Promise.reject(new Error('flaky')) : PAGE_2) });
  // Claim by hand (no start) so each attempt's outcome can be seen.
  await db.run(`UPDATE reading_jobs SET state = 'running', attempts = attempts + 1 WHERE id = ?`, [jobId]);
  assert.deepEqual(await queue.handleReadPhoto({ jobId }), { outcome: 'retry', reason: 'flaky' });
  assert.equal((await jobOf(jobId))?.state, 'queued');
  await db.run(`UPDATE reading_jobs SET state = 'running', attempts = attempts + 1 WHERE id = ?`, [jobId]);
  fail = false;
  assert.deepEqual(await queue.handleReadPhoto({ jobId }), { outcome: 'done' });
  assert.equal(
    (await queue.handleReadPhoto({ jobId })).outcome,
    'failed',
    'a job that is not running is not read again',
  );
});

test('a photo that is not a form page is read (not failed), and the page says why', async () => {
  const { photoId } = await uploadOne();
  const notAForm: FormReading = {
    page: null,
    fields: {},
    review: true,
    reason: 'no-form-found',
    message: 'Foto ini bukan halaman formulir C.HASIL.',
    ms: 5,
  };
  const queue = queueWith({ read: async () => notAForm });
  await queue.start();
  await queue.idle();
  await queue.stop();
  const photo = await photoOf(photoId);
  assert.deepEqual([photo?.state, photo?.page, photo?.failure], ['read', null, null]);
  assert.equal(JSON.parse(photo!.reading!).reason, 'no-form-found');
});

test('the process killed while a job is reading: the next start puts it back and reads it', async () => {
  const { jobId, photoId } = await uploadOne();
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, db.file, uploadsDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  try {
    const deadline = Date.now() + 20_000;
    while ((await jobOf(jobId))?.state !== 'running') {
      assert.ok(Date.now() < deadline, `the child never started the job: ${stderr}`);
      assert.equal(child.exitCode, null, `the child exited early: ${stderr}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    assert.equal((await photoOf(photoId))?.state, 'reading');
  } finally {
    child.kill('SIGKILL');
    await once(child, 'exit');
  }
  assert.equal(child.signalCode, 'SIGKILL');
  assert.equal((await jobOf(jobId))?.state, 'running', 'a dead process leaves the job running');

  const queue = queueWith({ read: async () => PAGE_2 });
  assert.deepEqual(await queue.start(), { requeued: 1, failed: 0 });
  await queue.idle();
  await queue.stop();
  assert.deepEqual(await jobOf(jobId), { state: 'done', attempts: 2, last_error: null });
  assert.deepEqual([(await photoOf(photoId))?.state, (await photoOf(photoId))?.page], ['read', 2]);
});

test('a job that was interrupted on its last allowed attempt ends failed on restart instead of looping', async () => {
  const { jobId, photoId } = await uploadOne();
  await db.run(`UPDATE reading_jobs SET state = 'running', attempts = 3 WHERE id = ?`, [jobId]);
  const queue = queueWith({ read: async () => PAGE_2 });
  assert.deepEqual(await queue.start(), { requeued: 0, failed: 1 });
  await queue.idle();
  await queue.stop();
  assert.equal((await jobOf(jobId))?.state, 'failed');
  assert.match((await photoOf(photoId))!.failure!, /interrupted/);
});
