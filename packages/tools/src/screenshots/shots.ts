/**
 * What every screenshot group of `npm run screenshots` shares: the demo portal (tests/helpers/browser.ts:
 * the real server on a fresh SQLite file with the registry and demo data, Debian's chromium via
 * playwright-core), a place to write to, and witnesses made over the API.
 */
import path from 'node:path';
import request from 'supertest';
import type { Locator, Page } from 'playwright-core';
import { readingQueueOf } from '@cocok/server';
import { signUp, type Agent } from '@cocok/server/test-support/api-app';
import {
  DESKTOP_VIEWPORT,
  launchChromium,
  startPortalServer,
  type BrowserSession,
  type PortalServer,
} from '@cocok/server/test-support/browser';

export type Shots = {
  server: PortalServer;
  browser: BrowserSession;
  base: string;
  /** Writes `<out>/<name>.png`: a whole page (`fullPage` unless said otherwise) or one element. */
  take(target: Page | Locator, name: string, opts?: { fullPage?: boolean }): Promise<void>;
};

/** Runs one group of screenshots on a portal of its own, so each group's pages show only its own data. */
export async function withPortal(
  out: string,
  opts: { realReader?: boolean; prepare?: (server: PortalServer) => Promise<void> },
  group: (shots: Shots) => Promise<void>,
): Promise<void> {
  const server = await startPortalServer({ dirPrefix: 'cocok-screenshots-', realReader: opts.realReader });
  let browser: BrowserSession | undefined;
  try {
    await opts.prepare?.(server);
    browser = await launchChromium(server.dir, { viewport: DESKTOP_VIEWPORT, timeoutMs: 60_000 });
    const take = async (target: Page | Locator, name: string, o: { fullPage?: boolean } = {}) => {
      const file = path.join(out, `${name}.png`);
      if ('goto' in target) await target.screenshot({ path: file, fullPage: o.fullPage ?? true });
      else await target.screenshot({ path: file });
      console.log(`wrote ${path.relative(process.cwd(), file)}`);
    };
    await group({ server, browser, base: server.base, take });
    if (browser.pageErrors.length > 0) throw new Error(`errors in the pages: ${browser.pageErrors.join('; ')}`);
  } finally {
    await browser?.close();
    await server.close();
  }
}

export type Witness = { agent: Agent; csrf: string };

export async function newWitness(
  server: PortalServer,
  over: Partial<{ name: string; contact: string; password: string }> = {},
): Promise<Witness> {
  const agent = request.agent(server.app);
  const { csrf } = await signUp(agent, over);
  return { agent, csrf };
}

/** Uploads one photo for a TPS, waits for the reader, and confirms `fields` as the witness's figures. */
export async function uploadAndConfirm(
  server: PortalServer,
  w: Witness,
  tps: string,
  file: string,
  fields: Record<string, number>,
): Promise<void> {
  const res = await w.agent
    .post('/api/submissions')
    .set('X-CSRF-Token', w.csrf)
    .field('tps', tps)
    .attach('photos', file);
  if (res.status !== 202) throw new Error(`upload for ${tps}: ${res.status} ${JSON.stringify(res.body)}`);
  await readingQueueOf(server.app)!.idle();
  const confirmed = await w.agent
    .post(`/api/submissions/${res.body.id}/confirm`)
    .set('X-CSRF-Token', w.csrf)
    .send({ fields });
  if (confirmed.status !== 200)
    throw new Error(`confirm for ${tps}: ${confirmed.status} ${JSON.stringify(confirmed.body)}`);
}
