import type { Database } from '../../db/database.ts';
import type { Clock } from '../../core/clock.ts';
import type { Logger } from '../../core/logger.ts';
import type { PhotosService, WrittenFiles } from '../photos/photos.service.ts';
import type { HttpFetcher } from './http-fetcher.ts';
import { nextUrlState, visitDecision, type UrlEvent } from './official-sync.logic.ts';
import { createOfficialSyncRepository } from './official-sync.repository.ts';

export type ArchiveCounts = { fetched: number; notModified: number; versions: number; failed: number };
export type ArchiveProblem = { url: string; reason: string };

/**
 * Copies KPU's page photos into the witness photo store: each image URL a document names is fetched once
 * (then revisited rarely, conditionally, to catch bytes replaced under the same URL), stored through the
 * photos service (content-addressed by SHA-256, a `photos` row so the orphan sweeper keeps it), and recorded
 * per TPS and page in official_photos. New bytes or a new URL is a new version; old versions stay.
 */
export function createOfficialPhotoArchive(deps: {
  db: Database;
  clock: Clock;
  logger: Logger;
  fetcher: HttpFetcher;
  photos: PhotosService;
}) {
  const { db, clock, logger, fetcher, photos } = deps;
  const repo = createOfficialSyncRepository(db);

  async function archivePage(
    tps: string,
    page: number,
    url: string,
    seen: boolean,
    cycleId: number,
    counts: ArchiveCounts,
    problems: ArchiveProblem[],
  ) {
    const state = await repo.getUrlState(url);
    const latest = await repo.getLatestPhotoByUrl(url);
    const decision = visitDecision(state ?? null, cycleId, clock.now());
    if (decision === 'done-this-cycle') return;
    const at = { path: url, kind: 'image' as const, code: tps };
    if (decision === 'not-due' && latest) {
      if (seen) await db.transaction((tx) => repo.touchPhotoUrls(tx, [url], clock.now().toISOString()));
      return;
    }
    const result = await fetcher.get(
      url,
      latest && state ? { etag: state.etag, lastModified: state.last_modified } : null,
    );
    const record = (tx: Database, event: UrlEvent) =>
      repo.upsertUrlState(tx, nextUrlState(state, at, event, cycleId, clock.now()));
    if (result.kind === 'not-modified') {
      counts.notModified += 1;
      await db.transaction(async (tx) => {
        await repo.touchPhotoUrls(tx, [url], clock.now().toISOString());
        await record(tx, result);
      });
      return;
    }
    if (result.kind === 'failed') return fail(result.reason);
    counts.fetched += 1;
    const written: WrittenFiles = [];
    try {
      const photo = await photos.prepare(await photos.identify(url, result.body));
      if (photo.prepared) await photos.storeFiles(photo, written);
      const isNew = await db.transaction(async (tx) => {
        await photos.insertRow(tx, photo, written);
        const fresh = await repo.upsertPhotoVersion(tx, {
          tps,
          page,
          url,
          sha256: photo.sha256,
          at: clock.now().toISOString(),
        });
        await record(tx, {
          kind: 'good',
          etag: result.etag,
          lastModified: result.lastModified,
          bodyHash: photo.sha256,
          complete: true,
        });
        return fresh;
      });
      if (isNew) counts.versions += 1;
    } catch (err) {
      await photos.discardUnreferenced(written).catch(() => undefined);
      return fail(`not a readable image (${err instanceof Error ? err.message : String(err)})`);
    }

    async function fail(reason: string) {
      counts.failed += 1;
      problems.push({ url, reason });
      logger.warn('official sync: image skipped', { url, tps, page, reason });
      await db.transaction((tx) => record(tx, { kind: 'failed', reason }));
    }
  }

  return {
    /**
     * Archives the pages of the given TPS documents; answers what it fetched, found unchanged, added and skipped.
     * `seen`: the document was fetched (or answered 304) now, so the URLs it names are renewed (last_seen).
     */
    async archive(
      docs: readonly { tps: string; seen: boolean; images: readonly (string | null)[] }[],
      cycleId: number,
    ) {
      const counts: ArchiveCounts = { fetched: 0, notModified: 0, versions: 0, failed: 0 };
      const problems: ArchiveProblem[] = [];
      const pages = docs.flatMap((d) =>
        d.images.flatMap((url, i) => (url ? [{ tps: d.tps, seen: d.seen, page: i + 1, url }] : [])),
      );
      await Promise.all(pages.map((p) => archivePage(p.tps, p.page, p.url, p.seen, cycleId, counts, problems)));
      return { counts, problems };
    },
    listPhotos: (tps: string) => repo.listPhotos(tps),
  };
}

export type OfficialPhotoArchive = ReturnType<typeof createOfficialPhotoArchive>;
