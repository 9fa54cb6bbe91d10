/**
 * `npm run sync-official -- [--base URL] [--region CODE] [--once]`: follows KPU's public Sirekap endpoints
 * (modules/official-sync) into the configured database and photo store. `--once` runs one cycle over the
 * region (default the whole country, or what OFFICIAL_SYNC_REGION says), prints a summary and exits 0; a
 * cycle an earlier run left unfinished is continued. Without it, cycles repeat until Ctrl-C.
 * Rate and concurrency come from OFFICIAL_SYNC_RATE and OFFICIAL_SYNC_CONCURRENCY.
 */
import { parseArgs } from 'node:util';
import { systemClock } from '@cocok/server';
import { createLogger } from '@cocok/server';
import { createFileStore } from '@cocok/server';
import { createSharpImageProcessor } from '@cocok/server';
import { isSyncStart } from '@cocok/server';
import { buildOfficialSync, createOfficialSyncJob } from '@cocok/server';
import { openConfiguredDatabase } from './cli-support.ts';

const { values } = parseArgs({
  options: { base: { type: 'string' }, region: { type: 'string' }, once: { type: 'boolean', default: false } },
});
const { config, db } = await openConfiguredDatabase();
const region = values.region ?? config.officialSync.region;
if (!isSyncStart(region)) {
  console.error(`--region ${region}: a region code is 0 (the whole country) or 2, 4, 6, 10 or 13 digits.`);
  process.exit(1);
}
const tpsLoaded = await db.get<{ n: number }>('SELECT count(*) AS n FROM tps');
if (!tpsLoaded?.n) {
  console.error('The region registry is empty: run `npm run import-regions` first (or start the server once).');
  process.exit(1);
}
const logger = createLogger(config.logLevel);
const { service } = buildOfficialSync({
  db,
  clock: systemClock,
  logger,
  files: createFileStore(config.uploadsDir),
  images: createSharpImageProcessor({ maxPixels: config.uploads.maxPixels }),
  settings: { ...config.officialSync, baseUrl: values.base ?? config.officialSync.baseUrl },
});
const job = createOfficialSyncJob({ service, logger, region });

if (values.once) {
  const result = await job.handleSyncCycle();
  await db.close();
  if (result.outcome === 'failed') {
    console.error(`Sync failed: ${result.reason}`);
    process.exit(1);
  }
  const s = result.summary;
  const d = s.documents;
  const p = s.photos;
  console.log(
    `Cycle ${s.cycleId} over ${s.region}${s.resumed ? ' (resumed)' : ''}: ${s.requests} requests; documents ${d.fetched} fetched, ` +
      `${d.notModified} not modified, ${d.newVersions} new versions, ${d.unchanged} unchanged, ${d.skipped} skipped; ` +
      `photos ${p.fetched} fetched, ${p.notModified} not modified, ${p.newVersions} new versions, ${p.skipped} skipped.`,
  );
  for (const problem of s.problems) console.error(`  skipped ${problem.url}: ${problem.reason}`);
  process.exit(0);
}
logger.info('official sync following', { base: values.base ?? config.officialSync.baseUrl, region });
const stop = () =>
  void job
    .stop()
    .then(() => db.close())
    .then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
job.start();
