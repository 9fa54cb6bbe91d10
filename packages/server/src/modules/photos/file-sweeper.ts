import type { SweeperConfig } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import type { Clock } from '../../core/clock.ts';
import type { Logger } from '../../core/logger.ts';
import type { FileStore } from './file-store.ts';
import { parseStoredPath, sweepVerdict, type StoredFile } from './photos.logic.ts';
import { createPhotosRepository } from './photos.repository.ts';

export type SweepOutcome =
  | { outcome: 'done'; removed: number; kept: number }
  | { outcome: 'skipped'; reason: 'already-running' }
  | { outcome: 'failed'; reason: string; removed: number };

/** Hashes looked up per transaction: the writer is held for one batch's lookups and deletes, never for the whole store. */
const BATCH = 200;

/**
 * Deletes files of the photo store that no photo row points at: what an upload killed between writing its
 * files and committing its rows left behind (the upload's own refusal path cleans up after itself; a
 * `kill -9` cannot), temporary files of an interrupted write, and public copies of taken-down photos. Only
 * files older than the grace period count as orphans, so an upload in flight keeps its files; and each batch
 * is checked and deleted while holding the writer, so no upload commits a row for those bytes meanwhile (one
 * that found them in place checks again under the writer and rewrites them, see photos.service insertRow).
 */
export function createFileSweeper(deps: {
  db: Database;
  files: FileStore;
  clock: Clock;
  logger: Logger;
  settings: SweeperConfig;
}) {
  const { db, files, clock, logger, settings } = deps;
  const repo = createPhotosRepository(db);
  let running = false;
  let timer: NodeJS.Timeout | undefined;

  async function sweepBatch(batch: { relPath: string; file: StoredFile }[], cutoff: number): Promise<number> {
    const shas = [...new Set(batch.flatMap((b) => ('sha256' in b.file ? [b.file.sha256] : [])))];
    return db.transaction(async (tx) => {
      const [referenced, takenDown] = await Promise.all([repo.listExisting(tx, shas), repo.listTakenDown(tx, shas)]);
      let removed = 0;
      for (const { relPath, file } of batch) {
        const sha = 'sha256' in file ? file.sha256 : null;
        const isReferenced = sha !== null && referenced.has(sha);
        // A referenced file's age never matters (sweepVerdict), so only orphans are stat'ed.
        const old = !isReferenced && ((await files.modifiedAt(relPath))?.getTime() ?? Infinity) < cutoff;
        const facts = { referenced: isReferenced, takenDown: sha !== null && takenDown.has(sha), old };
        if (sweepVerdict(file, facts) === 'remove' && (await files.remove(relPath))) removed += 1;
      }
      return removed;
    });
  }

  /** One pass over the store. Expected conditions are outcomes: a pass already running is skipped; an error ends the pass as failed. */
  async function handleSweepOrphanFiles(): Promise<SweepOutcome> {
    if (running) return { outcome: 'skipped', reason: 'already-running' };
    running = true;
    let removed = 0;
    try {
      const cutoff = clock.now().getTime() - settings.graceMinutes * 60_000;
      const known = (await files.list()).flatMap((relPath) => {
        const file = parseStoredPath(relPath);
        return file ? [{ relPath, file }] : [];
      });
      for (let i = 0; i < known.length; i += BATCH) removed += await sweepBatch(known.slice(i, i + BATCH), cutoff);
      return { outcome: 'done', removed, kept: known.length - removed };
    } catch (err) {
      return { outcome: 'failed', reason: err instanceof Error ? err.message : String(err), removed };
    } finally {
      running = false;
    }
  }

  async function sweepAndLog(): Promise<void> {
    const result = await handleSweepOrphanFiles();
    if (result.outcome === 'failed') logger.error('orphan file sweep failed', result);
    else if (result.outcome === 'done' && result.removed > 0) logger.info('orphan files removed', result);
  }

  return {
    handleSweepOrphanFiles,
    /** Sweeps now and then every `intervalMinutes`; the timer does not keep the process alive. */
    start(): void {
      if (timer) return;
      void sweepAndLog();
      timer = setInterval(() => void sweepAndLog(), settings.intervalMinutes * 60_000);
      timer.unref();
    },
    stop(): void {
      clearInterval(timer);
      timer = undefined;
    },
  };
}

export type FileSweeper = ReturnType<typeof createFileSweeper>;
