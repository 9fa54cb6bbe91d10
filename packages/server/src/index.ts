/**
 * What the tools (CLIs, seeding, benchmarks) use of the server: the app, config, database, migrations and
 * the services they drive. The server itself is started by src/main.ts, not through this file.
 */
export * from './app.ts';
export * from './config.ts';
export * from './core/clock.ts';
export * from './core/errors.ts';
export * from './core/hash.ts';
export * from './core/logger.ts';
export * from './core/paths.ts';
export * from './db/database.ts';
export * from './db/migrate.ts';
export * from './modules/accounts/accounts.logic.ts';
export * from './modules/accounts/accounts.service.ts';
export * from './modules/comparison/comparison.service.ts';
export * from './modules/official/document-sources.ts';
export * from './modules/official/official-import.service.ts';
export * from './modules/regions/regions.service.ts';
export * from './modules/regions/registry-import.service.ts';
export * from './modules/photos/file-store.ts';
export * from './modules/photos/image-processor.ts';
export * from './modules/official-sync/official-sync.job.ts';
export { isSyncStart } from './modules/official-sync/official-sync.logic.ts';
