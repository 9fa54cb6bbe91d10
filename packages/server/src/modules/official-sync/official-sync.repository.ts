import type { Database } from '../../db/database.ts';
import type { UrlStateRow } from './official-sync.logic.ts';

export type { UrlStateRow };

export type CycleRow = {
  id: number;
  region: string;
  started_at: string;
  finished_at: string | null;
  position: string | null;
  fetched: number;
  not_modified: number;
  changed: number;
  failed: number;
  photos: number;
};
export type CycleCounts = Pick<CycleRow, 'fetched' | 'not_modified' | 'changed' | 'failed' | 'photos'>;

export type OfficialPhotoRow = {
  id: number;
  tps_code: string;
  page: number;
  url: string;
  sha256: string;
  first_seen: string;
  last_seen: string;
};

const marks = (n: number) => Array.from({ length: n }, () => '?').join(',');

/** Parameterised SQL of the follower: per-URL state, cycles (the cursor), KPU's aggregates and archived photos. */
export function createOfficialSyncRepository(db: Database) {
  return {
    getUrlState(path: string): Promise<UrlStateRow | undefined> {
      return db.get('SELECT * FROM official_sync_urls WHERE path = ?', [path]);
    },
    async listUrlStates(paths: readonly string[]): Promise<Map<string, UrlStateRow>> {
      if (paths.length === 0) return new Map();
      const rows = await db.all<UrlStateRow>(
        `SELECT * FROM official_sync_urls WHERE path IN (${marks(paths.length)})`,
        paths,
      );
      return new Map(rows.map((r) => [r.path, r]));
    },
    /** Writes the whole state of a URL (the caller merged it with the stored one). */
    async upsertUrlState(tx: Database, s: UrlStateRow): Promise<void> {
      await tx.run(
        `INSERT INTO official_sync_urls (path, kind, code, etag, last_modified, body_hash, body, images_json, complete, checked_at, changed_at,
           next_at, cycle_id, error, error_at, error_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (path) DO UPDATE SET kind = excluded.kind, code = excluded.code, etag = excluded.etag, last_modified = excluded.last_modified,
           body_hash = excluded.body_hash, body = excluded.body, images_json = excluded.images_json, complete = excluded.complete,
           checked_at = excluded.checked_at, changed_at = excluded.changed_at, next_at = excluded.next_at, cycle_id = excluded.cycle_id,
           error = excluded.error, error_at = excluded.error_at, error_count = excluded.error_count`,
        [
          s.path,
          s.kind,
          s.code,
          s.etag,
          s.last_modified,
          s.body_hash,
          s.body,
          s.images_json,
          s.complete,
          s.checked_at,
          s.changed_at,
          s.next_at,
          s.cycle_id,
          s.error,
          s.error_at,
          s.error_count,
        ],
      );
    },

    getOpenCycle(region: string): Promise<CycleRow | undefined> {
      return db.get(
        'SELECT * FROM official_sync_cycles WHERE region = ? AND finished_at IS NULL ORDER BY id DESC LIMIT 1',
        [region],
      );
    },
    async insertCycle(region: string, startedAt: string): Promise<number> {
      return (await db.run('INSERT INTO official_sync_cycles (region, started_at) VALUES (?, ?)', [region, startedAt]))
        .lastID;
    },
    async addToCycle(tx: Database, id: number, d: CycleCounts, position: string | null): Promise<void> {
      await tx.run(
        `UPDATE official_sync_cycles SET fetched = fetched + ?, not_modified = not_modified + ?, changed = changed + ?, failed = failed + ?,
           photos = photos + ?, position = coalesce(?, position) WHERE id = ?`,
        [d.fetched, d.not_modified, d.changed, d.failed, d.photos, position, id],
      );
    },
    async finishCycle(id: number, finishedAt: string): Promise<void> {
      await db.run('UPDATE official_sync_cycles SET finished_at = ? WHERE id = ?', [finishedAt, id]);
    },
    getCycle(id: number): Promise<CycleRow | undefined> {
      return db.get('SELECT * FROM official_sync_cycles WHERE id = ?', [id]);
    },

    /** A new row for an answer not seen before, otherwise its last_seen moves; true when it was new. */
    async upsertAggregate(
      tx: Database,
      a: { code: string; bodyHash: string; docTs: string | null; body: string; at: string },
    ): Promise<boolean> {
      const result = await tx.run(
        `INSERT INTO official_aggregates (code, body_hash, doc_ts, body, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (code, body_hash) DO NOTHING`,
        [a.code, a.bodyHash, a.docTs, a.body, a.at, a.at],
      );
      if (result.changes === 0)
        await tx.run('UPDATE official_aggregates SET last_seen = ? WHERE code = ? AND body_hash = ?', [
          a.at,
          a.code,
          a.bodyHash,
        ]);
      return result.changes > 0;
    },

    /** The newest archived version of an image URL, if any. */
    getLatestPhotoByUrl(url: string): Promise<OfficialPhotoRow | undefined> {
      return db.get('SELECT * FROM official_photos WHERE url = ? ORDER BY first_seen DESC, id DESC LIMIT 1', [url]);
    },
    /** A version (TPS, page, URL, bytes) not archived yet, or last_seen renewed on the one that is; true when it was new. */
    async upsertPhotoVersion(
      tx: Database,
      p: { tps: string; page: number; url: string; sha256: string; at: string },
    ): Promise<boolean> {
      const result = await tx.run(
        `INSERT INTO official_photos (tps_code, page, url, sha256, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (tps_code, page, url, sha256) DO NOTHING`,
        [p.tps, p.page, p.url, p.sha256, p.at, p.at],
      );
      if (result.changes === 0) {
        await tx.run(
          'UPDATE official_photos SET last_seen = ? WHERE tps_code = ? AND page = ? AND url = ? AND sha256 = ?',
          [p.at, p.tps, p.page, p.url, p.sha256],
        );
      }
      return result.changes > 0;
    },
    /** Renews last_seen of the newest version of each URL a document still names. */
    async touchPhotoUrls(tx: Database, urls: readonly string[], at: string): Promise<void> {
      if (urls.length === 0) return;
      await tx.run(
        `UPDATE official_photos SET last_seen = ? WHERE id IN (
           SELECT max(id) FROM official_photos WHERE url IN (${marks(urls.length)}) GROUP BY url)`,
        [at, ...urls],
      );
    },
    listPhotos(tpsCode: string): Promise<OfficialPhotoRow[]> {
      return db.all('SELECT * FROM official_photos WHERE tps_code = ? ORDER BY page, first_seen, id', [tpsCode]);
    },
  };
}

export type OfficialSyncRepository = ReturnType<typeof createOfficialSyncRepository>;
