import { z } from 'zod';
import { DECISION_KINDS, REJECT_REASONS, REPORT_OUTCOMES } from './domain.ts';
import { count, fieldName, id, isoTime, regionRef, sha256, someFieldValues, tpsCode } from './common.ts';
import { role } from './accounts.ts';
import { tpsComparison } from './comparison.ts';
import { currentOfficial } from './official.ts';
import { submissionView } from './submissions.ts';
import { queueReason } from './moderation-requests.ts';

/**
 * Answers of the moderation routes: the queue and dashboard, claims, the review screen, decisions,
 * photo takedowns, public reports and history, the log export, and the admin's user routes.
 */

export const decisionKind = z.enum(DECISION_KINDS);
/**
 * Every action the log holds: the decisions, a role change, a takedown, and the follow-up rows other
 * TPS show (a takedown of bytes they hold too, a submission moved in, a ban of their uploader).
 */
export const LOG_ACTIONS = [
  ...DECISION_KINDS,
  'set-role',
  'takedown-photo',
  'photo-taken-down',
  'receive-submission',
  'uploader-banned',
] as const;
export const logAction = z.enum(LOG_ACTIONS);
const staffRole = z.enum(['moderator', 'admin']);

/** One public log row: the moderator by staff pseudonym, never a name, contact, account id or witness pseudonym. */
export const logEntry = z.strictObject({
  id,
  at: isoTime,
  action: logAction,
  moderator: z.string(),
  role: staffRole,
  tps: tpsCode.nullable(),
  submissionId: id.nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  reason: z.string().nullable(),
});

/** GET /tps/:code/moderation: the TPS's public history, newest first. */
export const tpsHistory = z.strictObject({ tps: tpsCode, entries: z.array(logEntry) });
/** GET /moderation/log.json (streamed): the whole log in id order. */
export const moderationLog = z.strictObject({ entries: z.array(logEntry) });

const claimHolder = { moderator: z.string(), moderatorId: id, expiresAt: isoTime };
export const claim = z.strictObject({ ...claimHolder, claimedAt: isoTime });

export const queueItem = z.strictObject({
  tps: tpsCode,
  impact: count,
  reasons: z.array(queueReason).min(1),
  since: isoTime,
  reports: count,
  name: z.string().nullable(),
  claim: z.strictObject(claimHolder).nullable(),
});

/** GET /moderation/queue: largest impact first; `nextCursor` null on the last page. */
export const queuePage = z.strictObject({ total: count, items: z.array(queueItem), nextCursor: z.string().nullable() });

/** GET /moderation/dashboard. */
export const dashboard = z.strictObject({
  total: count,
  byReason: z.record(queueReason, count),
  byProvince: z.array(z.strictObject({ code: z.string(), name: z.string(), count })),
  /** The 24 hours ending with the current one, oldest first. */
  decisionsPerHour: z.array(z.strictObject({ hour: isoTime, decisions: count })).length(24),
  oldestOpen: z.strictObject({ tps: tpsCode, since: isoTime, reasons: z.array(queueReason) }).nullable(),
});

/** POST /moderation/tps/:code/claim (the claim held now) and /claim/release (null). */
export const claimAnswer = z.strictObject({ tps: tpsCode, claim: claim.nullable() });
export const releaseAnswer = z.strictObject({ tps: tpsCode, claim: z.null() });

export const rejection = z.enum([...REJECT_REASONS, 'banned-uploader']);

/** GET /moderation/tps/:code: everything a moderator needs to settle a TPS. */
export const review = z.strictObject({
  tps: z.strictObject({ code: tpsCode, name: z.string(), breadcrumb: z.array(regionRef) }),
  reasons: z.array(queueReason),
  official: currentOfficial.nullable(),
  comparison: tpsComparison.nullable(),
  verified: z.strictObject({ figures: someFieldValues, decidedAt: isoTime, reason: z.string().nullable() }).nullable(),
  officialDisputes: z.array(
    z.strictObject({ field: fieldName, officialVersionId: id.nullable(), decisionId: id, decidedAt: isoTime }),
  ),
  /** Every submission of the TPS, any status, EXIF included. */
  submissions: z.array(submissionView.extend({ rejected: rejection.nullable() })),
  reports: z.strictObject({
    open: count,
    total: count,
    /** Identical texts (ignoring case and spacing) are one group. */
    groups: z.array(z.strictObject({ reason: z.string(), count, firstAt: isoTime, lastAt: isoTime, open: count })),
    resolved: z.array(z.strictObject({ id, outcome: z.enum(REPORT_OUTCOMES), decisionId: id.nullable() })),
  }),
  claim: claim.nullable(),
  history: z.array(logEntry),
});

/** POST /moderation/tps/:code/decisions (201): the log row, every TPS whose figures changed, and the TPS's open reasons now. */
export const decisionAnswer = z.strictObject({
  decisionId: id,
  kind: decisionKind,
  tps: tpsCode,
  affected: z.array(tpsCode),
  reasons: z.array(queueReason),
});

/** POST /moderation/photos/:sha256/takedown (201). */
export const takedownAnswer = z.strictObject({
  decisionId: id,
  /** The TPS whose submissions hold the photo. */
  tps: z.array(tpsCode),
  photo: sha256,
  /** The public copies deleted. */
  removed: z.array(z.enum(['display', 'thumb'])),
});

/** POST /tps/:code/reports (201). */
export const reportAnswer = z.strictObject({ id, tps: tpsCode, openReports: count });

/** GET /admin/users?contact=. */
export const userLookup = z.strictObject({
  user: z.strictObject({
    id,
    name: z.string(),
    contact: z.string(),
    role,
    pseudonym: z.string(),
    staffPseudonym: z.string().nullable(),
  }),
});

/** POST /admin/users/:id/role. */
export const roleAnswer = z.strictObject({
  user: z.strictObject({ id, pseudonym: z.string(), staffPseudonym: z.string().nullable(), role }),
});

export type DecisionKind = z.infer<typeof decisionKind>;
export type LogAction = z.infer<typeof logAction>;
export type LogEntry = z.infer<typeof logEntry>;
export type TpsHistory = z.infer<typeof tpsHistory>;
export type ModerationLog = z.infer<typeof moderationLog>;
export type Claim = z.infer<typeof claim>;
export type QueueItem = z.infer<typeof queueItem>;
export type QueuePage = z.infer<typeof queuePage>;
export type Dashboard = z.infer<typeof dashboard>;
export type ClaimAnswer = z.infer<typeof claimAnswer>;
export type ReleaseAnswer = z.infer<typeof releaseAnswer>;
export type Review = z.infer<typeof review>;
export type ReviewSubmission = Review['submissions'][number];
export type DecisionAnswer = z.infer<typeof decisionAnswer>;
export type TakedownAnswer = z.infer<typeof takedownAnswer>;
export type ReportAnswer = z.infer<typeof reportAnswer>;
export type UserLookup = z.infer<typeof userLookup>;
export type RoleAnswer = z.infer<typeof roleAnswer>;
