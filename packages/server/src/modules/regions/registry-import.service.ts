import path from 'node:path';
import type { Database } from '../../db/database.ts';
import { readSimpleCsv } from '../../core/csv.ts';
import { NATION_CODE, ancestorsOfCode, validateRegistryRows, type RegionRow } from '@cocok/domain';
import { createRegionsRepository } from './regions.repository.ts';

const FILES = ['provinces.csv', 'regencies.csv', 'districts.csv', 'villages.csv.gz'] as const;
const TPS_FILE = 'tps.csv.gz';

export type RegistryImportResult =
  | { outcome: 'skipped'; reason: string; regions: number }
  | { outcome: 'imported'; regions: number; tps: number; ms: number };

export class RegistryFormatError extends Error {}

/**
 * Loads the KPU region tree (nation, provinces ... villages, TPS) from `dir` into an empty registry,
 * with each region's TPS count, in one transaction: a failed load leaves nothing behind.
 */
export async function importRegistry(db: Database, dir: string): Promise<RegistryImportResult> {
  const repo = createRegionsRepository(db);
  const existing = await repo.countRegions();
  if (existing > 0) return { outcome: 'skipped', reason: 'registry already loaded', regions: existing };
  const started = performance.now();

  const regions: RegionRow[] = [{ code: NATION_CODE, parentCode: null, level: 0, name: 'Indonesia' }];
  FILES.forEach((file, i) => {
    const rows = readChecked(path.join(dir, file), i + 1);
    for (const [code, parent, name] of rows)
      regions.push({ code, parentCode: parent || NATION_CODE, level: i + 1, name });
  });
  const tpsRows = readChecked(path.join(dir, TPS_FILE), 5) as unknown as [string, string, string][];
  const known = new Set(regions.map((r) => r.code));
  const orphan =
    regions.find((r) => r.parentCode !== null && !known.has(r.parentCode)) ?? tpsRows.find((t) => !known.has(t[1]));
  if (orphan)
    throw new RegistryFormatError(`Registry row ${JSON.stringify(orphan)} has a parent that is not in the registry`);

  const tpsCounts = countTpsPerRegion(regions, tpsRows);
  await db.transaction(async (tx) => {
    await repo.insertRegions(tx, regions);
    await repo.insertTps(tx, tpsRows);
    await repo.insertRollupCounts(tx, tpsCounts);
  });
  return {
    outcome: 'imported',
    regions: regions.length,
    tps: tpsRows.length,
    ms: Math.round(performance.now() - started),
  };
}

function readChecked(file: string, level: number): string[][] {
  const rows = readSimpleCsv(file);
  const problems = validateRegistryRows(rows, level);
  if (problems.length > 0) {
    throw new RegistryFormatError(
      `${path.basename(file)}: ${problems.map((p) => `${p.code}: ${p.problem}`).join('; ')}`,
    );
  }
  return rows;
}

function countTpsPerRegion(
  regions: readonly RegionRow[],
  tpsRows: readonly [string, string, string][],
): Map<string, number> {
  const counts = new Map<string, number>(regions.map((r) => [r.code, 0]));
  const perVillage = new Map<string, number>();
  for (const [, village] of tpsRows) perVillage.set(village, (perVillage.get(village) ?? 0) + 1);
  for (const [village, n] of perVillage) {
    for (const code of [...ancestorsOfCode(village), village]) counts.set(code, (counts.get(code) ?? 0) + n);
  }
  return counts;
}
