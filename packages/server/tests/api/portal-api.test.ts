import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import type { Express } from 'express';
import { prepareDatabase } from '../../src/bootstrap.ts';
import { createApp } from '../../src/app.ts';
import { silentLogger } from '../../src/core/logger.ts';
import type { Database } from '../../src/db/database.ts';

let dir: string;
let db: Database;
let app: Express;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cocok-api-'));
  db = await prepareDatabase(path.join(dir, 'cocok.sqlite'), { logger: silentLogger, loadDemoData: true });
  app = createApp({ db, logger: silentLogger });
});
after(async () => {
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('GET /api/health answers ok with the schema version', async () => {
  const res = await request(app).get('/api/health').expect(200);
  assert.equal(res.body.ok, true);
  assert.ok(res.body.schemaVersion >= 1);
});

test('GET /api/regions lists 39 provinces whose TPS add up to 822,116', async () => {
  const res = await request(app).get('/api/regions').expect(200);
  assert.equal(res.body.level, 0);
  assert.equal(res.body.children.length, 39);
  const sum = res.body.children.reduce(
    (acc: number, c: { totals: { tpsCount: number } }) => acc + c.totals.tpsCount,
    0,
  );
  assert.equal(sum, 822_116);
  assert.equal(res.body.totals.tpsCount, 822_116);
  assert.equal(res.body.totals.officialTps, 1000);
});

test('GET /api/tps/3101011003008 shows 71 / 641 / 511 with suara_sah 185 and the sum flag', async () => {
  const res = await request(app).get('/api/tps/3101011003008').expect(200);
  const o = res.body.official;
  assert.deepEqual(
    [o.fields.suara_paslon_1, o.fields.suara_paslon_2, o.fields.suara_paslon_3, o.fields.suara_sah],
    [71, 641, 511, 185],
  );
  assert.ok(o.flags.includes('paslon_sum_vs_sah'));
  const sum = o.checks.find((c: { id: string }) => c.id === 'paslon_sum_vs_sah');
  assert.deepEqual([sum.status, sum.left, sum.right], ['fail', 1223, 185]);
  assert.equal(o.images.length, 3);
  assert.deepEqual(
    res.body.breadcrumb.map((b: { code: string }) => b.code),
    ['ID', '31', '3101', '310101', '3101011003'],
  );
  assert.equal(res.body.history.length, 1);
});

test('/api/regions/31 totals equal the sum over its TPS current figures', async () => {
  const res = await request(app).get('/api/regions/31').expect(200);
  const scan = await db.get<Record<string, number>>(
    `SELECT count(*) AS n, sum(v.suara_paslon_1) AS p1, sum(v.suara_paslon_2) AS p2, sum(v.suara_paslon_3) AS p3,
            sum(v.suara_sah) AS sah, sum(v.pemilih_dpt_j) AS dpt
     FROM official_current c JOIN official_versions v ON v.id = c.version_id WHERE c.tps_code LIKE '31%'`,
  );
  const t = res.body.totals;
  assert.deepEqual(
    [
      t.officialTps,
      t.fields.suara_paslon_1,
      t.fields.suara_paslon_2,
      t.fields.suara_paslon_3,
      t.fields.suara_sah,
      t.fields.pemilih_dpt_j,
    ],
    [scan?.n, scan?.p1, scan?.p2, scan?.p3, scan?.sah, scan?.dpt],
  );
  const childSum = res.body.children.reduce(
    (a: number, c: { totals: { fields: { suara_paslon_2: number } } }) => a + c.totals.fields.suara_paslon_2,
    0,
  );
  assert.equal(childSum, t.fields.suara_paslon_2);
});

test('the importer finds exactly the 28 Jakarta TPS whose candidate sum differs from suara_sah', async () => {
  const rows = await db.all<{ tps_code: string }>(
    `SELECT v.tps_code FROM official_flags f JOIN official_versions v ON v.id = f.version_id
     WHERE f.check_id = 'paslon_sum_vs_sah' AND v.source LIKE 'hhcw-ppwp-1000-%'`,
  );
  const independent = await db.all<{ tps_code: string }>(
    `SELECT tps_code FROM official_versions WHERE source LIKE 'hhcw-ppwp-1000-%' AND has_chart = 1 AND has_administrasi = 1
     AND suara_paslon_1 + suara_paslon_2 + suara_paslon_3 != suara_sah`,
  );
  assert.equal(rows.length, 28);
  assert.deepEqual(rows.map((r) => r.tps_code).sort(), independent.map((r) => r.tps_code).sort());
});

const errorsCases: [string, number, string][] = [
  ['/api/regions/3x', 400, 'invalid-code'],
  ['/api/regions/1234567', 400, 'invalid-code'],
  ['/api/regions/98', 404, 'not-found'],
  ['/api/tps/310101100300', 400, 'invalid-code'],
  ['/api/tps/3101011003999', 404, 'not-found'],
  ['/api/tps/%27%20OR%201%3D1--', 400, 'invalid-code'],
  ['/api/nothing-here', 404, 'route-not-found'],
];
for (const [url, status, code] of errorsCases) {
  test(`GET ${url} -> ${status} ${code} as JSON with an Indonesian message, never a stack trace`, async () => {
    const res = await request(app).get(url).expect(status).expect('content-type', /json/);
    assert.equal(res.body.error.code, code);
    assert.ok(res.body.error.message.length > 0);
    assert.doesNotMatch(JSON.stringify(res.body), /at .*\.ts:\d+/);
  });
}

test('search finds a TPS by code prefix and places by name', async () => {
  const byCode = await request(app).get('/api/search').query({ q: '31010110030' }).expect(200);
  assert.ok(byCode.body.tps.some((t: { code: string }) => t.code === '3101011003008'));
  const byName = await request(app).get('/api/search').query({ q: 'pulau harapan' }).expect(200);
  const harapan = byName.body.regions.find((r: { code: string }) => r.code === '3101011003');
  assert.deepEqual(harapan?.path, ['DKI JAKARTA', 'ADM. KEP. SERIBU', 'KEPULAUAN SERIBU UTARA']);
  assert.ok(byName.body.regions.every((r: { name: string }) => r.name.includes('PULAU HARAPAN')));
  const exactFirst = await request(app).get('/api/search').query({ q: 'harapan' }).expect(200);
  assert.equal(exactFirst.body.regions[0].name, 'HARAPAN', 'an exact name ranks before names that merely contain it');
});

test('an internal failure answers 500 with the envelope and no details', async () => {
  const broken = createApp({
    db: { ...db, get: () => Promise.reject(new Error('disk on fire at x.ts:1')) } as Database,
    logger: silentLogger,
  });
  const res = await request(broken).get('/api/health').expect(500);
  assert.deepEqual(res.body, {
    error: { code: 'internal-error', message: 'Terjadi kesalahan di server.', messageEn: 'Internal error.' },
  });
});
