/**
 * `npm run bench` / `npm run bench:regions`: measures, on a fresh temporary database,
 *   1. loading the whole KPU registry (822,116 TPS) and the 1,053 demo Sirekap documents;
 *   2. read API latency under load (autocannon, loopback, 20 connections, 5 s per route), the server in a child
 *      process so that autocannon does not share its event loop.
 * Prints a Markdown table for docs/benchmarks.md. Takes about 40 s.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { openDatabase } from '@cocok/server';
import { migrate } from '@cocok/server';
import { DEMO_SIREKAP_DIR, REGIONS_DIR } from '@cocok/server';
import { systemClock } from '@cocok/server';
import { importRegistry } from '@cocok/server';
import { createRegionsService } from '@cocok/server';
import { collectDocuments } from '@cocok/server';
import { createOfficialImportService } from '@cocok/server';
import { startBenchServer } from './bench-support/start-bench-server.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cocok-bench-'));
const db = await openDatabase(path.join(dir, 'bench.sqlite'));
await migrate(db);

let t = performance.now();
const registry = await importRegistry(db, REGIONS_DIR);
const registrySeconds = (performance.now() - t) / 1000;
if (registry.outcome !== 'imported') throw new Error('expected an empty database');

t = performance.now();
const { documents } = collectDocuments([DEMO_SIREKAP_DIR]);
const report = await createOfficialImportService({
  db,
  clock: systemClock,
  regions: createRegionsService({ db }),
}).importDocuments(documents);
const officialSeconds = (performance.now() - t) / 1000;

await db.close();
const server = await startBenchServer(db.file);
const base = server.base;
const routes = [
  '/api/regions',
  '/api/regions/31',
  '/api/regions/3101011003',
  '/api/tps/3101011003008',
  '/api/search?q=harapan',
];
const rows: string[] = [];
for (const route of routes) {
  const result = await autocannon({ url: base + route, connections: 20, duration: 5 });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${route}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  const l = result.latency;
  rows.push(`| \`${route}\` | ${Math.round(result.requests.average)} | ${l.p50} | ${l.p90} | ${l.p99} |`);
}
await server.stop();
fs.rmSync(dir, { recursive: true, force: true });

console.log(`Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.version}\n`);
console.log(`| load | figure |\n|---|---|`);
console.log(
  `| whole registry: ${registry.regions.toLocaleString('en')} regions + ${registry.tps.toLocaleString('en')} TPS | ${registrySeconds.toFixed(1)} s |`,
);
console.log(
  `| ${report.read} demo Sirekap documents (${report.stored} stored, rollups refreshed) | ${officialSeconds.toFixed(2)} s |`,
);
console.log(
  `| peak resident memory of the loading process | ${Math.round(process.resourceUsage().maxRSS / 1024)} MB |\n`,
);
console.log('| route (20 connections, 5 s) | req/s | p50 ms | p90 ms | p99 ms |\n|---|---|---|---|---|');
for (const r of rows) console.log(r);
