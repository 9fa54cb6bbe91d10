import type { Database } from '../../db/database.ts';
import type { PhotoState } from '@cocok/domain';

export type SubmissionStatus = 'pending' | 'confirmed' | 'withdrawn';
export type SubmissionRow = {
  id: number;
  tps_code: string;
  user_id: number;
  status: SubmissionStatus;
  created_at: string;
  confirmed_at: string | null;
  withdrawn_at: string | null;
};
export type SubmissionPhotoRow = {
  id: number;
  submission_id: number;
  sha256: string;
  position: number;
  state: PhotoState;
  page: number | null;
  reading: string | null;
  failure: string | null;
};
export type DuplicateRow = { submission_photo_id: number; other_tps_code: string; distance: number; exact: number };
export type ValueRow = {
  submission_id: number;
  field: string;
  machine_value: number | null;
  machine_confidence: number | null;
  machine_review: number | null;
  confirmed_value: number | null;
  confirmed_by: number;
  confirmed_at: string;
};
export type FlagRow = { submission_id: number; check_id: string; detail: string };

const marks = (n: number) => Array.from({ length: n }, () => '?').join(',');

export function createSubmissionsRepository(db: Database) {
  return {
    getSubmission(id: number): Promise<SubmissionRow | undefined> {
      return db.get('SELECT * FROM submissions WHERE id = ?', [id]);
    },
    listPhotos(submissionIds: readonly number[]): Promise<SubmissionPhotoRow[]> {
      if (submissionIds.length === 0) return Promise.resolve([]);
      return db.all(
        `SELECT * FROM submission_photos WHERE submission_id IN (${marks(submissionIds.length)}) ORDER BY submission_id, position`,
        submissionIds,
      );
    },
    listDuplicates(photoIds: readonly number[]): Promise<DuplicateRow[]> {
      if (photoIds.length === 0) return Promise.resolve([]);
      return db.all(
        `SELECT submission_photo_id, other_tps_code, distance, exact FROM photo_duplicates
         WHERE submission_photo_id IN (${marks(photoIds.length)}) ORDER BY distance`,
        photoIds,
      );
    },
    listValues(submissionIds: readonly number[]): Promise<ValueRow[]> {
      if (submissionIds.length === 0) return Promise.resolve([]);
      return db.all(
        `SELECT * FROM submission_values WHERE submission_id IN (${marks(submissionIds.length)})`,
        submissionIds,
      );
    },
    listFlags(submissionIds: readonly number[]): Promise<FlagRow[]> {
      if (submissionIds.length === 0) return Promise.resolve([]);
      return db.all(
        `SELECT * FROM submission_flags WHERE submission_id IN (${marks(submissionIds.length)}) ORDER BY check_id`,
        submissionIds,
      );
    },
    listConfirmedForTps(tpsCode: string): Promise<SubmissionRow[]> {
      return db.all(`SELECT * FROM submissions WHERE tps_code = ? AND status = 'confirmed' ORDER BY confirmed_at, id`, [
        tpsCode,
      ]);
    },
    async countUserSubmissionsSince(tx: Database, userId: number, sinceIso: string): Promise<number> {
      const row = await tx.get<{ n: number }>(
        'SELECT count(*) AS n FROM submissions WHERE user_id = ? AND created_at > ?',
        [userId, sinceIso],
      );
      return row?.n ?? 0;
    },
    /** Unconfirmed, not withdrawn submissions of a TPS made by ordinary witnesses. */
    async countPendingWitnessSubmissions(tx: Database, tpsCode: string): Promise<number> {
      const row = await tx.get<{ n: number }>(
        `SELECT count(*) AS n FROM submissions s JOIN users u ON u.id = s.user_id
         WHERE s.tps_code = ? AND s.status = 'pending' AND u.role = 'witness'`,
        [tpsCode],
      );
      return row?.n ?? 0;
    },
    /** Which of these photos this user already sent for this TPS, in a submission not withdrawn. */
    listMineForTps(
      userId: number,
      tpsCode: string,
      shas: readonly string[],
    ): Promise<{ sha256: string; submission_id: number }[]> {
      return db.all(
        `SELECT p.sha256, min(s.id) AS submission_id FROM submission_photos p JOIN submissions s ON s.id = p.submission_id
         WHERE s.user_id = ? AND s.tps_code = ? AND s.status != 'withdrawn' AND p.sha256 IN (${marks(shas.length)})
         GROUP BY p.sha256`,
        [userId, tpsCode, ...shas],
      );
    },
    /** Submission photos (not withdrawn) with any of these originals, with their TPS. */
    listPhotosByShas(shas: readonly string[]): Promise<{ id: number; sha256: string; tps_code: string }[]> {
      if (shas.length === 0) return Promise.resolve([]);
      return db.all(
        `SELECT p.id, p.sha256, s.tps_code FROM submission_photos p JOIN submissions s ON s.id = p.submission_id
         WHERE s.status != 'withdrawn' AND p.sha256 IN (${marks(shas.length)})`,
        shas,
      );
    },
    async insertSubmission(tx: Database, tpsCode: string, userId: number, nowIso: string): Promise<number> {
      const { lastID } = await tx.run('INSERT INTO submissions (tps_code, user_id, created_at) VALUES (?, ?, ?)', [
        tpsCode,
        userId,
        nowIso,
      ]);
      return lastID;
    },
    async insertPhoto(tx: Database, submissionId: number, sha256: string, position: number): Promise<number> {
      const { lastID } = await tx.run(
        'INSERT INTO submission_photos (submission_id, sha256, position) VALUES (?, ?, ?)',
        [submissionId, sha256, position],
      );
      return lastID;
    },
    async insertDuplicate(
      tx: Database,
      photoId: number,
      d: { otherSubmissionPhotoId: number; otherTps: string; distance: number; exact: boolean },
    ): Promise<void> {
      await tx.run(
        'INSERT OR IGNORE INTO photo_duplicates (submission_photo_id, other_submission_photo_id, other_tps_code, distance, exact) VALUES (?, ?, ?, ?, ?)',
        [photoId, d.otherSubmissionPhotoId, d.otherTps, d.distance, d.exact ? 1 : 0],
      );
    },
    /** All of a confirm's values in one statement (28 rows of 8 parameters, far below SQLite's limit). */
    async insertValues(tx: Database, rows: readonly ValueRow[]): Promise<void> {
      if (rows.length === 0) return;
      await tx.run(
        `INSERT INTO submission_values (submission_id, field, machine_value, machine_confidence, machine_review, confirmed_value, confirmed_by, confirmed_at)
         VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        rows.flatMap((r) => [
          r.submission_id,
          r.field,
          r.machine_value,
          r.machine_confidence,
          r.machine_review,
          r.confirmed_value,
          r.confirmed_by,
          r.confirmed_at,
        ]),
      );
    },
    async insertFlags(tx: Database, rows: readonly FlagRow[]): Promise<void> {
      if (rows.length === 0) return;
      await tx.run(
        `INSERT INTO submission_flags (submission_id, check_id, detail) VALUES ${rows.map(() => '(?, ?, ?)').join(', ')}`,
        rows.flatMap((r) => [r.submission_id, r.check_id, r.detail]),
      );
    },
    /** Moves pending -> confirmed; false when the submission was not pending any more (a concurrent change). */
    async markConfirmed(tx: Database, id: number, nowIso: string): Promise<boolean> {
      const { changes } = await tx.run(
        `UPDATE submissions SET status = 'confirmed', confirmed_at = ? WHERE id = ? AND status = 'pending'`,
        [nowIso, id],
      );
      return changes === 1;
    },
    /** True when the submission was not withdrawn before (the crowd figures of its TPS change). */
    async markWithdrawn(tx: Database, id: number, nowIso: string): Promise<boolean> {
      const { changes } = await tx.run(
        `UPDATE submissions SET status = 'withdrawn', withdrawn_at = ? WHERE id = ? AND status != 'withdrawn'`,
        [nowIso, id],
      );
      return changes === 1;
    },
    listAllForTps(tpsCode: string): Promise<SubmissionRow[]> {
      return db.all('SELECT * FROM submissions WHERE tps_code = ? ORDER BY id', [tpsCode]);
    },
    /** A witness's own submissions, newest first (their "my submissions" list). */
    listRecentOfUser(userId: number, limit: number): Promise<SubmissionRow[]> {
      return db.all('SELECT * FROM submissions WHERE user_id = ? ORDER BY id DESC LIMIT ?', [userId, limit]);
    },
    listActiveOfUser(userId: number): Promise<SubmissionRow[]> {
      return db.all(`SELECT * FROM submissions WHERE user_id = ? AND status != 'withdrawn' ORDER BY id`, [userId]);
    },
    async moveSubmission(tx: Database, id: number, tpsCode: string): Promise<void> {
      await tx.run('UPDATE submissions SET tps_code = ? WHERE id = ?', [tpsCode, id]);
    },
    /** Confirmed submissions with a TPS code in [from, to] (inclusive), for the crowd observations (crowd-observations.ts). */
    listConfirmedInRange(from: string, to: string): Promise<{ id: number; tps_code: string; user_id: number }[]> {
      return db.all(
        `SELECT id, tps_code, user_id FROM submissions WHERE tps_code >= ? AND tps_code <= ? AND status = 'confirmed' ORDER BY tps_code, id`,
        [from, to],
      );
    },
    listConfirmedPhotosInRange(
      from: string,
      to: string,
    ): Promise<{ submission_id: number; sha256: string; page: number | null }[]> {
      return db.all(
        `SELECT p.submission_id, p.sha256, p.page FROM submissions s JOIN submission_photos p ON p.submission_id = s.id
         WHERE s.tps_code >= ? AND s.tps_code <= ? AND s.status = 'confirmed' ORDER BY p.submission_id, p.position`,
        [from, to],
      );
    },
    listConfirmedValuesInRange(
      from: string,
      to: string,
    ): Promise<{ submission_id: number; field: string; confirmed_value: number | null }[]> {
      return db.all(
        `SELECT v.submission_id, v.field, v.confirmed_value FROM submissions s JOIN submission_values v ON v.submission_id = s.id
         WHERE s.tps_code >= ? AND s.tps_code <= ? AND s.status = 'confirmed'`,
        [from, to],
      );
    },
  };
}

export type SubmissionsRepository = ReturnType<typeof createSubmissionsRepository>;
