/**
 * The domain rules this contract is written in (field names, statuses, the text rule). ONE file so the
 * switch is one edit: until the restructure of #10 lands they are re-exported from server/src by
 * relative path (only node-free files); on merge this file becomes re-exports of `@cocok/domain`.
 *
 * The moderation and account enums are written out here because moderation.logic.ts imports
 * accounts.logic.ts, which needs node:crypto (this package has no node types). They are pinned equal
 * to the server's by tests/api/api-contract.test.ts, and become re-exports with the rest.
 */
export { FIELDS, PAGE_FIELDS, type FieldName } from '../../../server/src/modules/form/form-fields.ts';
export { COMPARISON_STATUSES } from '../../../server/src/modules/comparison/comparison.logic.ts';
export { LEVELS } from '../../../server/src/modules/regions/regions.logic.ts';
export { cleanText, TEXT_PROBLEM_MESSAGES } from '../../../server/src/core/text.logic.ts';

/** accounts.logic.ts ROLES. */
export const ROLES = ['witness', 'moderator', 'admin'] as const;
/** moderation.logic.ts QUEUE_REASONS. */
export const QUEUE_REASONS = ['mismatch', 'crowd_conflict', 'official_inconsistent', 'review', 'duplicate', 'report', 'requeued', 'escalated'] as const;
/** moderation.logic.ts DECISION_KINDS. */
export const DECISION_KINDS = [
  'set-verified',
  'clear-verified',
  'official-wrong',
  'reject-submission',
  'move-submission',
  'escalate',
  'ban-uploader',
  'resolve-report',
] as const;
/** moderation.logic.ts REJECT_REASONS. */
export const REJECT_REASONS = ['wrong-tps', 'wrong-page', 'unreadable', 'not-c1', 'duplicate', 'abusive'] as const;
/** moderation.logic.ts REPORT_OUTCOMES. */
export const REPORT_OUTCOMES = ['fixed', 'no-problem', 'spam'] as const;
