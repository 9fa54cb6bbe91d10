import type { FieldName, FieldValues } from './form-fields.ts';

/**
 * The consistency checks that hold on a correctly filled C.HASIL-PPWP (layout.json `checks`), as data.
 * A check is either an equation (sum of `left` = sum of `right`) or an upper bound. A check whose fields
 * are not all known is `skipped`, never failed: a partial document is not an inconsistent one.
 */
export type CheckDefinition =
  | { id: string; kind: 'equal'; left: FieldName[]; right: FieldName[] }
  | { id: string; kind: 'at-most'; field: FieldName; limit: number; domesticOnly: boolean }
  | { id: string; kind: 'not-above'; field: FieldName; bound: FieldName[] };

const lpj = (row: string): CheckDefinition => ({
  id: `${row}_l_plus_p`,
  kind: 'equal',
  left: [`${row}_l`, `${row}_p`] as FieldName[],
  right: [`${row}_j`] as FieldName[],
});
const usersBySex = (s: 'l' | 'p' | 'j'): CheckDefinition => ({
  id: `pengguna_sum_${s}`,
  kind: 'equal',
  left: [`pengguna_dpt_${s}`, `pengguna_dptb_${s}`, `pengguna_non_dpt_${s}`] as FieldName[],
  right: [`pengguna_total_${s}`] as FieldName[],
});

/** Most votes a domestic TPS can hold: at most 300 registered voters (PKPU 25/2023). */
export const DOMESTIC_TPS_MAX_VOTERS = 300;

export const CHECKS: readonly CheckDefinition[] = [
  {
    id: 'paslon_sum_vs_sah',
    kind: 'equal',
    left: ['suara_paslon_1', 'suara_paslon_2', 'suara_paslon_3'],
    right: ['suara_sah'],
  },
  { id: 'sah_plus_tidak_sah_vs_total', kind: 'equal', left: ['suara_sah', 'suara_tidak_sah'], right: ['suara_total'] },
  { id: 'total_vs_pengguna', kind: 'equal', left: ['suara_total'], right: ['pengguna_total_j'] },
  { id: 'total_vs_surat_digunakan', kind: 'equal', left: ['suara_total'], right: ['surat_suara_digunakan'] },
  // Follows from the two above, but holds on page 1 alone, where suara_total is not written.
  { id: 'pengguna_vs_surat_digunakan', kind: 'equal', left: ['pengguna_total_j'], right: ['surat_suara_digunakan'] },
  {
    id: 'surat_suara_balance',
    kind: 'equal',
    left: ['surat_suara_diterima'],
    right: ['surat_suara_digunakan', 'surat_suara_rusak', 'surat_suara_sisa'],
  },
  lpj('pemilih_dpt'),
  lpj('pengguna_dpt'),
  lpj('pengguna_dptb'),
  lpj('pengguna_non_dpt'),
  lpj('pengguna_total'),
  lpj('disabilitas'),
  usersBySex('l'),
  usersBySex('p'),
  usersBySex('j'),
  { id: 'pengguna_dpt_vs_pemilih_dpt', kind: 'not-above', field: 'pengguna_dpt_j', bound: ['pemilih_dpt_j'] },
  {
    id: 'total_vs_voters',
    kind: 'not-above',
    field: 'suara_total',
    bound: ['pemilih_dpt_j', 'pengguna_dptb_j', 'pengguna_non_dpt_j'],
  },
  { id: 'dpt_over_300', kind: 'at-most', field: 'pemilih_dpt_j', limit: DOMESTIC_TPS_MAX_VOTERS, domesticOnly: true },
  { id: 'total_over_300', kind: 'at-most', field: 'suara_total', limit: DOMESTIC_TPS_MAX_VOTERS, domesticOnly: true },
  ...(['suara_paslon_1', 'suara_paslon_2', 'suara_paslon_3'] as const).map((field): CheckDefinition => ({
    id: `${field}_over_300`,
    kind: 'at-most',
    field,
    limit: DOMESTIC_TPS_MAX_VOTERS,
    domesticOnly: true,
  })),
];

export type CheckResult = {
  id: string;
  status: 'pass' | 'fail' | 'skipped';
  /** The figures the check looked at (null where unknown). */
  values: Partial<Record<FieldName, number | null>>;
  /** For equations and bounds: the two sides compared. */
  left?: number;
  right?: number;
};

export type CheckContext = { overseas: boolean };

/** Overseas TPS (KSK mobile boxes, POS postal votes) sit under province 99 and may exceed 300 votes. */
export function isOverseasTps(tpsCode: string): boolean {
  return tpsCode.startsWith('99');
}

export function runChecks(
  values: FieldValues,
  ctx: CheckContext,
  checks: readonly CheckDefinition[] = CHECKS,
): CheckResult[] {
  return checks.map((check) => runCheck(check, values, ctx));
}

export function failedChecks(results: readonly CheckResult[]): CheckResult[] {
  return results.filter((r) => r.status === 'fail');
}

function runCheck(check: CheckDefinition, values: FieldValues, ctx: CheckContext): CheckResult {
  const seen = Object.fromEntries(checkFields(check).map((f) => [f, values[f]])) as CheckResult['values'];
  const sides = compareSides(check, (f) => values[f], ctx);
  if (!sides) return { id: check.id, status: 'skipped', values: seen };
  return { id: check.id, status: sides.pass ? 'pass' : 'fail', values: seen, left: sides.left, right: sides.right };
}

/**
 * The two sides a check compares and whether it holds; null when it is skipped (a figure unknown, or a
 * domestic-only bound at an overseas TPS). The one place the rules are applied, so the reader's
 * page search (reading/page-decoding.logic.ts), which judges many candidate figures, reads them the same way.
 */
export function compareSides(
  check: CheckDefinition,
  value: (f: FieldName) => number | null | undefined,
  ctx: CheckContext,
): { left: number; right: number; pass: boolean } | null {
  // No closures in here: the reader's page search calls this hundreds of thousands of times per sheet, and
  // under tsx (which the server runs on) every named closure made per call costs a __name wrapper.
  switch (check.kind) {
    case 'equal': {
      const left = sumOf(check.left, value);
      const right = sumOf(check.right, value);
      return left === null || right === null ? null : { left, right, pass: left === right };
    }
    case 'not-above': {
      const left = value(check.field);
      const right = sumOf(check.bound, value);
      return left === null || left === undefined || right === null ? null : { left, right, pass: left <= right };
    }
    case 'at-most': {
      const left = value(check.field);
      if (left === null || left === undefined || (check.domesticOnly && ctx.overseas)) return null;
      return { left, right: check.limit, pass: left <= check.limit };
    }
  }
}

/** The sum of these figures, or null when one of them is unknown. */
function sumOf(fields: readonly FieldName[], value: (f: FieldName) => number | null | undefined): number | null {
  let total = 0;
  for (const f of fields) {
    const v = value(f);
    if (v === null || v === undefined) return null;
    total += v;
  }
  return total;
}

/** The figures a check looks at. */
export function checkFields(check: CheckDefinition): FieldName[] {
  switch (check.kind) {
    case 'equal':
      return [...check.left, ...check.right];
    case 'not-above':
      return [check.field, ...check.bound];
    case 'at-most':
      return [check.field];
  }
}
