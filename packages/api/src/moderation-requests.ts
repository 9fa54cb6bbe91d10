import { z } from 'zod';
import { FIELDS, QUEUE_REASONS, REJECT_REASONS, REPORT_OUTCOMES } from './domain.ts';
import { fieldName } from './common.ts';
import { role } from './accounts.ts';
import { freeText } from './text-fields.ts';

/**
 * Request shapes of the moderation routes (the server validates with them). Reasons, notes and reports are typed in textareas: multi-line free text under
 * the one text rule.
 */
const reason = freeText({ label: { id: 'Alasan', en: 'Reason' }, min: 3, max: 500, multiline: true });
const submissionId = z.number().int().positive();
const figure = z.number().int().min(0).max(99_999).nullable();

export const queueReason = z.enum(QUEUE_REASONS);

export const queueQuery = z.object({
  region: z
    .string()
    .regex(/^[0-9A-Z]{2,13}$/)
    .optional(),
  reason: queueReason.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(40).optional(),
});

/** One decision on a TPS. set-verified takes the figures of one submission or typed ones, not both. */
export const decisionBody = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('set-verified'),
      fromSubmission: submissionId.optional(),
      figures: z.partialRecord(fieldName, figure).optional(),
      reason,
    })
    .refine((d) => (d.fromSubmission === undefined) !== (d.figures === undefined), {
      message: 'give either fromSubmission or figures',
      path: ['figures'],
    })
    .refine((d) => d.figures === undefined || Object.keys(d.figures).length > 0, {
      message: 'at least one field',
      path: ['figures'],
    }),
  z.object({ kind: z.literal('clear-verified'), reason }),
  z.object({ kind: z.literal('official-wrong'), fields: z.array(fieldName).min(1).max(FIELDS.length), reason }),
  z.object({
    kind: z.literal('reject-submission'),
    submissionId,
    reason: z.enum(REJECT_REASONS),
    note: freeText({ label: { id: 'Catatan', en: 'Note' }, min: 0, max: 500, multiline: true }).optional(),
  }),
  z.object({ kind: z.literal('move-submission'), submissionId, toTps: z.string().regex(/^[0-9A-Z]{13}$/), reason }),
  z.object({ kind: z.literal('escalate'), reason }),
  z.object({ kind: z.literal('ban-uploader'), submissionId, reason }),
  z.object({ kind: z.literal('resolve-report'), outcome: z.enum(REPORT_OUTCOMES), reason }),
]);

export const takedownBody = z.object({ reason });

export const reportBody = z.object({
  reason: freeText({ label: { id: 'Isi laporan', en: 'Report' }, min: 3, max: 300, multiline: true }),
});

export const roleBody = z.object({ role });

export const userIdParam = z.coerce.number().int().positive();
export const userParams = z.strictObject({ id: userIdParam });

export const userLookupQuery = z.object({ contact: z.string().trim().min(3).max(254) });

export type QueueReason = z.infer<typeof queueReason>;
export type QueueQuery = z.input<typeof queueQuery>;
/** What the page sends (before the server cleans the text). */
export type Decision = z.input<typeof decisionBody>;
/** What the server decides on (text cleaned). */
export type DecisionBody = z.infer<typeof decisionBody>;
export type TakedownBody = z.infer<typeof takedownBody>;
export type ReportBody = z.infer<typeof reportBody>;
export type RoleBody = z.infer<typeof roleBody>;
export type UserLookupQuery = z.infer<typeof userLookupQuery>;
