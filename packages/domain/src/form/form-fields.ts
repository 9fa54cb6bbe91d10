/**
 * The numeric fields of form C.HASIL-PPWP, in form order, named as in layout.json (and as Sirekap's
 * `administrasi` where Sirekap has the figure). A test checks this list against layout.json so the two
 * cannot drift. Shared by server and web.
 */
export const PAGE_FIELDS = {
  1: [
    'pemilih_dpt_l',
    'pemilih_dpt_p',
    'pemilih_dpt_j',
    'pengguna_dpt_l',
    'pengguna_dpt_p',
    'pengguna_dpt_j',
    'pengguna_dptb_l',
    'pengguna_dptb_p',
    'pengguna_dptb_j',
    'pengguna_non_dpt_l',
    'pengguna_non_dpt_p',
    'pengguna_non_dpt_j',
    'pengguna_total_l',
    'pengguna_total_p',
    'pengguna_total_j',
    'disabilitas_l',
    'disabilitas_p',
    'disabilitas_j',
    'surat_suara_diterima',
    'surat_suara_digunakan',
    'surat_suara_rusak',
    'surat_suara_sisa',
  ],
  2: ['suara_paslon_1', 'suara_paslon_2', 'suara_paslon_3'],
  3: ['suara_sah', 'suara_tidak_sah', 'suara_total'],
} as const;

export type PageNumber = keyof typeof PAGE_FIELDS;
export type FieldName = (typeof PAGE_FIELDS)[PageNumber][number];
export const FIELDS: readonly FieldName[] = [...PAGE_FIELDS[1], ...PAGE_FIELDS[2], ...PAGE_FIELDS[3]];
export const CANDIDATE_FIELDS = PAGE_FIELDS[2];

const FIELD_SET: ReadonlySet<string> = new Set(FIELDS);
/** Whether a name from outside (a URL, a body) is one of the form's fields; never `name in someObject` ("__proto__", "toString" are in every object). */
export function isFieldName(name: string): name is FieldName {
  return FIELD_SET.has(name);
}

/** A TPS's figures: every field, null where unknown. */
export type FieldValues = Record<FieldName, number | null>;

export function emptyFieldValues(): FieldValues {
  return Object.fromEntries(FIELDS.map((f) => [f, null])) as FieldValues;
}

/** Sirekap candidate ids (`chart` keys) for paslon 01..03. */
export const SIREKAP_CANDIDATES: Record<string, FieldName> = {
  '100025': 'suara_paslon_1',
  '100026': 'suara_paslon_2',
  '100027': 'suara_paslon_3',
};

export const CANDIDATES = [
  { field: 'suara_paslon_1', number: 1, name: 'Anies Rasyid Baswedan - Muhaimin Iskandar', color: '#8CB9BD' },
  { field: 'suara_paslon_2', number: 2, name: 'Prabowo Subianto - Gibran Rakabuming Raka', color: '#C7B7A3' },
  { field: 'suara_paslon_3', number: 3, name: 'Ganjar Pranowo - Mahfud MD', color: '#B67352' },
] as const;
