/**
 * `npm run bench:moderation [-- --db FILE]`: measures the moderation queue on a large database (default
 * ./data/scale/cocok.sqlite from `npm run seed:scale`). Works on a copy in a temp folder, so the seed stays
 * as it was. On the copy it adds what the seed has no reason to hold: in every 20th submission the paslon 2 value marked
 * `review` by the machine, and public reports for 1,000 TPS. Then it times, through createApp over HTTP:
 * the queue (first page, a reason filter, a region filter), the dashboard, the review data of one TPS, a
 * claim and a set-verified decision (its transaction includes the comparison refresh and rollups), and
 * the queue under load (autocannon, 4 connections, 5 s). Prints a Markdown table.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { openDatabase } from '@cocok/server';
import { migrate } from '@cocok/server';
import { REPO_ROOT } from '@cocok/server';
import { silentLogger } from '@cocok/server';
import { createApp } from '@cocok/server';
import { arg } from './cli-support.ts';
import { copyForBench, moderatorSession } from './bench-support/bench-data.ts';

const source = path.resolve(arg('--db') ?? path.join(REPO_ROOT, 'data/scale/cocok.sqlite'));
const { dir, file } = await copyForBench(source, 'cocok-bench-moderation-');
const db = await openDatabase(file);
await migrate(db);

const now = new Date().toISOString();
await db.exec(
  `UPDATE submission_values SET machine_review = 1 WHERE submission_id % 20 = 0 AND field = 'suara_paslon_2'`,
);
await db.run(
  `INSERT INTO tps_reports (tps_code, reason, created_at) SELECT tps_code, 'Angka di foto berbeda', ? FROM tps_comparisons WHERE status = 'match' LIMIT 1000`,
  [now],
);
const counts = await db.get<{ tps: number; subs: number; review: number }>(
  `SELECT (SELECT count(*) FROM tps) AS tps, (SELECT count(*) FROM submissions) AS subs, (SELECT count(*) FROM submission_values WHERE machine_review = 1) AS review`,
);

const app = createApp({ db, logger: silentLogger, settings: { auth: { argon2MemoryKib: 1024, argon2TimeCost: 1 } } });
const server = app.listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const session = await moderatorSession(base, db);

const rows: string[] = [];
/** Times one request (median of `runs`), checking its status. */
async function timed(label: string, url: string, init: RequestInit = {}, runs = 5, status = 200): Promise<unknown> {
  const ms: number[] = [];
  let body: unknown;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const res = await fetch(base + url, {
      ...init,
      headers: {
        cookie: session.cookie,
        'x-csrf-token': session.csrf,
        'content-type': 'application/json',
        ...init.headers,
      },
    });
    body = await res.json();
    ms.push(performance.now() - started);
    if (res.status !== status) throw new Error(`${label}: ${res.status} ${JSON.stringify(body)}`);
  }
  ms.sort((a, b) => a - b);
  rows.push(`| ${label} | ${runs} | ${Math.round(ms[Math.floor(runs / 2)])} | ${Math.round(ms[runs - 1])} |`);
  return body;
}

const queue = (await timed('`GET /api/moderation/queue` (first page of 50)', '/api/moderation/queue')) as {
  total: number;
  items: { tps: string }[];
};
await timed('`GET /api/moderation/queue?reason=mismatch`', '/api/moderation/queue?reason=mismatch');
await timed('`GET /api/moderation/queue?region=31`', '/api/moderation/queue?region=31');
await timed('`GET /api/moderation/dashboard`', '/api/moderation/dashboard');
const top = queue.items[0].tps;
await timed(`\`GET /api/moderation/tps/${top}\` (review data)`, `/api/moderation/tps/${top}`);
await timed(`\`POST /api/moderation/tps/${top}/claim\``, `/api/moderation/tps/${top}/claim`, { method: 'POST' });
const decision = {
  kind: 'set-verified',
  figures: { suara_paslon_1: 100, suara_paslon_2: 200, suara_paslon_3: 300 },
  reason: 'bench: angka dari foto',
};
await timed(
  '`POST .../decisions` set-verified (audit row + comparison refresh + rollups)',
  `/api/moderation/tps/${top}/decisions`,
  { method: 'POST', body: JSON.stringify(decision) },
  5,
  201,
);

const load = await autocannon({
  url: `${base}/api/moderation/queue`,
  connections: 4,
  duration: 5,
  headers: { cookie: session.cookie },
});
if (load.non2xx > 0 || load.errors > 0)
  throw new Error(`queue under load: ${load.non2xx} non-2xx, ${load.errors} errors`);

server.close();
await db.close();
fs.rmSync(dir, { recursive: true, force: true });

console.log(`Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.version}`);
console.log(
  `Data: ${counts!.tps.toLocaleString('en')} TPS, ${counts!.subs.toLocaleString('en')} submissions, ${counts!.review.toLocaleString('en')} values marked review, 1,000 TPS reported; queue: ${queue.total.toLocaleString('en')} TPS\n`,
);
console.log('| request | runs | median ms | max ms |\n|---|---|---|---|');
for (const r of rows) console.log(r);
const l = load.latency;
console.log(
  `\nQueue under load (4 connections, 5 s): ${Math.round(load.requests.average)} req/s, p50 ${l.p50} ms, p90 ${l.p90} ms, p99 ${l.p99} ms`,
);
console.log(`Peak resident memory: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
