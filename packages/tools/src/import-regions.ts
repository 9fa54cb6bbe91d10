/**
 * `npm run import-regions [-- DIR]`: loads the KPU region tree (default: the bundled packages/server/assets/regions)
 * into the database of DATA_DIR. Does nothing when a registry is already loaded.
 */
import { REGIONS_DIR } from '@cocok/server';
import { importRegistry } from '@cocok/server';
import { openConfiguredDatabase } from './cli-support.ts';

const { config, db } = await openConfiguredDatabase();
const dir = process.argv[2] ?? REGIONS_DIR;
const result = await importRegistry(db, dir);
if (result.outcome === 'skipped') {
  console.log(`Registry already loaded in ${config.databaseFile} (${result.regions} regions); nothing changed.`);
} else {
  console.log(
    `Loaded ${result.regions} regions and ${result.tps} TPS into ${config.databaseFile} in ${(result.ms / 1000).toFixed(1)} s.`,
  );
}
await db.close();
