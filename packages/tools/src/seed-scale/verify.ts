import type { Database } from '@cocok/server';
import { decodeDetail } from '@cocok/domain';
import type { InjectedMismatch } from './figures.ts';

type Expected = {
  injected: ReadonlyMap<string, InjectedMismatch>;
  conflicts: ReadonlySet<string>;
  inconsistent: ReadonlySet<string>;
  crowdTps: number;
};

/**
 * Checks the comparison against what the generator injected: the mismatches are exactly the injected
 * TPS, each with exactly the injected field and values; conflicts and KPU inconsistencies likewise; every
 * other TPS with crowd figures matches; the national crowd rollup counts agree.
 */
export async function verifyComparison(db: Database, expected: Expected): Promise<{ ok: boolean; lines: string[] }> {
  const problems: string[] = [];
  const labels = new Map<string, number>();
  const rows = await db.all<{ tps_code: string; status: string; impact: number; detail: string }>(
    `SELECT tps_code, status, impact, detail FROM tps_comparisons WHERE status != 'match'`,
  );
  const byStatus = new Map<string, Set<string>>();
  for (const r of rows) {
    byStatus.set(r.status, (byStatus.get(r.status) ?? new Set()).add(r.tps_code));
    if (r.status !== 'mismatch') continue;
    const want = expected.injected.get(r.tps_code);
    const differing = decodeDetail(r.detail).fields.filter((f) => f.difference !== null && f.difference !== 0);
    const d = differing[0];
    if (!want) problems.push(`${r.tps_code}: reported as mismatch but nothing was injected`);
    else if (
      differing.length !== 1 ||
      d.field !== want.field ||
      d.official !== want.official ||
      d.crowd !== want.crowd ||
      r.impact !== Math.abs(want.crowd - want.official)
    ) {
      problems.push(
        `${r.tps_code}: expected ${JSON.stringify(want)}, found ${JSON.stringify(differing)} impact ${r.impact}`,
      );
    } else {
      const key = `${want.kind} -> ${d.misread ?? 'no label'}`;
      labels.set(key, (labels.get(key) ?? 0) + 1);
      if (want.kind !== 'other' && d.misread === null)
        problems.push(`${r.tps_code}: a ${want.kind} misread has no label`);
    }
  }
  compareSets('mismatch', byStatus.get('mismatch'), new Set(expected.injected.keys()), problems);
  compareSets('crowd_conflict', byStatus.get('crowd_conflict'), expected.conflicts, problems);
  compareSets('official_inconsistent', byStatus.get('official_inconsistent'), expected.inconsistent, problems);
  compareSets('no_official', byStatus.get('no_official'), new Set(), problems);
  const nation = await db.get<{ crowd_tps: number; n_mismatch: number; n_match: number }>(
    `SELECT crowd_tps, n_mismatch, n_match FROM crowd_rollups WHERE code = 'ID'`,
  );
  const matches = expected.crowdTps - expected.injected.size - expected.conflicts.size - expected.inconsistent.size;
  if (nation?.crowd_tps !== expected.crowdTps)
    problems.push(`national crowd_tps ${nation?.crowd_tps}, expected ${expected.crowdTps}`);
  if (nation?.n_mismatch !== expected.injected.size)
    problems.push(`national n_mismatch ${nation?.n_mismatch}, expected ${expected.injected.size}`);
  if (nation?.n_match !== matches) problems.push(`national n_match ${nation?.n_match}, expected ${matches}`);
  const lines = [
    `Verification: ${problems.length === 0 ? 'OK' : `${problems.length} problems`}: ${byStatus.get('mismatch')?.size ?? 0} mismatches found of ${expected.injected.size} injected; ` +
      `${byStatus.get('crowd_conflict')?.size ?? 0} conflicts of ${expected.conflicts.size}; ${byStatus.get('official_inconsistent')?.size ?? 0} KPU inconsistencies of ${expected.inconsistent.size}; ${nation?.n_match} matches`,
    `Misread labels (injected kind -> label): ${[...labels]
      .sort()
      .map(([k, n]) => `${k}: ${n}`)
      .join(', ')}`,
    ...problems.slice(0, 20).map((p) => `  ${p}`),
  ];
  return { ok: problems.length === 0, lines };
}

function compareSets(
  status: string,
  found: ReadonlySet<string> | undefined,
  wanted: ReadonlySet<string>,
  problems: string[],
): void {
  const got = found ?? new Set<string>();
  const missing = [...wanted].filter((c) => !got.has(c));
  const extra = [...got].filter((c) => !wanted.has(c));
  if (missing.length > 0)
    problems.push(`${status}: ${missing.length} injected TPS not found, e.g. ${missing.slice(0, 3).join(', ')}`);
  if (extra.length > 0)
    problems.push(`${status}: ${extra.length} TPS reported without injection, e.g. ${extra.slice(0, 3).join(', ')}`);
}
