import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import path from 'node:path';
import { createTempDatabase, sirekapDoc, writeTinyRegistry } from '../helpers/temp-db.ts';
import type { Database } from '../../server/src/db/database.ts';
import { fixedClock } from '../../server/src/core/clock.ts';
import { importRegistry } from '../../server/src/modules/regions/registry-import.service.ts';
import { createRegionsService } from '../../server/src/modules/regions/regions.service.ts';
import { ancestorsOfCode } from '../../server/src/modules/regions/regions.logic.ts';
import { createOfficialService } from '../../server/src/modules/official/official.service.ts';
import { createOfficialImportService } from '../../server/src/modules/official/official-import.service.ts';
import { createComparisonService } from '../../server/src/modules/comparison/comparison.service.ts';
import { ROLLUP_COLUMNS, contributionOf, zeroContribution, type Contribution } from '../../server/src/modules/comparison/comparison-rollups.logic.ts';
import { createSubmissionsService } from '../../server/src/modules/submissions/submissions.service.ts';
import { createAccountsService, createArgon2Hasher, type SessionUser } from '../../server/src/modules/accounts/accounts.service.ts';
import { createPhotosService } from '../../server/src/modules/photos/photos.service.ts';
import { createFileStore } from '../../server/src/modules/photos/file-store.ts';
import { createSharpImageProcessor } from '../../server/src/modules/photos/image-processor.ts';
import { createModerationService } from '../../server/src/modules/moderation/moderation.service.ts';
import { comparisonPortFrom, type ComparisonPort } from '../../server/src/modules/moderation/comparison-port.ts';

/**
 * A moderator's official-wrong decision as the comparison reads it, on real SQLite with the services wired
 * as in createApp: the disputed KPU figure keeps a TPS from `match`, is shown on the field and the TPS,
 * moves the rollups in the transaction of the audit row, and lapses when KPU publishes a new version.
 */
const [A1, A2, A3] = ['3101011001001', '3101011001002', '3101011001003'];
const ALL_TPS = [A1, A2, A3, '3101011003001', '3101011003002'];
const VILLAGE = '3101011001';

let ctx: Awaited<ReturnType<typeof createTempDatabase>>;
let db: Database;
const clock = fixedClock('2026-11-20T10:00:00Z');
let comparison: ReturnType<typeof createComparisonService>;
let submissions: ReturnType<typeof createSubmissionsService>;
let importer: ReturnType<typeof createOfficialImportService>;
let moderationWith: (port: ComparisonPort) => ReturnType<typeof createModerationService>;
let moderation: ReturnType<typeof createModerationService>;
type Staff = SessionUser & { role: 'moderator' | 'admin' };
const person = (id: number, role: SessionUser['role']) => ({ id, name: `Orang ${id}`, role, pseudonym: `Saksi-D${id}` });
const [w1, w2] = [person(1, 'witness'), person(2, 'witness')];
const mod = person(10, 'moderator') as Staff;

before(async () => {
  ctx = await createTempDatabase('cocok-disputes-');
  db = ctx.db;
  await importRegistry(db, writeTinyRegistry(ctx.dir));
  comparison = createComparisonService({ db, clock });
  const regions = createRegionsService({ db, comparison });
  const official = createOfficialService({ db, regions, comparison });
  importer = createOfficialImportService({ db, clock, regions, onOfficialChanged: (tx, tps) => comparison.refreshTps(tx, tps) });
  const photos = createPhotosService({ db, files: createFileStore(path.join(ctx.dir, 'uploads')), images: createSharpImageProcessor({ maxPixels: 1e6 }), clock });
  const accounts = createAccountsService({ db, clock, hasher: createArgon2Hasher({ memoryKib: 1024, timeCost: 1 }), sessionDays: 30 });
  submissions = createSubmissionsService({ db, photos, regions, accounts, clock, onCrowdChanged: (tx, tps) => comparison.refreshTps(tx, [tps]) });
  moderationWith = (port) =>
    createModerationService({ db, clock, accounts, submissions, official, regions, comparison: port, settings: { claimMinutes: 10, allowOwnUploads: false } });
  moderation = moderationWith(comparisonPortFrom(comparison));
  for (const u of [w1, w2, mod]) {
    await db.run(`INSERT INTO users (id, name, contact, contact_kind, password_hash, role, pseudonym, created_at) VALUES (?, ?, ?, 'email', 'x', ?, ?, ?)`, [
      u.id, u.name, `d${u.id}@example.org`, u.role, u.pseudonym, clock.now().toISOString(),
    ]);
  }
  for (const tps of [A1, A2, A3]) await importer.importDocuments([{ name: `${tps}.json`, text: sirekapDoc() }]); // 10/20/30, sah 60
  for (const w of [w1, w2]) {
    await confirmed(A1, w, [10, 20, 30]); // match
    await confirmed(A2, w, [10, 20, 30]); // match
    await confirmed(A3, w, [10, 120, 30]); // mismatch, impact 100
  }
});
after(() => ctx.cleanup());

