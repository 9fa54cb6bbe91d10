/**
 * `npm run bench:night [-- --db FILE] [--seconds N] [--confirms N] [--decisions N] [--clients N]`: election
 * night as a whole (issue #11). On a copy of the national-scale database (default ./data/scale/cocok.sqlite
 * from `npm run seed:scale`; a trial: `seed:scale -- --limit 20000`), with the server in a child process:
 *   1. witnesses confirm three-page submissions (every field) at N a second and moderators decide (set-verified,
 *      escalate) at M a second, both offered on a fixed schedule (open loop), while `--clients` browsers read
 *      the national page, region pages and TPS pages, revalidating with If-None-Match;
 *   2. the same number of witnesses each confirm and at once read that TPS's pages (uncached by the write);
 *   3. a confirm on a quiet server, then the national page until it shows it.
 * How old the national totals were is measured throughout: every confirm goes to a TPS no witness had
 * reported, so the page's count of TPS with crowd figures says which answered confirms it shows.
 * Prints the machine and Markdown tables with each target met or MISSED.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '@cocok/server';
import { migrate } from '@cocok/server';
import { REPO_ROOT } from '@cocok/server';
import { arg } from './cli-support.ts';
import { copyForBench, sampleRegionPages } from './bench-support/bench-data.ts';
import { cpuSeconds, startBenchServer } from './bench-support/start-bench-server.ts';
import { prepareNight } from './bench-support/night-fixtures.ts';
import {
  afterOwnWrite,
  confirm,
  crowdTpsOf,
  decide,
  httpClient,
  openLoop,
  readPages,
  type HttpClient,
} from './bench-support/night-load.ts';
import { errorSamples, freshnessTable, oldestTotals, pagesTable, writesTable } from './bench-support/night-report.ts';
import { summarize } from './bench-support/night.logic.ts';

const SECONDS = Number(arg('--seconds') ?? '60');
const CONFIRMS = Number(arg('--confirms') ?? '100');
const DECISIONS = Number(arg('--decisions') ?? '20');
const CLIENTS = Number(arg('--clients') ?? '50');
/** Rounds of "confirm, then read that TPS's pages" per client in part 2. */
const OWN_ROUNDS = 10;
const QUIET_PROBES = 5;
const FRESH_MS = 5000;
const source = path.resolve(arg('--db') ?? path.join(REPO_ROOT, 'data/scale/cocok.sqlite'));

const startedAt = performance.now();
const { dir, file } = await copyForBench(source, 'cocok-bench-night-');
const db = await openDatabase(file);
await migrate(db);
const count = async (sql: string) => (await db.get<{ n: number }>(sql))?.n ?? 0;
const tpsCount = await count('SELECT count(*) AS n FROM tps');
const officialTps = await count('SELECT count(*) AS n FROM official_current');
const regionPages = await sampleRegionPages(db);
const tpsPages = (await db.all<{ code: string }>('SELECT code FROM tps ORDER BY random() LIMIT 1000')).map(
  (r) => `/api/tps/${r.code}`,
);
const mainConfirms = Math.round(CONFIRMS * SECONDS);
const prepStarted = performance.now();
const { submissions, moderators } = await prepareNight(db, file, mainConfirms + CLIENTS * OWN_ROUNDS + QUIET_PROBES);
const prepSeconds = (performance.now() - prepStarted) / 1000;
await db.close();
console.log(
  `copied and prepared ${submissions.length} submissions in ${((performance.now() - startedAt) / 1000).toFixed(0)} s (inserts ${prepSeconds.toFixed(1)} s)`,
);

const server = await startBenchServer(file, { cache: true, probes: true });
const acks: number[] = [];
const ack = (at: number) => void acks.push(at);
const nationalCount = async (c: HttpClient) => crowdTpsOf((await c.request('GET', '/api/regions')).body);

const warm = httpClient(server.base, 8);
for (const p of new Set([...regionPages, ...tpsPages])) await warm.request('GET', p);
const baseline = await nationalCount(warm);
warm.close();
console.log(
  `warmed ${regionPages.length + tpsPages.length} pages; ${baseline} TPS with crowd figures before the night`,
);

// Part 1: the night.
const readers = httpClient(server.base, CLIENTS);
const writers = httpClient(server.base, 4 * (CONFIRMS + DECISIONS));
await server.stats();
const cpu0 = { server: cpuSeconds(server.pid), self: process.cpuUsage(), at: performance.now() };
let writing = true;
const reading = readPages(readers, CLIENTS, regionPages, tpsPages, () => !writing);
const [confirmRun, decisionRun] = await Promise.all([
  openLoop(CONFIRMS, SECONDS, 2 * CONFIRMS, async (k) => {
    const r = await confirm(writers, submissions[k]);
    if (r.good) ack(performance.now());
    return r;
  }),
  openLoop(DECISIONS, SECONDS, 2 * DECISIONS, (k) =>
    decide(writers, moderators[k % moderators.length], Math.floor(k / moderators.length)),
  ),
]);
writing = false;
const reads = await reading;
const wall = (performance.now() - cpu0.at) / 1000;
const self = process.cpuUsage(cpu0.self);
const cpu = { server: (cpuSeconds(server.pid) - cpu0.server) / wall, self: (self.user + self.system) / 1e6 / wall };
const loadDuring = os.loadavg()[0];
const inside = await server.stats();
readers.close();
writers.close();

