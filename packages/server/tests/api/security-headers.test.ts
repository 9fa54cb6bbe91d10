import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { createApp } from '../../src/app.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { FAST_AUTH } from '../helpers/api-app.ts';
import { createTempDatabase } from '../helpers/temp-db.ts';

/**
 * Security headers on every kind of answer: JSON from the API (an error too), a static asset and
 * index.html of the web app. The browser tests (tests/browser/*) check that the built app runs under
 * this CSP (a CSP violation in a page's console fails them).
 */
let ctx: Awaited<ReturnType<typeof createTempDatabase>>;
let webDist: string;
before(async () => {
  ctx = await createTempDatabase('cocok-headers-');
  webDist = path.join(ctx.dir, 'dist');
  fs.mkdirSync(path.join(webDist, 'assets'), { recursive: true });
  fs.writeFileSync(
    path.join(webDist, 'index.html'),
    '<!doctype html><div id="root"></div><script type="module" src="/assets/index-abc.js"></script>',
  );
  fs.writeFileSync(path.join(webDist, 'assets', 'index-abc.js'), 'console.log(1);');
});
after(() => ctx.cleanup());

const appWith = (opts: { dev?: boolean; cookieSecure?: 'auto' | 'always' | 'never' } = {}) =>
  createApp({
    db: ctx.db,
    logger: silentLogger,
    webDist,
    webMiddleware: opts.dev
      ? (_req, res) => void res.type('html').send('<script type="module" src="/@vite/client"></script>')
      : undefined,
    settings: {
      uploadsDir: path.join(ctx.dir, 'uploads'),
      auth: { ...FAST_AUTH, cookieSecure: opts.cookieSecure ?? 'auto' },
    },
  });

function directives(res: request.Response, where = ''): Map<string, string> {
  const csp = res.headers['content-security-policy'];
  assert.ok(csp, `${where}: a Content-Security-Policy`);
  return new Map(
    String(csp)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values.join(' ')]),
  );
}

function assertHeaders(res: request.Response, where: string): void {
  assert.equal(res.headers['x-content-type-options'], 'nosniff', where);
  assert.equal(res.headers['referrer-policy'], 'no-referrer', where);
  assert.equal(res.headers['x-frame-options'], 'DENY', where);
  assert.equal(
    res.headers['strict-transport-security'],
    undefined,
    `${where}: no HSTS on a site not declared https-only`,
  );
  assert.equal(res.headers['x-powered-by'], undefined, where);
  const csp = directives(res, where);
  assert.equal(csp.get('default-src'), "'self'", where);
  assert.equal(csp.get('script-src'), "'self'", `${where}: no inline script`);
  assert.equal(csp.get('style-src'), "'self'", `${where}: no inline style`);
  assert.equal(csp.get('img-src'), "'self' data: blob:", `${where}: photo previews are object URLs`);
  assert.equal(csp.get('connect-src'), "'self'", where);
  assert.equal(csp.get('object-src'), "'none'", where);
  assert.equal(csp.get('frame-ancestors'), "'none'", where);
  assert.equal(csp.has('upgrade-insecure-requests'), false, `${where}: would break plain http`);
}

test('an API answer, an API error, a static asset and index.html (for any page path) carry the security headers', async () => {
  const app = appWith();
  const api = await request(app).get('/api/health').expect(200);
  assertHeaders(api, '/api/health');
  const missing = await request(app).get('/api/nothing-here').expect(404);
  assert.equal(missing.body.error.code, 'route-not-found');
  assertHeaders(missing, '/api/nothing-here');
  const asset = await request(app).get('/assets/index-abc.js').expect(200);
  assert.match(asset.headers['content-type'], /javascript/);
  assertHeaders(asset, '/assets/index-abc.js');
  for (const page of ['/', '/tps/3101011003008', '/masuk?lanjut=/unggah']) {
    const html = await request(app).get(page).expect(200);
    assert.match(html.text, /<div id="root">/);
    assertHeaders(html, page);
  }
});

test("dev mode (vite middleware) allows what vite's client needs: inline script and style, the hot-reload websocket; frames stay forbidden", async () => {
  const res = await request(appWith({ dev: true }))
    .get('/')
    .expect(200);
  const csp = directives(res);
  assert.equal(csp.get('script-src'), "'self' 'unsafe-inline'");
  assert.equal(csp.get('style-src'), "'self' 'unsafe-inline'");
  assert.equal(csp.get('connect-src'), "'self' ws: wss:");
  assert.equal(csp.get('frame-ancestors'), "'none'");
  assert.equal(res.headers['x-content-type-options'], 'nosniff');
});

test('COOKIE_SECURE=true (an https-only site) adds HSTS and upgrade-insecure-requests', async () => {
  const res = await request(appWith({ cookieSecure: 'always' }))
    .get('/api/health')
    .expect(200);
  assert.equal(res.headers['strict-transport-security'], 'max-age=31536000');
  assert.equal(directives(res).has('upgrade-insecure-requests'), true);
});
