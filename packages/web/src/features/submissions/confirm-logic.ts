import { PAGE_FIELDS, emptyFieldValues, type FieldName, type FieldValues } from '@cocok/domain';
import { isOverseasTps, runChecks, type CheckResult } from '@cocok/domain';
import { confirmableFields } from '@cocok/domain';
import { mostConfidentReadings, readSheet } from '@cocok/domain';
import { orderChecks } from '../tps/check-text.ts';
import type { Translate } from '../../lib/translate.ts';
import type { SubmissionPhotoView } from './submission-types.ts';

/**
 * Pure logic of the confirm screen: one row per field of the pages read, review rows first, input
 * parsing, and the live checks (the server's own `runChecks`, so screen and server always agree).
 */
export type ConfirmRow = {
  field: FieldName;
  page: 1 | 2 | 3;
  value: number | null;
  confidence: number | null;
  review: boolean;
  reasons: string[];
  cutoutUrl: string | null;
};

type PhotoInput = Pick<SubmissionPhotoView, 'state' | 'page' | 'reading' | 'cutoutUrls'>;

/** The reason a field has no reading at all: the witness must look at it. */
export const NOT_READ = 'not-read';

/**
 * Every field of every page read, in form order, as the pages read together say (readSheet, the
 * server's own function, so the screen shows what the server stores as the machine's reading). The
 * cut-out comes from the photo that read the field more confidently (ties: the earlier photo).
 */
export function confirmRows(photos: readonly PhotoInput[], tpsCode: string): ConfirmRow[] {
  const read = photos.filter((p) => p.state === 'read' && p.reading && (p.page === 1 || p.page === 2 || p.page === 3));
  const readings = read.map((p) => ({
    page: p.page as 1 | 2 | 3,
    fields: p.reading!.fields,
    candidates: p.reading!.candidates,
  }));
  const sheet = readSheet(readings, { overseas: isOverseasTps(tpsCode) });
  const source = mostConfidentReadings(readings);
  return confirmableFields(read.map((p) => p.page)).map((field) => {
    const page = pageOf(field);
    const result = sheet[field];
    const from = source.get(field);
    const cutoutUrl =
      (from !== undefined ? read[from].cutoutUrls[field] : undefined) ??
      read.find((p) => p.page === page && p.cutoutUrls[field])?.cutoutUrls[field] ??
      null;
    if (!result) return { field, page, value: null, confidence: null, review: true, reasons: [NOT_READ], cutoutUrl };
    return {
      field,
      page,
      value: result.value,
      confidence: result.confidence,
      review: result.review,
      reasons: result.reasons ?? [],
      cutoutUrl,
    };
  });
}

function pageOf(field: FieldName): 1 | 2 | 3 {
  return ([1, 2, 3] as const).find((p) => (PAGE_FIELDS[p] as readonly string[]).includes(field)) ?? 1;
}

/**
 * Below this confidence the reader's figure is a guess: the input starts empty (the guess stays visible beside
 * it as "Terbaca: ..."), so a witness types what the form says instead of confirming a guess by habit.
 */
export const PREFILL_MIN_CONFIDENCE = 0.5;

/** The text a field's input starts with. */
export function initialText(row: Pick<ConfirmRow, 'value' | 'confidence'>): string {
  if (row.value === null || (row.confidence ?? 0) < PREFILL_MIN_CONFIDENCE) return '';
  return String(row.value);
}

/** Rows the reader was unsure of come first, each group in form order. */
export function reviewFirst(rows: readonly ConfirmRow[]): ConfirmRow[] {
  return [...rows.filter((r) => r.review), ...rows.filter((r) => !r.review)];
}

/** What a witness typed: empty is "no figure" (null); 0..999 (three boxes on the form); else invalid. */
export function parseFieldInput(text: string): { ok: true; value: number | null } | { ok: false } {
  const s = text.trim();
  if (s === '') return { ok: true, value: null };
  if (!/^\d{1,3}$/.test(s)) return { ok: false };
  return { ok: true, value: Number(s) };
}

/** The checks that the figures entered so far can decide, failures first. */
export function liveChecks(values: Partial<Record<FieldName, number | null>>, tpsCode: string): CheckResult[] {
  const figures: FieldValues = { ...emptyFieldValues(), ...values };
  return orderChecks(runChecks(figures, { overseas: isOverseasTps(tpsCode) }).filter((r) => r.status !== 'skipped'));
}

/** The reader's own reasons for a look; each has a text under `confirm.reasons` (the type checker sees to it). */
const READER_REASONS = [
  'not-read',
  'gap-between-digits',
  'bubbles-disagree',
  'bubbles-unclear',
  'low-confidence',
  'ink-in-empty-box',
  'digit-without-ink',
  'chosen-by-checks',
] as const;
const isReaderReason = (reason: string): reason is (typeof READER_REASONS)[number] =>
  (READER_REASONS as readonly string[]).includes(reason);

/**
 * Why the reader asks for a look, in words; `check:<id>` names a check the figures read fail,
 * `check-as-read:<id>` one that the boxes' first reading failed before the page's sums chose another value.
 */
export function reviewReasonText(t: Translate, reason: string, checkName: (id: string) => string): string {
  if (reason.startsWith('check:'))
    return t('confirm.reasons.check', { check: checkName(reason.slice('check:'.length)) });
  if (reason.startsWith('check-as-read:'))
    return t('confirm.reasons.checkAsRead', { check: checkName(reason.slice('check-as-read:'.length)) });
  return t(`confirm.reasons.${isReaderReason(reason) ? reason : 'other'}`);
}