let seed = 0;
async function confirmed(tps: string, user: SessionUser, votes: [number, number, number]): Promise<void> {
  const sha256 = crypto.createHash('sha256').update(`dispute-photo-${++seed}`).digest('hex');
  const now = clock.now().toISOString();
  await db.run(
    `INSERT INTO photos (sha256, type, size_bytes, width, height, dhash, dhash_b0, dhash_b1, dhash_b2, dhash_b3, created_at)
     VALUES (?, 'jpeg', 1000, 642, 480, '0000000000000000', 0, 0, 0, 0, ?)`,
    [sha256, now],
  );
  const { lastID } = await db.run('INSERT INTO submissions (tps_code, user_id, created_at) VALUES (?, ?, ?)', [tps, user.id, now]);
  const reading = JSON.stringify({ page: 2, fields: {}, review: false, ms: 1 });
  await db.run(`INSERT INTO submission_photos (submission_id, sha256, position, state, page, reading) VALUES (?, ?, 0, 'read', 2, ?)`, [lastID, sha256, reading]);
  await submissions.confirm(lastID, user, { suara_paslon_1: votes[0], suara_paslon_2: votes[1], suara_paslon_3: votes[2] });
}

const status = async (tps: string) => (await db.get<{ status: string }>('SELECT status FROM tps_comparisons WHERE tps_code = ?', [tps]))?.status ?? 'no_crowd';
const rollup = async (code: string) => (await db.get<Contribution>('SELECT * FROM crowd_rollups WHERE code = ?', [code]))!;
const count = async (sql: string) => (await db.get<{ n: number }>(sql))!.n;
const tick = (minutes: number) => clock.set(new Date(clock.now().getTime() + minutes * 60_000).toISOString());

/** Every region's crowd rollup equals the sum of its TPS's contributions, each TPS recomputed from raw rows. */
async function assertRollupsAddUp(): Promise<void> {
  const expected = new Map<string, Contribution>();
  for (const tps of ALL_TPS) {
    const fresh = contributionOf(await comparison.getTpsComparison(tps));
    for (const code of ancestorsOfCode(tps)) {
      const sum = expected.get(code) ?? zeroContribution();
      for (const c of ROLLUP_COLUMNS) sum[c] += fresh[c];
      expected.set(code, sum);
    }
  }
  for (const [code, sum] of expected) {
    const row = (await db.get<Contribution>('SELECT * FROM crowd_rollups WHERE code = ?', [code])) ?? zeroContribution();
    for (const c of ROLLUP_COLUMNS) assert.equal(row[c], sum[c], `${code}.${c}`);
  }
}

test('if the comparison refresh fails, the official-wrong decision leaves no audit row, no dispute and no status change', async () => {
  const real = comparisonPortFrom(comparison);
  const failing = moderationWith({
    ...real,
    refresh: async (tx, codes) => {
      await real.refresh(tx, codes);
      throw new Error('refresh failed after writing');
    },
  });
  const before = await rollup(VILLAGE);
  await assert.rejects(failing.decide(A1, mod, { kind: 'official-wrong', fields: ['suara_paslon_2'], reason: 'Foto C1 menunjukkan angka lain' }), /refresh failed/);
  assert.equal(await count('SELECT count(*) AS n FROM moderation_log'), 0);
  assert.equal(await count('SELECT count(*) AS n FROM official_disputes'), 0);
  assert.equal(await status(A1), 'match');
  assert.deepEqual(await rollup(VILLAGE), before);
});

