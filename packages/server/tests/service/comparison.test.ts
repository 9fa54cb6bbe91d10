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
import { createComparisonService } from '../../src/modules/comparison/comparison.service.ts';
import { ROLLUP_COLUMNS, type Contribution } from '@cocok/domain';
import type { SessionUser } from '../../src/modules/accounts/accounts.service.ts';

/**
 * The comparison kept incrementally on real SQLite: confirms and withdrawals through the submissions
 * service, official versions through the importer, both with the comparison hooked in as in createApp.
 * After every step each region's crowd rollup must equal the sum of its TPS, computed afresh.
 */
const [A1, A2, A3] = ['3101011001001', '3101011001002', '3101011001003'];
const [C1, C2] = ['3101011003001', '3101011003002'];
const ALL_TPS = [A1, A2, A3, C1, C2];

let services: ComparisonServices;
let db: Database;
const clock = fixedClock('2026-11-20T10:00:00Z');
let comparison: ComparisonServices['comparison'];
let submissions: ComparisonServices['submissions'];
let importer: ComparisonServices['importer'];
const users: SessionUser[] = [];

before(async () => {
  services = await createComparisonServices('cocok-comparison-', clock);
  ({ db, comparison, submissions, importer } = services);
  for (const id of [1, 2, 3]) {
    await db.run(
      `INSERT INTO users (id, name, contact, contact_kind, password_hash, pseudonym, created_at) VALUES (?, ?, ?, 'email', 'x', ?, ?)`,
      [id, `Saksi ${id}`, `s${id}@example.org`, `Saksi-${id}`, clock.now().toISOString()],
    );
    users.push({ id, name: `Saksi ${id}`, role: 'witness', pseudonym: `Saksi-${id}` });
  }
});
after(() => services.cleanup());

const chart = (p1: number, p2: number, p3: number) => ({ null: null, '100025': p1, '100026': p2, '100027': p3 });
const importOfficial = (tps: string, over: Parameters<typeof sirekapDoc>[0] = {}) =>
  importer.importDocuments([{ name: `${tps}.json`, text: sirekapDoc(over) }]);

/** A witness's submission of page 2 (read), confirmed with the given candidate votes; returns its id. */
const confirmed = (tps: string, user: SessionUser, votes: [number, number, number]) =>
  confirmPage2(services, clock, tps, user, votes);

async function statuses(): Promise<Record<string, string>> {
  const rows = await db.all<{ tps_code: string; status: string }>('SELECT tps_code, status FROM tps_comparisons');
  const stored = Object.fromEntries(rows.map((r) => [r.tps_code, r.status]));
  return Object.fromEntries(ALL_TPS.map((t) => [t, stored[t] ?? 'no_crowd']));
}

const assertRollupsAddUp = () => assertRollupsOf(services, ALL_TPS);

const rollup = (code: string) => db.get<Contribution>('SELECT * FROM crowd_rollups WHERE code = ?', [code]);

test('crowd_rollups has one column per rollup figure (migration and code agree)', async () => {
  const cols = await db.all<{ name: string }>('PRAGMA table_info(crowd_rollups)');
  assert.deepEqual(
    cols.map((c) => c.name),
    ['code', ...ROLLUP_COLUMNS],
  );
});

test('official figures alone leave every TPS no_crowd and the rollups at zero', async () => {
  await importOfficial(A1);
  await importOfficial(A2);
  await importOfficial(A3, { chart: chart(10, 20, 31) }); // candidate sum 61 != suara_sah 60: fails KPU's own check
  await importOfficial(C1);
  assert.deepEqual(Object.values(await statuses()), ['no_crowd', 'no_crowd', 'no_crowd', 'no_crowd', 'no_crowd']);
  assert.equal((await rollup('ID'))?.crowd_tps ?? 0, 0);
});

