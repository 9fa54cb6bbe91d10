/**
 * The server a benchmark measures, in a process of its own: autocannon running in the same process would share
 * the server's event loop and add its own work to every response time. Started by `startBenchServer`.
 * `node --import tsx scripts/bench-support/bench-server.ts --db FILE [--no-cache]`; prints `listening <port>`.
 * On SIGUSR2 it prints `loop {"p50":..,"p99":..,"max":..}`, its event loop's delay in ms since the last SIGUSR2
 * (how long a ready callback, such as the next statement of a write transaction, waited for its turn).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import { openDatabase } from '../../server/src/db/database.ts';
import { migrate } from '../../server/src/db/migrate.ts';
import { silentLogger } from '../../server/src/core/logger.ts';
import { createApp } from '../../server/src/app.ts';

const at = process.argv.indexOf('--db');
if (at < 0 || !process.argv[at + 1]) throw new Error('bench-server: --db FILE is required');
const db = await openDatabase(process.argv[at + 1]);
await migrate(db);
const app = createApp({ db, logger: silentLogger, answerCache: !process.argv.includes('--no-cache') });
const server = app.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
});
const RESOLUTION_MS = 1;
const loop = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
loop.enable();
process.on('SIGUSR2', () => {
  // The histogram holds the time between the timer's runs: its own period plus the delay.
  const ms = (ns: number) => Math.max(0, Math.round((ns / 1e6 - RESOLUTION_MS) * 100) / 100);
  process.stdout.write(`loop ${JSON.stringify({ p50: ms(loop.percentile(50)), p99: ms(loop.percentile(99)), max: ms(loop.max) })}\n`);
  loop.reset();
});
process.on('SIGTERM', () => server.close(() => void db.close().then(() => process.exit(0))));
