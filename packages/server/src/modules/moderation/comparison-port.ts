import type { Database } from '../../db/database.ts';

/** The comparison statuses that need a human: the one list of the queue's findings (all and per TPS). */
export const FINDING_STATUSES = ['mismatch', 'crowd_conflict', 'official_inconsistent'] as const;
/** A comparison status that needs a human, as the comparison service reports it. */
export type ComparisonFinding = { tps: string; status: (typeof FINDING_STATUSES)[number]; impact: number };

export function isFindingStatus(status: unknown): status is ComparisonFinding['status'] {
  return (FINDING_STATUSES as readonly unknown[]).includes(status);
}

/**
 * What moderation needs from the comparison module, wired in app.ts to the comparison service. Kept
 * narrow so moderation never touches comparison tables itself (it writes only `crowd_overrides`, the
 * override hook migration 0004 gives it).
 */
export type ComparisonPort = {
  /** Every TPS whose comparison status is mismatch, crowd_conflict or official_inconsistent (code starting with `prefix`, if given). */
  listFindings(prefix?: string): Promise<ComparisonFinding[]>;
  /** The TPS's comparison (status and per-field detail), for the review screen; null without one. */
  comparisonOf(code: string): Promise<unknown>;
  /** Recomputes crowd figures, status and rollups of these TPS inside the caller's transaction. */
  refresh(tx: Database, codes: readonly string[]): Promise<void>;
};

/** Until the comparison module is wired: no findings, nothing to refresh; decisions are still stored. */
export const noComparison: ComparisonPort = {
  listFindings: async () => [],
  comparisonOf: async () => null,
  refresh: async () => undefined,
};

/** The methods of the comparison service the port is built from (its service, never its repository). */
type ComparisonServiceLike = {
  listByStatus(
    statuses: readonly ComparisonFinding['status'][],
    prefix?: string,
  ): Promise<{ tps: string; status: string; impact: number }[]>;
  getTpsComparison(code: string): Promise<unknown>;
  refreshTps(tx: Database, tpsCodes: Iterable<string>): Promise<void>;
};

export function comparisonPortFrom(service: ComparisonServiceLike): ComparisonPort {
  return {
    async listFindings(prefix = '') {
      const rows = await service.listByStatus(FINDING_STATUSES, prefix);
      return rows.map((r) => ({ tps: r.tps, status: r.status as ComparisonFinding['status'], impact: r.impact }));
    },
    comparisonOf: (code) => service.getTpsComparison(code),
    refresh: (tx, codes) => service.refreshTps(tx, codes),
  };
}
