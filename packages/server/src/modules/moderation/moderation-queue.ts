import type { Clock } from '../../core/clock.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import { isFindingStatus, type ComparisonFinding, type ComparisonPort } from './comparison-port.ts';
import { decodeCursor, encodeCursor } from './moderation-cursor.ts';
import {
  activeClaim,
  compareQueueEntries,
  DECISION_KINDS,
  hourlySeries,
  matchesFilter,
  openReasons,
  QUEUE_REASONS,
  type Evidence,
  type QueueEntry,
  type QueueReason,
} from '@cocok/domain';
import { moderationErrors } from './moderation.errors.ts';
import type { EvidenceRow, EvidenceScope, ModerationRepository } from './moderation.repository.ts';

export type QueueFilter = { region?: string; reason?: QueueReason; limit: number; cursor?: string };
type Entry = QueueEntry & { reports: number };

/**
 * The moderation queue: every TPS with open evidence (comparison findings, readings to review, duplicate
 * photos, public reports, re-queued and escalated TPS), computed on request from the evidence tables and
 * the decisions in the log, so a decision leaves the queue consistent without any queue table to keep.
 */
export function createModerationQueue({
  repo,
  regions,
  comparison,
  clock,
}: {
  repo: ModerationRepository;
  regions: RegionsService;
  comparison: ComparisonPort;
  clock: Clock;
}) {
  /** Findings of one TPS from its comparison, without listing every finding in the country. */
  async function findingsOf(tps: string): Promise<ComparisonFinding[]> {
    const c = (await comparison.comparisonOf(tps)) as { status?: string; impact?: number } | null;
    const status = c?.status;
    return isFindingStatus(status) ? [{ tps, status, impact: c?.impact ?? 0 }] : [];
  }

  /**
   * Evidence of every TPS, of those below a code prefix, or of one. Each TPS's entry depends on its own
   * evidence and decisions only, so a region filter can restrict every query without changing an entry.
   */
  async function gatherEvidence(
    scope?: EvidenceScope,
  ): Promise<{ evidence: Map<string, Evidence[]>; impacts: Map<string, number>; reports: Map<string, number> }> {
    const [findings, review, duplicate, report, requeued, escalated] = await Promise.all([
      scope?.tps ? findingsOf(scope.tps) : comparison.listFindings(scope?.prefix),
      repo.reviewEvidence(scope),
      repo.duplicateEvidence(scope),
      repo.reportEvidence(scope),
      repo.requeueEvidence(scope),
      repo.escalationEvidence(scope),
    ]);
    const evidence = new Map<string, Evidence[]>();
    const add = (tps: string, e: Evidence) => evidence.set(tps, [...(evidence.get(tps) ?? []), e]);
    const addRows = (rows: EvidenceRow[], reason: QueueReason) =>
      rows.forEach((r) => add(r.tps_code, { reason, since: r.since }));
    // A comparison finding dates from the last change of the TPS's figures, so a decision taken after
    // that change settles it even though the comparison row is rewritten by the decision itself.
    const changed = new Map((await repo.latestChanges(findings.map((f) => f.tps))).map((r) => [r.tps_code, r.since]));
    for (const f of findings) add(f.tps, { reason: f.status, since: changed.get(f.tps) ?? '1970-01-01T00:00:00.000Z' });
    addRows(review, 'review');
    addRows(duplicate, 'duplicate');
    addRows(report, 'report');
    addRows(requeued, 'requeued');
    addRows(escalated, 'escalated');
    // Only a finding can have an impact: impact sums differences in candidate votes, which a TPS without
    // a mismatch (or whose crowd disagrees with itself) does not have.
    const impacts = new Map(findings.map((f) => [f.tps, f.impact]));
    return { evidence, impacts, reports: new Map(report.map((r) => [r.tps_code, r.n])) };
  }

  /** Every open entry (or those of the scope), largest impact first. */
  async function entries(scope?: EvidenceScope): Promise<Entry[]> {
    const { evidence, impacts, reports } = await gatherEvidence(scope);
    const decisions = scope?.tps ? await repo.listDecisions([scope.tps]) : await repo.listLatestDecisions();
    const byTps = new Map<string, typeof decisions>();
    for (const d of decisions) byTps.set(d.tps_code, [...(byTps.get(d.tps_code) ?? []), d]);
    const out: Entry[] = [];
    for (const [tps, ev] of evidence) {
      const past = (byTps.get(tps) ?? []).map((d) => ({ kind: d.action, at: d.at, actorRole: d.actor_role }));
      const open = openReasons(ev, past);
      if (open.length === 0) continue;
      const since = open.map((e) => e.since).sort()[0];
      out.push({
        tps,
        impact: impacts.get(tps) ?? 0,
        reasons: open.map((e) => e.reason),
        since,
        reports: reports.get(tps) ?? 0,
      });
    }
    return out.sort(compareQueueEntries);
  }

  async function withDetails(page: Entry[]) {
    const nowIso = clock.now().toISOString();
    const claims = new Map((await repo.listClaims(page.map((e) => e.tps))).map((c) => [c.tps_code, c]));
    return Promise.all(
      page.map(async (e) => {
        const c = claims.get(e.tps);
        const held = c && activeClaim({ moderatorId: c.moderator_id, expiresAt: c.expires_at }, nowIso);
        return {
          ...e,
          name: (await regions.findTps(e.tps))?.name ?? null,
          claim: held ? { moderator: c.pseudonym, moderatorId: c.moderator_id, expiresAt: c.expires_at } : null,
        };
      }),
    );
  }

  return {
    entries,

    async list(filter: QueueFilter) {
      const offset = decodeCursor(filter.cursor);
      if (offset === null) throw moderationErrors.invalidCursor();
      const all = (await entries(filter.region ? { prefix: filter.region } : undefined)).filter((e) =>
        matchesFilter(e, filter),
      );
      const page = all.slice(offset, offset + filter.limit);
      const next = offset + page.length;
      return {
        total: all.length,
        items: await withDetails(page),
        nextCursor: next < all.length ? encodeCursor(next) : null,
      };
    },

    /** The open reasons of one TPS (empty when it needs nobody). */
    async reasonsOf(tps: string): Promise<QueueReason[]> {
      return (await entries({ tps })).find((e) => e.tps === tps)?.reasons ?? [];
    },

    async dashboard() {
      const all = await entries();
      const now = clock.now();
      const byReason = Object.fromEntries(
        QUEUE_REASONS.map((r) => [r, all.filter((e) => e.reasons.includes(r)).length]),
      );
      const provinces = new Map<string, { sampleTps: string; count: number }>();
      for (const e of all) {
        const p = provinces.get(e.tps.slice(0, 2)) ?? { sampleTps: e.tps, count: 0 };
        provinces.set(e.tps.slice(0, 2), { ...p, count: p.count + 1 });
      }
      // A TPS's breadcrumb is nation, province, ...: its second entry names the province.
      const byProvince = await Promise.all(
        [...provinces].map(async ([code, p]) => ({
          code,
          name: (await regions.breadcrumbOf(p.sampleTps))[1]?.name ?? code,
          count: p.count,
        })),
      );
      const since = new Date(now.getTime() - 24 * 3_600_000).toISOString().slice(0, 13);
      const hourly = await repo.countDecisionsByHour(since, DECISION_KINDS);
      const oldest = [...all].sort((a, b) => a.since.localeCompare(b.since))[0];
      return {
        total: all.length,
        byReason,
        byProvince: byProvince.sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
        decisionsPerHour: hourlySeries(new Map(hourly.map((h) => [h.hour, h.n])), now),
        oldestOpen: oldest ? { tps: oldest.tps, since: oldest.since, reasons: oldest.reasons } : null,
      };
    },
  };
}

export type ModerationQueue = ReturnType<typeof createModerationQueue>;
