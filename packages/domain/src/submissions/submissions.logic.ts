import { PAGE_FIELDS, type FieldName, type PageNumber } from '../form/form-fields.ts';
import type { FormReading } from '../reading/reading.types.ts';

/**
 * Pure decisions of the upload flow: what happens to each uploaded photo, which matches become
 * duplicate flags and which fields a witness may confirm (what the machine read per field is the
 * sheet reading, reading/sheet-reading.logic.ts).
 */
export type UploadState = 'uploaded' | 'duplicate-in-upload' | 'already-uploaded';
export type UploadEntry = { sha256: string; state: UploadState; submissionId?: number };

/**
 * Each uploaded photo in order: the first copy of new bytes is `uploaded`; a second copy in the same
 * upload is `duplicate-in-upload`; bytes this witness already sent for this TPS (in a submission not
 * withdrawn) are `already-uploaded` and point at that submission, so a retried upload adds nothing.
 */
export function planUpload(shas: readonly string[], mineForTps: ReadonlyMap<string, number>): UploadEntry[] {
  const seen = new Set<string>();
  return shas.map((sha256) => {
    if (seen.has(sha256)) return { sha256, state: 'duplicate-in-upload' };
    seen.add(sha256);
    const submissionId = mineForTps.get(sha256);
    return submissionId === undefined
      ? { sha256, state: 'uploaded' }
      : { sha256, state: 'already-uploaded', submissionId };
  });
}

export type PhotoMatch = { sha256: string; distance: number; submissionPhotoId: number; tpsCode: string };
export type DuplicateFlag = { otherSubmissionPhotoId: number; otherTps: string; distance: number; exact: boolean };

/** Matches of one photo (same bytes, or a near-identical hash) that were submitted for another TPS. */
export function duplicateFlags(ownSha: string, tpsCode: string, matches: readonly PhotoMatch[]): DuplicateFlag[] {
  const byPhoto = new Map<number, DuplicateFlag>();
  for (const m of matches) {
    if (m.tpsCode === tpsCode) continue;
    const exact = m.sha256 === ownSha;
    const flag = {
      otherSubmissionPhotoId: m.submissionPhotoId,
      otherTps: m.tpsCode,
      distance: exact ? 0 : m.distance,
      exact,
    };
    const prev = byPhoto.get(m.submissionPhotoId);
    if (!prev || flag.distance < prev.distance) byPhoto.set(m.submissionPhotoId, flag);
  }
  return [...byPhoto.values()].sort(
    (a, b) => a.distance - b.distance || a.otherSubmissionPhotoId - b.otherSubmissionPhotoId,
  );
}

export type PhotoState = 'uploaded' | 'reading' | 'read' | 'failed';

export function stillReading(states: readonly PhotoState[]): boolean {
  return states.some((s) => s === 'uploaded' || s === 'reading');
}

/** Fields a witness may confirm: those of the pages the reader found among the photos, in form order. */
export function confirmableFields(pages: readonly (number | null)[]): FieldName[] {
  const found = new Set(pages.filter((p): p is PageNumber => p === 1 || p === 2 || p === 3));
  return ([1, 2, 3] as const).filter((p) => found.has(p)).flatMap((p) => [...PAGE_FIELDS[p]]);
}

/** Names in a confirm request that are not confirmable (unknown fields, or of pages not uploaded). */
export function unexpectedFields(given: readonly string[], allowed: readonly FieldName[]): string[] {
  const ok = new Set<string>(allowed);
  return given.filter((f) => !ok.has(f));
}

/** The minimal shape check of what a reader returned, before it is stored. */
export function isFormReading(value: unknown): value is FormReading {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return (
    (r.page === null || r.page === 1 || r.page === 2 || r.page === 3) &&
    typeof r.fields === 'object' &&
    r.fields !== null
  );
}
