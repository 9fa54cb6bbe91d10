import fs from 'node:fs';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import cookieParser from 'cookie-parser';
import {
  defaultConfig,
  type AuthSettings,
  type Config,
  type ModerationConfig,
  type SweeperConfig,
  type UploadSettings,
} from './config.ts';
import type { Database } from './db/database.ts';
import { errors, toEnvelope } from './core/errors.ts';
import type { Logger } from './core/logger.ts';
import { systemClock, type Clock } from './core/clock.ts';
import { createRegionsService } from './modules/regions/regions.service.ts';
import { regionsRoutes } from './modules/regions/regions.routes.ts';
import { createOfficialService } from './modules/official/official.service.ts';
import { officialRoutes } from './modules/official/official.routes.ts';
import { createComparisonService } from './modules/comparison/comparison.service.ts';
import { comparisonRoutes } from './modules/comparison/comparison.routes.ts';
import { createPagesService } from './modules/pages/pages.service.ts';
import { createAnswerCache } from './http/answer-cache.ts';
import { privateByDefault } from './http/cache-policy.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { createAccountsService, createArgon2Hasher, type PasswordHasher } from './modules/accounts/accounts.service.ts';
import { accountsRoutes } from './modules/accounts/accounts.routes.ts';
import { csrfGuard, sessionMiddleware } from './modules/accounts/accounts.middleware.ts';
import { securityHeaders } from './http/security-headers.ts';
import { createFileStore, type FileStore } from './modules/photos/file-store.ts';
import { createSharpImageProcessor, type ImageProcessor } from './modules/photos/image-processor.ts';
import { createPhotosService } from './modules/photos/photos.service.ts';
import type { CachePurger } from './modules/photos/cache-purger.ts';
import { createFileSweeper, type FileSweeper } from './modules/photos/file-sweeper.ts';
import { photosRoutes } from './modules/photos/photos.routes.ts';
import { createSubmissionsService } from './modules/submissions/submissions.service.ts';
import { createSubmissionUploadService } from './modules/submissions/submission-upload.service.ts';
import { submissionsRoutes } from './modules/submissions/submissions.routes.ts';
import { createReadingQueue, type ReadingQueue } from './modules/submissions/reading-queue.ts';
import type { FormReader } from '@cocok/reader';
import { createModerationService } from './modules/moderation/moderation.service.ts';
import { moderationRoutes } from './modules/moderation/moderation.routes.ts';
import { comparisonPortFrom } from './modules/moderation/comparison-port.ts';

/** The configuration createApp needs; tests override parts, the rest takes the documented defaults. */
export type AppSettings = Pick<
  Config,
  'uploadsDir' | 'trustProxy' | 'jsonLimitBytes' | 'readerConcurrency' | 'sweeper'
> & {
  auth: AuthSettings;
  uploads: UploadSettings;
  moderation: ModerationConfig;
};
export type AppSettingsOverrides = Partial<Omit<AppSettings, 'auth' | 'uploads' | 'moderation' | 'sweeper'>> & {
  sweeper?: Partial<SweeperConfig>;
  auth?: Partial<AuthSettings>;
  uploads?: Partial<UploadSettings>;
  moderation?: Partial<ModerationConfig>;
};

export type AppDeps = {
  db: Database;
  logger: Logger;
  clock?: Clock;
  /** Folder of the built web app to serve, if any. */
  webDist?: string;
  /** Extra middleware mounted before the web app (vite's dev server in `npm run dev`). */
  webMiddleware?: express.RequestHandler;
  /** Reads uploaded photos. With one, createApp builds a ReadingQueue (see `readingQueueOf`); without, photos stay `uploaded`. */
  reader?: FormReader;
  /** Where originals and their copies are stored (default: a FileStore on `settings.uploadsDir`). */
  files?: FileStore;
  images?: ImageProcessor;
  /** Told the public photo URLs a takedown removed (default: no CDN, nothing to tell). */
  cachePurger?: CachePurger;
  hasher?: PasswordHasher;
  settings?: AppSettingsOverrides;
  /** false: compute every region, TPS and mismatch-list answer afresh, still with ETags (the benchmark compares both). */
  answerCache?: boolean;
};

export function resolveSettings(overrides: AppSettingsOverrides = {}): AppSettings {
  const d = defaultConfig();
  return {
    uploadsDir: overrides.uploadsDir ?? d.uploadsDir,
    trustProxy: overrides.trustProxy ?? d.trustProxy,
    jsonLimitBytes: overrides.jsonLimitBytes ?? d.jsonLimitBytes,
    readerConcurrency: overrides.readerConcurrency ?? d.readerConcurrency,
    sweeper: { ...d.sweeper, ...overrides.sweeper },
    auth: { ...d.auth, ...overrides.auth },
    uploads: { ...d.uploads, ...overrides.uploads },
    moderation: { ...d.moderation, ...overrides.moderation },
  };
}

