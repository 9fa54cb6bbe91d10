import type { Database } from '../../db/database.ts';
import { insertMany } from '../../db/batch.ts';
import { FIELDS } from '@cocok/domain';
import type { RegionRow } from '@cocok/domain';

export type RollupRow = {
  code: string;
  tps_count: number;
  official_tps: number;
  official_chart_tps: number;
  flagged_tps: number;
} & Record<`official_${string}`, number>;

export type TpsRow = { code: string; village_code: string; name: string };
export type RegionRecord = { code: string; parent_code: string | null; level: number; name: string };

export const ROLLUP_SUM_COLUMNS = FIELDS.map((f) => `official_${f}`);

const SUM_TARGETS = `official_tps, official_chart_tps, flagged_tps, ${ROLLUP_SUM_COLUMNS.join(', ')}`;

export function createRegionsRepository(db: Database) {
  return {
    /** Recomputes a village's official totals from its TPS (a village holds at most a few dozen). */
    async refreshVillageRollup(tx: Database, villageCode: string): Promise<void> {
      await tx.run(
        `UPDATE region_rollups SET (${SUM_TARGETS}) = (
           SELECT count(*), coalesce(sum(v.has_chart), 0), coalesce(sum(c.flag_count > 0), 0),
                  ${FIELDS.map((f) => `coalesce(sum(v.${f}), 0)`).join(', ')}
           FROM official_current c JOIN official_versions v ON v.id = c.version_id
           WHERE c.tps_code BETWEEN ? AND ?)
         WHERE code = ?`,
        [`${villageCode}000`, `${villageCode}ZZZ`, villageCode],
      );
    },
    /** Recomputes a region's totals from its child regions' rollups. */
    async refreshRegionRollup(tx: Database, code: string): Promise<void> {
      await tx.run(
        `UPDATE region_rollups SET (${SUM_TARGETS}) = (
           SELECT ${['official_tps', 'official_chart_tps', 'flagged_tps', ...ROLLUP_SUM_COLUMNS].map((c) => `coalesce(sum(u.${c}), 0)`).join(', ')}
           FROM regions r JOIN region_rollups u ON u.code = r.code WHERE r.parent_code = ?)
         WHERE code = ?`,
        [code, code],
      );
    },
    async countRegions(): Promise<number> {
      const row = await db.get<{ n: number }>('SELECT count(*) AS n FROM regions');
      return row?.n ?? 0;
    },
    async insertRegions(tx: Database, rows: readonly RegionRow[]): Promise<void> {
      await insertMany(
        tx,
        'regions',
        ['code', 'parent_code', 'level', 'name'],
        rows.map((r) => [r.code, r.parentCode, r.level, r.name]),
      );
    },
    async insertTps(tx: Database, rows: readonly (readonly [string, string, string])[]): Promise<void> {
      await insertMany(tx, 'tps', ['code', 'village_code', 'name'], rows);
    },
    async insertRollupCounts(tx: Database, counts: ReadonlyMap<string, number>): Promise<void> {
      await insertMany(
        tx,
        'region_rollups',
        ['code', 'tps_count'],
        [...counts].map(([code, n]) => [code, n]),
      );
    },
    getRegion(code: string): Promise<RegionRecord | undefined> {
      return db.get('SELECT code, parent_code, level, name FROM regions WHERE code = ?', [code]);
    },
    listRegions(codes: readonly string[]): Promise<RegionRecord[]> {
      return db.all(
        `SELECT code, parent_code, level, name FROM regions WHERE code IN (${codes.map(() => '?').join(',')})`,
        codes,
      );
    },
    listChildRegions(parentCode: string): Promise<(RegionRecord & RollupRow)[]> {
      return db.all(
        `SELECT r.code, r.parent_code, r.level, r.name, u.* FROM regions r JOIN region_rollups u ON u.code = r.code
         WHERE r.parent_code = ? ORDER BY r.code`,
        [parentCode],
      );
    },
    getRollup(code: string): Promise<RollupRow | undefined> {
      return db.get('SELECT * FROM region_rollups WHERE code = ?', [code]);
    },
    getTps(code: string): Promise<TpsRow | undefined> {
      return db.get('SELECT code, village_code, name FROM tps WHERE code = ?', [code]);
    },
    /** A village's TPS with their current official figures (null columns where none). */
    listVillageTps(villageCode: string): Promise<(TpsRow & Record<string, unknown>)[]> {
      return db.all(
        `SELECT t.code, t.village_code, t.name, c.flag_count, v.has_chart, v.has_administrasi, ${FIELDS.map((f) => `v.${f}`).join(', ')}
         FROM tps t LEFT JOIN official_current c ON c.tps_code = t.code LEFT JOIN official_versions v ON v.id = c.version_id
         WHERE t.code BETWEEN ? AND ? ORDER BY t.code`,
        [`${villageCode}000`, `${villageCode}ZZZ`],
      );
    },
    /** Places whose name contains `text`: exact names first, then names starting with it, larger regions first. */
    searchRegionsByName(text: string, limit: number): Promise<RegionRecord[]> {
      const escaped = text.replace(/[\\%_]/g, (m) => `\\${m}`);
      return db.all(
        `SELECT code, parent_code, level, name FROM regions WHERE name LIKE ? ESCAPE '\\' AND level > 0
         ORDER BY name = ? DESC, name LIKE ? ESCAPE '\\' DESC, level, name LIMIT ?`,
        [`%${escaped}%`, text, `${escaped}%`, limit],
      );
    },
    searchTpsByCodePrefix(prefix: string, limit: number): Promise<TpsRow[]> {
      return db.all('SELECT code, village_code, name FROM tps WHERE code >= ? AND code < ? ORDER BY code LIMIT ?', [
        prefix,
        `${prefix}~`,
        limit,
      ]);
    },
  };
}

export type RegionsRepository = ReturnType<typeof createRegionsRepository>;
