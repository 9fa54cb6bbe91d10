import type { FieldName } from '@cocok/domain';
import { hasText, type Translate } from './translate.ts';

/** Page 1 rows that the form splits into laki-laki (L), perempuan (P) and jumlah (J). */
export const LPJ_ROWS = [
  'pemilih_dpt',
  'pengguna_dpt',
  'pengguna_dptb',
  'pengguna_non_dpt',
  'pengguna_total',
  'disabilitas',
] as const;
export type LpjRow = (typeof LPJ_ROWS)[number];
export const SEXES = ['l', 'p', 'j'] as const;

/** Page 1 ballot rows, which have a single figure each. */
export const BALLOT_FIELDS = [
  'surat_suara_diterima',
  'surat_suara_digunakan',
  'surat_suara_rusak',
  'surat_suara_sisa',
] as const;

const LPJ_FIELD = /^(.+)_(l|p|j)$/;

/** A field's label in the UI language, e.g. pemilih_dpt_j -> "Pemilih DPT (jumlah)". */
export function fieldLabel(t: Translate, field: FieldName | string): string {
  const m = LPJ_FIELD.exec(field);
  if (m && hasText('rows', m[1]) && hasText('sex', m[2])) return `${t(`rows.${m[1]}`)} (${t(`sex.${m[2]}`)})`;
  // A field added on the server before the web knows its label: its name is still better than nothing.
  return hasText('fields', field) ? t(`fields.${field}`) : field;
}

/** A region level's name in the UI language, e.g. regency -> "Kabupaten/Kota". */
export function levelLabel(t: Translate, levelName: string): string {
  return hasText('levels', levelName) ? t(`levels.${levelName}`) : levelName;
}
