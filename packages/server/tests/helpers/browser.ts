/**
 * Plumbing shared by the browser tests (tests/browser/*.test.ts): the real server in-process on a fresh
 * SQLite file with the demo data, serving the built web app, and Debian's chromium driven by playwright-core.
 * Each test file keeps its own data, pages and assertions.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Express } from 'express';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { prepareDatabase } from '../../src/bootstrap.ts';
import { createApp, readingQueueOf } from '../../src/app.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { WEB_DIST_DIR } from '../../src/core/paths.ts';
import type { Database } from '../../src/db/database.ts';
import { createWorkerPoolReader } from '@cocok/reader';
import { FAST_AUTH } from './api-app.ts';

export const CHROMIUM = '/usr/bin/chromium';
/**
 * The browser tests' own screenshots, to look at when one fails: a temp dir, so `npm test` never rewrites a
 * tracked file. The docs' screenshots are made on purpose by `npm run screenshots` (scripts/screenshots.ts).
 */
export const SCREENSHOTS = path.join(os.tmpdir(), 'cocok-test-screenshots');
export const DESKTOP_VIEWPORT = { width: 1280, height: 900 };
export const PHONE_VIEWPORT = { width: 360, height: 780 };

/** Flags for chromium in this container: no sandbox (no user namespaces), no GPU, nothing phoning home. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export type PortalServer = {
  /** Temp dir holding the database, the uploads and the browser profile; removed by close(). */
  dir: string;
  db: Database;
  app: Express;
  /** http://127.0.0.1:<port> */
  base: string;
  close(): Promise<void>;
};

/**
 * The real server on 127.0.0.1 (a free port) over a fresh database with the whole registry and the demo
 * data. With `realReader`, the worker-pool form reader and the reading queue run too.
 */
export async function startPortalServer(opts: { dirPrefix: string; realReader?: boolean }): Promise<PortalServer> {
  assert.ok(
    fs.existsSync(path.join(WEB_DIST_DIR, 'index.html')),
    'packages/web/dist is missing: run `npm run build` first',
  );
  assert.ok(fs.existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), opts.dirPrefix));
  const db = await prepareDatabase(path.join(dir, 'cocok.sqlite'), { logger: silentLogger, loadDemoData: true });
  const reader = opts.realReader ? createWorkerPoolReader({ size: 2 }) : undefined;
  const app = createApp({
    db,
    logger: silentLogger,
    webDist: WEB_DIST_DIR,
    reader,
    settings: { uploadsDir: path.join(dir, 'uploads'), ...(reader ? { readerConcurrency: 2 } : {}), auth: FAST_AUTH },
  });
  if (reader) await readingQueueOf(app)!.start();
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    dir,
    db,
    app,
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await readingQueueOf(app)?.stop();
      await reader?.close();
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type BrowserSession = {
  context: BrowserContext;
  /**
   * Uncaught exceptions in the pages and Content-Security-Policy violations (chromium reports those in
   * the console, and as `securitypolicyviolation` events); any is a failure of the test that caused it.
   */
  pageErrors: string[];
  /** A new tab that records its uncaught exceptions; with `width`, a viewport that wide and 780 px high. */
  newPage(width?: number): Promise<Page>;
  close(): Promise<void>;
};

/** Chromium with a fresh profile in `dir`, pages of the given viewport, and the screenshot folder made. */
export async function launchChromium(
  dir: string,
  opts: { viewport: { width: number; height: number }; timeoutMs: number },
): Promise<BrowserSession> {
  const context = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: opts.viewport,
    deviceScaleFactor: 1,
  });
  context.setDefaultTimeout(opts.timeoutMs);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const pageErrors: string[] = [];
  return {
    context,
    pageErrors,
    async newPage(width?: number) {
      const page = await context.newPage();
      if (width !== undefined) await page.setViewportSize({ width, height: PHONE_VIEWPORT.height });
      page.on('pageerror', (err) => pageErrors.push(err.message));
      page.on('console', (msg) => {
        if (msg.type() === 'error' && msg.text().includes('Content Security Policy'))
          pageErrors.push(`CSP: ${msg.text()}`);
      });
      // A violation the console might word differently still fires this event in the page.
      await page.addInitScript(() =>
        document.addEventListener('securitypolicyviolation', (e) =>
          console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`),
        ),
      );
      return page;
    },
    close: () => context.close(),
  };
}

/** How far the page scrolls sideways (0 or less: it fits its viewport's width). */
export async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

type Account = { contact: string; password: string };

/** Opens the login form at `url` (`/masuk`, maybe with `?lanjut=`), fills it in and sends it. */
export async function submitLoginForm(page: Page, url: string, account: Account): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Nomor HP atau e-mail').fill(account.contact);
  await page.getByLabel('Kata sandi').fill(account.password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
}

/** Fills in the sign-up form already on the page and sends it. */
export async function submitSignUpForm(page: Page, account: Account & { name: string }): Promise<void> {
  await page.getByLabel('Nama').fill(account.name);
  await page.getByLabel('Nomor HP atau e-mail').fill(account.contact);
  await page.getByLabel('Kata sandi').fill(account.password);
  await page.getByRole('button', { name: 'Daftar' }).click();
}
