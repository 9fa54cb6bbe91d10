import fs from 'node:fs';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Database } from './db/database.ts';
import { errors, toEnvelope } from './core/errors.ts';
import type { Logger } from './core/logger.ts';
import { systemClock, type Clock } from './core/clock.ts';
import { createRegionsService } from './modules/regions/regions.service.ts';
import { regionsRoutes } from './modules/regions/regions.routes.ts';
import { createOfficialService } from './modules/official/official.service.ts';
import { officialRoutes } from './modules/official/official.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';

export type AppDeps = {
  db: Database;
  logger: Logger;
  clock?: Clock;
  /** Folder of the built web app to serve, if any. */
  webDist?: string;
  /** Extra middleware mounted before the web app (vite's dev server in `npm run dev`). */
  webMiddleware?: express.RequestHandler;
};

/** Builds the express app from its dependencies; no `listen`, so tests drive it with supertest. */
export function createApp({ db, logger, clock = systemClock, webDist, webMiddleware }: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(express.json({ limit: '1mb' }));

  const regions = createRegionsService({ db });
  const official = createOfficialService({ db, regions });

  const api = express.Router();
  api.use(healthRoutes({ db, clock }));
  api.use(regionsRoutes(regions));
  api.use(officialRoutes(official));
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
  app.use('/assets', express.static(path.join(webDist, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }));
  app.use(express.static(webDist, { index: false }));
  app.get(/.*/, (_req, res) => res.sendFile(path.join(webDist, 'index.html')));
}
