/**
 * The pure rules of `npm run bench:night`: percentiles, the open-loop schedule, how old a page's totals were,
 * and the verdicts the tables print. Tested as tables in packages/tools/tests/bench-night.logic.test.ts.
 */

/** Nearest-rank percentile (0 < p <= 1) of values sorted ascending; NaN when there are none. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

export type Summary = { n: number; p50: number; p95: number; p99: number };

/** Count and p50/p95/p99 of a set of latencies (sorts a copy). */
export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
  };
}

/**
 * One tick of an open-loop load: request k (0-based) of `total` is due at k * 1000 / rate ms, whether or not
 * earlier ones have been answered. Starts what is due while fewer than `maxInFlight` are outstanding; what is
 * due beyond the cap is skipped, never sent later, so a server that falls behind shows as a lower achieved
 * rate instead of a burst of catch-up requests.
 */
export function openLoopStep(s: {
  elapsedMs: number;
  rate: number;
  total: number;
  started: number;
  inFlight: number;
  maxInFlight: number;
}): {
  start: number;
  skip: number;
} {
  const due = Math.min(s.total, Math.floor((s.elapsedMs * s.rate) / 1000) + 1);
  const behind = Math.max(0, due - s.started);
  const start = Math.min(behind, Math.max(0, s.maxInFlight - s.inFlight));
  return { start, skip: behind - start };
}

/**
 * How old a page's totals were when it was asked for. Every confirm of the benchmark adds a TPS to the crowd
 * count (each goes to a TPS no witness had reported), so a page showing `reflected` of them, asked for at
 * `sentAt`, misses every confirm answered before `sentAt` beyond the first `reflected`; its totals are at
 * least as old as the earliest one it misses. `acks` are the times confirms were answered, ascending.
 */
export function stalenessMs(acks: readonly number[], sentAt: number, reflected: number): number {
  let lo = 0;
  let hi = acks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (acks[mid] < sentAt) lo = mid + 1;
    else hi = mid;
  }
  const shown = Math.max(0, reflected);
  return shown >= lo ? 0 : sentAt - acks[shown];
}

/** "met" or "MISSED" against an upper bound; a measurement with nothing in it has missed. */
export function verdict(value: number, atMost: number): string {
  return Number.isFinite(value) && value <= atMost ? 'met' : 'MISSED';
}

/** Achieved writes: within `tolerance` of the offered rate and not one refused or failed. */
export function writesVerdict(w: { offered: number; achieved: number; errors: number }, tolerance = 0.05): string {
  return w.errors === 0 && w.achieved >= w.offered * (1 - tolerance) ? 'met' : 'MISSED';
}
