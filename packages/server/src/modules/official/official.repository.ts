import type { Database } from '../../db/database.ts';
import { FIELDS } from '@cocok/domain';
import type { OfficialDocument } from './sirekap-document.logic.ts';
import type { CheckResult } from '@cocok/domain';

export type OfficialVersionRow = {
  id: number;
  tps_code: string;
  content_hash: string;
  doc_ts: string | null;
  imported_at: string;
  source: string;
  has_chart: number;
  has_administrasi: number;
  status_suara: number | null;
  status_adm: number | null;
  psu: string | null;
  image_1: string | null;
  image_2: string | null;
  image_3: string | null;
} & Record<string, number | string | null>;

export type FlagRow = { version_id: number; check_id: string; detail: string };

const VERSION_COLUMNS = [
  'tps_code',
  'content_hash',
  'doc_ts',
  'imported_at',
  'source',
  'has_chart',
  'has_administrasi',
  'status_suara',
  'status_adm',
  'psu',
  'image_1',
  'image_2',
  'image_3',
  ...FIELDS,
];
const boolOrNull = (b: boolean | null) => (b === null ? null : b ? 1 : 0);

export function createOfficialRepository(db: Database) {
  return {
    async tpsExists(tx: Database, tpsCode: string): Promise<boolean> {
      return (await tx.get('SELECT 1 AS one FROM tps WHERE code = ?', [tpsCode])) !== undefined;
    },
    getVersionIdByHash(tx: Database, tpsCode: string, hash: string): Promise<{ id: number } | undefined> {
      return tx.get('SELECT id FROM official_versions WHERE tps_code = ? AND content_hash = ?', [tpsCode, hash]);
    },
    async insertVersion(tx: Database, doc: OfficialDocument, source: string, importedAt: string): Promise<number> {
      const values = [
        doc.tpsCode,
        doc.contentHash,
        doc.docTs,
        importedAt,
        source,
        doc.hasChart ? 1 : 0,
        doc.hasAdministrasi ? 1 : 0,
        boolOrNull(doc.statusSuara),
        boolOrNull(doc.statusAdm),
        doc.psu,
        ...doc.images,
        ...FIELDS.map((f) => doc.fields[f]),
      ];
      const sql = `INSERT INTO official_versions (${VERSION_COLUMNS.join(',')}) VALUES (${VERSION_COLUMNS.map(() => '?').join(',')})`;
      return (await tx.run(sql, values)).lastID;
    },
    async insertFlags(tx: Database, versionId: number, failed: readonly CheckResult[]): Promise<void> {
      for (const f of failed) {
        const detail = JSON.stringify({ values: f.values, left: f.left, right: f.right });
        await tx.run('INSERT INTO official_flags (version_id, check_id, detail) VALUES (?, ?, ?)', [
          versionId,
          f.id,
          detail,
        ]);
      }
    },
    getCurrent(tx: Database, tpsCode: string): Promise<{ version_id: number; doc_ts: string | null } | undefined> {
      return tx.get(
        `SELECT c.version_id, v.doc_ts FROM official_current c JOIN official_versions v ON v.id = c.version_id WHERE c.tps_code = ?`,
        [tpsCode],
      );
    },
    async setCurrent(tx: Database, tpsCode: string, versionId: number, flagCount: number): Promise<void> {
      await tx.run(
        `INSERT INTO official_current (tps_code, version_id, flag_count) VALUES (?, ?, ?)
         ON CONFLICT (tps_code) DO UPDATE SET version_id = excluded.version_id, flag_count = excluded.flag_count`,
        [tpsCode, versionId, flagCount],
      );
    },
    listVersions(tpsCode: string): Promise<OfficialVersionRow[]> {
      return db.all('SELECT * FROM official_versions WHERE tps_code = ? ORDER BY doc_ts DESC, id DESC', [tpsCode]);
    },
    getCurrentVersionId(tpsCode: string): Promise<{ version_id: number } | undefined> {
      return db.get('SELECT version_id FROM official_current WHERE tps_code = ?', [tpsCode]);
    },
    listFlags(versionIds: readonly number[]): Promise<FlagRow[]> {
      if (versionIds.length === 0) return Promise.resolve([]);
      return db.all(
        `SELECT version_id, check_id, detail FROM official_flags WHERE version_id IN (${versionIds.map(() => '?').join(',')})`,
        versionIds,
      );
    },
    async countStats(): Promise<{ versions: number; current: number; flagged: number }> {
      const row = await db.get<{ versions: number; current: number; flagged: number }>(
        `SELECT (SELECT count(*) FROM official_versions) AS versions, (SELECT count(*) FROM official_current) AS current,
                (SELECT count(*) FROM official_current WHERE flag_count > 0) AS flagged`,
      );
      return row ?? { versions: 0, current: 0, flagged: 0 };
    },
  };
}

export type OfficialRepository = ReturnType<typeof createOfficialRepository>;
