import type { Database } from '../../db/database.ts';
import type { ImageType, PhotoReference } from './photos.logic.ts';

export type PhotoRow = {
  sha256: string;
  type: ImageType;
  size_bytes: number;
  width: number;
  height: number;
  dhash: string;
  captured_at: string | null;
  device_make: string | null;
  device_model: string | null;
  gps_lat: number | null;
  gps_lon: number | null;
  created_at: string;
};

export type ReferenceRow = {
  submission_id: number;
  tps_code: string;
  status: PhotoReference['status'];
  user_id: number;
  owner_banned: number;
  verified: number;
};

const marks = (n: number) => Array.from({ length: n }, () => '?').join(',');

/**
 * Parameterised SQL of photos. `listReferences` reads the submission, user and moderation tables (read
 * only, as the moderation queue's evidence queries read the submission tables): whether a photo may be
 * shown depends on them.
 */
export function createPhotosRepository(db: Database) {
  return {
    getPhoto(sha256: string): Promise<PhotoRow | undefined> {
      return db.get('SELECT * FROM photos WHERE sha256 = ?', [sha256]);
    },
    listPhotos(shas: readonly string[]): Promise<PhotoRow[]> {
      if (shas.length === 0) return Promise.resolve([]);
      return db.all(`SELECT * FROM photos WHERE sha256 IN (${shas.map(() => '?').join(',')})`, shas);
    },
    /** Idempotent: the same bytes uploaded again keep the first row. */
    async insertPhoto(tx: Database, row: PhotoRow, bands: readonly number[]): Promise<void> {
      await tx.run(
        `INSERT OR IGNORE INTO photos (sha256, type, size_bytes, width, height, dhash, dhash_b0, dhash_b1, dhash_b2, dhash_b3,
           captured_at, device_make, device_model, gps_lat, gps_lon, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          row.sha256,
          row.type,
          row.size_bytes,
          row.width,
          row.height,
          row.dhash,
          ...bands,
          row.captured_at,
          row.device_make,
          row.device_model,
          row.gps_lat,
          row.gps_lon,
          row.created_at,
        ],
      );
    },
    /** Photos sharing a band value (or a one-bit variant of it) with the hash: the near-duplicate candidates. */
    findByBands(variants: readonly (readonly number[])[]): Promise<{ sha256: string; dhash: string }[]> {
      const where = variants.map((v, i) => `dhash_b${i} IN (${v.map(() => '?').join(',')})`).join(' OR ');
      return db.all(`SELECT sha256, dhash FROM photos WHERE ${where} LIMIT 5000`, variants.flat());
    },

    /** Which of these hashes have a photo row, read on the caller's connection (inside its transaction). */
    async listExisting(tx: Database, shas: readonly string[]): Promise<Set<string>> {
      if (shas.length === 0) return new Set();
      const rows = await tx.all<{ sha256: string }>(
        `SELECT sha256 FROM photos WHERE sha256 IN (${marks(shas.length)})`,
        shas,
      );
      return new Set(rows.map((r) => r.sha256));
    },
    async listTakenDown(tx: Database, shas: readonly string[]): Promise<Set<string>> {
      if (shas.length === 0) return new Set();
      const rows = await tx.all<{ sha256: string }>(
        `SELECT sha256 FROM photo_takedowns WHERE sha256 IN (${marks(shas.length)})`,
        shas,
      );
      return new Set(rows.map((r) => r.sha256));
    },
    async insertTakedown(tx: Database, sha256: string, decisionId: number, nowIso: string): Promise<void> {
      await tx.run('INSERT INTO photo_takedowns (sha256, decision_id, at) VALUES (?, ?, ?)', [
        sha256,
        decisionId,
        nowIso,
      ]);
    },
    /**
     * The submissions holding a photo, with what decides whether it is shown: status, whether the witness is
     * banned, and whether the TPS's verified figures currently come from the submission (the newest
     * set-verified or clear-verified decision of its TPS is a set-verified from it).
     */
    listReferences(tx: Database, sha256: string): Promise<ReferenceRow[]> {
      return tx.all(
        `SELECT s.id AS submission_id, s.tps_code, s.status, s.user_id, u.banned_at IS NOT NULL AS owner_banned,
           coalesce((SELECT l.action = 'set-verified' AND l.submission_id = s.id FROM moderation_log l
                     WHERE l.tps_code = s.tps_code AND l.action IN ('set-verified', 'clear-verified') ORDER BY l.id DESC LIMIT 1), 0) AS verified
         FROM submission_photos p JOIN submissions s ON s.id = p.submission_id JOIN users u ON u.id = s.user_id
         WHERE p.sha256 = ? ORDER BY s.id`,
        [sha256],
      );
    },
  };
}
