/**
 * What the bench server measures inside itself, for a benchmark to say where the time goes: how late its event
 * loop runs ready callbacks, how long a write transaction waits for the one writer connection and then holds
 * it, and how long a read outside a transaction takes (queueing for one of the read connections included).
 * Wraps the Database the app is given; the app's code is unchanged.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Database } from '@cocok/server';
import { summarize, type Summary } from './night.logic.ts';

export type ServerStats = {
  loop: { p50: number; p99: number; max: number };
  txWait: Summary;
  txHold: Summary;
  txStatements: Summary;
  reads: Summary;
};

const RESOLUTION_MS = 1;

export function probedDatabase(db: Database): { db: Database; take(): ServerStats } {
  const loop = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  loop.enable();
  let txWait: number[] = [];
  let txHold: number[] = [];
  let txStatements: number[] = [];
  let reads: number[] = [];
  const timed = <T>(into: () => number[], work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    return work().finally(() => into().push(performance.now() - started));
  };
  const probed: Database = {
    ...db,
    file: db.file,
    all: (sql, params) =>
      timed(
        () => reads,
        () => db.all(sql, params),
      ),
    get: (sql, params) =>
      timed(
        () => reads,
        () => db.get(sql, params),
      ),
    transaction(work) {
      const called = performance.now();
      return db.transaction((tx) => {
        txWait.push(performance.now() - called);
        let statements = 0;
        const counted: Database = {
          ...tx,
          all: (sql, params) => (statements++, tx.all(sql, params)),
          get: (sql, params) => (statements++, tx.get(sql, params)),
          run: (sql, params) => (statements++, tx.run(sql, params)),
          exec: (sql) => (statements++, tx.exec(sql)),
          transaction: (inner) => inner(counted),
        };
        return timed(
          () => txHold,
          () => work(counted),
        ).finally(() => txStatements.push(statements));
      });
    },
  };
  // The histogram holds the time between the timer's runs: its own period plus the delay.
  const ms = (ns: number) => Math.max(0, Math.round((ns / 1e6 - RESOLUTION_MS) * 100) / 100);
  return {
    db: probed,
    take() {
      const stats = {
        loop: { p50: ms(loop.percentile(50)), p99: ms(loop.percentile(99)), max: ms(loop.max) },
        txWait: summarize(txWait),
        txHold: summarize(txHold),
        txStatements: summarize(txStatements),
        reads: summarize(reads),
      };
      loop.reset();
      txWait = [];
      txHold = [];
      txStatements = [];
      reads = [];
      return stats;
    },
  };
}
