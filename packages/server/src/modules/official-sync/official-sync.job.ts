import type { OfficialSyncConfig } from '../../config.ts';
import type { Clock } from '../../core/clock.ts';
import type { Logger } from '../../core/logger.ts';
import type { Database } from '../../db/database.ts';
import { createComparisonService } from '../comparison/comparison.service.ts';
import { createOfficialImportService } from '../official/official-import.service.ts';
import type { FileStore } from '../photos/file-store.ts';
import type { ImageProcessor } from '../photos/image-processor.ts';
import { createPhotosService } from '../photos/photos.service.ts';
import { createRegionsService } from '../regions/regions.service.ts';
import { createHttpFetcher, type HttpFetcher, type Sleeper } from './http-fetcher.ts';
import { createOfficialPhotoArchive } from './official-photo-archive.ts';
import { createOfficialSyncService, type CycleSummary, type OfficialSyncService } from './official-sync.service.ts';

export type OfficialSyncParts = { service: OfficialSyncService; fetcher: HttpFetcher };

/**
 * The follower wired as `import-official` wires the importer (comparison refreshed in the import's
 * transaction), with the witness photo store for KPU's photos. Used by the CLI, the server's job and tests.
 */
export function buildOfficialSync(deps: {
  db: Database;
  clock: Clock;
  logger: Logger;
  files: FileStore;
  images: ImageProcessor;
  settings: Pick<OfficialSyncConfig, 'baseUrl' | 'ratePerSecond' | 'concurrency'>;
  sleep?: Sleeper;
  random?: () => number;
  timeoutMs?: number;
}): OfficialSyncParts {
  const { db, clock, logger, files, images, settings } = deps;
  const comparison = createComparisonService({ db, clock });
  const regions = createRegionsService({ db });
  const importer = createOfficialImportService({
    db,
    clock,
    regions,
    onOfficialChanged: (tx, tps) => comparison.refreshTps(tx, tps),
  });
  const photos = createPhotosService({ db, files, images, clock });
  const fetcher = createHttpFetcher({
    ratePerSecond: settings.ratePerSecond,
    concurrency: settings.concurrency,
    clock,
    sleep: deps.sleep,
    random: deps.random,
    timeoutMs: deps.timeoutMs,
  });
  const archive = createOfficialPhotoArchive({ db, clock, logger, fetcher, photos });
  const service = createOfficialSyncService({
    db,
    clock,
    logger,
    fetcher,
    importer,
    archive,
    baseUrl: settings.baseUrl,
    concurrency: settings.concurrency,
  });
  return { service, fetcher };
}

export type SyncCycleOutcome =
  | { outcome: 'done'; summary: CycleSummary }
  | { outcome: 'stopped'; summary: CycleSummary }
  | { outcome: 'failed'; reason: string };

/**
 * The server's background job (OFFICIAL_SYNC=on): cycle after cycle over the configured region, a pause in
 * between. A cycle's URLs are only fetched when due (official-sync.logic REVISIT), so a cycle after a
 * finished one is mostly cheap. `stop` lets the running cycle end at the next region and leaves it open.
 */
export function createOfficialSyncJob({
  service,
  logger,
  region,
  pauseMs = 60_000,
}: {
  service: OfficialSyncService;
  logger: Logger;
  region: string;
  pauseMs?: number;
}) {
  let stopping = false;
  let loop: Promise<void> | null = null;
  let wake: (() => void) | null = null;

  async function handleSyncCycle(): Promise<SyncCycleOutcome> {
    try {
      const summary = await service.runCycle({ region, shouldStop: () => stopping });
      return { outcome: summary.finished ? 'done' : 'stopped', summary };
    } catch (err) {
      return { outcome: 'failed', reason: err instanceof Error ? err.message : String(err) };
    }
  }

  async function run(): Promise<void> {
    while (!stopping) {
      const result = await handleSyncCycle();
      if (result.outcome === 'failed') logger.error('official sync cycle failed', { reason: result.reason });
      else logger.info('official sync cycle', { outcome: result.outcome, ...flat(result.summary) });
      if (stopping) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, pauseMs).unref();
      });
    }
  }

  return {
    handleSyncCycle,
    start(): void {
      loop ??= run();
    },
    async stop(): Promise<void> {
      stopping = true;
      wake?.();
      await loop;
    },
  };
}

/** The summary as log fields (problems counted, not listed: each was logged with its URL when it happened). */
export function flat(s: CycleSummary) {
  return {
    cycle: s.cycleId,
    region: s.region,
    resumed: s.resumed,
    requests: s.requests,
    problems: s.problems.length,
    documents: s.documents,
    photos: s.photos,
  };
}

export type OfficialSyncJob = ReturnType<typeof createOfficialSyncJob>;
