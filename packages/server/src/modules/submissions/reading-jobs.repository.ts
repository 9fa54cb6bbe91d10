import type { Database } from '../../db/database.ts';
import type { FormReading } from '@cocok/domain';

export type ReadingJobRow = {
  id: number;
  submission_photo_id: number;
  state: 'queued' | 'running' | 'done' | 'failed';
  attempts: number;
  last_error: string | null;
  sha256: string;
};

/** The queue's table. Every change of a job also sets its photo's state, in the same transaction. */
export function createReadingJobsRepository(db: Database) {
  const setPhoto = (
    tx: Database,
    photoId: number,
    state: string,
    extra: { page?: number | null; reading?: string; failure?: string | null } = {},
  ) =>
    tx.run('UPDATE submission_photos SET state = ?, page = ?, reading = ?, failure = ? WHERE id = ?', [
      state,
      extra.page ?? null,
      extra.reading ?? null,
      extra.failure ?? null,
      photoId,
    ]);

  return {
    async insertJob(tx: Database, submissionPhotoId: number, nowIso: string): Promise<void> {
      await tx.run(
        'INSERT INTO reading_jobs (submission_photo_id, run_after, created_at, updated_at) VALUES (?, ?, ?, ?)',
        [submissionPhotoId, nowIso, nowIso, nowIso],
      );
    },
    getJob(id: number): Promise<ReadingJobRow | undefined> {
      return db.get(
        `SELECT j.id, j.submission_photo_id, j.state, j.attempts, j.last_error, p.sha256
         FROM reading_jobs j JOIN submission_photos p ON p.id = j.submission_photo_id WHERE j.id = ?`,
        [id],
      );
    },
    /** Jobs left `running` by a process that died: back to the queue, or failed when out of attempts. */
    recoverRunning(nowIso: string, maxAttempts: number): Promise<{ requeued: number; failed: number }> {
      return db.transaction(async (tx) => {
        const rows = await tx.all<{ id: number; submission_photo_id: number; attempts: number }>(
          `SELECT id, submission_photo_id, attempts FROM reading_jobs WHERE state = 'running'`,
        );
        let failed = 0;
        for (const r of rows) {
          const giveUp = r.attempts >= maxAttempts;
          const reason = giveUp ? `interrupted: the server stopped while reading, ${r.attempts} times` : null;
          await tx.run(
            'UPDATE reading_jobs SET state = ?, last_error = coalesce(?, last_error), run_after = ?, updated_at = ? WHERE id = ?',
            [giveUp ? 'failed' : 'queued', reason, nowIso, nowIso, r.id],
          );
          await setPhoto(tx, r.submission_photo_id, giveUp ? 'failed' : 'uploaded', { failure: reason });
          if (giveUp) failed++;
        }
        return { requeued: rows.length - failed, failed };
      });
    },
    /** Takes the oldest job that is due and marks it (and its photo) as reading. */
    claimNext(nowIso: string): Promise<number | undefined> {
      return db.transaction(async (tx) => {
        const job = await tx.get<{ id: number; submission_photo_id: number }>(
          `SELECT id, submission_photo_id FROM reading_jobs WHERE state = 'queued' AND run_after <= ? ORDER BY id LIMIT 1`,
          [nowIso],
        );
        if (!job) return undefined;
        await tx.run(
          `UPDATE reading_jobs SET state = 'running', attempts = attempts + 1, updated_at = ? WHERE id = ?`,
          [nowIso, job.id],
        );
        await setPhoto(tx, job.submission_photo_id, 'reading');
        return job.id;
      });
    },
    complete(job: ReadingJobRow, reading: FormReading, nowIso: string): Promise<void> {
      return db.transaction(async (tx) => {
        await tx.run(`UPDATE reading_jobs SET state = 'done', last_error = NULL, updated_at = ? WHERE id = ?`, [
          nowIso,
          job.id,
        ]);
        // A photo that is not a form page is still 'read': its reading says why (reason, message).
        await setPhoto(tx, job.submission_photo_id, 'read', { page: reading.page, reading: JSON.stringify(reading) });
      });
    },
    retry(job: ReadingJobRow, reason: string, runAfterIso: string, nowIso: string): Promise<void> {
      return db.transaction(async (tx) => {
        await tx.run(
          `UPDATE reading_jobs SET state = 'queued', last_error = ?, run_after = ?, updated_at = ? WHERE id = ?`,
          [reason, runAfterIso, nowIso, job.id],
        );
        await setPhoto(tx, job.submission_photo_id, 'uploaded');
      });
    },
    fail(job: ReadingJobRow, reason: string, nowIso: string): Promise<void> {
      return db.transaction(async (tx) => {
        await tx.run(`UPDATE reading_jobs SET state = 'failed', last_error = ?, updated_at = ? WHERE id = ?`, [
          reason,
          nowIso,
          job.id,
        ]);
        await setPhoto(tx, job.submission_photo_id, 'failed', { failure: reason });
      });
    },
    async countDue(nowIso: string): Promise<number> {
      const row = await db.get<{ n: number }>(
        `SELECT count(*) AS n FROM reading_jobs WHERE state = 'queued' AND run_after <= ?`,
        [nowIso],
      );
      return row?.n ?? 0;
    },
  };
}

export type ReadingJobsRepository = ReturnType<typeof createReadingJobsRepository>;
