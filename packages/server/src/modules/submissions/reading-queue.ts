import type { Database } from '../../db/database.ts';
import type { Clock } from '../../core/clock.ts';
import type { Logger } from '../../core/logger.ts';
import type { FormReader } from '@cocok/reader';
import type { PhotosService } from '../photos/photos.service.ts';
import { isFormReading } from '@cocok/domain';
import {
  MAX_READ_ATTEMPTS,
  afterFailure,
  describeFailure,
  retryDelayMs,
  type JobOutcome,
} from './reading-jobs.logic.ts';
import { createReadingJobsRepository } from './reading-jobs.repository.ts';

/**
 * The reading queue, persisted in SQLite and driven from the main thread (which owns the database):
 * it claims due jobs, hands the photo bytes to the reader (the worker pool in production, which only
 * computes) and stores the outcome. Up to `concurrency` photos are read at once. It polls, so retries
 * that come due and jobs queued by another process are picked up too; `wake` skips the wait.
 */
export type ReadingQueue = {
  /** Puts jobs a dead process left running back in the queue, then starts reading. */
  start(): Promise<{ requeued: number; failed: number }>;
  wake(): void;
  /** Stops taking jobs and waits for the ones being read. */
  stop(): Promise<void>;
  /** The named job: reads one claimed job's photo and records the result. */
  handleReadPhoto(args: { jobId: number }): Promise<JobOutcome>;
  /** Resolves once nothing is being read and no queued job is due (for tests and shutdown). */
  idle(): Promise<void>;
};

export type ReadingQueueDeps = {
  db: Database;
  photos: PhotosService;
  reader: FormReader;
  clock: Clock;
  logger: Logger;
  concurrency: number;
  maxAttempts?: number;
  retryBaseMs?: number;
  pollMs?: number;
  readTimeoutMs?: number;
};

export function createReadingQueue(deps: ReadingQueueDeps): ReadingQueue {
  const { db, photos, reader, clock, logger, concurrency } = deps;
  const { maxAttempts = MAX_READ_ATTEMPTS, retryBaseMs = 5_000, pollMs = 1_000, readTimeoutMs = 180_000 } = deps;
  const jobs = createReadingJobsRepository(db);
  const running = new Set<Promise<unknown>>();
  const nowIso = () => clock.now().toISOString();
  let timer: NodeJS.Timeout | undefined;
  let stopped = true;
  let pumping = false;
  let again = false;

  async function handleReadPhoto({ jobId }: { jobId: number }): Promise<JobOutcome> {
    const job = await jobs.getJob(jobId);
    if (!job || job.state !== 'running') return { outcome: 'failed', reason: `job ${jobId} is not running` };
    try {
      const reading = await withTimeout(reader.read(await photos.readableBytes(job.sha256)), readTimeoutMs);
      if (!isFormReading(reading)) throw new Error('the reader returned something that is not a FormReading');
      await jobs.complete(job, reading, nowIso());
      return { outcome: 'done' };
    } catch (err) {
      const reason = describeFailure(err);
      if (afterFailure(job.attempts, maxAttempts) === 'failed') {
        await jobs.fail(job, reason, nowIso());
        logger.warn('photo reading failed', { jobId, sha256: job.sha256, attempts: job.attempts, reason });
        return { outcome: 'failed', reason };
      }
      const runAfter = new Date(clock.now().getTime() + retryDelayMs(job.attempts, retryBaseMs)).toISOString();
      await jobs.retry(job, reason, runAfter, nowIso());
      return { outcome: 'retry', reason };
    }
  }

  async function pump(): Promise<void> {
    if (pumping) {
      again = true;
      return;
    }
    pumping = true;
    try {
      do {
        again = false;
        while (!stopped && running.size < concurrency) {
          const jobId = await jobs.claimNext(nowIso());
          if (jobId === undefined) break;
          const work: Promise<unknown> = handleReadPhoto({ jobId })
            .catch((err) => logger.error('reading job crashed', { jobId, err }))
            .finally(() => {
              running.delete(work);
              void pump();
            });
          running.add(work);
        }
      } while (again && !stopped);
    } finally {
      pumping = false;
    }
  }

  const safePump = () => pump().catch((err) => logger.error('reading queue pump failed', { err }));

  return {
    handleReadPhoto,
    async start() {
      const recovered = await jobs.recoverRunning(nowIso(), maxAttempts);
      if (recovered.requeued || recovered.failed) logger.info('reading jobs recovered after a restart', recovered);
      stopped = false;
      timer = setInterval(safePump, pollMs);
      timer.unref();
      void safePump();
      return recovered;
    },
    wake: () => void safePump(),
    async stop() {
      stopped = true;
      clearInterval(timer);
      await Promise.all(running);
    },
    async idle() {
      for (;;) {
        await Promise.all(running);
        await safePump();
        const due = stopped ? 0 : await jobs.countDue(nowIso());
        // Checked after the query: a pump that started meanwhile may hold a claimed job not yet in `running`.
        if (due === 0 && running.size === 0 && !pumping) return;
        await new Promise((r) => setTimeout(r, 5));
      }
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error(`no answer from the reader within ${ms} ms`), { reason: 'timeout' })),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
