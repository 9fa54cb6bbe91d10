/**
 * The Sirekap follower on a real SQLite file against the replay server over real HTTP (tests/helpers/
 * sirekap-replay-server.ts), with the real importer, photo store and sharp. Only time is injected: the
 * fetcher's sleeps are recorded (and move the fixed clock) so a test asserts the waits it asked for.
 */
import { test, before, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fixedClock } from '../../src/core/clock.ts';
import type { Logger } from '../../src/core/logger.ts';
import { importRegistry } from '../../src/modules/regions/registry-import.service.ts';
import { createFileStore } from '../../src/modules/photos/file-store.ts';
import { createSharpImageProcessor } from '../../src/modules/photos/image-processor.ts';
import { originalPath } from '../../src/modules/photos/photos.logic.ts';
import { buildOfficialSync } from '../../src/modules/official-sync/official-sync.job.ts';
import type { SleepReason } from '../../src/modules/official-sync/http-fetcher.ts';
import { createTempDatabase } from '../helpers/temp-db.ts';
import { loadReplayData, writeReplayRegistry, type ReplayData } from '../helpers/sirekap-replay-data.ts';
import { documentPath, startReplayServer, type ReplayServer } from '../helpers/sirekap-replay-server.ts';

const VILLAGE = '3101011001'; // 18 real TPS of Pulau Panggang, Kepulauan Seribu
let data: ReplayData;
let ctx: Awaited<ReturnType<typeof createTempDatabase>>;
let server: ReplayServer;
let clock: ReturnType<typeof fixedClock>;
let sleeps: { ms: number; reason: SleepReason }[];
let warnings: { msg: string; url: unknown; reason: unknown }[];

before(() => {
  data = loadReplayData(VILLAGE);
});
beforeEach(async () => {
  ctx = await createTempDatabase('cocok-sync-');
  assert.equal((await importRegistry(ctx.db, writeReplayRegistry(ctx.dir, data))).outcome, 'imported');
  server = await startReplayServer(data);
  clock = fixedClock('2024-02-16T10:00:00Z');
  sleeps = [];
  warnings = [];
});
afterEach(async () => {
  await server.close();
  await ctx.cleanup();
});

const logger: Logger = {
  error() {},
  info() {},
  debug() {},
  warn: (msg, d = {}) => void warnings.push({ msg, url: d.url, reason: d.reason }),
};
function sync(timeoutMs = 5000) {
  const sleep = async (ms: number, reason: SleepReason) => {
    sleeps.push({ ms, reason });
    clock.set(new Date(clock.now().getTime() + ms).toISOString());
  };
  return buildOfficialSync({
    db: ctx.db,
    clock,
    logger,
    files: createFileStore(path.join(ctx.dir, 'uploads')),
    images: createSharpImageProcessor({ maxPixels: 1e6 }),
    settings: { baseUrl: server.url, ratePerSecond: 1000, concurrency: 4 },
    sleep,
    random: () => 0.5,
    timeoutMs,
  }).service;
}
const advanceHours = (h: number) => clock.set(new Date(clock.now().getTime() + h * 3_600_000).toISOString());
const count = async (sql: string, params: unknown[] = []) => (await ctx.db.get<{ n: number }>(sql, params as never))!.n;
const tpsWith = (pred: (doc: { chart: unknown; images: (string | null)[] }) => boolean) =>
  [...data.documents.keys()].sort().filter((t) => pred(JSON.parse(data.documents.get(t)!)));
const currentVersion = (tps: string) =>
  ctx.db.get<{ version_id: number }>('SELECT version_id FROM official_current WHERE tps_code = ?', [tps]);
const namedImages = () =>
  [...data.documents.keys()].flatMap(
    (t) => (JSON.parse(server.documentText(t)).images as (string | null)[]).filter(Boolean) as string[],
  );

