/**
 * The server a benchmark measures, in a process of its own: autocannon running in the same process would share
 * the server's event loop and add its own work to every response time. Started by `startBenchServer`.
 * `node --import tsx packages/tools/src/bench-support/bench-server.ts --db FILE [--no-cache] [--probes]`; prints `listening <port>`.
 * With `--probes`, on SIGUSR2 it prints `stats {...}`: what server-probes.ts measured since the previous SIGUSR2.
 */
import type { AddressInfo } from 'node:net';
import { openDatabase } from '@cocok/server';
import { migrate } from '@cocok/server';
import { silentLogger } from '@cocok/server';
import { createApp } from '@cocok/server';
import { arg } from '../cli-support.ts';
import { probedDatabase } from './server-probes.ts';

const dbFile = arg('--db');
if (!dbFile) throw new Error('bench-server: --db FILE is required');
const db = await openDatabase(dbFile);
await migrate(db);
const probes = process.argv.includes('--probes') ? probedDatabase(db) : undefined;
const app = createApp({
  db: probes?.db ?? db,
  logger: silentLogger,
  answerCache: !process.argv.includes('--no-cache'),
});
const server = app.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
});
if (probes) process.on('SIGUSR2', () => void process.stdout.write(`stats ${JSON.stringify(probes.take())}\n`));
process.on('SIGTERM', () => server.close(() => void db.close().then(() => process.exit(0))));
