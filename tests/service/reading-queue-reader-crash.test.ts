/**
 * The reading queue over the real child-process pool, with a job module whose reading of one photo
 * aborts its process (as a native crash in libvips or onnxruntime would). The crash must cost only
 * that photo's attempts: this process, which holds the database and the queue, carries on and the
 * other photos are read.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import path from 'node:path';
import { createTempDatabase, writeTinyRegistry } from '../helpers/temp-db.ts';
import { patternJpeg } from '../helpers/images.ts';
import type { TestJob } from '../helpers/worker-pool-test-worker.ts';
import type { Database } from '../../server/src/db/database.ts';
import { systemClock } from '../../server/src/core/clock.ts';
import { silentLogger } from '../../server/src/core/logger.ts';
import { defaultConfig } from '../../server/src/config.ts';
import { importRegistry } from '../../server/src/modules/regions/registry-import.service.ts';
import { createRegionsService } from '../../server/src/modules/regions/regions.service.ts';
import { createFileStore } from '../../server/src/modules/photos/file-store.ts';
import { createSharpImageProcessor } from '../../server/src/modules/photos/image-processor.ts';
import { createPhotosService } from '../../server/src/modules/photos/photos.service.ts';
import { createSubmissionUploadService } from '../../server/src/modules/submissions/submission-upload.service.ts';
import { createReadingQueue } from '../../server/src/modules/submissions/reading-queue.ts';
import { createWorkerPool } from '../../server/src/modules/reading/worker-pool.ts';
import type { FormReader, FormReading } from '../../server/src/modules/reading/reading.types.ts';

const WORKER = new URL('../helpers/worker-pool-test-worker.ts', import.meta.url);
const PAGE_2: FormReading = { page: 2, fields: { suara_paslon_1: { value: 123, confidence: 0.97, review: false } }, review: false, ms: 12 };

let ctx: Awaited<ReturnType<typeof createTempDatabase>>;
let db: Database;
let uploadsDir: string;
let userId: number;

const photosService = () =>
  createPhotosService({ db, files: createFileStore(uploadsDir), images: createSharpImageProcessor({ maxPixels: 1e8 }), clock: systemClock });

async function uploadOne(seed: number): Promise<{ jobId: number; photoId: number; sha256: string }> {
  const uploads = createSubmissionUploadService({
    db, photos: photosService(), regions: createRegionsService({ db }), clock: systemClock, limits: { ...defaultConfig().uploads, perHour: 1000, pendingPerTps: 1000 },
  });
  const result = await uploads.upload({ id: userId, name: 'W', role: 'witness', pseudonym: 'Saksi-TEST01' }, '3101011001001', [{ name: 'p.jpg', bytes: await patternJpeg(seed) }]);
  const row = await db.get<{ jobId: number; photoId: number; sha256: string }>(
    `SELECT j.id AS jobId, p.id AS photoId, p.sha256 FROM reading_jobs j JOIN submission_photos p ON p.id = j.submission_photo_id WHERE p.submission_id = ?`,
    [result.body.id],
  );
  return row!;
}

before(async () => {
  ctx = await createTempDatabase('cocok-queue-crash-');
  db = ctx.db;
  uploadsDir = path.join(ctx.dir, 'uploads');
  await importRegistry(db, writeTinyRegistry(ctx.dir));
  const { lastID } = await db.run(
    `INSERT INTO users (name, contact, contact_kind, password_hash, pseudonym, created_at) VALUES ('W', 'w@example.org', 'email', 'x', 'Saksi-TEST01', '2026-01-01')`,
  );
  userId = lastID;
});
after(() => ctx.cleanup());

test('a photo whose reading aborts the reader process fails after 3 attempts; the other photos are read and this process serves on', async () => {
  const bad = await uploadOne(901);
  const good = [await uploadOne(902), await uploadOne(903)];
  const pool = createWorkerPool<TestJob, unknown>(WORKER, { size: 2, timeoutMs: 120_000 });
  const sha = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');
  const reader: FormReader = {
    read: (bytes) => pool.run(sha(bytes) === bad.sha256 ? { op: 'abort' } : { op: 'echo', value: PAGE_2 }) as Promise<FormReading>,
  };
  const queue = createReadingQueue({ db, photos: photosService(), reader, clock: systemClock, logger: silentLogger, concurrency: 2, retryBaseMs: 0, pollMs: 20 });
  try {
    await queue.start();
    await queue.idle();
    await queue.stop();
    const job = await db.get<{ state: string; attempts: number; last_error: string }>('SELECT state, attempts, last_error FROM reading_jobs WHERE id = ?', [bad.jobId]);
    assert.deepEqual(job, { state: 'failed', attempts: 3, last_error: 'worker-crashed: reader process ended by SIGABRT' });
    const badPhoto = await db.get<{ state: string; failure: string }>('SELECT state, failure FROM submission_photos WHERE id = ?', [bad.photoId]);
    assert.deepEqual(badPhoto, { state: 'failed', failure: 'worker-crashed: reader process ended by SIGABRT' });
    for (const g of good) {
      assert.deepEqual(await db.get('SELECT state, attempts FROM reading_jobs WHERE id = ?', [g.jobId]), { state: 'done', attempts: 1 });
      assert.deepEqual(await db.get('SELECT state, page FROM submission_photos WHERE id = ?', [g.photoId]), { state: 'read', page: 2 });
    }
    // This process (database, queue) is alive and the pool still reads.
    assert.deepEqual(await reader.read(Buffer.from('still here')), PAGE_2);
  } finally {
    await pool.close();
  }
});