test('a first cycle stores every document as a version and archives each named page photo once; a second fetches nothing not due', async () => {
  const summary = await sync().runCycle({ region: VILLAGE });
  assert.equal(summary.finished, true);
  assert.equal(summary.documents.newVersions, 18);
  assert.equal(await count('SELECT count(*) AS n FROM official_versions'), 18);
  assert.equal(await count('SELECT count(*) AS n FROM official_current'), 18);
  const images = namedImages();
  assert.ok(images.length > 30, `the village's documents name ${images.length} photos`);
  assert.equal(await count('SELECT count(*) AS n FROM official_photos'), images.length);
  const rows = await ctx.db.all<{ sha256: string; type: 'jpeg' }>(
    'SELECT p.sha256, p.type FROM official_photos o JOIN photos p ON p.sha256 = o.sha256',
  );
  for (const r of rows)
    assert.ok(fs.existsSync(path.join(ctx.dir, 'uploads', originalPath(r.sha256, r.type))), r.sha256);
  for (const url of images) assert.equal(server.bodiesServed(new URL(url).pathname), 1, url);
  assert.equal(
    await count('SELECT count(*) AS n FROM official_aggregates'),
    1,
    'the village aggregate (its parents are outside --region)',
  );

  const before = server.requests.length;
  const again = await sync().runCycle({ region: VILLAGE });
  assert.equal(again.requests, 0);
  assert.equal(server.requests.length, before);
});

test('429 with Retry-After, 503, dropped connections and a slow answer are retried; the Retry-After wait is the one asked for', async () => {
  const [a, b, c, d, e] = [...data.documents.keys()].sort();
  server.fault(documentPath(a), { kind: 'status', status: 429, retryAfter: '7', times: 1 });
  server.fault(documentPath(b), { kind: 'status', status: 503, times: 2 });
  server.fault(documentPath(c), { kind: 'drop', times: 1 });
  server.fault(documentPath(d), { kind: 'drop-mid-body', times: 1 });
  server.fault(documentPath(e), { kind: 'slow', ms: 3000, times: 1 });
  const summary = await sync(500).runCycle({ region: VILLAGE });
  assert.deepEqual(summary.problems, []);
  assert.equal(summary.documents.newVersions, 18);
  const retries = sleeps.filter((s) => s.reason === 'retry').map((s) => s.ms);
  assert.ok(retries.includes(7000), `Retry-After 7 s honoured: ${retries}`);
  // Backoff with random 0.5: attempt 0 -> 250 ms, attempt 1 -> 500 ms (the 503 twice), the drops and the timeout once each.
  // (More 250s are fine: a keep-alive socket the server closed meanwhile is a dropped connection too.)
  const others = retries.filter((ms) => ms !== 7000);
  assert.ok(
    others.filter((ms) => ms === 250).length >= 4 && others.filter((ms) => ms === 500).length === 1,
    `backoff waits ${others}`,
  );
  assert.ok(
    others.every((ms) => ms === 250 || ms === 500),
    `backoff waits ${others}`,
  );
  const arrived = (t: string) => server.arrivals.filter((p) => p === documentPath(t)).length;
  assert.deepEqual([a, b, c, d, e].map(arrived), [2, 3, 2, 2, 2]);
});

