/** The shared rules, one entry: the server, the reader and the web app import from here (no node, no DOM). */
export * from './accounts/roles.ts';
export * from './comparison/comparison-codec.ts';
export * from './comparison/comparison-rollups.logic.ts';
export * from './comparison/comparison.logic.ts';
export * from './core/text.logic.ts';
export * from './form/form-checks.logic.ts';
export * from './form/form-fields.ts';
export * from './moderation/moderation.logic.ts';
export * from './reading/box-ink.logic.ts';
export * from './reading/digit-classifier.logic.ts';
export * from './reading/field-reading.logic.ts';
export * from './reading/page-decoding.logic.ts';
export * from './reading/reading.types.ts';
export * from './reading/sheet-reading.logic.ts';
export * from './regions/regions.logic.ts';
export * from './submissions/submissions.logic.ts';
