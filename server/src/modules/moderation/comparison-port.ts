import type { Database } from '../../db/database.ts';

/** A comparison status that needs a human, as the comparison service reports it. */
export type ComparisonFinding = { tps: string; status: 'mismatch' | 'crowd_conflict' | 'official_inconsistent'; impact: number };

/**
 * What moderation needs from the comparison module, wired in app.ts to the comparison service. Kept
 * narrow so moderation never touches comparison tables itself (it writes only `crowd_overrides`, the
 * override hook migration 0004 gives it).
 */
export type ComparisonPort = {
  /** Every TPS whose comparison status is mismatch, crowd_conflict or official_inconsistent. */
  listFindings(): Promise<ComparisonFinding[]>;
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
  listMismatches(q: { region: string; status: ComparisonFinding['status']; limit: number; cursor?: string }): Promise<{
    items: { code: string; status: string; impact: number }[];
    nextCursor: string | null;
  }>;
  getTpsComparison(code: string): Promise<unknown>;
  refreshTps(tx: Database, tpsCodes: Iterable<string>): Promise<void>;
};

const FINDING_STATUSES: readonly ComparisonFinding['status'][] = ['mismatch', 'crowd_conflict', 'official_inconsistent'];

export function comparisonPortFrom(service: ComparisonServiceLike, pageSize = 1000): ComparisonPort {
  return {
    async listFindings() {
      const out: ComparisonFinding[] = [];
      for (const status of FINDING_STATUSES) {
        for (let cursor: string | undefined; ; ) {
          const page = await service.listMismatches({ region: 'ID', status, limit: pageSize, cursor });
          for (const item of page.items) out.push({ tps: item.code, status, impact: item.impact });
          if (!page.nextCursor) break;
          cursor = page.nextCursor;
        }
      }
      return out;
    },
    comparisonOf: (code) => service.getTpsComparison(code),
    refresh: (tx, codes) => service.refreshTps(tx, codes),
  };
}
