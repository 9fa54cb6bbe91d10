import { emptyFieldValues, type FieldName, type FieldValues } from '@cocok/domain';

/**
 * Synthetic but self-consistent figures for the national-scale data set: every TPS gets official figures
 * that pass all of KPU's own checks (the generator asserts it), and a deterministic plan of what its
 * witnesses report, including the injected mismatches, conflicts and KPU inconsistencies.
 */

/** mulberry32, shared with the concurrency tests (`@cocok/testing`). */
export { rng } from '@cocok/testing';

const int = (r: () => number, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

/** Figures of a correctly filled form: L + P = J everywhere, users add up, ballots balance, votes add up. */
export function officialFigures(r: () => number): FieldValues {
  const f = emptyFieldValues();
  const set = (row: string, l: number, p: number) => {
    f[`${row}_l` as FieldName] = l;
    f[`${row}_p` as FieldName] = p;
    f[`${row}_j` as FieldName] = l + p;
  };
  const dptL = int(r, 80, 145);
  const dptP = int(r, 80, 145);
  set('pemilih_dpt', dptL, dptP);
  const usedL = Math.floor(dptL * (0.6 + 0.3 * r()));
  const usedP = Math.floor(dptP * (0.6 + 0.3 * r()));
  set('pengguna_dpt', usedL, usedP);
  const dptbL = int(r, 0, 3);
  const dptbP = int(r, 0, 3);
  set('pengguna_dptb', dptbL, dptbP);
  const nonL = int(r, 0, 2);
  const nonP = int(r, 0, 2);
  set('pengguna_non_dpt', nonL, nonP);
  set('pengguna_total', usedL + dptbL + nonL, usedP + dptbP + nonP);
  set('disabilitas', int(r, 0, 2), int(r, 0, 2));
  const total = f.pengguna_total_j!;
  const spoiled = int(r, 0, 3);
  const left = int(r, 2, 20);
  f.surat_suara_digunakan = total;
  f.surat_suara_rusak = spoiled;
  f.surat_suara_sisa = left;
  f.surat_suara_diterima = total + spoiled + left;
  const invalid = int(r, 0, 6);
  const valid = total - invalid;
  const p1 = Math.floor(valid * (0.15 + 0.2 * r()));
  const p2 = Math.floor((valid - p1) * (0.5 + 0.4 * r()));
  f.suara_paslon_1 = p1;
  f.suara_paslon_2 = p2;
  f.suara_paslon_3 = valid - p1 - p2;
  f.suara_sah = valid;
  f.suara_tidak_sah = invalid;
  f.suara_total = total;
  return f;
}

export type MisreadKind = 'digit_dropped' | 'digit_added' | 'multiple_of_100' | 'multiple_of_10' | 'other';
export type InjectedMismatch = { field: FieldName; official: number; crowd: number; kind: MisreadKind };

const CANDIDATES: FieldName[] = ['suara_paslon_1', 'suara_paslon_2', 'suara_paslon_3'];

/** A wrong reading of `value` of the given kind, within the form's 0..999; falls back to +/-10 where impossible. */
export function misread(value: number, kind: MisreadKind, r: () => number): { crowd: number; kind: MisreadKind } {
  const s = String(value);
  if (kind === 'digit_dropped' && s.length >= 2) {
    const i = int(r, 0, s.length - 1);
    const crowd = Number(s.slice(0, i) + s.slice(i + 1));
    if (crowd !== value) return { crowd, kind };
  }
  if (kind === 'digit_added' && s.length <= 2) {
    const i = int(r, 0, s.length);
    const crowd = Number(s.slice(0, i) + String(int(r, 1, 9)) + s.slice(i));
    if (crowd !== value && crowd <= 999) return { crowd, kind };
  }
  if (kind === 'multiple_of_100') return { crowd: value >= 100 ? value - 100 : value + 100, kind };
  if (kind === 'other') return { crowd: value >= 10 ? value - int(r, 1, 9) : value + int(r, 1, 9), kind };
  return { crowd: value >= 10 ? value - 10 : value + 10, kind: 'multiple_of_10' };
}

export type CrowdPlan =
  | { kind: 'none' }
  | { kind: 'agree' | 'official_inconsistent'; witnesses: number }
  | { kind: 'mismatch'; witnesses: number; injected: InjectedMismatch }
  | { kind: 'conflict'; witnesses: number; field: FieldName; dissent: number };

const KINDS: MisreadKind[] = ['digit_dropped', 'digit_added', 'multiple_of_100', 'multiple_of_10', 'other'];

/**
 * What the witnesses of one TPS report: `share` of TPS get 2 or 3 witnesses; of those about 0.4 % carry an
 * injected mismatch (all witnesses agree on a misread candidate figure), 0.2 % a conflict (one witness
 * dissents on a candidate field), 0.1 % official figures that fail KPU's own check (witnesses agree with KPU).
 */
export function crowdPlan(r: () => number, official: FieldValues, share: number): CrowdPlan {
  if (r() >= share) return { kind: 'none' };
  const witnesses = r() < 0.5 ? 2 : 3;
  const x = r();
  if (x < 0.004) {
    const field = CANDIDATES[int(r, 0, 2)];
    const { crowd, kind } = misread(official[field]!, KINDS[int(r, 0, KINDS.length - 1)], r);
    return { kind: 'mismatch', witnesses, injected: { field, official: official[field]!, crowd, kind } };
  }
  if (x < 0.006) {
    const field = CANDIDATES[int(r, 0, 2)];
    return { kind: 'conflict', witnesses, field, dissent: official[field]! + 1 };
  }
  if (x < 0.007) return { kind: 'official_inconsistent', witnesses };
  return { kind: 'agree', witnesses };
}
