import path from 'node:path';
import { createTempDatabase, writeTinyRegistry } from './temp-db.ts';
import { patternJpeg } from '@cocok/testing';
import type { Database } from '../../src/db/database.ts';
import { systemClock } from '../../src/core/clock.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { defaultConfig } from '../../src/config.ts';
import { importRegistry } from '../../src/modules/regions/registry-import.service.ts';
import { createRegionsService } from '../../src/modules/regions/regions.service.ts';
import { createFileStore } from '../../src/modules/photos/file-store.ts';
import { createSharpImageProcessor } from '../../src/modules/photos/image-processor.ts';
import { createPhotosService } from '../../src/modules/photos/photos.service.ts';
import { createSubmissionUploadService } from '../../src/modules/submissions/submission-upload.service.ts';
import { createReadingQueue } from '../../src/modules/submissions/reading-queue.ts';
import type { FormReader } from '@cocok/reader';
import type { FormReading } from '@cocok/domain';

/** What a reader answers for a page-2 photo in the reading-queue tests. */
export const PAGE_2: FormReading = {
  page: 2,
  fields: { suara_paslon_1: { value: 123, confidence: 0.97, review: false } },
  review: false,
  ms: 12,
};

export type ReadingQueueFixture = {
  db: Database;
  uploadsDir: string;
  photosService(): ReturnType<typeof createPhotosService>;
  /** A queue over `reader` with no retry wait and a short poll. */
  queueWith(reader: FormReader): ReturnType<typeof createReadingQueue>;
  /** One photo (a distinct pattern per `seed`) uploaded through the real upload service; its job and photo rows. */
  uploadOne(seed: number): Promise<{ jobId: number; photoId: number; sha256: string }>;
  cleanup(): Promise<void>;
};

/** A migrated temp database with the tiny registry and one witness, uploads beside it: the reading queue's test bed. */
export async function createReadingQueueFixture(prefix: string): Promise<ReadingQueueFixture> {
  const ctx = await createTempDatabase(prefix);
  const { db } = ctx;
  const uploadsDir = path.join(ctx.dir, 'uploads');
  await importRegistry(db, writeTinyRegistry(ctx.dir));
  const { lastID: userId } = await db.run(
    `INSERT INTO users (name, contact, contact_kind, password_hash, pseudonym, created_at) VALUES ('W', 'w@example.org', 'email', 'x', 'Saksi-TEST01', '2026-01-01')`,
  );
  const photosService = () =>
    createPhotosService({
      db,
      files: createFileStore(uploadsDir),
      images: createSharpImageProcessor({ maxPixels: 1e8 }),
      clock: systemClock,
    });
  return {
    db,
    uploadsDir,
    photosService,
    queueWith: (reader) =>
      createReadingQueue({
        db,
        photos: photosService(),
        reader,
        clock: systemClock,
        logger: silentLogger,
        concurrency: 2,
        retryBaseMs: 0,
        pollMs: 20,
      }),
    async uploadOne(seed) {
      const uploads = createSubmissionUploadService({
        db,
        photos: photosService(),
        regions: createRegionsService({ db }),
        clock: systemClock,
        limits: { ...defaultConfig().uploads, perHour: 1000, pendingPerTps: 1000 },
      });
      const witness = { id: userId, name: 'W', role: 'witness' as const, pseudonym: 'Saksi-TEST01' };
      const result = await uploads.upload(witness, '3101011001001', [
        { name: 'p.jpg', bytes: await patternJpeg(seed) },
      ]);
      const row = await db.get<{ jobId: number; photoId: number; sha256: string }>(
        `SELECT j.id AS jobId, p.id AS photoId, p.sha256 FROM reading_jobs j JOIN submission_photos p ON p.id = j.submission_photo_id WHERE p.submission_id = ?`,
        [result.body.id],
      );
      return row!;
    },
    cleanup: () => ctx.cleanup(),
  };
}
