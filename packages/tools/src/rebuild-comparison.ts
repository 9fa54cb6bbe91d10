/**
 * `npm run rebuild-comparison`: recomputes the comparison of every TPS and the crowd rollups from the
 * stored submissions, official figures and moderator decisions. Needed once for a database that held
 * confirmed submissions before migration 0004; afterwards the rollups are kept incrementally and a
 * rebuild reports 0 changed rows (a consistency check).
 */
import { systemClock } from '@cocok/server';
import { createComparisonService } from '@cocok/server';
import { openConfiguredDatabase } from './cli-support.ts';

const { db } = await openConfiguredDatabase();
const started = performance.now();
const result = await createComparisonService({ db, clock: systemClock }).rebuildAll();
await db.close();
console.log(
  `Compared ${result.tps.toLocaleString('en')} TPS in ${((performance.now() - started) / 1000).toFixed(1)} s; ${result.changed.toLocaleString('en')} rows changed.`,
);
