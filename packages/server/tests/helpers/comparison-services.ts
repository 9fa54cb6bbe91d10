/**
 * The services around the comparison wired as createApp wires them, on a temp database with the tiny
 * registry (tests/helpers/temp-db.ts), for service tests that follow confirms and official versions
 * into the comparison and its rollups.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import type { Clock } from '../../src/core/clock.ts';
import type { Database } from '../../src/db/database.ts';
import { importRegistry } from '../../src/modules/regions/registry-import.service.ts';
import { createRegionsService } from '../../src/modules/regions/regions.service.ts';
import { ancestorsOfCode } from '@cocok/domain';
import { createOfficialImportService } from '../../src/modules/official/official-import.service.ts';
import { createComparisonService } from '../../src/modules/comparison/comparison.service.ts';
import { ROLLUP_COLUMNS, contributionOf, zeroContribution, type Contribution } from '@cocok/domain';
import { createSubmissionsService } from '../../src/modules/submissions/submissions.service.ts';
import {
  createAccountsService,
  createArgon2Hasher,
  type SessionUser,
} from '../../src/modules/accounts/accounts.service.ts';
import { createPhotosService } from '../../src/modules/photos/photos.service.ts';
import { createFileStore } from '../../src/modules/photos/file-store.ts';
import { createSharpImageProcessor } from '../../src/modules/photos/image-processor.ts';
import { candidateFigures, insertReadPage2Submission } from './read-submission.ts';
import { createTempDatabase, writeTinyRegistry } from './temp-db.ts';

export type ComparisonServices = {
  db: Database;
  dir: string;
  comparison: ReturnType<typeof createComparisonService>;
  regions: ReturnType<typeof createRegionsService>;
  importer: ReturnType<typeof createOfficialImportService>;
  accounts: ReturnType<typeof createAccountsService>;
  submissions: ReturnType<typeof createSubmissionsService>;
  photos: ReturnType<typeof createPhotosService>;
  cleanup(): Promise<void>;
};

/** Official imports and crowd confirms both refresh the comparison in their own transaction, as in createApp. */
export async function createComparisonServices(dirPrefix: string, clock: Clock): Promise<ComparisonServices> {
  const ctx = await createTempDatabase(dirPrefix);
  const { db } = ctx;
  await importRegistry(db, writeTinyRegistry(ctx.dir));
  const comparison = createComparisonService({ db, clock });
  const regions = createRegionsService({ db });
  const importer = createOfficialImportService({
    db,
    clock,
    regions,
    onOfficialChanged: (tx, tps) => comparison.refreshTps(tx, tps),
  });
  const photos = createPhotosService({
    db,
    files: createFileStore(path.join(ctx.dir, 'uploads')),
    images: createSharpImageProcessor({ maxPixels: 1e6 }),
    clock,
  });
  const accounts = createAccountsService({
    db,
    clock,
    hasher: createArgon2Hasher({ memoryKib: 1024, timeCost: 1 }),
    sessionDays: 30,
  });
  const submissions = createSubmissionsService({
    db,
    photos,
    regions,
    accounts,
    clock,
    onCrowdChanged: (tx, tps) => comparison.refreshTps(tx, [tps]),
  });
  return { db, dir: ctx.dir, comparison, regions, importer, accounts, submissions, photos, cleanup: ctx.cleanup };
}

/** A witness's read submission of page 2, confirmed through the submissions service with the given candidate votes; returns its id. */
export async function confirmPage2(
  services: Pick<ComparisonServices, 'db' | 'submissions'>,
  clock: Clock,
  tps: string,
  user: SessionUser,
  votes: [number, number, number],
): Promise<number> {
  const id = await insertReadPage2Submission(services.db, tps, user.id, clock.now().toISOString());
  await services.submissions.confirm(id, user, candidateFigures(votes));
  return id;
}

/** Every region's crowd rollup equals the sum of its TPS's contributions, each TPS recomputed from raw rows. */
export async function assertRollupsAddUp(
  services: Pick<ComparisonServices, 'db' | 'comparison'>,
  tpsCodes: readonly string[],
): Promise<void> {
  const { db, comparison } = services;
  const expected = new Map<string, Contribution>();
  for (const tps of tpsCodes) {
    const fresh = contributionOf(await comparison.getTpsComparison(tps));
    for (const code of ancestorsOfCode(tps)) {
      const sum = expected.get(code) ?? zeroContribution();
      for (const c of ROLLUP_COLUMNS) sum[c] += fresh[c];
      expected.set(code, sum);
    }
  }
  const rows = await db.all<Contribution & { code: string }>('SELECT * FROM crowd_rollups');
  const stored = new Map(rows.map((r) => [r.code, r]));
  for (const [code, sum] of expected) {
    const row = stored.get(code) ?? zeroContribution();
    for (const c of ROLLUP_COLUMNS) assert.equal(row[c], sum[c], `${code}.${c}`);
  }
}
