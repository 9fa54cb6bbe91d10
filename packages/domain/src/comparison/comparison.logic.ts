import {
  CANDIDATE_FIELDS,
  FIELDS,
  PAGE_FIELDS,
  type FieldName,
  type FieldValues,
  type PageNumber,
} from '../form/form-fields.ts';

/**
 * The crowd's figures per TPS and how they compare with KPU's. Pure decisions, tested by tables in
 * comparison.logic.test.ts; the service feeds them rows and stores what they return.
 */

/** One confirmed, not withdrawn witness submission: who, which photos (with the page each shows), what values. */
export type CrowdObservation = {
  submissionId: number;
  userId: number;
  photos: readonly { sha256: string; page: number | null }[];
  values: Partial<Record<FieldName, number | null>>;
};

/**
 * A moderator's decision on one field of one TPS; it replaces whatever the witnesses said. The moderation
 * issue writes these (table `crowd_overrides`) and asks the comparison service to refresh the TPS.
 */
export type CrowdOverride = { field: FieldName; value: number | null; decidedBy: number; decidedAt: string };

export type CrowdFieldState = 'verified' | 'single' | 'crowd_conflict' | 'moderated';
export type CrowdField = {
  /** The crowd's value; null when witnesses disagree (or a moderator decided there is none). */
  value: number | null;
  state: CrowdFieldState;
  /** Distinct accounts behind `value` (for a conflict: behind any value). */
  witnesses: number;
  /** Every value witnesses confirmed with how many accounts stand behind it, most first. */
  candidates: { value: number; witnesses: number }[];
};
export type CrowdFigures = Partial<Record<FieldName, CrowdField>>;

const PAGE_OF_FIELD = new Map<FieldName, number>(
  (Object.keys(PAGE_FIELDS) as unknown as PageNumber[]).flatMap((p) =>
    PAGE_FIELDS[p].map((f): [FieldName, number] => [f, Number(p)]),
  ),
);

/** The photos of the page holding `field`; a submission without such a page counts all its photos. */
function photosFor(o: CrowdObservation, field: FieldName): Set<string> {
  const page = PAGE_OF_FIELD.get(field);
  const onPage = o.photos.filter((p) => p.page === page);
  return new Set((onPage.length > 0 ? onPage : o.photos).map((p) => p.sha256));
}

/** Two observations are independent when both the accounts and the photos (of the field's page) differ. */
function independent(a: CrowdObservation, b: CrowdObservation, field: FieldName): boolean {
  if (a.userId === b.userId) return false;
  const pa = photosFor(a, field);
  for (const sha of photosFor(b, field)) if (pa.has(sha)) return false;
  return true;
}

function crowdField(field: FieldName, observations: readonly CrowdObservation[]): CrowdField | undefined {
  const seen = observations.filter((o) => typeof o.values[field] === 'number');
  if (seen.length === 0) return undefined;
  const byValue = new Map<number, CrowdObservation[]>();
  for (const o of seen) byValue.set(o.values[field] as number, [...(byValue.get(o.values[field] as number) ?? []), o]);
  const accounts = (os: readonly CrowdObservation[]) => new Set(os.map((o) => o.userId)).size;
  const candidates = [...byValue]
    .map(([value, os]) => ({ value, witnesses: accounts(os) }))
    .sort((a, b) => b.witnesses - a.witnesses || a.value - b.value);
  if (byValue.size > 1) return { value: null, state: 'crowd_conflict', witnesses: accounts(seen), candidates };
  const verified = seen.some((a, i) => seen.slice(i + 1).some((b) => independent(a, b, field)));
  return {
    value: candidates[0].value,
    state: verified ? 'verified' : 'single',
    witnesses: candidates[0].witnesses,
    candidates,
  };
}

/**
 * The crowd's figure per field: the same value from two or more independent witnesses (different accounts
 * AND different photos) is `verified`, from one witness (or several not independent) `single`; differing
 * values are a `crowd_conflict` with no crowd value. A moderator's override wins over all of that.
 * Fields nobody confirmed (null values) are absent.
 */
