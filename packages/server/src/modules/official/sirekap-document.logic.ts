import { sha256Hex } from '../../core/hash.ts';
import { z } from 'zod';
import { SIREKAP_CANDIDATES, emptyFieldValues, type FieldName, type FieldValues } from '@cocok/domain';

/**
 * Sirekap `hhcw` per-TPS documents (see server/assets/sirekap and docs/api.md): `chart` holds the
 * candidate votes keyed by candidate id, `administrasi` the 18 voter and ballot figures; either may be
 * null (a partial document). Pure parsing and normalisation; nothing here touches the database.
 */
const count = z.number().int().min(0).max(1_000_000);
const ADMINISTRASI_FIELDS = [
  'suara_sah',
  'suara_tidak_sah',
  'suara_total',
  'pemilih_dpt_j',
  'pemilih_dpt_l',
  'pemilih_dpt_p',
  'pengguna_dpt_j',
  'pengguna_dpt_l',
  'pengguna_dpt_p',
  'pengguna_dptb_j',
  'pengguna_dptb_l',
  'pengguna_dptb_p',
  'pengguna_non_dpt_j',
  'pengguna_non_dpt_l',
  'pengguna_non_dpt_p',
  'pengguna_total_j',
  'pengguna_total_l',
  'pengguna_total_p',
] as const satisfies readonly FieldName[];

const documentSchema = z.object({
  mode: z.string().optional(),
  chart: z.record(z.string(), count.nullable()).nullable(),
  images: z.array(z.string().url().nullable()).max(3).optional().default([]),
  administrasi: z.record(z.string(), count.nullable()).nullable(),
  psu: z.union([z.string(), z.null()]).optional().default(null),
  ts: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/, 'ts must look like 2024-02-20 13:00:00')
    .nullable(),
  status_suara: z.boolean().nullable().optional().default(null),
  status_adm: z.boolean().nullable().optional().default(null),
});

export type OfficialDocument = {
  tpsCode: string;
  docTs: string | null;
  hasChart: boolean;
  hasAdministrasi: boolean;
  statusSuara: boolean | null;
  statusAdm: boolean | null;
  psu: string | null;
  images: [string | null, string | null, string | null];
  fields: FieldValues;
  contentHash: string;
};

export type ParseResult = { ok: true; document: OfficialDocument } | { ok: false; reason: string };

const TPS_FILE_NAME = /(?:^|[/\\])([0-9A-Z]{13})\.json$/;

/** The TPS code a document is about: Sirekap names each file by its 13-character TPS code. */
export function tpsCodeFromFileName(name: string): string | null {
  return TPS_FILE_NAME.exec(name)?.[1] ?? null;
}

export function parseSirekapDocument(fileName: string, text: string): ParseResult {
  const tpsCode = tpsCodeFromFileName(fileName);
  if (!tpsCode) return { ok: false, reason: 'file name is not a 13-character TPS code followed by .json' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, reason: `not valid JSON (${(err as Error).message})` };
  }
  const parsed = documentSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `${issue.path.join('.') || 'document'}: ${issue.message}` };
  }
  return toDocument(tpsCode, parsed.data);
}

function toDocument(tpsCode: string, doc: z.infer<typeof documentSchema>): ParseResult {
  const fields = emptyFieldValues();
  const candidateKeys = Object.keys(doc.chart ?? {}).filter((k) => k in SIREKAP_CANDIDATES);
  const unknownKey = Object.keys(doc.chart ?? {}).find((k) => k !== 'null' && !(k in SIREKAP_CANDIDATES));
  if (unknownKey) return { ok: false, reason: `chart: unknown candidate id ${unknownKey}` };
  for (const key of candidateKeys) fields[SIREKAP_CANDIDATES[key]] = doc.chart?.[key] ?? null;

  const administrasi = doc.administrasi ?? {};
  const unknownField = Object.keys(administrasi).find((k) => !(ADMINISTRASI_FIELDS as readonly string[]).includes(k));
  if (unknownField) return { ok: false, reason: `administrasi: unknown field ${unknownField}` };
  for (const f of ADMINISTRASI_FIELDS) fields[f] = administrasi[f] ?? null;

  const images = [0, 1, 2].map((i) => doc.images[i] ?? null) as OfficialDocument['images'];
  const body = {
    tpsCode,
    docTs: doc.ts,
    hasChart: candidateKeys.some((k) => doc.chart?.[k] !== null),
    hasAdministrasi: ADMINISTRASI_FIELDS.some((f) => fields[f] !== null),
    statusSuara: doc.status_suara,
    statusAdm: doc.status_adm,
    psu: doc.psu,
    images,
    fields,
  };
  return { ok: true, document: { ...body, contentHash: hashOf(body) } };
}

/** Same figures, images, flags and ts give the same hash: re-importing a document changes nothing. */
function hashOf(body: Omit<OfficialDocument, 'contentHash'>): string {
  return sha256Hex(JSON.stringify(body));
}

/** Whether a newly imported version should replace the current one: later document ts wins. */
export function supersedes(candidateTs: string | null, currentTs: string | null): boolean {
  if (currentTs === null) return true;
  if (candidateTs === null) return false;
  return candidateTs >= currentTs;
}
