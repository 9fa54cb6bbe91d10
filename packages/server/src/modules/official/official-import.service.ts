import type { Database } from '../../db/database.ts';
import type { Clock } from '../../core/clock.ts';
import { failedChecks, isOverseasTps, runChecks } from '@cocok/domain';
import type { RegionsService } from '../regions/regions.service.ts';
import { createOfficialRepository } from './official.repository.ts';
import { parseSirekapDocument, supersedes, type OfficialDocument } from './sirekap-document.logic.ts';
import type { SourceDocument, SourceProblem } from './document-sources.ts';

export type ImportReport = {
  read: number;
  /** New versions stored (first figures for a TPS, or changed figures). */
  stored: number;
  /** Stored versions that became the TPS's current figures. */
  current: number;
  /** Documents identical to a version already stored: nothing changed. */
  unchanged: number;
  partial: number;
  flagged: number;
  skipped: SourceProblem[];
};

/** Called inside the import's transaction with the TPS whose current figures changed (the comparison refreshes them). */
export type OfficialChangedHook = (tx: Database, tpsCodes: ReadonlySet<string>) => Promise<void>;

type Deps = {
  db: Database;
  clock: Clock;
  regions: Pick<RegionsService, 'inTransaction'>;
  onOfficialChanged?: OfficialChangedHook;
};

/**
 * `inTransaction` runs inside the import's transaction after the documents were stored, with the report so
 * far: the Sirekap follower records what it fetched there, so a crash never leaves a document imported but
 * not marked as handled (or the other way round).
 */
export type ImportOptions = { inTransaction?: (tx: Database, report: ImportReport) => Promise<void> };

/** Parses and stores a batch of Sirekap documents in one transaction; bad documents are skipped and reported. */
export function createOfficialImportService({ db, clock, regions, onOfficialChanged }: Deps) {
  const repo = createOfficialRepository(db);

  return {
    async importDocuments(
      sources: readonly SourceDocument[],
      problems: readonly SourceProblem[] = [],
      options: ImportOptions = {},
    ): Promise<ImportReport> {
      const report: ImportReport = {
        read: sources.length,
        stored: 0,
        current: 0,
        unchanged: 0,
        partial: 0,
        flagged: 0,
        skipped: [...problems],
      };
      const parsed: { doc: OfficialDocument; source: string }[] = [];
      for (const s of sources) {
        const result = parseSirekapDocument(s.name, s.text);
        if (result.ok) parsed.push({ doc: result.document, source: s.name });
        else report.skipped.push({ name: s.name, reason: result.reason });
      }
      const importedAt = clock.now().toISOString();
      await db.transaction(async (tx) => {
        const touched = new Set<string>();
        for (const { doc, source } of parsed) {
          const outcome = await storeDocument(tx, doc, source, importedAt);
          if (outcome.kind === 'unknown-tps') {
            report.skipped.push({ name: source, reason: `unknown TPS code ${doc.tpsCode}` });
            continue;
          }
          if (outcome.kind === 'unchanged') {
            report.unchanged++;
            continue;
          }
          report.stored++;
          if (!doc.hasChart || !doc.hasAdministrasi) report.partial++;
          if (outcome.flagCount > 0) report.flagged++;
          if (outcome.kind === 'current') {
            report.current++;
            touched.add(doc.tpsCode);
          }
        }
        await regions.inTransaction(tx).refreshRollupsForTps(touched);
        await onOfficialChanged?.(tx, touched);
        await options.inTransaction?.(tx, report);
      });
      return report;
    },
  };

  async function storeDocument(tx: Database, doc: OfficialDocument, source: string, importedAt: string) {
    if (!(await repo.tpsExists(tx, doc.tpsCode))) return { kind: 'unknown-tps' as const };
    if (await repo.getVersionIdByHash(tx, doc.tpsCode, doc.contentHash)) return { kind: 'unchanged' as const };
    const versionId = await repo.insertVersion(tx, doc, source, importedAt);
    const failed = failedChecks(runChecks(doc.fields, { overseas: isOverseasTps(doc.tpsCode) }));
    await repo.insertFlags(tx, versionId, failed);
    const current = await repo.getCurrent(tx, doc.tpsCode);
    if (current && !supersedes(doc.docTs, current.doc_ts))
      return { kind: 'history' as const, flagCount: failed.length };
    await repo.setCurrent(tx, doc.tpsCode, versionId, failed.length);
    return { kind: 'current' as const, flagCount: failed.length };
  }
}

export type OfficialImportService = ReturnType<typeof createOfficialImportService>;
