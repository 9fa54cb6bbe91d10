import type { FieldName } from '../form/form-fields.ts';
import type { ValueCandidate } from './page-decoding.logic.ts';

/** One field as read from a photo: the CLI contract of `read-form --json`, plus why it needs review. */
export type FieldResult = { value: number | null; confidence: number; review: boolean; reasons?: string[] };

/**
 * What the reader says about one photo (the `read-form --json` line without `file`). `page` is null,
 * with a `reason` code and an Indonesian `message`, when the image is not a C.HASIL-PPWP page.
 */
export type FormReading = {
  page: 1 | 2 | 3 | null;
  fields: Partial<Record<FieldName, FieldResult>>;
  review: boolean;
  reason?: string;
  message?: string;
  /** Page-level findings, e.g. failed cross-field checks: `paslon_sum_vs_sah`. */
  checks?: string[];
  /** Where each field's three boxes sit in the photo (pixel polygons), for cut-outs on the confirm screen. */
  boxesInPhoto?: Partial<Record<FieldName, [number, number][]>>;
  /**
   * Each field's possible values with their probabilities from its own boxes, most probable first, so
   * the pages of one sheet can be read together (sheet-reading.logic.ts). Not in the CLI's output.
   */
  candidates?: Partial<Record<FieldName, ValueCandidate[]>>;
  ms: number;
};
