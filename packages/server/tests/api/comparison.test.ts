import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import request from 'supertest';
import type { Express } from 'express';
import { appOn, signUp, type Agent } from '../helpers/api-app.ts';
import { confirmReadPage2OverApi } from '../helpers/read-submission.ts';
import { createTempDatabase, sirekapDoc, writeTinyRegistry } from '../helpers/temp-db.ts';
import type { Database } from '../../src/db/database.ts';
import { systemClock } from '../../src/core/clock.ts';
import { importRegistry } from '../../src/modules/regions/registry-import.service.ts';
import { createRegionsService } from '../../src/modules/regions/regions.service.ts';
import { createOfficialImportService } from '../../src/modules/official/official-import.service.ts';
import { createComparisonService } from '../../src/modules/comparison/comparison.service.ts';
import { CSV_HEADER } from '../../src/modules/comparison/comparison-export.ts';
import { COMPARISON_STATUSES, LISTED_STATUSES } from '@cocok/domain';

/**
 * The comparison through HTTP: official figures imported with the comparison hook (as `npm run
 * import-official` does), witnesses confirming through POST /api/submissions/:id/confirm, then the
 * region, TPS, mismatch and open-data answers. Registry: village 3101011001 with 12 TPS, 3101011003 with 4.
 */
let ctx: Awaited<ReturnType<typeof createTempDatabase>>;
let db: Database;
let app: Express;
const tps = (village: 1 | 3, n: number) => `310101100${village}${String(n).padStart(3, '0')}`;
const witnesses: { agent: Agent; csrf: string; user: { id: number } }[] = [];

before(async () => {
  ctx = await createTempDatabase('cocok-api-comparison-');
  db = ctx.db;
  await importRegistry(db, writeTinyRegistry(ctx.dir, [12, 4]));
  app = appOn(db, path.join(ctx.dir, 'uploads'));
  for (let i = 0; i < 2; i++) {
    const agent = request.agent(app);
    const { user, csrf } = await signUp(agent);
    witnesses.push({ agent, csrf, user });
  }
  const comparison = createComparisonService({ db, clock: systemClock });
  const importer = createOfficialImportService({
    db,
    clock: systemClock,
    regions: createRegionsService({ db }),
    onOfficialChanged: (tx, codes) => comparison.refreshTps(tx, codes),
  });
  // Official 10/20/30 everywhere except the last TPS of village 3 (no KPU figures).
  const docs = [...Array.from({ length: 12 }, (_, i) => tps(1, i + 1)), tps(3, 1), tps(3, 2), tps(3, 3)];
  await importer.importDocuments(docs.map((code) => ({ name: `${code}.json`, text: sirekapDoc() })));
  // Village 1: TPS n (1..6) gets crowd paslon_2 = 20 + 10 * (n - 1): TPS 1 matches, TPS 2..6 mismatch with impact 10..50.
  for (let n = 1; n <= 6; n++) for (const w of witnesses) await confirm(w, tps(1, n), [10, 20 + 10 * (n - 1), 30]);
  // TPS 7 and 8 tie at impact 30 with TPS 4 (keyset order must break ties by code).
  for (const n of [7, 8]) for (const w of witnesses) await confirm(w, tps(1, n), [10, 50, 30]);
  await confirm(witnesses[0], tps(3, 1), [10, 20, 30]);
  await confirm(witnesses[1], tps(3, 1), [11, 20, 30]); // crowd_conflict
  await confirm(witnesses[0], tps(3, 4), [1, 2, 3]); // no_official
});
after(() => ctx.cleanup());

/** Inserts a read page-2 submission for the witness and confirms it through the API. */
const confirm = (w: (typeof witnesses)[number], code: string, votes: [number, number, number]) =>
  confirmReadPage2OverApi(db, w, code, votes);

test('GET /api/regions: the nation and each province carry the crowd comparison over the same TPS', async () => {
  const res = await request(app).get('/api/regions').expect(200);
  const c = res.body.comparison;
  assert.equal(res.body.totals.officialTps, 15, 'the official answer is unchanged');
  assert.deepEqual(c.statusCounts, {
    match: 1,
    mismatch: 7,
    official_inconsistent: 0,
    crowd_conflict: 1,
    no_official: 1,
    no_crowd: 6,
  });
  assert.equal(c.coverage, 10 / 16);
  assert.equal(c.comparedTps, 9);
  assert.deepEqual(c.fields.suara_paslon_2, {
    tps: 9,
    official: 180,
    crowd: 20 + 30 + 40 + 50 + 60 + 70 + 50 + 50 + 20,
    difference: 210,
  });
  assert.deepEqual(
    c.fields.suara_paslon_1,
    { tps: 8, official: 80, crowd: 80, difference: 0 },
    'the conflicting TPS is out of both sums',
  );
  assert.equal(res.body.children[0].code, '31');
  assert.deepEqual(res.body.children[0].comparison, c);
});

