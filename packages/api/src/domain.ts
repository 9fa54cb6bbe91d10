/**
 * The domain rules this contract is written in (field names, statuses, enums, the text rule), taken from
 * `@cocok/domain` so the schemas and the server's decisions can never list different values.
 */
export { FIELDS, PAGE_FIELDS, type FieldName } from '@cocok/domain';
export { COMPARISON_STATUSES, LISTED_STATUSES } from '@cocok/domain';
export { LEVELS } from '@cocok/domain';
export { cleanText, TEXT_PROBLEM_MESSAGES } from '@cocok/domain';
export { ROLES } from '@cocok/domain';
export { QUEUE_REASONS, DECISION_KINDS, REJECT_REASONS, REPORT_OUTCOMES } from '@cocok/domain';
