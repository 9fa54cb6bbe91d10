import { z } from 'zod';
import type { Database } from '../../db/database.ts';
import type { Clock } from '../../core/clock.ts';
import { sha256Hex } from '../../core/hash.ts';
import type { Logger } from '../../core/logger.ts';
import type { OfficialImportService } from '../official/official-import.service.ts';
import { parseSirekapDocument } from '../official/sirekap-document.logic.ts';
import type { HttpFetcher, Validators } from './http-fetcher.ts';
import type { OfficialPhotoArchive } from './official-photo-archive.ts';
import {
  ROOT,
  aggregatePath,
  checkJsonBody,
  childCodeLength,
  documentPath,
  isCompleteDocument,
  isTpsCode,
  nextUrlState,
  parseRegionList,
  regionListPath,
  visitDecision,
  type RegionChild,
  type UrlEvent,
  type UrlKind,
  type UrlStateRow,
} from './official-sync.logic.ts';
import { createOfficialSyncRepository, type CycleCounts } from './official-sync.repository.ts';

export type SyncProblem = { url: string; reason: string };
export type CycleSummary = {
  cycleId: number;
  region: string;
  /** A cycle a previous run left unfinished (a crash, a kill) was continued. */
  resumed: boolean;
  /** This run's HTTP requests (every attempt and redirect hop). */
  requests: number;
  documents: { fetched: number; notModified: number; newVersions: number; unchanged: number; skipped: number };
  photos: { fetched: number; notModified: number; newVersions: number; skipped: number };
  problems: SyncProblem[];
  /** false when the cycle was stopped part-way (it stays open for the next run). */
  finished: boolean;
};

type Deps = {
  db: Database;
  clock: Clock;
  logger: Logger;
  fetcher: HttpFetcher;
  importer: OfficialImportService;
  archive: OfficialPhotoArchive;
  baseUrl: string;
  concurrency: number;
};

const aggregateSchema = z.object({
  ts: z.string().nullable().optional(),
  chart: z.record(z.string(), z.unknown()).nullable(),
  table: z.record(z.string(), z.unknown()).optional(),
});
const validatorsOf = (s: UrlStateRow | undefined): Validators | null =>
  s?.body_hash ? { etag: s.etag, lastModified: s.last_modified } : null;

/**
 * Follows KPU's public Sirekap endpoints over a region (default the whole country): walks the region tree,
 * fetches each due per-TPS document and feeds it through the importer (so every change keeps its version, as
 * `import-official` does), fetches KPU's aggregates, and archives the page photos. Malformed answers are
 * logged with their URL and skipped; their URL state keeps the last good validators. A cycle interrupted by
 * a crash is resumed by the next run: every URL it handled carries its id and is not asked for again.
 */