/** The reading queue createApp built for its `reader` (main.ts starts it; tests wait on it). */
export function readingQueueOf(app: express.Express): ReadingQueue | undefined {
  return app.locals.readingQueue as ReadingQueue | undefined;
}

/** The orphan file sweeper createApp built (main.ts starts it; tests run its job directly). */
export function fileSweeperOf(app: express.Express): FileSweeper {
  return app.locals.fileSweeper as FileSweeper;
}

/** Builds the express app from its dependencies; no `listen`, so tests drive it with supertest. */
export function createApp(deps: AppDeps): express.Express {
  const { db, logger, clock = systemClock, webDist, webMiddleware, reader } = deps;
  const settings = resolveSettings(deps.settings);
  const app = express();
  app.disable('x-powered-by');
  // First, so every answer carries them: API, errors, assets and index.html (http/security-headers.ts).
  app.use(securityHeaders({ dev: webMiddleware !== undefined, https: settings.auth.cookieSecure === 'always' }));
  app.set('etag', false);
  app.set('trust proxy', settings.trustProxy);
  app.use(express.json({ limit: settings.jsonLimitBytes }));
  app.use(cookieParser());

  const regions = createRegionsService({ db });
  const comparison = createComparisonService({ db, clock, regions });
  const official = createOfficialService({ db, regions });
  const pages = createPagesService({ regions, official, comparison });
  const hasher =
    deps.hasher ??
    createArgon2Hasher({ memoryKib: settings.auth.argon2MemoryKib, timeCost: settings.auth.argon2TimeCost });
  const accounts = createAccountsService({ db, clock, hasher, sessionDays: settings.auth.sessionDays });
  const files = deps.files ?? createFileStore(settings.uploadsDir);
  const images = deps.images ?? createSharpImageProcessor({ maxPixels: settings.uploads.maxPixels });
  const photos = createPhotosService({ db, files, images, clock, purger: deps.cachePurger });
  app.locals.fileSweeper = createFileSweeper({ db, files, clock, logger, settings: settings.sweeper });
  const queue = reader
    ? createReadingQueue({ db, photos, reader, clock, logger, concurrency: settings.readerConcurrency })
    : undefined;
  app.locals.readingQueue = queue;
  const submissions = createSubmissionsService({
    db,
    photos,
    regions,
    accounts,
    clock,
    onCrowdChanged: (tx, tps) => comparison.refreshTps(tx, [tps]),
  });
  const uploads = createSubmissionUploadService({
    db,
    photos,
    regions,
    clock,
    limits: settings.uploads,
    onQueued: () => queue?.wake(),
  });

  const moderation = createModerationService({
    db,
    clock,
    accounts,
    submissions,
    official,
    regions,
    photos,
    comparison: comparisonPortFrom(comparison),
    settings: settings.moderation,
  });

  const api = express.Router();
  api.use(privateByDefault);
  api.use(sessionMiddleware(accounts, settings.auth));
  api.use(csrfGuard());
  api.use(healthRoutes({ db, clock }));
  api.use(accountsRoutes(accounts, settings.auth));
  api.use(photosRoutes(photos));
  api.use(submissionsRoutes(submissions, uploads, settings.uploads));
  const answers = createAnswerCache({ db, memo: deps.answerCache !== false });
  api.use(comparisonRoutes(comparison, answers));
  api.use(moderationRoutes(moderation, settings.moderation));
  api.use(regionsRoutes(regions, pages, answers));
  api.use(officialRoutes(pages, answers));
  api.use((req) => {
    throw errors.routeNotFound(req.originalUrl);
  });
  app.use('/api', api);

  if (webMiddleware) app.use(webMiddleware);
  else if (webDist && fs.existsSync(path.join(webDist, 'index.html'))) serveWeb(app, webDist);

  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const { status, body } = toEnvelope(err);
    if (status >= 500) logger.error('request failed', { method: req.method, url: req.originalUrl, err });
    res.status(status).json(body);
  });
  return app;
}

/** Serves the built single-page app: assets with long caching, every other path gets index.html. */
function serveWeb(app: express.Express, webDist: string): void {
  app.use(
    '/assets',
    express.static(path.join(webDist, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }),
  );
  app.use(express.static(webDist, { index: false }));
  app.get(/.*/, (_req, res) => res.sendFile(path.join(webDist, 'index.html')));
}