test('GET /api/regions/:village: each TPS child carries its status and impact', async () => {
  const res = await request(app).get('/api/regions/3101011001').expect(200);
  assert.equal(res.body.comparison.statusCounts.mismatch, 7);
  const byCode = Object.fromEntries(
    res.body.children.map((c: { code: string; comparison: { status: string; impact: number } }) => [
      c.code,
      c.comparison,
    ]),
  );
  assert.deepEqual(
    [byCode[tps(1, 1)].status, byCode[tps(1, 3)].status, byCode[tps(1, 3)].impact, byCode[tps(1, 12)].status],
    ['match', 'mismatch', 20, 'no_crowd'],
  );
  assert.equal(byCode[tps(1, 3)].fields.suara_paslon_2.crowd, 40);
});

test('GET /api/tps/:code: status, impact and per field official, crowd, state, difference, misread', async () => {
  const res = await request(app)
    .get(`/api/tps/${tps(1, 2)}`)
    .expect(200);
  assert.ok(res.body.official && res.body.history.length === 1, 'the official answer is unchanged');
  const c = res.body.comparison;
  assert.equal(c.status, 'mismatch');
  assert.equal(c.impact, 10);
  assert.equal(c.submissions, 2);
  assert.equal(c.photos.length, 2);
  const f = c.fields.find((x: { field: string }) => x.field === 'suara_paslon_2');
  assert.deepEqual([f.official, f.crowd, f.state, f.difference, f.misread], [20, 30, 'verified', 10, 'multiple_of_10']);
  const none = await request(app)
    .get(`/api/tps/${tps(1, 12)}`)
    .expect(200);
  assert.equal(none.body.comparison.status, 'no_crowd');
  assert.equal(
    (
      await request(app)
        .get(`/api/tps/${tps(3, 1)}`)
        .expect(200)
    ).body.comparison.status,
    'crowd_conflict',
  );
});

async function allPages(query: string): Promise<{ code: string; impact: number }[]> {
  const items: { code: string; impact: number }[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 50; guard++) {
    const res: request.Response = await request(app)
      .get(`/api/mismatches?${query}${cursor ? `&cursor=${cursor}` : ''}`)
      .expect(200);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
    if (!cursor) return items;
  }
  throw new Error('pagination did not end');
}

const expectedOrder = [6, 5, 4, 7, 8, 3, 2].map((n) => tps(1, n));

test('GET /api/mismatches: by impact, ties by code, the same through every page size and region level', async () => {
  const first = await request(app).get('/api/mismatches?limit=2').expect(200);
  assert.deepEqual(
    first.body.items.map((i: { code: string }) => i.code),
    expectedOrder.slice(0, 2),
  );
  assert.deepEqual(
    first.body.items[0].differences.map((d: { field: string; difference: number }) => [d.field, d.difference]),
    [['suara_paslon_2', 50]],
  );
  assert.equal(first.body.items[0].villageName, 'PULAU PANGGANG');
  for (const query of [
    'limit=1',
    'limit=3',
    'limit=50',
    'region=31&limit=2',
    'region=3101&limit=2',
    'region=3101011001&limit=4',
  ]) {
    assert.deepEqual(
      (await allPages(query)).map((i) => i.code),
      expectedOrder,
      query,
    );
  }
  assert.deepEqual(await allPages('region=3101011003'), []);
  assert.deepEqual(
    (await allPages('status=crowd_conflict')).map((i) => i.code),
    [tps(3, 1)],
  );
  assert.deepEqual(
    (await allPages('status=no_official')).map((i) => i.code),
    [tps(3, 4)],
  );
});

test('GET /api/mismatches: every item says where its TPS is (village, district, regency, province names)', async () => {
  const res = await request(app).get('/api/mismatches?limit=200').expect(200);
  assert.equal(res.body.items.length, expectedOrder.length);
  for (const item of res.body.items) {
    assert.equal(item.villageName, 'PULAU PANGGANG', item.code);
    assert.deepEqual(
      item.location,
      { district: 'KEPULAUAN SERIBU UTARA', regency: 'ADM. KEP. SERIBU', province: 'DKI JAKARTA' },
      item.code,
    );
  }
  const conflict = await request(app).get('/api/mismatches?status=crowd_conflict&region=3101011003').expect(200);
  assert.deepEqual(
    [conflict.body.items[0].villageName, conflict.body.items[0].location.district],
    ['PULAU HARAPAN, UTARA', 'KEPULAUAN SERIBU UTARA'],
  );
});