export function crowdFigures(
  observations: readonly CrowdObservation[],
  overrides: readonly CrowdOverride[] = [],
): CrowdFigures {
  const out: CrowdFigures = {};
  for (const field of FIELDS) {
    const fromWitnesses = crowdField(field, observations);
    const override = overrides.find((o) => o.field === field);
    if (override) {
      out[field] = {
        value: override.value,
        state: 'moderated',
        witnesses: fromWitnesses?.witnesses ?? 0,
        candidates: fromWitnesses?.candidates ?? [],
      };
    } else if (fromWitnesses) out[field] = fromWitnesses;
  }
  return out;
}

export type MisreadLabel = 'digit_dropped' | 'digit_added' | 'multiple_of_100' | 'multiple_of_10';

/** True when `short` is `long` with exactly one digit removed (84 from 884, 84 from 804). */
function isOneDigitShorter(long: string, short: string): boolean {
  if (long.length !== short.length + 1) return false;
  for (let i = 0; i < long.length; i++) if (long.slice(0, i) + long.slice(i + 1) === short) return true;
  return false;
}

/**
 * Labels the typical digit misread behind a difference, most specific first: the crowd value is the official
 * one with a digit dropped (84 vs 884) or added (884 vs 84); else the difference is a multiple of 100 or of 10.
 * Null when the values agree or nothing typical explains the difference.
 */
export function misreadLabel(official: number, crowd: number): MisreadLabel | null {
  if (official === crowd) return null;
  if (isOneDigitShorter(String(official), String(crowd))) return 'digit_dropped';
  if (isOneDigitShorter(String(crowd), String(official))) return 'digit_added';
  const difference = Math.abs(crowd - official);
  if (difference % 100 === 0) return 'multiple_of_100';
  if (difference % 10 === 0) return 'multiple_of_10';
  return null;
}

export const COMPARISON_STATUSES = [
  'match',
  'mismatch',
  'official_inconsistent',
  'crowd_conflict',
  'no_official',
  'no_crowd',
] as const;
export type ComparisonStatus = (typeof COMPARISON_STATUSES)[number];
/**
 * What GET /api/mismatches?status= can list, in the order the web filter offers them: every status but
 * no_crowd (such TPS have no comparison row). The one list: the query schema and the web filter use it.
 */
export const LISTED_STATUSES = [
  'mismatch',
  'crowd_conflict',
  'official_inconsistent',
  'no_official',
  'match',
] as const satisfies readonly Exclude<ComparisonStatus, 'no_crowd'>[];
export type ListedStatus = (typeof LISTED_STATUSES)[number];

export type FieldComparison = {
  field: FieldName;
  official: number | null;
  crowd: number | null;
  /** null: no crowd figure for the field. */
  state: CrowdFieldState | null;
  /** crowd - official, where both exist. */
  difference: number | null;
  misread: MisreadLabel | null;
  witnesses: number;
  candidates: { value: number; witnesses: number }[];
  /** A moderator marked KPU's current figure for this field wrong (see disputedFields). */
  disputed: boolean;
};

/** `disputed`: the fields of KPU's current figures a moderator marked wrong, in form order. */
export type TpsComparison = {
  status: ComparisonStatus;
  impact: number;
  fields: FieldComparison[];
  disputed: FieldName[];
};

/**
 * KPU's current figures for a TPS, how many of its own consistency checks they fail (stored per version),
 * and the fields a moderator marked wrong (from disputedFields; none when absent).
 */
export type OfficialFigures = { fields: FieldValues; flagCount: number; disputed?: readonly FieldName[] };

/** A moderator's `official-wrong` verdict on one field, with the official version it judged (table official_disputes). */
export type OfficialDispute = { field: FieldName; officialVersionId: number | null };

