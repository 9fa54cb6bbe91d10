import type { Database } from '../../db/database.ts';
import { FIELDS } from '@cocok/domain';
import { ROLLUP_COLUMNS, type Contribution } from '@cocok/domain';
import type { ComparisonStatus } from '@cocok/domain';

/**
 * SQL of the comparison. It writes only its own tables (tps_comparisons, crowd_rollups). Its inputs are
 * other modules' rows, read inside the transaction of the change that triggered it and in TPS code ranges
 * [from, to] (inclusive) so one TPS and a whole region go through the same code. Where the owner has a read
 * model, the comparison uses it: the confirmed submissions come from the submissions module
 * (submissions/crowd-observations.ts), the region a list is about from the regions service. Read here
 * still: KPU's current figures (official_current, official_versions) and the moderators' verdicts
 * (official_disputes, crowd_overrides: the tables migrations 0004/0005 made as the comparison's inputs,
 * written by moderation, which itself reaches the comparison only through its port); and the joins of the
 * mismatch pages and exports (names from tps/regions, figures from official), one statement per page by
 * design (see listByImpact), which no composition of other modules' reads could match.
 */
export type OfficialRow = { tps_code: string; flag_count: number; version_id: number } & Record<string, number | null>;
export type DisputeRow = { tps_code: string; field: string; official_version_id: number | null };
export type OverrideRow = {
  tps_code: string;
  field: string;
  value: number | null;
  decided_by: number;
  decided_at: string;
};
export type ComparisonRow = {
  tps_code: string;
  status: Exclude<ComparisonStatus, 'no_crowd'>;
  impact: number;
  submissions: number;
  detail: string;
};
export type ExportRow = {
  code: string;
  name: string;
  status: string | null;
  impact: number | null;
  detail: string | null;
  flag_count: number | null;
} & Record<string, unknown>;
export type MismatchRow = ComparisonRow & {
  name: string;
  village_name: string | null;
  district_name: string | null;
  regency_name: string | null;
  province_name: string | null;
};

const rollupUpsert = (rows: number) =>
  `INSERT INTO crowd_rollups (code, ${ROLLUP_COLUMNS.join(', ')}) VALUES ${Array.from({ length: rows }, () => `(?, ${ROLLUP_COLUMNS.map(() => '?').join(', ')})`).join(', ')}
   ON CONFLICT (code) DO UPDATE SET ${ROLLUP_COLUMNS.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`;

