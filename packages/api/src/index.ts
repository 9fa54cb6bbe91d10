/** @cocok/api: the wire contract between Cocok's server and its web app. No node, no DOM. */
export * from './common.ts';
export * from './errors.ts';
export * from './text-fields.ts';
export * from './accounts.ts';
export * from './health.ts';
export * from './regions.ts';
export * from './official.ts';
export * from './comparison.ts';
export * from './submissions.ts';
export * from './moderation-requests.ts';
export * from './moderation.ts';
export * from './paths.ts';
export * from './endpoints.ts';
export * from './routes.ts';
export { DECISION_KINDS, QUEUE_REASONS, REJECT_REASONS, REPORT_OUTCOMES, ROLES } from './domain.ts';