/**
 * The fields of KPU's current version that stand disputed. A verdict holds for the version it judged
 * only: when KPU publishes a new version, its figures are KPU's word again until a moderator judges them
 * (the new version also puts the TPS back in the queue). No current version: nothing to dispute.
 */
export function disputedFields(disputes: readonly OfficialDispute[], currentVersionId: number | null): FieldName[] {
  if (currentVersionId === null) return [];
  return FIELDS.filter((f) => disputes.some((d) => d.field === f && d.officialVersionId === currentVersionId));
}

/** One field side by side: the difference and its misread label where both figures exist. */
export function compareField(
  field: FieldName,
  official: number | null,
  crowd: CrowdField | undefined,
  disputed = false,
): FieldComparison {
  const both = official !== null && crowd?.value !== undefined && crowd.value !== null;
  return {
    field,
    official,
    crowd: crowd?.value ?? null,
    state: crowd?.state ?? null,
    difference: both ? crowd!.value! - official! : null,
    misread: both ? misreadLabel(official!, crowd!.value!) : null,
    witnesses: crowd?.witnesses ?? 0,
    candidates: crowd?.candidates ?? [],
    disputed,
  };
}

/**
 * A TPS's comparison status. The first rule that holds wins (this order is the documented precedence):
 *  1. `no_crowd`: no crowd figure on any field (nothing to compare, whether or not KPU published);
 *  2. `no_official`: crowd figures, but KPU has no current figures for any of the crowd's fields;
 *  3. `mismatch`: a field where both exist differs (the strongest signal, so it wins over the rest);
 *  4. `crowd_conflict`: witnesses disagree on a field (and agree with KPU wherever there is a crowd value);
 *  5. `official_inconsistent`: the crowd agrees with KPU, but KPU's figures fail their own checks, or a
 *     moderator marked one of KPU's current figures wrong (a disputed figure is no confirmed KPU figure,
 *     so the TPS cannot `match` even where the crowd saw the same number);
 *  6. `match`.
 * A disputed field that differs stays a `mismatch` (the verdict confirms it, it does not hide it), and its
 * figures stay in the rollup sums: they are what KPU published. Impact = total absolute difference in
 * candidate votes (suara_paslon_1..3); it orders mismatch lists.
 */
export function compareTps(official: OfficialFigures | null, crowd: CrowdFigures): TpsComparison {
  const disputed = official ? FIELDS.filter((f) => official.disputed?.includes(f)) : [];
  const fields = FIELDS.filter((f) => crowd[f] || (official && official.fields[f] !== null)).map((f) =>
    compareField(f, official ? official.fields[f] : null, crowd[f], disputed.includes(f)),
  );
  const crowdFields = fields.filter((f) => f.state !== null);
  const impact = fields
    .filter((f) => (CANDIDATE_FIELDS as readonly FieldName[]).includes(f.field))
    .reduce((sum, f) => sum + Math.abs(f.difference ?? 0), 0);
  return { status: statusOf(official, crowdFields, disputed), impact, fields, disputed };
}

function statusOf(
  official: OfficialFigures | null,
  crowdFields: FieldComparison[],
  disputed: readonly FieldName[],
): ComparisonStatus {
  if (crowdFields.length === 0) return 'no_crowd';
  if (!official || crowdFields.every((f) => f.official === null)) return 'no_official';
  if (crowdFields.some((f) => f.difference !== null && f.difference !== 0)) return 'mismatch';
  if (crowdFields.some((f) => f.state === 'crowd_conflict')) return 'crowd_conflict';
  if (official.flagCount > 0 || disputed.length > 0) return 'official_inconsistent';
  return 'match';
}

/** Statuses of TPS whose crowd and official figures are both present (the TPS that the rollup totals cover). */
export const COMPARED_STATUSES: readonly ComparisonStatus[] = [
  'match',
  'mismatch',
  'official_inconsistent',
  'crowd_conflict',
];
