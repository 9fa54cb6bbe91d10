/** The Markdown tables `npm run bench:night` prints (for docs/benchmarks.md). */
import { stalenessMs, summarize, verdict, writesVerdict } from './night.logic.ts';
import { PAGE_KINDS, type NationalSeen, type PageKind, type Tally, type WriteRun } from './night-load.ts';

const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '-');
const PAGE_NAMES: Record<PageKind, string> = {
  national: 'national page `/api/regions`',
  region: 'region pages (province ... village)',
  tps: 'TPS pages `/api/tps/:code`',
};

/**
 * Offered against achieved writes, with their latency (from the moment each was sent). Achieved: writes
 * answered with success per second of the time it took to answer them (the offered window, or longer when the
 * last answers came after it: "last answer" says when).
 */
export function writesTable(seconds: number, rows: { name: string; rate: number; run: WriteRun }[]): string {
  const lines = [
    `| writes, open loop for ${seconds} s | offered /s | achieved /s | sent | fell behind | errors | last answer s | p50 ms | p95 ms | p99 ms | send lag p99 ms | target: achieved >= 95 % of offered, no errors |`,
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const { name, rate, run } of rows) {
    const s = summarize(run.tally.ms);
    const achieved = run.tally.ok / run.spanSeconds;
    const lag = summarize(run.startLagMs).p99;
    const v = writesVerdict({ offered: rate, achieved, errors: run.tally.errors + run.skipped });
    lines.push(
      `| ${name} | ${rate} | ${achieved.toFixed(1)} | ${s.n} | ${run.skipped} | ${run.tally.errors} | ${run.spanSeconds.toFixed(1)} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${ms(lag)} | ${v} |`,
    );
  }
  return lines.join('\n');
}

/** Pages per kind: answers (200 / 304), rate, percentiles, errors, and the p95 bound. */
export function pagesTable(
  heading: string,
  tallies: Record<PageKind, Tally>,
  seconds: number,
  targets: Record<PageKind, number>,
): string {
  const lines = [
    `| ${heading} | requests | 200 | 304 | req/s | p50 ms | p95 ms | p99 ms | errors | target p95 |`,
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const kind of PAGE_KINDS) {
    const t = tallies[kind];
    const s = summarize(t.ms);
    const v =
      s.n === 0
        ? 'not measured'
        : t.errors > 0
          ? 'MISSED (errors)'
          : `${verdict(s.p95, targets[kind])} (<= ${targets[kind]} ms)`;
    lines.push(
      `| ${PAGE_NAMES[kind]} | ${s.n} | ${t.count(200)} | ${t.count(304)} | ${(s.n / seconds).toFixed(0)} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${t.errors} | ${v} |`,
    );
  }
  return lines.join('\n');
}

/** The oldest totals a national page showed, against the confirms answered before it was asked for. */
export function oldestTotals(
  acks: readonly number[],
  seen: readonly NationalSeen[],
  baseline: number,
): { pages: number; oldestMs: number } {
  const sorted = [...acks].sort((a, b) => a - b);
  let oldest = 0;
  for (const s of seen) oldest = Math.max(oldest, stalenessMs(sorted, s.sentAt, s.crowdTps - baseline));
  return { pages: seen.length, oldestMs: oldest };
}

export function freshnessTable(rows: { name: string; pages: number; oldestMs: number }[], boundMs: number): string {
  const lines = [
    '| totals on the national page (TPS with crowd figures) | pages checked | oldest totals ms | target |',
    '|---|---|---|---|',
  ];
  for (const r of rows)
    lines.push(
      `| ${r.name} | ${r.pages} | ${r.oldestMs.toFixed(0)} | ${verdict(r.oldestMs, boundMs)} (<= ${boundMs / 1000} s) |`,
    );
  return lines.join('\n');
}

/** The first few distinct failures of each kind, so a MISSED row says why. */
export function errorSamples(named: [string, Tally][]): string[] {
  return named.filter(([, t]) => t.samples.length > 0).map(([name, t]) => `errors, ${name}: ${t.samples.join(' | ')}`);
}