// Part 2: each page right after a write to its TPS.
const own = httpClient(server.base, CLIENTS);
const queues = Array.from({ length: CLIENTS }, (_, c) =>
  submissions.slice(mainConfirms + c * OWN_ROUNDS, mainConfirms + (c + 1) * OWN_ROUNDS),
);
const ownStarted = performance.now();
const ownRun = await afterOwnWrite(own, queues, ack);
const ownSeconds = (performance.now() - ownStarted) / 1000;

// Part 3: quiet server; how long until the national page shows one more confirm.
const quietLag: number[] = [];
for (const sub of submissions.slice(mainConfirms + CLIENTS * OWN_ROUNDS)) {
  const r = await confirm(own, sub);
  if (!r.good) throw new Error(`quiet confirm: ${r.status} ${r.body.toString().slice(0, 200)}`);
  const at = performance.now();
  ack(at);
  while ((await nationalCount(own)) < baseline + acks.length && performance.now() - at < 3 * FRESH_MS)
    await new Promise((r) => setTimeout(r, 10));
  quietLag.push(performance.now() - at);
}
const finalCount = await nationalCount(own);
own.close();
await server.stop();
fs.rmSync(dir, { recursive: true, force: true });

const underLoad = oldestTotals(acks, reads.national, baseline);
const afterWrite = oldestTotals(acks, ownRun.national, baseline);
const cpus = os.cpus();
console.log(
  `\nMachine: ${cpus.length} cores (${cpus[0]?.model ?? 'unknown'}), ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}; load average ${loadDuring.toFixed(1)} at the end of part 1 (machine shared with other work)`,
);
console.log(
  `Database: ${tpsCount.toLocaleString('en')} TPS, ${officialTps.toLocaleString('en')} with KPU figures, ${baseline.toLocaleString('en')} with crowd figures; ${submissions.length} submissions prepared (3 pages read, 28 fields each)`,
);
console.log(
  `CPU during part 1: server process ${(cpu.server * 100).toFixed(0)} % of one core, load generator ${(cpu.self * 100).toFixed(0)} % (of ${cpus.length * 100} %)`,
);
const q = (s: { p50: number; p99: number }) => `p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms`;
console.log(
  `Inside the server during part 1: event-loop delay ${q(inside.loop)}; write transactions ${inside.txHold.n}, waiting for the writer ${q(inside.txWait)}, holding it ${q(inside.txHold)}, statements in one p50 ${inside.txStatements.p50} (p99 ${inside.txStatements.p99}); reads outside transactions ${inside.reads.n}, ${q(inside.reads)}\n`,
);
console.log(
  `### 1. Election night: ${CONFIRMS} confirms/s + ${DECISIONS} decisions/s offered for ${SECONDS} s while ${CLIENTS} clients read\n`,
);
console.log(
  writesTable(SECONDS, [
    { name: 'witness confirms (3 pages, every field)', rate: CONFIRMS, run: confirmRun },
    { name: 'moderator decisions (set-verified, escalate)', rate: DECISIONS, run: decisionRun },
  ]),
);
console.log('');
console.log(
  pagesTable(`pages under those writes (${CLIENTS} clients, If-None-Match)`, reads.tallies, reads.seconds, {
    national: 20,
    region: 50,
    tps: 50,
  }),
);
console.log(
  `\n### 2. Pages right after a write to their TPS (${CLIENTS} witnesses: confirm, then its TPS, village, district, regency, province and national pages; ${OWN_ROUNDS} rounds)\n`,
);
console.log(
  pagesTable(`page after its TPS's write (${CLIENTS} clients)`, ownRun.tallies, ownSeconds, {
    national: 10,
    region: 20,
    tps: 20,
  }),
);
const c = summarize(ownRun.confirms.ms);
console.log(
  `\nconfirms in part 2: ${c.n}, p50 ${c.p50.toFixed(1)} ms, p95 ${c.p95.toFixed(1)} ms, ${ownRun.confirms.errors} errors; TPS pages not yet showing their own confirm: ${ownRun.tpsWithoutIt}`,
);
console.log(`\n### 3. Totals never older than ${FRESH_MS / 1000} s\n`);
const quiet = summarize(quietLag);
console.log(
  freshnessTable(
    [
      { name: 'part 1, under load (pages and 304s)', ...underLoad },
      { name: "part 2, right after the reader's own confirm", ...afterWrite },
      {
        name: 'part 3, quiet: confirm answered -> national page shows it',
        pages: quiet.n,
        oldestMs: Math.max(...quietLag),
      },
    ],
    FRESH_MS,
  ),
);
const expected = baseline + acks.length;
console.log(
  `\nTPS with crowd figures after the run: ${finalCount} (${expected} expected: ${finalCount === expected ? 'every confirm counted once' : 'MISMATCH'})`,
);
for (const line of errorSamples([
  ['confirms', confirmRun.tally],
  ['decisions', decisionRun.tally],
  ['part 2 confirms', ownRun.confirms],
  ...Object.entries(reads.tallies).map(([k, t]): [string, typeof t] => [`${k} pages`, t]),
  ...Object.entries(ownRun.tallies).map(([k, t]): [string, typeof t] => [`${k} pages after write`, t]),
]))
  console.log(line);
