/**
 * `npm run bench:writes [-- --db FILE] [--seconds N] [--per-second N]`: the public pages while the data behind them
 * keeps changing, as on election night (witnesses confirming, moderators deciding). Every write moves the
 * answer cache's version (http/answer-cache.ts), so these are the pages' times under writes, where
 * `npm run bench:scale` measures a still database.
 *
 * Works on a copy of the national-scale database (default ./data/scale/cocok.sqlite from `npm run seed:scale`),
 * so the seed stays as it was. The server runs in a child process. A writer signs a moderator up and, N times a
 * second, takes a `set-verified` decision on a random mismatched TPS over HTTP (each one a transaction that
 * refreshes the TPS's comparison and every rollup above it); meanwhile autocannon (50 clients) reads the
 * national page, then region pages, then TPS pages. Prints a Markdown table and the writes done.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '@cocok/server';
import { migrate } from '@cocok/server';
import { REPO_ROOT } from '@cocok/server';
import { arg } from './cli-support.ts';
import { copyForBench, moderatorSession, sampleRegionPages } from './bench-support/bench-data.ts';
import { loadTable, measureLoad, type LoadRow } from './bench-support/measure-load.ts';
import { startBenchServer } from './bench-support/start-bench-server.ts';

const CONNECTIONS = 50;
const SECONDS = Number(arg('--seconds') ?? 10);
const PER_SECOND = Number(arg('--per-second') ?? 5);
const source = path.resolve(arg('--db') ?? path.join(REPO_ROOT, 'data/scale/cocok.sqlite'));
const { dir, file } = await copyForBench(source, 'cocok-bench-writes-');
const db = await openDatabase(file);
await migrate(db);
const sample = async (sql: string) => (await db.all<{ code: string }>(sql)).map((r) => r.code);
const regionPages = await sampleRegionPages(db);
const tpsPages = (await sample('SELECT code FROM tps ORDER BY random() LIMIT 1000')).map((c) => `/api/tps/${c}`);
const writeTargets = await sample(
  `SELECT tps_code AS code FROM tps_comparisons WHERE status = 'mismatch' ORDER BY random() LIMIT 5000`,
);

const server = await startBenchServer(file, { cache: true });
const { base } = server;

const session = await moderatorSession(base, db);

let writes = 0;
let writeErrors = 0;
let writing = false;
/** One decision every 1/PER_SECOND s while `writing`, never two at once (a moderator decides one at a time). */
async function writer(): Promise<void> {
  for (let k = 0; writing; k++) {
    const started = performance.now();
    const tps = writeTargets[k % writeTargets.length];
    const res = await fetch(`${base}/api/moderation/tps/${tps}/decisions`, {
      method: 'POST',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({
        kind: 'set-verified',
        figures: { suara_paslon_1: 100 + (k % 50) },
        reason: 'bench: foto jelas',
      }),
    });
    await res.arrayBuffer();
    if (res.status === 201) writes++;
    else writeErrors++;
    await new Promise((r) => setTimeout(r, Math.max(0, 1000 / PER_SECOND - (performance.now() - started))));
  }
}

const rows: LoadRow[] = [];
for (const [name, paths, target] of [
  ['national page `/api/regions`', ['/api/regions'], 20],
  ['region pages (province ... village)', regionPages, 50],
  ['TPS pages', tpsPages, 50],
] as const) {
  writing = true;
  const running = writer();
  rows.push(await measureLoad(base, name, [...paths], target, { connections: CONNECTIONS, seconds: SECONDS }));
  writing = false;
  await running;
}
await server.stop();
await db.close();
fs.rmSync(dir, { recursive: true, force: true });

console.log(`\nMachine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.version}`);
console.log(
  `writes: ${writes} set-verified decisions (${PER_SECOND} a second asked, ${writeErrors} refused) while reading\n`,
);
console.log(loadTable(`route under writes (${CONNECTIONS} connections, ${SECONDS} s, answer cache on)`, rows));
