import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sirekapDoc } from '../helpers/temp-db.ts';
import {
  assertRollupsAddUp as assertRollupsOf,
  confirmPage2,
  createComparisonServices,
  type ComparisonServices,
} from '../helpers/comparison-services.ts';
import type { Database } from '../../src/db/database.ts';
import { fixedClock } from '../../src/core/clock.ts';
import { createOfficialService } from '../../src/modules/official/official.service.ts';
import type { Contribution } from '@cocok/domain';
import type { SessionUser } from '../../src/modules/accounts/accounts.service.ts';
import { createModerationService } from '../../src/modules/moderation/moderation.service.ts';
import { comparisonPortFrom, type ComparisonPort } from '../../src/modules/moderation/comparison-port.ts';

/**
 * A moderator's official-wrong decision as the comparison reads it, on real SQLite with the services wired
 * as in createApp: the disputed KPU figure keeps a TPS from `match`, is shown on the field and the TPS,
 * moves the rollups in the transaction of the audit row, and lapses when KPU publishes a new version.
 */
const [A1, A2, A3] = ['3101011001001', '3101011001002', '3101011001003'];
const ALL_TPS = [A1, A2, A3, '3101011003001', '3101011003002'];
const VILLAGE = '3101011001';

let services: ComparisonServices;
let db: Database;
const clock = fixedClock('2026-11-20T10:00:00Z');
let comparison: ComparisonServices['comparison'];
let submissions: ComparisonServices['submissions'];
let importer: ComparisonServices['importer'];
let moderationWith: (port: ComparisonPort) => ReturnType<typeof createModerationService>;
let moderation: ReturnType<typeof createModerationService>;
type Staff = SessionUser & { role: 'moderator' | 'admin' };
const person = (id: number, role: SessionUser['role']) => ({
  id,
  name: `Orang ${id}`,
  role,
  pseudonym: `Saksi-D${id}`,
});
const [w1, w2] = [person(1, 'witness'), person(2, 'witness')];
const mod = person(10, 'moderator') as Staff;

before(async () => {
  services = await createComparisonServices('cocok-disputes-', clock);
  ({ db, comparison, submissions, importer } = services);
  const { regions, accounts, photos } = services;
  const official = createOfficialService({ db, regions });
  moderationWith = (port) =>
    createModerationService({
      db,
      clock,
      accounts,
      submissions,
      official,
      regions,
      photos,
      comparison: port,
      settings: { claimMinutes: 10, allowOwnUploads: false },
    });
  moderation = moderationWith(comparisonPortFrom(comparison));
  for (const u of [w1, w2, mod]) {
    await db.run(
      `INSERT INTO users (id, name, contact, contact_kind, password_hash, role, pseudonym, created_at) VALUES (?, ?, ?, 'email', 'x', ?, ?, ?)`,
      [u.id, u.name, `d${u.id}@example.org`, u.role, u.pseudonym, clock.now().toISOString()],
    );
  }
  for (const tps of [A1, A2, A3]) await importer.importDocuments([{ name: `${tps}.json`, text: sirekapDoc() }]); // 10/20/30, sah 60
  for (const w of [w1, w2]) {
    await confirmed(A1, w, [10, 20, 30]); // match
    await confirmed(A2, w, [10, 20, 30]); // match
    await confirmed(A3, w, [10, 120, 30]); // mismatch, impact 100
  }
});
after(() => services.cleanup());

/** A witness's submission of page 2 (read), confirmed with the given candidate votes. */
const confirmed = (tps: string, user: SessionUser, votes: [number, number, number]) =>
  confirmPage2(services, clock, tps, user, votes);

const status = async (tps: string) =>
  (await db.get<{ status: string }>('SELECT status FROM tps_comparisons WHERE tps_code = ?', [tps]))?.status ??
  'no_crowd';
const rollup = async (code: string) =>
  (await db.get<Contribution>('SELECT * FROM crowd_rollups WHERE code = ?', [code]))!;
const count = async (sql: string) => (await db.get<{ n: number }>(sql))!.n;
const tick = (minutes: number) => clock.set(new Date(clock.now().getTime() + minutes * 60_000).toISOString());

const assertRollupsAddUp = () => assertRollupsOf(services, ALL_TPS);

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
  await assert.rejects(
    failing.decide(A1, mod, {
      kind: 'official-wrong',
      fields: ['suara_paslon_2'],
      reason: 'Foto C1 menunjukkan angka lain',
    }),
    /refresh failed/,
  );
  assert.equal(await count('SELECT count(*) AS n FROM moderation_log'), 0);
  assert.equal(await count('SELECT count(*) AS n FROM official_disputes'), 0);
  assert.equal(await status(A1), 'match');
  assert.deepEqual(await rollup(VILLAGE), before);
});

