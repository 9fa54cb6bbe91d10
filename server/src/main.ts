import { loadConfigOrExit } from './config.ts';
import { createLogger } from './core/logger.ts';
import { WEB_DIST_DIR, REPO_ROOT } from './core/paths.ts';
import { prepareDatabase } from './bootstrap.ts';
import { createApp, fileSweeperOf, readingQueueOf } from './app.ts';
import { createWorkerPoolReader } from './modules/reading/form-reader-pool.ts';
import path from 'node:path';
import type { RequestHandler } from 'express';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config.logLevel);
  process.on('unhandledRejection', (err) => logger.error('unhandled rejection', { err }));

  const db = await prepareDatabase(config.databaseFile, { logger, loadDemoData: config.loadDemoData });
  const webMiddleware = config.devWeb ? await viteMiddleware() : undefined;
  // Photos are read in worker threads (they only compute); the queue in this thread owns the database.
  const reader = createWorkerPoolReader({ size: config.readerConcurrency });
  const app = createApp({ db, logger, webDist: WEB_DIST_DIR, webMiddleware, reader, settings: config });
  const queue = readingQueueOf(app);
  await queue?.start();
  fileSweeperOf(app).start(); // deletes photo files a killed upload left behind, now and every ORPHAN_SWEEP_MINUTES
  const server = app.listen(config.port, config.host, () => {
    logger.info('Cocok portal listening', { url: `http://localhost:${config.port}/`, database: config.databaseFile, uploads: config.uploadsDir });
  });
  const stop = () => {
    // Jobs being read when the process ends are put back in the queue by the next start.
    server.close(() => {
      void Promise.race([queue?.stop(), new Promise((r) => setTimeout(r, 5000))])
        .then(() => reader.close())
        .then(() => db.close())
        .then(() => process.exit(0));
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** `npm run dev`: vite serves the web app with hot reload from the same port as the API. */
async function viteMiddleware(): Promise<RequestHandler> {
  const { createServer } = await import('vite');
  const vite = await createServer({
    configFile: path.join(REPO_ROOT, 'web/vite.config.ts'),
    server: { middlewareMode: true },
    appType: 'spa',
  });
  return vite.middlewares as unknown as RequestHandler;
}

main().catch((err) => {
  process.stderr.write(`Cocok failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
