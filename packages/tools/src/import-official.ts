/**
 * `npm run import-official -- PATH...`: imports Sirekap per-TPS `hhcw` documents (JSON files, directories
 * of them, or zips). Malformed documents are listed with their reason and skipped; the rest is kept.
 * Exit code 0 when every document was read, 2 when some were skipped, 1 when nothing could be imported.
 */
import { systemClock } from '@cocok/server';
import { collectDocuments } from '@cocok/server';
import { createOfficialImportService } from '@cocok/server';
import { createRegionsService } from '@cocok/server';
import { createComparisonService } from '@cocok/server';
import { openConfiguredDatabase } from './cli-support.ts';

const paths = process.argv.slice(2);
if (paths.length === 0) {
  console.error(
    'Usage: npm run import-official -- PATH... (JSON files, directories or zips of Sirekap hhcw documents)',
  );
  process.exit(1);
}
const { db } = await openConfiguredDatabase();
const tpsLoaded = await db.get<{ n: number }>('SELECT count(*) AS n FROM tps');
if (!tpsLoaded?.n) {
  console.error('The region registry is empty: run `npm run import-regions` first.');
  process.exit(1);
}
const { documents, problems } = collectDocuments(paths);
const comparison = createComparisonService({ db, clock: systemClock });
const importer = createOfficialImportService({
  db,
  clock: systemClock,
  regions: createRegionsService({ db }),
  onOfficialChanged: (tx, tps) => comparison.refreshTps(tx, tps),
});
const report = await importer.importDocuments(documents, problems);
await db.close();

console.log(
  `Read ${report.read} documents: ${report.stored} new versions (${report.current} now current, ${report.partial} partial, ` +
    `${report.flagged} failing a check), ${report.unchanged} unchanged, ${report.skipped.length} skipped.`,
);
for (const s of report.skipped) console.error(`  skipped ${s.name}: ${s.reason}`);
process.exit(report.skipped.length === 0 ? 0 : report.stored + report.unchanged > 0 ? 2 : 1);
