import type { Database } from '../../db/database.ts';
import type { ImageType } from './photos.logic.ts';

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
        [row.sha256, row.type, row.size_bytes, row.width, row.height, row.dhash, ...bands,
          row.captured_at, row.device_make, row.device_model, row.gps_lat, row.gps_lon, row.created_at],
      );
    },
    /** Photos sharing a band value (or a one-bit variant of it) with the hash: the near-duplicate candidates. */
    findByBands(variants: readonly (readonly number[])[]): Promise<{ sha256: string; dhash: string }[]> {
      const where = variants.map((v, i) => `dhash_b${i} IN (${v.map(() => '?').join(',')})`).join(' OR ');
      return db.all(`SELECT sha256, dhash FROM photos WHERE ${where} LIMIT 5000`, variants.flat());
    },
  };
}
