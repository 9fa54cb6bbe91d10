import { z } from 'zod';
import { count, fieldName, id, isoTime, sha256, someFieldValues, tpsCode } from './common.ts';

/**
 * A witness's submissions: upload (POST /submissions, multipart), their own list and one submission,
 * confirm and withdraw, the field cut-outs, and the public list per TPS; the server validates with
 * the request schemas here.
 */

/** Confirm: each field an integer 0..999 (three boxes on the form) or null (left empty/unknown). */
export const confirmBody = z.object({
  fields: z.record(z.string().max(64), z.number().int().min(0).max(999).nullable()),
});

/** The text part of the upload form; the photos are the file parts `photos` (or `photos[]`). */
export const uploadFields = z.object({ tps: z.string().trim().min(1).max(20) });

export const submissionIdParam = z.coerce.number().int().positive();
export const submissionParams = z.strictObject({ id: submissionIdParam });
export const fieldCutoutParams = z.strictObject({
  id: submissionIdParam,
  sha256: z.string().min(1),
  field: z.string().min(1),
});

export const submissionStatus = z.enum(['pending', 'confirmed', 'withdrawn']);
export const photoState = z.enum(['uploaded', 'reading', 'read', 'failed']);
const page = z.number().int().min(1).max(3).nullable();
const photoUrls = { thumbUrl: z.string(), displayUrl: z.string() };

/** POST /submissions: 202 with a new submission, 200 when every photo was already in one of the witness's. */
export const uploadAnswer = z.strictObject({
  id,
  tps: tpsCode,
  created: z.boolean(),
  photos: z.array(
    z.strictObject({
      sha256,
      state: z.enum(['uploaded', 'duplicate-in-upload', 'already-uploaded']),
      submissionId: id,
      alreadyStored: z.boolean(),
      duplicateOf: z.array(z.strictObject({ tps: tpsCode, exact: z.boolean() })),
    }),
  ),
});

const submissionHead = {
  id,
  tps: z.strictObject({ code: tpsCode, name: z.string().nullable() }),
  status: submissionStatus,
  createdAt: isoTime,
  confirmedAt: isoTime.nullable(),
  withdrawnAt: isoTime.nullable(),
};

/** One field as the reader read it from a photo. */
const fieldResult = z.strictObject({
  value: z.number().int().nullable(),
  confidence: z.number().min(0).max(1),
  review: z.boolean(),
  reasons: z.array(z.string()).optional(),
});

export const submissionPhoto = z.strictObject({
  sha256,
  position: z.number().int().min(0),
  state: photoState,
  page,
  /** Why the photo is no form page (a reason code and the Indonesian message), null otherwise. */
  reason: z.string().nullable(),
  message: z.string().nullable(),
  failure: z.string().nullable(),
  reading: z
    .strictObject({
      fields: z.partialRecord(fieldName, fieldResult),
      review: z.boolean(),
      checks: z.array(z.string()),
      candidates: z.partialRecord(
        fieldName,
        z.array(z.strictObject({ value: z.number().int().nullable(), probability: z.number().min(0).max(1) })),
      ),
    })
    .nullable(),
  cutoutUrls: z.partialRecord(fieldName, z.string()),
  ...photoUrls,
  duplicates: z.array(z.strictObject({ tps: tpsCode, exact: z.boolean(), distance: z.number().int().min(0) })),
  /** EXIF of the photo: staff only. */
  capture: z
    .strictObject({
      capturedAt: z.string().nullable(),
      device: z.string().nullable(),
      gps: z.strictObject({ lat: z.number(), lon: z.number() }).nullable(),
    })
    .optional(),
});

export const submissionValue = z.strictObject({
  field: fieldName,
  machine: z.strictObject({
    value: z.number().int().nullable(),
    confidence: z.number().nullable(),
    review: z.boolean().nullable(),
  }),
  confirmed: z.number().int().nullable(),
  /** Account id of who confirmed (the owner). */
  confirmedBy: id,
  confirmedAt: isoTime,
});

/** A check the confirmed figures fail (a warning, not a refusal). */
export const submissionCheck = z.strictObject({
  id: z.string(),
  left: z.number().int(),
  right: z.number().int(),
  values: someFieldValues,
});

/** GET /submissions/:id, and the answer of confirm and withdraw: the owner's (or staff's) view. */
export const submissionView = z.strictObject({
  ...submissionHead,
  readingDone: z.boolean(),
  photos: z.array(submissionPhoto),
  values: z.array(submissionValue),
  checks: z.array(submissionCheck),
});

/** GET /submissions: the signed-in witness's latest `limit` submissions, newest first. */
export const mySubmissions = z.strictObject({
  submissions: z.array(z.strictObject({ ...submissionHead, photoCount: count, readingDone: z.boolean() })),
  limit: z.number().int().positive(),
});

/** A confirmed submission as the public sees it: a pseudonym, the confirmed figures, the photos. */
export const publicSubmission = z.strictObject({
  id,
  witness: z.string(),
  confirmedAt: isoTime,
  values: someFieldValues,
  flags: z.array(z.string()),
  photos: z.array(z.strictObject({ sha256, page, ...photoUrls })),
});

/** GET /tps/:code/submissions. */
export const tpsSubmissions = z.strictObject({ tps: tpsCode, submissions: z.array(publicSubmission) });

export type ConfirmBody = z.infer<typeof confirmBody>;
export type UploadFields = z.infer<typeof uploadFields>;
export type SubmissionStatus = z.infer<typeof submissionStatus>;
export type PhotoState = z.infer<typeof photoState>;
export type UploadAnswer = z.infer<typeof uploadAnswer>;
export type UploadedPhoto = UploadAnswer['photos'][number];
export type SubmissionPhoto = z.infer<typeof submissionPhoto>;
export type SubmissionValue = z.infer<typeof submissionValue>;
export type SubmissionCheck = z.infer<typeof submissionCheck>;
export type SubmissionView = z.infer<typeof submissionView>;
export type MySubmissions = z.infer<typeof mySubmissions>;
export type MySubmission = MySubmissions['submissions'][number];
export type PublicSubmission = z.infer<typeof publicSubmission>;
export type TpsSubmissions = z.infer<typeof tpsSubmissions>;
