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
  { id: 'paslon_sum_vs_sah', kind: 'equal', left: ['suara_paslon_1', 'suara_paslon_2', 'suara_paslon_3'], right: ['suara_sah'] },
  { id: 'sah_plus_tidak_sah_vs_total', kind: 'equal', left: ['suara_sah', 'suara_tidak_sah'], right: ['suara_total'] },
  { id: 'total_vs_pengguna', kind: 'equal', left: ['suara_total'], right: ['pengguna_total_j'] },
  { id: 'total_vs_surat_digunakan', kind: 'equal', left: ['suara_total'], right: ['surat_suara_digunakan'] },
  { id: 'surat_suara_balance', kind: 'equal', left: ['surat_suara_diterima'], right: ['surat_suara_digunakan', 'surat_suara_rusak', 'surat_suara_sisa'] },
  lpj('pemilih_dpt'), lpj('pengguna_dpt'), lpj('pengguna_dptb'), lpj('pengguna_non_dpt'), lpj('pengguna_total'), lpj('disabilitas'),
  usersBySex('l'), usersBySex('p'), usersBySex('j'),
  { id: 'pengguna_dpt_vs_pemilih_dpt', kind: 'not-above', field: 'pengguna_dpt_j', bound: ['pemilih_dpt_j'] },
  { id: 'total_vs_voters', kind: 'not-above', field: 'suara_total', bound: ['pemilih_dpt_j', 'pengguna_dptb_j', 'pengguna_non_dpt_j'] },
  { id: 'dpt_over_300', kind: 'at-most', field: 'pemilih_dpt_j', limit: DOMESTIC_TPS_MAX_VOTERS, domesticOnly: true },
  { id: 'total_over_300', kind: 'at-most', field: 'suara_total', limit: DOMESTIC_TPS_MAX_VOTERS, domesticOnly: true },
  ...(['suara_paslon_1', 'suara_paslon_2', 'suara_paslon_3'] as const).map(
    (field): CheckDefinition => ({ id: `${field}_over_300`, kind: 'at-most', field, limit: DOMESTIC_TPS_MAX_VOTERS, domesticOnly: true }),
  ),
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

export function runChecks(values: FieldValues, ctx: CheckContext, checks: readonly CheckDefinition[] = CHECKS): CheckResult[] {
  return checks.map((check) => runCheck(check, values, ctx));
}

export function failedChecks(results: readonly CheckResult[]): CheckResult[] {
  return results.filter((r) => r.status === 'fail');
}

function runCheck(check: CheckDefinition, values: FieldValues, ctx: CheckContext): CheckResult {
  const fields = fieldsOf(check);
  const seen = Object.fromEntries(fields.map((f) => [f, values[f]])) as CheckResult['values'];
  if (fields.some((f) => values[f] === null || values[f] === undefined)) {
    return { id: check.id, status: 'skipped', values: seen };
  }
  const sum = (fs: FieldName[]) => fs.reduce((acc, f) => acc + (values[f] as number), 0);
  switch (check.kind) {
    case 'equal': {
      const left = sum(check.left);
      const right = sum(check.right);
      return { id: check.id, status: left === right ? 'pass' : 'fail', values: seen, left, right };
    }
    case 'not-above': {
      const left = values[check.field] as number;
      const right = sum(check.bound);
      return { id: check.id, status: left <= right ? 'pass' : 'fail', values: seen, left, right };
    }
    case 'at-most': {
      if (check.domesticOnly && ctx.overseas) return { id: check.id, status: 'skipped', values: seen };
      const left = values[check.field] as number;
      return { id: check.id, status: left <= check.limit ? 'pass' : 'fail', values: seen, left, right: check.limit };
    }
  }
}

function fieldsOf(check: CheckDefinition): FieldName[] {
  switch (check.kind) {
    case 'equal':
      return [...check.left, ...check.right];
    case 'not-above':
      return [check.field, ...check.bound];
    case 'at-most':
      return [check.field];
  }
}
