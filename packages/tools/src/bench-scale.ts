/**
 * `npm run bench:scale [-- --db FILE] [--seconds N]` (also the second half of `npm run bench`): the read API against the
 * national-scale data set of `npm run seed:scale` (./data/scale/cocok.sqlite; seeded first when missing).
 * The server runs in a child process (autocannon here must not share its event loop); autocannon on loopback, 50 concurrent clients, 10 s per page kind, each request to another sampled page;
 * p95 is computed from every response time. Targets: p95 <= 50 ms for region and TPS pages, <= 20 ms for
 * the national page (served as in production, with the answer micro-cache), then the same pages uncached.
 * Then one full download of the country's open data (CSV), timed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { openDatabase } from '@cocok/server';
import { migrate } from '@cocok/server';
import { REPO_ROOT } from '@cocok/server';
import { arg } from './cli-support.ts';
import { sampleRegionPages } from './bench-support/bench-data.ts';
import { loadTable, measureLoad, type LoadRow } from './bench-support/measure-load.ts';
import { residentBytes, startBenchServer } from './bench-support/start-bench-server.ts';

const CONNECTIONS = 50;
const SECONDS = Number(arg('--seconds') ?? 10);
const dbFile = path.resolve(arg('--db') ?? path.join(REPO_ROOT, 'data/scale/cocok.sqlite'));
if (!fs.existsSync(dbFile)) {
  console.log(`${dbFile} is missing: running npm run seed:scale first (several minutes).`);
  const seeded = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(REPO_ROOT, 'packages/tools/src/seed-scale.ts'), '--out', path.dirname(dbFile)],
    { stdio: 'inherit' },
  );
  if (seeded.status !== 0) process.exit(seeded.status ?? 1);
}

const db = await openDatabase(dbFile);
await migrate(db);
const sample = async (sql: string, params: unknown[] = []) =>
  (await db.all<{ code: string }>(sql, params)).map((r) => r.code);
const counts = await db.get<{ tps: number; subs: number }>(
  'SELECT (SELECT count(*) FROM tps) AS tps, (SELECT count(*) FROM submissions) AS subs',
);
// Pages spread over the country: every province, and random regencies, districts, villages and TPS.
const regionPages = await sampleRegionPages(db);
const tpsPages = [
  ...(await sample('SELECT code FROM tps ORDER BY random() LIMIT 700')),
  ...(await sample(
    `SELECT tps_code AS code FROM tps_comparisons WHERE status = 'mismatch' ORDER BY random() LIMIT 300`,
  )),
].map((c) => `/api/tps/${c}`);

let server = await startBenchServer(dbFile, { cache: true });
let base = server.base;

const measure = (name: string, paths: string[], target: number | null) =>
  measureLoad(base, name, paths, target, { connections: CONNECTIONS, seconds: SECONDS });

const rows: LoadRow[] = [];
rows.push(await measure('national page `/api/regions`', ['/api/regions'], 20));
rows.push(await measure('region pages `/api/regions/:code` (province ... village)', regionPages, 50));
rows.push(await measure('TPS pages `/api/tps/:code`', tpsPages, 50));
rows.push(await measure('largest mismatches of the nation `/api/mismatches`', ['/api/mismatches?limit=50'], null));
rows.push(
  await measure(
    'mismatches of a province `/api/mismatches?region=..`',
    regionPages.slice(0, 39).map((p) => `/api/mismatches?region=${p.slice(-2)}`),
    null,
  ),
);
await server.stop();
// The same pages with every answer computed afresh (no answer cache): what a cache miss costs under load.
server = await startBenchServer(dbFile, { cache: false });
base = server.base;
rows.push(await measure('national page, uncached', ['/api/regions'], null));
rows.push(await measure('region pages, uncached', regionPages, null));
rows.push(await measure('TPS pages, uncached', tpsPages, null));

const started = performance.now();
const rssBefore = residentBytes(server.pid);
let peakRss = rssBefore;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, residentBytes(server.pid))), 100);
const download = await fetch(`${base}/api/regions/ID/tps.csv`);
let bytes = 0;
let lines = 0;
for await (const chunk of download.body as unknown as AsyncIterable<Uint8Array>) {
  const buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
  bytes += buf.length;
  for (let at = buf.indexOf(10); at !== -1; at = buf.indexOf(10, at + 1)) lines++;
}
clearInterval(sampler);
const exportSeconds = (performance.now() - started) / 1000;
await server.stop();
await db.close();

console.log(
  `\nMachine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.version}; data: ${counts?.tps.toLocaleString('en')} TPS, ${counts?.subs.toLocaleString('en')} submissions`,
);
console.log(`\n${loadTable(`route (${CONNECTIONS} connections, ${SECONDS} s, pages sampled)`, rows)}`);
console.log(
  `\nWhole-country open data \`/api/regions/ID/tps.csv\`: ${(lines - 1).toLocaleString('en')} TPS rows, ${(bytes / 1e6).toFixed(0)} MB in ${exportSeconds.toFixed(1)} s; the server's resident memory during the download grew by ${Math.round((peakRss - rssBefore) / 1e6)} MB`,
);
