import type { FieldName } from '@cocok/domain';
import { apiPaths } from '@cocok/api';
import type { FormReading } from '@cocok/domain';
import type { PhotoCapture } from '../photos/photos.service.ts';
import { publicCopyUrl } from '../photos/photos.logic.ts';
import type { DuplicateRow, FlagRow, SubmissionPhotoRow, SubmissionRow, ValueRow } from './submissions.repository.ts';

/** JSON shapes of submissions: the owner/moderator view and the public one (no name, contact or EXIF). */
export const photoUrls = (sha256: string) => ({
  thumbUrl: publicCopyUrl(sha256, 'thumb'),
  displayUrl: publicCopyUrl(sha256, 'display'),
});

export function parseReading(row: SubmissionPhotoRow): FormReading | null {
  return row.reading ? (JSON.parse(row.reading) as FormReading) : null;
}

export function photoView(row: SubmissionPhotoRow, duplicates: DuplicateRow[], capture: PhotoCapture | undefined) {
  const reading = parseReading(row);
  const boxes = Object.keys(reading?.boxesInPhoto ?? {});
  return {
    sha256: row.sha256,
    position: row.position,
    state: row.state,
    page: row.page,
    reason: reading?.reason ?? null,
    message: reading?.message ?? null,
    failure: row.failure,
    reading: reading && {
      fields: reading.fields,
      review: reading.review,
      checks: reading.checks ?? [],
      candidates: reading.candidates ?? {},
    },
    cutoutUrls: Object.fromEntries(boxes.map((f) => [f, apiPaths.fieldCutout(row.submission_id, row.sha256, f)])),
    ...photoUrls(row.sha256),
    duplicates: duplicates.map((d) => ({ tps: d.other_tps_code, exact: d.exact === 1, distance: d.distance })),
    ...(capture ? { capture } : {}),
  };
}

export function valueView(v: ValueRow) {
  return {
    field: v.field as FieldName,
    machine: {
      value: v.machine_value,
      confidence: v.machine_confidence,
      review: v.machine_review === null ? null : v.machine_review === 1,
    },
    confirmed: v.confirmed_value,
    confirmedBy: v.confirmed_by,
    confirmedAt: v.confirmed_at,
  };
}

export function flagView(f: FlagRow) {
  return { id: f.check_id, ...(JSON.parse(f.detail) as Record<string, unknown>) };
}

export function submissionHead(s: SubmissionRow, tpsName: string | null) {
  return {
    id: s.id,
    tps: { code: s.tps_code, name: tpsName },
    status: s.status,
    createdAt: s.created_at,
    confirmedAt: s.confirmed_at,
    withdrawnAt: s.withdrawn_at,
  };
}

/** A confirmed submission as the public sees it: a pseudonym, the confirmed figures, the photos. */
export function publicSubmissionView(
  s: SubmissionRow,
  witness: string,
  photos: SubmissionPhotoRow[],
  values: ValueRow[],
  flags: FlagRow[],
) {
  return {
    id: s.id,
    witness,
    confirmedAt: s.confirmed_at,
    values: Object.fromEntries(values.map((v) => [v.field, v.confirmed_value])),
    flags: flags.map((f) => f.check_id),
    photos: photos.map((p) => ({ sha256: p.sha256, page: p.page, ...photoUrls(p.sha256) })),
  };
}