export function createComparisonRepository(db: Database) {
  return {
    listOfficial(tx: Database, from: string, to: string): Promise<OfficialRow[]> {
      return tx.all(
        `SELECT c.tps_code, c.flag_count, c.version_id, ${FIELDS.map((f) => `v.${f}`).join(', ')}
         FROM official_current c JOIN official_versions v ON v.id = c.version_id WHERE c.tps_code >= ? AND c.tps_code <= ?`,
        [from, to],
      );
    },
    /** Moderators' official-wrong verdicts (written by the moderation module, table of migration 0005). */
    listDisputes(tx: Database, from: string, to: string): Promise<DisputeRow[]> {
      return tx.all(
        'SELECT tps_code, field, official_version_id FROM official_disputes WHERE tps_code >= ? AND tps_code <= ?',
        [from, to],
      );
    },
    listOverrides(tx: Database, from: string, to: string): Promise<OverrideRow[]> {
      return tx.all(
        'SELECT tps_code, field, value, decided_by, decided_at FROM crowd_overrides WHERE tps_code >= ? AND tps_code <= ?',
        [from, to],
      );
    },
    listComparisons(tx: Database, from: string, to: string): Promise<ComparisonRow[]> {
      return tx.all(
        'SELECT tps_code, status, impact, submissions, detail FROM tps_comparisons WHERE tps_code >= ? AND tps_code <= ? ORDER BY tps_code',
        [from, to],
      );
    },
    async upsertComparison(tx: Database, row: ComparisonRow, nowIso: string): Promise<void> {
      await tx.run(
        `INSERT INTO tps_comparisons (tps_code, status, impact, submissions, detail, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (tps_code) DO UPDATE SET status = excluded.status, impact = excluded.impact, submissions = excluded.submissions,
           detail = excluded.detail, updated_at = excluded.updated_at`,
        [row.tps_code, row.status, row.impact, row.submissions, row.detail, nowIso],
      );
    },
    async deleteComparison(tx: Database, tpsCode: string): Promise<void> {
      await tx.run('DELETE FROM tps_comparisons WHERE tps_code = ?', [tpsCode]);
    },
    /** Adds each region's delta to its crowd rollup (creating the row at zero first). */
    async addToRollups(tx: Database, deltas: ReadonlyMap<string, Contribution>): Promise<void> {
      const entries = [...deltas];
      const perStatement = Math.max(1, Math.floor(30_000 / (ROLLUP_COLUMNS.length + 1)));
      for (let i = 0; i < entries.length; i += perStatement) {
        const chunk = entries.slice(i, i + perStatement);
        await tx.run(
          rollupUpsert(chunk.length),
          chunk.flatMap(([code, d]) => [code, ...ROLLUP_COLUMNS.map((c) => d[c] ?? 0)]),
        );
      }
    },
    listRollups(codes: readonly string[]): Promise<(Contribution & { code: string })[]> {
      if (codes.length === 0) return Promise.resolve([]);
      return db.all(`SELECT * FROM crowd_rollups WHERE code IN (${codes.map(() => '?').join(',')})`, codes);
    },
    /**
     * One page of a status's TPS below a code prefix, by impact (highest first), then code. The page's codes
     * come from a covering index first (the nation walks the impact index; a region its key range, whose
     * few rows are sorted), and only then are the page's rows with their detail read. The location (village,
     * district, regency, province names) comes from the same statement: four primary-key lookups per row
     * of the page, never a query per item.
     */
    listByImpact(q: {
      prefix: string;
      status: string;
      limit: number;
      after?: { impact: number; code: string };
    }): Promise<MismatchRow[]> {
      // The planner picks tps_comparisons_by_region by itself for a range; the nation has no range to go on.
      const index = q.prefix === '' ? 'INDEXED BY tps_comparisons_by_impact' : '';
      const keyset = q.after ? 'AND (impact < ? OR (impact = ? AND tps_code > ?))' : '';
      return db.all(
        `SELECT c.tps_code, c.status, c.impact, c.submissions, c.detail, t.name, r.name AS village_name,
                d.name AS district_name, g.name AS regency_name, p.name AS province_name
         FROM (SELECT tps_code FROM tps_comparisons ${index}
               WHERE status = ? AND tps_code >= ? AND tps_code < ? ${keyset} ORDER BY impact DESC, tps_code LIMIT ?) page
         JOIN tps_comparisons c ON c.tps_code = page.tps_code JOIN tps t ON t.code = c.tps_code LEFT JOIN regions r ON r.code = t.village_code
           LEFT JOIN regions d ON d.code = r.parent_code LEFT JOIN regions g ON g.code = d.parent_code LEFT JOIN regions p ON p.code = g.parent_code
         ORDER BY c.impact DESC, c.tps_code`,
        [
          q.status,
          q.prefix,
          `${q.prefix}~`,
          ...(q.after ? [q.after.impact, q.after.impact, q.after.code] : []),
          q.limit,
        ],
      );
    },
    /**
     * Code, status and impact of every TPS in these statuses below a code prefix, read from a covering index
     * (the nation: status then impact; a region: its key range per status), never the detail column.
     */
    listStatusImpact(
      statuses: readonly string[],
      prefix: string,
    ): Promise<{ tps_code: string; status: ComparisonStatus; impact: number }[]> {
      const index = prefix === '' ? 'INDEXED BY tps_comparisons_by_impact' : 'INDEXED BY tps_comparisons_by_region';
      return db.all(
        `SELECT tps_code, status, impact FROM tps_comparisons ${index}
         WHERE status IN (${statuses.map(() => '?').join(',')}) AND tps_code >= ? AND tps_code < ?`,
        [...statuses, prefix, `${prefix}~`],
      );
    },
    /** The next `limit` TPS below a prefix after `afterCode`, with current official figures and the comparison. */
    listExportChunk(prefix: string, afterCode: string, limit: number): Promise<ExportRow[]> {
      return db.all(
        `SELECT t.code, t.name, c.status, c.impact, c.detail, oc.flag_count, ${FIELDS.map((f) => `v.${f}`).join(', ')}
         FROM tps t LEFT JOIN tps_comparisons c ON c.tps_code = t.code
           LEFT JOIN official_current oc ON oc.tps_code = t.code LEFT JOIN official_versions v ON v.id = oc.version_id
         WHERE t.code > ? AND t.code < ? ORDER BY t.code LIMIT ?`,
        [afterCode, `${prefix}~`, limit],
      );
    },
    async listTpsPage(tx: Database, afterCode: string, limit: number): Promise<string[]> {
      const rows = await tx.all<{ code: string }>('SELECT code FROM tps WHERE code > ? ORDER BY code LIMIT ?', [
        afterCode,
        limit,
      ]);
      return rows.map((r) => r.code);
    },
  };
}

export type ComparisonRepository = ReturnType<typeof createComparisonRepository>;
