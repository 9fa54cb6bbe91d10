import type { Database } from './database.ts';

/**
 * A transaction as a unit of work: `run(work)` opens one transaction and hands `work` the parts bound to it,
 * each module's operations built on the transaction's handle by the module itself (its `inTransaction(tx)`).
 * So a callee in another module cannot use the outer handle by mistake, and an operation that only makes sense
 * inside a caller's transaction (a role change, a ban, a moderator's withdrawal, a rollup refresh) is reachable
 * only from a unit, never as a plain service call with a `tx` to remember.
 */
export type UnitOfWork<Parts> = { run<T>(work: (uow: Parts) => Promise<T>): Promise<T> };

export function createUnitOfWork<Parts>(db: Database, bind: (tx: Database) => Parts): UnitOfWork<Parts> {
  return { run: (work) => db.transaction((tx) => work(bind(tx))) };
}
