/**
 * The reading queue over the real child-process pool, with a job module whose reading of one photo
 * aborts its process (as a native crash in libvips or onnxruntime would). The crash must cost only
 * that photo's attempts: this process, which holds the database and the queue, carries on and the
 * other photos are read.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { createReadingQueueFixture, PAGE_2, type ReadingQueueFixture } from '../helpers/reading-queue-fixture.ts';
import type { TestJob } from '@cocok/reader/test-support/worker-pool-test-worker';
import { createWorkerPool } from '@cocok/reader';
import type { FormReader } from '@cocok/reader';
import type { FormReading } from '@cocok/domain';

const WORKER = new URL(import.meta.resolve('@cocok/reader/test-support/worker-pool-test-worker'));
let fx: ReadingQueueFixture;

before(async () => {
  fx = await createReadingQueueFixture('cocok-queue-crash-');
});
after(() => fx.cleanup());

test('a photo whose reading aborts the reader process fails after 3 attempts; the other photos are read and this process serves on', async () => {
  const { db } = fx;
  const bad = await fx.uploadOne(901);
  const good = [await fx.uploadOne(902), await fx.uploadOne(903)];
  const pool = createWorkerPool<TestJob, unknown>(WORKER, { size: 2, timeoutMs: 120_000 });
  const sha = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');
  const reader: FormReader = {
    read: (bytes) =>
      pool.run(sha(bytes) === bad.sha256 ? { op: 'abort' } : { op: 'echo', value: PAGE_2 }) as Promise<FormReading>,
  };
  const queue = fx.queueWith(reader);
  try {
    await queue.start();
    await queue.idle();
    await queue.stop();
    const job = await db.get<{ state: string; attempts: number; last_error: string }>(
      'SELECT state, attempts, last_error FROM reading_jobs WHERE id = ?',
      [bad.jobId],
    );
    assert.deepEqual(job, {
      state: 'failed',
      attempts: 3,
      last_error: 'worker-crashed: reader process ended by SIGABRT',
    });
    const badPhoto = await db.get<{ state: string; failure: string }>(
      'SELECT state, failure FROM submission_photos WHERE id = ?',
      [bad.photoId],
    );
    assert.deepEqual(badPhoto, { state: 'failed', failure: 'worker-crashed: reader process ended by SIGABRT' });
    for (const g of good) {
      assert.deepEqual(await db.get('SELECT state, attempts FROM reading_jobs WHERE id = ?', [g.jobId]), {
        state: 'done',
        attempts: 1,
      });
      assert.deepEqual(await db.get('SELECT state, page FROM submission_photos WHERE id = ?', [g.photoId]), {
        state: 'read',
        page: 2,
      });
    }
    // This process (database, queue) is alive and the pool still reads.
    assert.deepEqual(await reader.read(Buffer.from('still here')), PAGE_2);
  } finally {
    await pool.close();
  }
});