test('truncated JSON, an HTML page as JSON and a redirect loop are logged with their URL and skipped; the good versions stay current', async () => {
  await sync().runCycle({ region: VILLAGE });
  const [a, b, c] = tpsWith((doc) => doc.chart !== null);
  const before = await Promise.all([a, b, c].map(currentVersion));
  advanceHours(7);
  server.fault(documentPath(a), { kind: 'truncate' });
  server.fault(documentPath(b), { kind: 'html' });
  server.fault(documentPath(c), { kind: 'redirect-loop' });
  // A changed document at the same time, so "nothing overwritten" is not "nothing fetched".
  for (const t of [a, b, c])
    server.setDocument(t, data.documents.get(t)!.replace(/"ts": ?"2024-02-1\d/, '"ts": "2024-02-19'));
  const summary = await sync().runCycle({ region: VILLAGE });
  const skipped = new Map(summary.problems.map((p) => [p.url, p.reason]));
  assert.match(skipped.get(server.url + documentPath(a)) ?? '', /truncated or invalid JSON/);
  assert.match(skipped.get(server.url + documentPath(b)) ?? '', /HTML/);
  assert.match(skipped.get(server.url + documentPath(c)) ?? '', /redirect loop/);
  for (const t of [a, b, c])
    assert.ok(
      warnings.some((w) => w.url === server.url + documentPath(t)),
      `logged ${t}`,
    );
  assert.deepEqual(await Promise.all([a, b, c].map(currentVersion)), before);
  assert.equal(await count('SELECT count(*) AS n FROM official_versions WHERE tps_code IN (?, ?, ?)', [a, b, c]), 3);

  // Once KPU answers properly again, the corrected documents come in as new versions, the old ones kept.
  server.clearFaults();
  advanceHours(1);
  const healed = await sync().runCycle({ region: VILLAGE });
  assert.deepEqual(healed.problems, []);
  for (const t of [a, b, c]) {
    assert.equal(await count('SELECT count(*) AS n FROM official_versions WHERE tps_code = ?', [t]), 2, t);
    assert.notEqual((await currentVersion(t))?.version_id, before[[a, b, c].indexOf(t)]?.version_id);
  }
});

test('incomplete TPS are asked for again sooner than settled ones; a changed document gets a new version, the old one kept', async () => {
  await sync().runCycle({ region: VILLAGE });
  const states = await ctx.db.all<{ path: string; complete: number }>(
    "SELECT path, complete FROM official_sync_urls WHERE kind = 'document' ORDER BY path",
  );
  const incomplete = states.filter((s) => s.complete === 0).map((s) => s.path);
  assert.ok(incomplete.length > 0 && incomplete.length < 18, `${incomplete.length} of 18 incomplete`);
  const changed = [...data.documents.keys()].sort().find((t) => incomplete.includes(documentPath(t)))!;
  const doc = JSON.parse(data.documents.get(changed)!);
  server.setDocument(
    changed,
    JSON.stringify({
      ...doc,
      chart: { '100025': 1, '100026': 200, '100027': 3 },
      status_suara: true,
      ts: '2024-02-20 13:00:00',
    }),
  );
  const from = server.arrivals.length;
  advanceHours(20 / 60); // incomplete TPS are due after 15 min; complete ones just seen for the first time after 30 min
  await sync().runCycle({ region: VILLAGE });
  const asked = server.arrivals.slice(from).filter((p) => /\/\d{13}\.json$/.test(p));
  assert.deepEqual(asked.sort(), incomplete);
  const versions = await ctx.db.all<{ id: number; doc_ts: string; paslon_2: number | null }>(
    'SELECT id, doc_ts FROM official_versions WHERE tps_code = ? ORDER BY id',
    [changed],
  );
  assert.deepEqual(
    versions.map((v) => v.doc_ts),
    [doc.ts, '2024-02-20 13:00:00'],
  );
  assert.equal((await currentVersion(changed))?.version_id, versions[1].id);
});

test('an image that 404s is skipped and logged, then archived later; one replaced under the same URL is a new version, the old kept', async () => {
  const [first, second] = namedImages();
  server.fault(new URL(first).pathname, { kind: 'status', status: 404 });
  const summary = await sync().runCycle({ region: VILLAGE });
  assert.ok(summary.problems.some((p) => p.url === first && /HTTP 404/.test(p.reason)));
  assert.ok(warnings.some((w) => w.url === first));
  assert.equal(await count('SELECT count(*) AS n FROM official_photos WHERE url = ?', [first]), 0);

  server.clearFaults();
  server.replaceImage(new URL(second).pathname);
  advanceHours(25);
  await sync().runCycle({ region: VILLAGE });
  assert.equal(
    await count('SELECT count(*) AS n FROM official_photos WHERE url = ?', [first]),
    1,
    'the missing image came in',
  );
  const versions = await ctx.db.all<{ sha256: string; page: number; tps_code: string }>(
    'SELECT sha256, page, tps_code FROM official_photos WHERE url = ? ORDER BY id',
    [second],
  );
  assert.equal(versions.length, 2);
  assert.notEqual(versions[0].sha256, versions[1].sha256);
  assert.equal(versions[0].page, versions[1].page);
  for (const v of versions)
    assert.ok(fs.existsSync(path.join(ctx.dir, 'uploads', originalPath(v.sha256, 'jpeg'))), 'both files kept');
  // Every other image was answered 304 (its ETag stored), never sent again in full.
  for (const url of namedImages().filter((u) => u !== first && u !== second))
    assert.equal(server.bodiesServed(new URL(url).pathname), 1, url);
});

test('a stopped cycle is resumed by the next run without asking again for what it handled', async () => {
  let seen = 0;
  server.events.on('request', () => (seen += 1));
  const first = await sync().runCycle({ region: '3101', shouldStop: () => seen >= 3 });
  assert.equal(first.finished, false);
  const handledBefore = new Set(server.requests.map((r) => r.path));
  const resumed = await sync().runCycle({ region: '3101' });
  assert.equal(resumed.resumed, true);
  assert.equal(resumed.cycleId, first.cycleId);
  assert.equal(resumed.finished, true);
  for (const p of handledBefore) assert.equal(server.requests.filter((r) => r.path === p).length, 1, p);
  assert.equal(await count('SELECT count(*) AS n FROM official_current'), 18);
});
