import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { createTempDatabase, sirekapDoc, writeTinyRegistry } from '../helpers/temp-db.ts';
import type { Database } from '../../src/db/database.ts';
import { fixedClock } from '../../src/core/clock.ts';
import { importRegistry } from '../../src/modules/regions/registry-import.service.ts';
import { createRegionsService } from '../../src/modules/regions/regions.service.ts';
import { createOfficialImportService } from '../../src/modules/official/official-import.service.ts';
import { createOfficialService } from '../../src/modules/official/official.service.ts';
import { collectDocuments } from '../../src/modules/official/document-sources.ts';

let ctx: Awaited<ReturnType<typeof createTempDatabase>>;
let db: Database;
const clock = fixedClock('2026-11-20T10:00:00Z');
const services = () => {
  const regions = createRegionsService({ db });
  return {
    regions,
    importer: createOfficialImportService({ db, clock, regions }),
    official: createOfficialService({ db, regions }),
  };
};
const importFiles = (...paths: string[]) => {
  const { documents, problems } = collectDocuments(paths);
  return services().importer.importDocuments(documents, problems);
};
const docDir = () => {
  const dir = fs.mkdtempSync(path.join(ctx.dir, 'docs-'));
  return { dir, write: (name: string, text: string) => fs.writeFileSync(path.join(dir, name), text) };
};

before(async () => {
  ctx = await createTempDatabase();
  db = ctx.db;
  const result = await importRegistry(db, writeTinyRegistry(ctx.dir));
  assert.equal(result.outcome, 'imported');
});
after(() => ctx.cleanup());

test('registry: loaded once with TPS counts per region; a second load changes nothing', async () => {
  const rollups = await db.all<{ code: string; tps_count: number }>(
    'SELECT code, tps_count FROM region_rollups ORDER BY code',
  );
  assert.deepEqual(
    rollups.map((r) => [r.code, r.tps_count]),
    [
      ['31', 5],
      ['3101', 5],
      ['310101', 5],
      ['3101011001', 3],
      ['3101011003', 2],
      ['ID', 5],
    ],
  );
  const village = await db.get<{ name: string }>("SELECT name FROM regions WHERE code = '3101011003'");
  assert.equal(village?.name, 'PULAU HARAPAN, UTARA', 'quoted names keep their comma');
  assert.equal((await importRegistry(db, writeTinyRegistry(ctx.dir))).outcome, 'skipped');
});

test('a batch with one malformed and one unknown-TPS document keeps the rest, naming each bad file and why', async () => {
  const { dir, write } = docDir();
  write('3101011001001.json', sirekapDoc());
  write('3101011001002.json', sirekapDoc({ chart: null }));
  write('3101011001003.json', '{"chart": {"100025": 5}, "administrasi": ');
  write('3101011009001.json', sirekapDoc());
  write('notes.txt', 'hello');
  const report = await importFiles(dir);
  assert.equal(report.stored, 2);
  assert.equal(report.partial, 1);
  const skipped = Object.fromEntries(report.skipped.map((s) => [path.basename(s.name), s.reason]));
  assert.match(skipped['3101011001003.json'], /not valid JSON/);
  assert.match(skipped['3101011009001.json'], /unknown TPS/);
  assert.match(skipped['notes.txt'], /not a .json/);
  const counts = await db.get<{ n: number }>('SELECT count(*) AS n FROM official_current');
  assert.equal(counts?.n, 2);
});

test('re-importing the same documents changes nothing', async () => {
  const before = await db.get<{ n: number }>('SELECT count(*) AS n FROM official_versions');
  const { dir, write } = docDir();
  write('3101011001001.json', sirekapDoc());
  const report = await importFiles(dir);
  assert.deepEqual([report.stored, report.unchanged], [0, 1]);
  const afterCount = await db.get<{ n: number }>('SELECT count(*) AS n FROM official_versions');
  assert.equal(afterCount?.n, before?.n);
});

test('a newer document becomes current and keeps the old one in history; an older one only joins history', async () => {
  const { dir, write } = docDir();
  clock.set('2026-11-21T09:00:00Z');
  write(
    '3101011001001.json',
    sirekapDoc({ ts: '2024-02-16 10:00:00', chart: { '100025': 84, '100026': 20, '100027': 30 } }),
  );
  const newer = await importFiles(dir);
  assert.deepEqual([newer.stored, newer.current, newer.flagged], [1, 1, 1]);

  write(
    '3101011001001.json',
    sirekapDoc({ ts: '2024-02-14 10:00:00', chart: { '100025': 1, '100026': 2, '100027': 3 } }),
  );
  const older = await importFiles(dir);
  assert.deepEqual([older.stored, older.current], [1, 0]);

  const view = await services().official.getTps('3101011001001');
  assert.equal(view.official?.fields.suara_paslon_1, 84);
  assert.equal(view.official?.importedAt, '2026-11-21T09:00:00.000Z');
  assert.deepEqual(view.official?.flags, ['paslon_sum_vs_sah']);
  assert.deepEqual(
    view.history.map((h) => h.docTs),
    ['2024-02-16 10:00:00', '2024-02-15 10:00:00', '2024-02-14 10:00:00'],
  );
});

test('documents inside a zip and single files are imported like a directory', async () => {
  const zipFile = path.join(ctx.dir, 'batch.zip');
  fs.writeFileSync(
    zipFile,
    zipSync({ 'data/3101011003001.json': strToU8(sirekapDoc()), 'data/readme.md': strToU8('x') }),
  );
  const { dir, write } = docDir();
  write('3101011003002.json', sirekapDoc({ administrasi: null }));
  const report = await importFiles(zipFile, path.join(dir, '3101011003002.json'));
  assert.deepEqual([report.read, report.stored, report.skipped.length], [2, 2, 0]);
});

test('a file that is not a zip is reported, not fatal', async () => {
  const bad = path.join(ctx.dir, 'broken.zip');
  fs.writeFileSync(bad, 'PK not really');
  const report = await importFiles(bad);
  assert.equal(report.skipped.length, 1);
  assert.match(report.skipped[0].reason, /not a readable zip/);
});

test('rollups: every region total equals the sum over its TPS current figures', async () => {
  const tpsSums = await db.get<Record<string, number>>(
    `SELECT count(*) AS official_tps, sum(v.suara_paslon_1) AS p1, sum(v.suara_sah) AS sah, sum(c.flag_count > 0) AS flagged
     FROM official_current c JOIN official_versions v ON v.id = c.version_id`,
  );
  const region = await services().regions.getRegion('ID');
  assert.equal(region.totals.officialTps, tpsSums?.official_tps);
  assert.equal(region.totals.fields.suara_paslon_1, tpsSums?.p1);
  assert.equal(region.totals.fields.suara_sah, tpsSums?.sah);
  assert.equal(region.totals.flaggedTps, tpsSums?.flagged);
  const villages = await Promise.all(['3101011001', '3101011003'].map((c) => services().regions.getRegion(c)));
  assert.equal(
    villages[0].totals.fields.suara_paslon_1 + villages[1].totals.fields.suara_paslon_1,
    region.totals.fields.suara_paslon_1,
  );
  assert.equal(villages[0].children.length, 3);
  assert.equal(villages[0].children[0].totals.fields.suara_paslon_1, 84);
});