test('confirms give each status; region totals equal the sum of their TPS', async () => {
  await confirmed(A1, users[0], [10, 20, 30]);
  await confirmed(A1, users[1], [10, 20, 30]);
  await confirmed(A2, users[0], [10, 120, 30]);
  await confirmed(A2, users[2], [10, 120, 30]);
  await confirmed(A3, users[1], [10, 20, 31]);
  await confirmed(C1, users[0], [10, 20, 30]);
  await confirmed(C1, users[1], [11, 20, 30]);
  await confirmed(C2, users[2], [1, 2, 3]);
  assert.deepEqual(await statuses(), {
    [A1]: 'match',
    [A2]: 'mismatch',
    [A3]: 'official_inconsistent',
    [C1]: 'crowd_conflict',
    [C2]: 'no_official',
  });
  const a2 = await comparison.getTpsComparison(A2);
  assert.equal(a2.impact, 100);
  assert.deepEqual(
    a2.fields.find((f) => f.field === 'suara_paslon_2'),
    {
      field: 'suara_paslon_2',
      official: 20,
      crowd: 120,
      state: 'verified',
      difference: 100,
      misread: 'digit_added',
      witnesses: 2,
      candidates: [{ value: 120, witnesses: 2 }],
      disputed: false,
    },
  );
  await assertRollupsAddUp();
  const village = (await rollup('3101011001'))!;
  assert.deepEqual(
    [village.crowd_tps, village.compared_tps, village.n_match, village.n_mismatch, village.n_official_inconsistent],
    [3, 3, 1, 1, 1],
  );
  assert.deepEqual(
    [village.cmp_official_suara_paslon_2, village.cmp_crowd_suara_paslon_2],
    [60, 160],
    'both totals over the same 3 TPS',
  );
  const nation = (await rollup('ID'))!;
  assert.deepEqual(
    [nation.crowd_tps, nation.compared_tps, nation.n_crowd_conflict, nation.n_no_official],
    [5, 4, 1, 1],
  );
  assert.deepEqual(
    [nation.cmp_tps_suara_paslon_1, nation.cmp_official_suara_paslon_1, nation.cmp_crowd_suara_paslon_1],
    [3, 30, 30],
    'C1 conflicts on paslon 1: left out of both sums',
  );
});

test('withdrawals move a TPS back, down to no_crowd; the rollups follow', async () => {
  const [first, second] = await db.all<{ id: number }>(
    `SELECT id FROM submissions WHERE tps_code = ? AND status = 'confirmed' ORDER BY id`,
    [A2],
  );
  await submissions.withdraw(first.id, users[0]);
  assert.equal((await statuses())[A2], 'mismatch');
  assert.equal(
    (await comparison.getTpsComparison(A2)).fields.find((f) => f.field === 'suara_paslon_2')?.state,
    'single',
  );
  await assertRollupsAddUp();
  await submissions.withdraw(second.id, users[2]);
  await submissions.withdraw(second.id, users[2]); // twice: no double subtraction
  assert.equal((await statuses())[A2], 'no_crowd');
  assert.equal(await db.get('SELECT 1 AS one FROM tps_comparisons WHERE tps_code = ?', [A2]), undefined);
  await assertRollupsAddUp();
  assert.equal((await rollup('3101011001'))!.crowd_tps, 2);
});

test('a new official version re-compares the TPS; an older document changes nothing', async () => {
  await importOfficial(C2, { chart: chart(1, 2, 3) });
  assert.equal(
    (await statuses())[C2],
    'official_inconsistent',
    'KPU now publishes figures that match the witness but not their own sah',
  );
  await importOfficial(A1, { chart: chart(10, 25, 30), ts: '2024-02-16 10:00:00' });
  assert.equal((await statuses())[A1], 'mismatch');
  assert.equal((await comparison.getTpsComparison(A1)).impact, 5);
  await importOfficial(A1, { chart: chart(10, 20, 30), ts: '2024-02-14 10:00:00' });
  assert.equal((await statuses())[A1], 'mismatch', 'an older document goes to history only');
  await assertRollupsAddUp();
});

