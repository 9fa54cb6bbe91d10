import { loadConfigOrExit } from './config.ts';
import { createLogger } from './core/logger.ts';
import { WEB_DIST_DIR, WEB_DIR } from './core/paths.ts';
import { prepareDatabase } from './bootstrap.ts';
import { createApp, fileSweeperOf, readingQueueOf } from './app.ts';
import { createWorkerPoolReader } from '@cocok/reader';
import { acquireInstanceLock, InstanceLockedError } from './db/instance-lock.ts';
import { systemClock } from './core/clock.ts';
import { createFileStore } from './modules/photos/file-store.ts';
import { createSharpImageProcessor } from './modules/photos/image-processor.ts';
import { buildOfficialSync, createOfficialSyncJob } from './modules/official-sync/official-sync.job.ts';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { RequestHandler } from 'express';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config.logLevel);
  process.on('unhandledRejection', (err) => logger.error('unhandled rejection', { err }));

  // Before anything touches the data directory: a second server on it would re-queue this one's jobs.
  const lock = await acquireInstanceLock(config.databaseFile);
  const db = await prepareDatabase(config.databaseFile, { logger, loadDemoData: config.loadDemoData });
  const webMiddleware = config.devWeb ? await viteMiddleware() : undefined;
  // Photos are read in child processes (they only compute; a crash there fails one photo); the queue in
  // this process owns the database.
  const reader = createWorkerPoolReader({ size: config.readerConcurrency });
  const app = createApp({ db, logger, webDist: WEB_DIST_DIR, webMiddleware, reader, settings: config });
  const queue = readingQueueOf(app);
  // OFFICIAL_SYNC=on: follow KPU's Sirekap endpoints in the background (modules/official-sync).
  const sync = config.officialSync.enabled
    ? createOfficialSyncJob({
        region: config.officialSync.region,
        logger,
        service: buildOfficialSync({
          db,
          clock: systemClock,
          logger,
          settings: config.officialSync,
          files: createFileStore(config.uploadsDir),
          images: createSharpImageProcessor({ maxPixels: config.uploads.maxPixels }),
        }).service,
      })
    : undefined;
  const server = http.createServer(app);
  try {
    await listen(server, config.port, config.host);
  } catch (err) {
    await reader.close();
    throw err;
  }
  // Installed before saying "listening", so a stop request from then on always ends cleanly.
  const stop = () => {
    // Jobs being read when the process ends are put back in the queue by the next start.
    server.close(() => {
      void Promise.race([Promise.all([queue?.stop(), sync?.stop()]), new Promise((r) => setTimeout(r, 5000))])
        .then(() => reader.close())
        .then(() => db.close())
        .then(() => lock.release())
        .then(() => process.exit(0));
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const { port } = server.address() as AddressInfo;
  logger.info('Cocok portal listening', {
    url: `http://localhost:${port}/`,
    database: config.databaseFile,
    uploads: config.uploadsDir,
  });
  // Only a process that got the port reads photos: one that cannot serve must not start the queue.
  await queue?.start();
  fileSweeperOf(app).start(); // deletes photo files a killed upload left behind, now and every ORPHAN_SWEEP_MINUTES
  if (sync) {
    sync.start();
    logger.info('official sync following', { base: config.officialSync.baseUrl, region: config.officialSync.region });
  }
}

class ListenError extends Error {}

/**
 * Express 5's `app.listen` hands a listen error to its callback, which used to log "listening" and
 * keep a process without a socket alive; here a taken port ends start-up with a message naming it.
 */
function listen(server: http.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      const why =
        err.code === 'EADDRINUSE'
          ? 'the port is already in use (is another Cocok or another program using it?); stop it or set PORT'
          : err.message;
      reject(new ListenError(`Cocok cannot listen on port ${port} (host ${host}): ${why}.`));
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

/** `npm run dev`: vite serves the web app with hot reload from the same port as the API. */
async function viteMiddleware(): Promise<RequestHandler> {
  const { createServer } = await import('vite');
  const vite = await createServer({
    configFile: path.join(WEB_DIR, 'vite.config.ts'),
    server: { middlewareMode: true },
    appType: 'spa',
  });
  return vite.middlewares as unknown as RequestHandler;
}

main().catch((err) => {
  // The two expected refusals say what to do in one line; anything else is a bug and keeps its stack.
  const expected = err instanceof InstanceLockedError || err instanceof ListenError;
  process.stderr.write(
    expected ? `${err.message}\n` : `Cocok failed to start: ${err instanceof Error ? err.stack : String(err)}\n`,
  );
  process.exit(1);
});