test('official-wrong on a TPS whose crowd agrees with KPU: no longer match, the field and the TPS show the dispute, rollups move', async () => {
  const before = await rollup(VILLAGE);
  const nationBefore = await rollup('ID');
  tick(1);
  const res = await moderation.decide(A1, mod, { kind: 'official-wrong', fields: ['suara_paslon_2'], reason: 'Saksi dan KPU sama-sama salah baca' });
  assert.deepEqual(res.affected, [A1]);
  assert.equal(await status(A1), 'official_inconsistent');
  const c = await comparison.getTpsComparison(A1);
  assert.deepEqual(c.disputed, ['suara_paslon_2']);
  assert.deepEqual(c.fields.filter((f) => f.disputed).map((f) => f.field), ['suara_paslon_2']);
  const after = await rollup(VILLAGE);
  assert.deepEqual([after.n_match - before.n_match, after.n_official_inconsistent - before.n_official_inconsistent], [-1, 1]);
  assert.deepEqual([after.cmp_official_suara_paslon_2, after.cmp_crowd_suara_paslon_2], [before.cmp_official_suara_paslon_2, before.cmp_crowd_suara_paslon_2], 'KPU’s published figure stays in the sums');
  assert.equal((await rollup('ID')).n_official_inconsistent, nationBefore.n_official_inconsistent + 1);
  const row = await db.get<{ id: number }>(`SELECT id FROM moderation_log WHERE action = 'official-wrong' AND tps_code = ?`, [A1]);
  assert.equal(row?.id, res.decisionId);
  assert.deepEqual(res.reasons, [], 'the decision settles the official_inconsistent finding it caused');
  const listed = await comparison.listMismatches({ region: 'ID', status: 'official_inconsistent', limit: 10 });
  assert.deepEqual(listed.items.map((i) => [i.code, i.disputed]), [[A1, ['suara_paslon_2']]]);
  await assertRollupsAddUp();
});

test('official-wrong on a mismatching field keeps the mismatch (confirmed, not hidden) and marks the field', async () => {
  const impactBefore = (await rollup(VILLAGE)).impact_total;
  const res = await moderation.decide(A3, mod, { kind: 'official-wrong', fields: ['suara_paslon_2'], reason: 'Foto jelas 120, KPU menulis 20' });
  assert.equal(await status(A3), 'mismatch');
  const c = await comparison.getTpsComparison(A3);
  assert.equal(c.impact, 100);
  assert.equal(c.fields.find((f) => f.field === 'suara_paslon_2')?.disputed, true);
  assert.equal((await rollup(VILLAGE)).impact_total, impactBefore);
  assert.deepEqual(res.reasons, []);
  const listed = await comparison.listMismatches({ region: VILLAGE, status: 'mismatch', limit: 10 });
  assert.deepEqual(listed.items.find((i) => i.code === A3)?.differences.map((d) => [d.field, d.disputed]), [['suara_paslon_2', true]]);
  await assertRollupsAddUp();
});

test('a new KPU version lapses the dispute: the TPS matches again and the rollups follow', async () => {
  await importer.importDocuments([{ name: `${A1}.json`, text: sirekapDoc({ ts: '2024-02-16 10:00:00', chart: { null: null, '100025': 10, '100026': 20, '100027': 30 } }) }]);
  const current = await db.get<{ version_id: number }>('SELECT version_id FROM official_current WHERE tps_code = ?', [A1]);
  const dispute = await db.get<{ official_version_id: number }>('SELECT official_version_id FROM official_disputes WHERE tps_code = ?', [A1]);
  assert.notEqual(current?.version_id, dispute?.official_version_id, 'the import made a new current version');
  assert.equal(await status(A1), 'match');
  assert.deepEqual((await comparison.getTpsComparison(A1)).disputed, []);
  await assertRollupsAddUp();
});

test('a dispute on a TPS without crowd figures is shown on its comparison, which stays no_crowd', async () => {
  await importer.importDocuments([{ name: `${ALL_TPS[3]}.json`, text: sirekapDoc() }]);
  await moderation.decide(ALL_TPS[3], mod, { kind: 'official-wrong', fields: ['suara_sah'], reason: 'Jumlah suara sah keliru' });
  const c = await comparison.getTpsComparison(ALL_TPS[3]);
  assert.deepEqual([c.status, c.disputed], ['no_crowd', ['suara_sah']]);
  assert.equal(await status(ALL_TPS[3]), 'no_crowd');
  await assertRollupsAddUp();
});

test('a full rebuild finds the state the decisions left already right', async () => {
  assert.deepEqual(await comparison.rebuildAll(2), { tps: ALL_TPS.length, changed: 0 });
});