test('a moderator decision (crowd_overrides) resolves a conflict once the TPS is refreshed', async () => {
  await db.run(
    `INSERT INTO crowd_overrides (tps_code, field, value, decided_by, decided_at) VALUES (?, 'suara_paslon_1', 10, 1, ?)`,
    [C1, clock.now().toISOString()],
  );
  await db.transaction((tx) => comparison.refreshTps(tx, [C1]));
  assert.equal((await statuses())[C1], 'match');
  assert.equal(
    (await comparison.getTpsComparison(C1)).fields.find((f) => f.field === 'suara_paslon_1')?.state,
    'moderated',
  );
  await assertRollupsAddUp();
});

test('a full rebuild finds the incremental state already right', async () => {
  const before = await db.all('SELECT * FROM crowd_rollups ORDER BY code');
  const result = await comparison.rebuildAll(2);
  assert.deepEqual(result, { tps: 5, changed: 0 });
  assert.deepEqual(await db.all('SELECT * FROM crowd_rollups ORDER BY code'), before);
});

test('an export reads the TPS below a region chunk by chunk, in code order, each once', async () => {
  const small = createComparisonService({ db, clock, exportChunk: 2 });
  const { chunks } = await small.exportTps('ID');
  const sizes: number[] = [];
  const codes: string[] = [];
  for await (const chunk of chunks) {
    sizes.push(chunk.length);
    codes.push(...chunk.map((r) => r.code));
  }
  assert.deepEqual(sizes, [2, 2, 1]);
  assert.deepEqual(codes, ALL_TPS);
  const village = await small.exportTps('3101011003');
  const rows = [];
  for await (const chunk of village.chunks) rows.push(...chunk);
  assert.deepEqual(
    rows.map((r) => [r.code, r.status]),
    [
      [C1, 'match'],
      [C2, 'official_inconsistent'],
    ],
  );
});

test('a mismatch page reads its rows and their locations in one query, whatever its size', async () => {
  let reads = 0;
  const counting = new Proxy(db, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (prop === 'all' || prop === 'get' || prop === 'each') reads++;
        return value.apply(target, args);
      };
    },
  });
  const counted = createComparisonService({ db: counting, clock });
  const perPage: number[] = [];
  for (const status of ['match', 'official_inconsistent'] as const) {
    reads = 0;
    const page = await counted.listMismatches({ region: 'ID', status, limit: 50 });
    assert.ok(page.items.length > 0);
    assert.ok(
      page.items.every(
        (i) =>
          i.location.province === 'DKI JAKARTA' &&
          i.location.regency === 'ADM. KEP. SERIBU' &&
          i.location.district === 'KEPULAUAN SERIBU UTARA',
      ),
    );
    perPage.push(reads);
  }
  assert.deepEqual(perPage, [2, 2], 'the region lookup and the page: two reads, not one per item');
});

test('listByStatus: code, status and impact of the TPS in those statuses, below a prefix, the same TPS the mismatch lists hold', async () => {
  const statuses = ['mismatch', 'crowd_conflict', 'official_inconsistent'] as const;
  const viaLists: string[] = [];
  for (const status of statuses) {
    for (const i of (await comparison.listMismatches({ region: 'ID', status, limit: 200 })).items)
      viaLists.push(`${i.code} ${i.status} ${i.impact}`);
  }
  const all = await comparison.listByStatus(statuses);
  assert.ok(all.length >= 3);
  assert.deepEqual(all.map((r) => `${r.tps} ${r.status} ${r.impact}`).sort(), viaLists.sort());
  const village = await comparison.listByStatus(statuses, '3101011003');
  assert.deepEqual(
    village.map((r) => r.tps).sort(),
    all
      .filter((r) => r.tps.startsWith('3101011003'))
      .map((r) => r.tps)
      .sort(),
  );
  assert.deepEqual(await comparison.listByStatus(['match'], '3101011001'), [], 'no match left in village 3101011001');
  assert.deepEqual(await comparison.listByStatus([]), []);
});