export function createOfficialSyncService(deps: Deps) {
  const { db, clock, logger, fetcher, importer, archive, concurrency } = deps;
  const base = deps.baseUrl.replace(/\/+$/, '');
  const repo = createOfficialSyncRepository(db);

  /**
   * One cycle over `region`, or the rest of the one a previous run left open. `shouldStop` is asked before
   * each region: a stopping server leaves the cycle open, and the next run continues it.
   */
  async function runCycle({
    region = ROOT,
    shouldStop = () => false,
  }: { region?: string; shouldStop?: () => boolean } = {}): Promise<CycleSummary> {
    const open = await repo.getOpenCycle(region);
    const cycleId = open?.id ?? (await repo.insertCycle(region, clock.now().toISOString()));
    const requestsBefore = fetcher.requests();
    const summary: CycleSummary = {
      cycleId,
      region,
      resumed: open !== undefined,
      requests: 0,
      problems: [],
      finished: false,
      documents: { fetched: 0, notModified: 0, newVersions: 0, unchanged: 0, skipped: 0 },
      photos: { fetched: 0, notModified: 0, newVersions: 0, skipped: 0 },
    };
    const problem = (url: string, reason: string, what = 'document') => {
      summary.problems.push({ url, reason });
      logger.warn(`official sync: ${what} skipped`, { url, reason });
    };
    const record = (
      tx: Database,
      prev: UrlStateRow | undefined,
      path: string,
      kind: UrlKind,
      code: string,
      event: UrlEvent,
    ) => repo.upsertUrlState(tx, nextUrlState(prev, { path, kind, code }, event, cycleId, clock.now()));

    /** A region's children: fetched when due, else (and when the answer is bad) the list stored last time. */
    async function children(code: string): Promise<RegionChild[] | null> {
      const path = regionListPath(code);
      const state = await repo.getUrlState(path);
      const stored = () => (state?.body ? (JSON.parse(state.body) as RegionChild[]) : null);
      if (visitDecision(state ?? null, cycleId, clock.now()) !== 'fetch' && state?.body) return stored();
      const result = await fetcher.get(base + path, validatorsOf(state));
      let event: UrlEvent;
      let list: RegionChild[] | null = null;
      if (result.kind === 'not-modified') event = result;
      else if (result.kind === 'failed') event = result;
      else {
        const text = result.body.toString('utf8');
        const json = checkJsonBody(result.contentType, text);
        const parsed = json.ok ? parseRegionList(code, json.value) : json;
        if (parsed.ok) {
          list = parsed.children;
          event = {
            kind: 'good',
            etag: result.etag,
            lastModified: result.lastModified,
            bodyHash: sha256Hex(text),
            body: JSON.stringify(list),
            complete: true,
          };
        } else event = { kind: 'failed', reason: parsed.reason };
      }
      if (event.kind === 'failed') problem(base + path, event.reason, 'region list');
      await db.transaction((tx) => record(tx, state, path, 'tree', code, event));
      return list ?? stored();
    }

    async function syncAggregate(code: string): Promise<void> {
      const path = aggregatePath(code);
      const state = await repo.getUrlState(path);
      if (visitDecision(state ?? null, cycleId, clock.now()) !== 'fetch') return;
      const result = await fetcher.get(base + path, validatorsOf(state));
      let event: UrlEvent = result.kind === 'ok' ? { kind: 'failed', reason: '' } : result;
      let good: { text: string; ts: string | null } | null = null;
      if (result.kind === 'ok') {
        const text = result.body.toString('utf8');
        const json = checkJsonBody(result.contentType, text);
        const parsed = json.ok ? aggregateSchema.safeParse(json.value) : null;
        if (parsed?.success) {
          good = { text, ts: parsed.data.ts ?? null };
          event = {
            kind: 'good',
            etag: result.etag,
            lastModified: result.lastModified,
            bodyHash: sha256Hex(text),
            complete: true,
          };
        } else event = { kind: 'failed', reason: json.ok ? 'not an aggregate (no chart)' : json.reason };
      }
      if (event.kind === 'failed') problem(base + path, event.reason, 'aggregate');
      await db.transaction(async (tx) => {
        if (good)
          await repo.upsertAggregate(tx, {
            code,
            bodyHash: sha256Hex(good.text),
            docTs: good.ts,
            body: good.text,
            at: clock.now().toISOString(),
          });
        await record(tx, state, path, 'aggregate', code, event);
      });
    }

    /** The due documents of one village's TPS, imported in one transaction that also records their URL state. */
    async function syncTps(village: string, tpsCodes: readonly string[]): Promise<void> {
      const paths = tpsCodes.map(documentPath);
      const states = await repo.listUrlStates(paths);
      const due = tpsCodes.filter(
        (t) => visitDecision(states.get(documentPath(t)) ?? null, cycleId, clock.now()) === 'fetch',
      );
      const results = await Promise.all(
        due.map(async (tps) => ({
          tps,
          path: documentPath(tps),
          result: await fetcher.get(base + documentPath(tps), validatorsOf(states.get(documentPath(tps)))),
        })),
      );
      const good: {
        tps: string;
        path: string;
        text: string;
        event: UrlEvent & { kind: 'good' };
        images: (string | null)[];
      }[] = [];
      const events: { tps: string; path: string; event: UrlEvent }[] = [];
      for (const { tps, path, result } of results) {
        if (result.kind !== 'ok') {
          events.push({ tps, path, event: result });
          continue;
        }
        const text = result.body.toString('utf8');
        const json = checkJsonBody(result.contentType, text);
        const parsed = json.ok ? parseSirekapDocument(path, text) : json;
        if (!parsed.ok) events.push({ tps, path, event: { kind: 'failed', reason: parsed.reason } });
        else {
          const doc = parsed.document;
          const event = {
            kind: 'good' as const,
            etag: result.etag,
            lastModified: result.lastModified,
            bodyHash: doc.contentHash,
            images: JSON.stringify(doc.images),
            complete: isCompleteDocument(doc),
          };
          good.push({ tps, path, text, event, images: doc.images });
        }
      }
      const counts: CycleCounts = { fetched: good.length, not_modified: 0, changed: 0, failed: 0, photos: 0 };
      const report = await importer.importDocuments(
        good.map((g) => ({ name: g.path, text: g.text })),
        [],
        {
          inTransaction: async (tx, r) => {
            const unknown = new Map(r.skipped.map((s) => [s.name, s.reason]));
            for (const g of good) {
              const reason = unknown.get(g.path);
              events.push({ tps: g.tps, path: g.path, event: reason ? { kind: 'failed', reason } : g.event });
            }
            for (const { tps, path, event } of events) {
              if (event.kind === 'failed') counts.failed += 1;
              if (event.kind === 'not-modified') counts.not_modified += 1;
              await record(tx, states.get(path), path, 'document', tps, event);
            }
            counts.changed = r.stored;
            await repo.addToCycle(tx, cycleId, counts, village);
          },
        },
      );
      for (const { path, event } of events) if (event.kind === 'failed') problem(base + path, event.reason);
      Object.assign(summary.documents, {
        fetched: summary.documents.fetched + good.length,
        newVersions: summary.documents.newVersions + report.stored,
        unchanged: summary.documents.unchanged + report.unchanged,
        skipped: summary.documents.skipped + counts.failed,
        notModified: summary.documents.notModified + counts.not_modified,
      });
      // The pages of every document of the village, whether fetched now or not: images keep their own schedule
      // (a 404 is retried soon, an archived one rechecked daily), and a cycle resumed after a crash archives the
      // pages of documents the killed run had imported but not yet archived.
      const fresh = new Map(
        good
          .filter((g) => !events.some((e) => e.path === g.path && e.event.kind === 'failed'))
          .map((g) => [g.tps, g.images]),
      );
      const seen = new Set(events.filter((e) => e.event.kind !== 'failed').map((e) => e.tps));
      const pages = tpsCodes.map((tps) => ({
        tps,
        seen: seen.has(tps),
        images: fresh.get(tps) ?? (JSON.parse(states.get(documentPath(tps))?.images_json ?? '[]') as (string | null)[]),
      }));
      const { counts: photoCounts, problems } = await archive.archive(pages, cycleId);
      summary.problems.push(...problems);
      summary.photos.fetched += photoCounts.fetched;
      summary.photos.notModified += photoCounts.notModified;
      summary.photos.newVersions += photoCounts.versions;
      summary.photos.skipped += photoCounts.failed;
      if (photoCounts.versions > 0)
        await db.transaction((tx) =>
          repo.addToCycle(
            tx,
            cycleId,
            { fetched: 0, not_modified: 0, changed: 0, failed: 0, photos: photoCounts.versions },
            null,
          ),
        );
    }

    async function walk(code: string): Promise<void> {
      if (shouldStop()) return;
      if (isTpsCode(code)) return syncTps(code.slice(0, 10), [code]);
      const list = await children(code);
      await syncAggregate(code);
      if (!list) return;
      if (childCodeLength(code) === 13)
        return syncTps(
          code,
          list.map((c) => c.code),
        );
      // Villages of a district in parallel keep `concurrency` requests in flight; above that, one region at a time.
      await eachLimited(list, childCodeLength(code) === 10 ? concurrency : 1, (c) => walk(c.code));
    }

    await walk(region);
    summary.finished = !shouldStop();
    if (summary.finished) await repo.finishCycle(cycleId, clock.now().toISOString());
    summary.requests = fetcher.requests() - requestsBefore;
    return summary;
  }

  return { runCycle, getCycle: (id: number) => repo.getCycle(id) };
}

/** Runs `work` over the items with at most `limit` at once (the fetcher bounds requests; this bounds the walk's fan-out). */
async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]);
  });
  await Promise.all(lanes);
}

export type OfficialSyncService = ReturnType<typeof createOfficialSyncService>;