test('GET /api/mismatches refuses bad input with the error envelope', async () => {
  const bad = await request(app).get('/api/mismatches?cursor=not-a-cursor').expect(400);
  assert.equal(bad.body.error.code, 'invalid-cursor');
  assert.match(bad.body.error.message, /Penanda halaman/);
  assert.equal((await request(app).get('/api/mismatches?status=maybe').expect(400)).body.error.code, 'bad-request');
  assert.equal((await request(app).get('/api/mismatches?limit=0').expect(400)).body.error.code, 'bad-request');
  assert.equal((await request(app).get('/api/mismatches?region=3-1').expect(400)).body.error.code, 'invalid-code');
  assert.equal((await request(app).get('/api/mismatches?region=32').expect(404)).body.error.code, 'not-found');
});

test('GET /api/mismatches?status=: every status the web filter offers is listed, the others are refused', async () => {
  for (const status of LISTED_STATUSES) {
    const res = await request(app).get(`/api/mismatches?status=${status}&limit=200`).expect(200);
    assert.ok(
      res.body.items.every((i: { status: string }) => i.status === status),
      status,
    );
  }
  const refused = COMPARISON_STATUSES.filter((s) => !(LISTED_STATUSES as readonly string[]).includes(s));
  assert.deepEqual(refused, ['no_crowd']);
  for (const status of [...refused, 'MATCH', 'crowd-conflict']) {
    assert.equal(
      (await request(app).get(`/api/mismatches?status=${status}`).expect(400)).body.error.code,
      'bad-request',
      status,
    );
  }
});

test('GET /api/regions/ID/tps.csv: every TPS of the country with official, crowd, status, difference and photo hashes', async () => {
  const res = await request(app).get('/api/regions/ID/tps.csv').expect(200);
  assert.match(res.headers['content-type'], /text\/csv/);
  assert.match(res.headers['content-disposition'], /cocok-tps-ID\.csv/);
  const lines = res.text.trimEnd().split('\n');
  assert.equal(lines[0], CSV_HEADER);
  assert.equal(lines.length, 1 + 16);
  const header = lines[0].split(',');
  const row = (code: string) => {
    const cells = lines.find((l) => l.startsWith(code))!.split(',');
    return Object.fromEntries(header.map((h, i) => [h, cells[i]]));
  };
  const r = row(tps(1, 4));
  assert.deepEqual(
    [r.status, r.impact, r.official_suara_paslon_2, r.crowd_suara_paslon_2, r.difference_suara_paslon_2],
    ['mismatch', '30', '20', '50', '30'],
  );
  const photos = r.crowd_photos_sha256.split(' ');
  assert.equal(photos.length, 2);
  assert.ok(photos.every((p: string) => /^[0-9a-f]{64}$/.test(p)));
  const none = row(tps(3, 4));
  assert.deepEqual([none.status, none.official_suara_paslon_1, none.crowd_suara_paslon_1], ['no_official', '', '1']);
  assert.equal(row(tps(1, 12)).status, 'no_crowd');
});

test('GET /api/regions/:code/tps.json: the TPS below a region as one JSON document; bad codes get the envelope', async () => {
  const res = await request(app).get('/api/regions/3101011003/tps.json').expect(200);
  assert.deepEqual(res.body.region, { code: '3101011003', name: 'PULAU HARAPAN, UTARA' });
  assert.deepEqual(
    res.body.tps.map((t: { code: string }) => t.code),
    [1, 2, 3, 4].map((n) => tps(3, n)),
  );
  const conflict = res.body.tps[0];
  assert.equal(conflict.status, 'crowd_conflict');
  assert.equal(conflict.crowd.suara_paslon_1, null);
  assert.equal(conflict.official.suara_paslon_1, 10);
  assert.equal(conflict.photos.length, 2);
  assert.equal((await request(app).get('/api/regions/31-01/tps.json').expect(400)).body.error.code, 'invalid-code');
  assert.equal((await request(app).get('/api/regions/32/tps.csv').expect(404)).body.error.code, 'not-found');
});

test('a confirm shows on the region and TPS pages at once (the answer cache is invalidated)', async () => {
  const before = (await request(app).get('/api/regions/3101011003').expect(200)).body.comparison.statusCounts;
  assert.equal(
    (
      await request(app)
        .get(`/api/tps/${tps(3, 3)}`)
        .expect(200)
    ).body.comparison.status,
    'no_crowd',
  );
  await confirm(witnesses[1], tps(3, 3), [10, 20, 30]);
  const after = (await request(app).get('/api/regions/3101011003').expect(200)).body.comparison.statusCounts;
  assert.deepEqual([after.match - before.match, after.no_crowd - before.no_crowd], [1, -1]);
  assert.equal(
    (
      await request(app)
        .get(`/api/tps/${tps(3, 3)}`)
        .expect(200)
    ).body.comparison.status,
    'match',
  );
});