test('official-wrong on a TPS whose crowd agrees with KPU: no longer match, the field and the TPS show the dispute, rollups move', async () => {
  const before = await rollup(VILLAGE);
  const nationBefore = await rollup('ID');
  tick(1);
  const res = await moderation.decide(A1, mod, {
    kind: 'official-wrong',
    fields: ['suara_paslon_2'],
    reason: 'Saksi dan KPU sama-sama salah baca',
  });
  assert.deepEqual(res.affected, [A1]);
  assert.equal(await status(A1), 'official_inconsistent');
  const c = await comparison.getTpsComparison(A1);
  assert.deepEqual(c.disputed, ['suara_paslon_2']);
  assert.deepEqual(
    c.fields.filter((f) => f.disputed).map((f) => f.field),
    ['suara_paslon_2'],
  );
  const after = await rollup(VILLAGE);
  assert.deepEqual(
    [after.n_match - before.n_match, after.n_official_inconsistent - before.n_official_inconsistent],
    [-1, 1],
  );
  assert.deepEqual(
    [after.cmp_official_suara_paslon_2, after.cmp_crowd_suara_paslon_2],
    [before.cmp_official_suara_paslon_2, before.cmp_crowd_suara_paslon_2],
    'KPU’s published figure stays in the sums',
  );
  assert.equal((await rollup('ID')).n_official_inconsistent, nationBefore.n_official_inconsistent + 1);
  const row = await db.get<{ id: number }>(
    `SELECT id FROM moderation_log WHERE action = 'official-wrong' AND tps_code = ?`,
    [A1],
  );
  assert.equal(row?.id, res.decisionId);
  assert.deepEqual(res.reasons, [], 'the decision settles the official_inconsistent finding it caused');
  const listed = await comparison.listMismatches({ region: 'ID', status: 'official_inconsistent', limit: 10 });
  assert.deepEqual(
    listed.items.map((i) => [i.code, i.disputed]),
    [[A1, ['suara_paslon_2']]],
  );
  await assertRollupsAddUp();
});

test('official-wrong on a mismatching field keeps the mismatch (confirmed, not hidden) and marks the field', async () => {
  const impactBefore = (await rollup(VILLAGE)).impact_total;
  const res = await moderation.decide(A3, mod, {
    kind: 'official-wrong',
    fields: ['suara_paslon_2'],
    reason: 'Foto jelas 120, KPU menulis 20',
  });
  assert.equal(await status(A3), 'mismatch');
  const c = await comparison.getTpsComparison(A3);
  assert.equal(c.impact, 100);
  assert.equal(c.fields.find((f) => f.field === 'suara_paslon_2')?.disputed, true);
  assert.equal((await rollup(VILLAGE)).impact_total, impactBefore);
  assert.deepEqual(res.reasons, []);
  const listed = await comparison.listMismatches({ region: VILLAGE, status: 'mismatch', limit: 10 });
  assert.deepEqual(
    listed.items.find((i) => i.code === A3)?.differences.map((d) => [d.field, d.disputed]),
    [['suara_paslon_2', true]],
  );
  await assertRollupsAddUp();
});

test('a new KPU version lapses the dispute: the TPS matches again and the rollups follow', async () => {
  await importer.importDocuments([
    {
      name: `${A1}.json`,
      text: sirekapDoc({ ts: '2024-02-16 10:00:00', chart: { null: null, '100025': 10, '100026': 20, '100027': 30 } }),
    },
  ]);
  const current = await db.get<{ version_id: number }>('SELECT version_id FROM official_current WHERE tps_code = ?', [
    A1,
  ]);
  const dispute = await db.get<{ official_version_id: number }>(
    'SELECT official_version_id FROM official_disputes WHERE tps_code = ?',
    [A1],
  );
  assert.notEqual(current?.version_id, dispute?.official_version_id, 'the import made a new current version');
  assert.equal(await status(A1), 'match');
  assert.deepEqual((await comparison.getTpsComparison(A1)).disputed, []);
  await assertRollupsAddUp();
});

test('a dispute on a TPS without crowd figures is shown on its comparison, which stays no_crowd', async () => {
  await importer.importDocuments([{ name: `${ALL_TPS[3]}.json`, text: sirekapDoc() }]);
  await moderation.decide(ALL_TPS[3], mod, {
    kind: 'official-wrong',
    fields: ['suara_sah'],
    reason: 'Jumlah suara sah keliru',
  });
  const c = await comparison.getTpsComparison(ALL_TPS[3]);
  assert.deepEqual([c.status, c.disputed], ['no_crowd', ['suara_sah']]);
  assert.equal(await status(ALL_TPS[3]), 'no_crowd');
  await assertRollupsAddUp();
});

test('a full rebuild finds the state the decisions left already right', async () => {
  assert.deepEqual(await comparison.rebuildAll(2), { tps: ALL_TPS.length, changed: 0 });
});
