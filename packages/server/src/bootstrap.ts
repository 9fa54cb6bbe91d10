import { openDatabase, type Database } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import type { Logger } from './core/logger.ts';
import { systemClock, type Clock } from './core/clock.ts';
import { DEMO_SIREKAP_DIR, REGIONS_DIR } from './core/paths.ts';
import { importRegistry } from './modules/regions/registry-import.service.ts';
import { createRegionsService } from './modules/regions/regions.service.ts';
import { createOfficialImportService } from './modules/official/official-import.service.ts';
import { collectDocuments } from './modules/official/document-sources.ts';

/** Opens and migrates the database; on an empty one, loads the registry and (if asked) the demo data. */
export async function prepareDatabase(
  file: string,
  { logger, loadDemoData, clock = systemClock }: { logger: Logger; loadDemoData: boolean; clock?: Clock },
): Promise<Database> {
  const db = await openDatabase(file);
  const applied = await migrate(db);
  if (applied.length > 0) logger.info('migrations applied', { versions: applied });
  const registry = await importRegistry(db, REGIONS_DIR);
  if (registry.outcome === 'imported') {
    logger.info('region registry loaded', { regions: registry.regions, tps: registry.tps, ms: registry.ms });
    if (loadDemoData) {
      const { documents, problems } = collectDocuments([DEMO_SIREKAP_DIR]);
      const importer = createOfficialImportService({ db, clock, regions: createRegionsService({ db }) });
      const report = await importer.importDocuments(documents, problems);
      logger.info('demo Sirekap documents loaded', { ...report, skipped: report.skipped.length });
    }
  }
  return db;
}
