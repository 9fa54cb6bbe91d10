/**
 * A moderator's round in a real browser: the real server (in-process, demo data, the real reader)
 * serving the built web app (`npm run build` first), driven by Debian's chromium. A witness's confirmed
 * upload (made over HTTP beforehand) puts the demo TPS in the queue; the moderator logs in, takes the
 * top item, compares photo and KPU figures, sets the verified figures, and the public TPS page then
 * shows the moderated result and its history entry.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import request from 'supertest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { prepareDatabase } from '../../server/src/bootstrap.ts';
import { createApp, readingQueueOf } from '../../server/src/app.ts';
import { silentLogger } from '../../server/src/core/logger.ts';
import { REPO_ROOT, WEB_DIST_DIR } from '../../server/src/core/paths.ts';
import type { Database } from '../../server/src/db/database.ts';
import { createWorkerPoolReader } from '../../server/src/modules/reading/form-reader-pool.ts';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = path.join(REPO_ROOT, 'docs/screenshots');
const PHOTOS = path.join(REPO_ROOT, 'tests/fixtures/photos');
const TPS = '3101011003008';
/** What is written on the page-2 fixture photo (tests/fixtures/photos/truth.json). */
const WRITTEN = { suara_paslon_1: 123, suara_paslon_2: 274, suara_paslon_3: 32 };
const MODERATOR = { name: 'Mira Moderator', contact: 'mira.moderator@example.org', password: 'rahasia-moderasi-1' };

let tmp: string;
let db: Database;
let server: Server;
let context: BrowserContext;
let base: string;
let reader: ReturnType<typeof createWorkerPoolReader>;
let app: ReturnType<typeof createApp>;
let moderatorPseudonym: string;
const pageErrors: string[] = [];

/** Signs up on a supertest agent (the CSRF token is fetched before each request is built). */
async function register(agent: ReturnType<typeof request.agent>, body: { name: string; contact: string; password: string }) {
  const { csrfToken } = (await agent.get('/api/auth/me').expect(200)).body as { csrfToken: string };
  const res = await agent.post('/api/auth/register').set('X-CSRF-Token', csrfToken).send(body).expect(201);
  return res.body as { user: { id: number; pseudonym: string }; csrfToken: string };
}

/** A witness uploads the page-2 photo, waits for the reader, and confirms what is written on it. */
async function witnessConfirms(): Promise<void> {
  const witness = request.agent(app);
  const { csrfToken } = await register(witness, { name: 'Siti Saksi', contact: '0812 3456 7001', password: 'rahasia-saksi-1' });
  const upload = await witness
    .post('/api/submissions')
    .set('X-CSRF-Token', csrfToken)
    .field('tps', TPS)
    .attach('photos', path.join(PHOTOS, 'page-2-on-screen.jpg'))
    .expect(202);
  await readingQueueOf(app)!.idle();
  await witness.post(`/api/submissions/${upload.body.id}/confirm`).set('X-CSRF-Token', csrfToken).send({ fields: WRITTEN }).expect(200);
}

before(async () => {
  assert.ok(fs.existsSync(path.join(WEB_DIST_DIR, 'index.html')), 'web/dist is missing: run `npm run build` first');
  assert.ok(fs.existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium`);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cocok-moderation-'));
  db = await prepareDatabase(path.join(tmp, 'cocok.sqlite'), { logger: silentLogger, loadDemoData: true });
  reader = createWorkerPoolReader({ size: 2 });
  app = createApp({
    db,
    logger: silentLogger,
    webDist: WEB_DIST_DIR,
    reader,
    settings: { uploadsDir: path.join(tmp, 'uploads'), readerConcurrency: 2, auth: { argon2MemoryKib: 1024, argon2TimeCost: 1 } },
  });
  await readingQueueOf(app)!.start();
  await witnessConfirms();
  const moderator = await register(request.agent(app), MODERATOR);
  await db.run(`UPDATE users SET role = 'moderator' WHERE id = ?`, [moderator.user.id]);
  moderatorPseudonym = moderator.user.pseudonym;
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  context = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
  });
  context.setDefaultTimeout(20_000);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
});

after(async () => {
  await context?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  await readingQueueOf(app)?.stop();
  await reader?.close();
  await db?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

async function newPage(): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (err) => pageErrors.push(err.message));
  return page;
}

test('moderator: log in, take the top item, compare photo and KPU figures, set the verified figures, see them public', async () => {
  const official = (await request(app).get(`/api/tps/${TPS}`).expect(200)).body.official.fields as Record<string, number | null>;
  const page = await newPage();
  await page.goto(`${base}/masuk`);
  await page.getByLabel('Nomor HP atau e-mail').fill(MODERATOR.contact);
  await page.getByLabel('Kata sandi').fill(MODERATOR.password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.getByRole('link', { name: 'Moderasi' }).click();
  await page.waitForURL(`${base}/moderasi`);
  const firstRow = page.getByTestId('queue-table').locator('tbody tr').first();
  assert.equal(await firstRow.getAttribute('data-tps'), TPS);
  assert.match(await firstRow.innerText(), /Selisih dengan KPU/);

  await page.getByRole('button', { name: 'Ambil yang teratas' }).click();
  await page.waitForURL(`${base}/moderasi/tps/${TPS}`);
  await page.getByText('TPS ini Anda tangani sampai').waitFor();
  const photo = page.getByTestId('photo-viewer').locator('img');
  await photo.waitFor();
  await page.waitForFunction(() => ((document.querySelector('[data-testid=photo-viewer] img') as HTMLImageElement | null)?.naturalWidth ?? 0) > 0);
  const row = page.getByTestId('figures-compare').locator('tr[data-field=suara_paslon_1]');
  assert.equal((await row.locator('[data-col=kpu]').innerText()).replace(/\D/g, ''), String(official.suara_paslon_1));
  assert.equal((await row.locator('[data-col=crowd]').innerText()).replace(/\D/g, ''), String(WRITTEN.suara_paslon_1));

  // Keyboard: zoom in and rotate the photo, then V opens the set-verified decision with the reason focused.
  await page.keyboard.press('+');
  await page.keyboard.press('r');
  assert.deepEqual([await photo.getAttribute('data-zoom'), await photo.getAttribute('data-rotation')], ['1.5', '90']);
  await page.keyboard.press('v');
  // The form focuses its reason field a moment after the key (decision-form.tsx); typing before that loses letters.
  await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA');
  await page.keyboard.type('Foto C.HASIL jelas; angka saksi sesuai foto');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'moderation-review.png'), fullPage: true });
  await page.getByRole('button', { name: 'Simpan keputusan' }).click();
  const outcome = page.getByTestId('decision-done').or(page.getByTestId('decision-form').getByRole('alert'));
  await outcome.waitFor();
  assert.match(await outcome.innerText(), /Keputusan tersimpan: Tetapkan angka terverifikasi/);
  await page.getByText('Tidak ada yang perlu diputuskan').waitFor();

  await page.goto(`${base}/tps/${TPS}`);
  const verified = page.getByTestId('verified-result');
  await verified.waitFor();
  for (const [field, value] of Object.entries(WRITTEN)) {
    assert.equal((await verified.locator(`[data-field=${field}] dd`).innerText()).replace(/\D/g, ''), String(value));
  }
  const history = await page.getByTestId('moderation-history').innerText();
  assert.match(history, /Angka terverifikasi ditetapkan/);
  assert.ok(history.includes(moderatorPseudonym.replace(/^Saksi-/, 'Moderator-')), 'the moderator appears as a moderator, by pseudonym');
  assert.ok(!history.includes(moderatorPseudonym), 'not under the witness form of the pseudonym');
  assert.ok(!history.includes(MODERATOR.name), 'never by name');
  assert.match(history, /Foto C.HASIL jelas/);
  assert.deepEqual(pageErrors, []);
});

test('a witness opening the moderation pages is told they are for moderators', async () => {
  await context.clearCookies(); // the moderator of the test above is signed in in this browser profile
  const page = await newPage();
  await page.goto(`${base}/daftar`);
  await page.getByLabel('Nama').fill('Budi Saksi');
  await page.getByLabel('Nomor HP atau e-mail').fill('0812 3456 7002');
  await page.getByLabel('Kata sandi').fill('rahasia-saksi-2');
  await page.getByRole('button', { name: 'Daftar' }).click();
  await page.waitForURL(/\/unggah/);
  assert.equal(await page.getByRole('link', { name: 'Moderasi' }).count(), 0, 'no moderation link for witnesses');
  await page.goto(`${base}/moderasi`);
  assert.match(await page.getByRole('alert').innerText(), /Khusus moderator/);
  assert.deepEqual(pageErrors, []);
});

test('an admin finds a witness by phone number and makes them a moderator', async () => {
  const admin = { name: 'Ani Admin', contact: 'ani.admin@example.org', password: 'rahasia-admin-1' };
  const { user } = await register(request.agent(app), admin);
  await db.run(`UPDATE users SET role = 'admin' WHERE id = ?`, [user.id]);
  await context.clearCookies();
  const page = await newPage();
  await page.goto(`${base}/masuk?lanjut=${encodeURIComponent('/moderasi')}`);
  await page.getByLabel('Nomor HP atau e-mail').fill(admin.contact);
  await page.getByLabel('Kata sandi').fill(admin.password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.waitForURL(`${base}/moderasi`);
  await page.getByRole('link', { name: 'Peran pengguna' }).click();
  await page.getByLabel('Nomor HP atau e-mail pengguna').fill('0812-0000-0000');
  await page.getByRole('button', { name: 'Cari akun' }).click();
  assert.match(await page.getByRole('alert').innerText(), /Tidak ada akun/);
  await page.getByLabel('Nomor HP atau e-mail pengguna').fill('0812 3456 7002'); // Budi, signed up in the test above
  await page.getByRole('button', { name: 'Cari akun' }).click();
  assert.match(await page.getByTestId('found-user').innerText(), /Budi Saksi.*Peran sekarang: saksi/s);
  await page.getByRole('button', { name: 'Jadikan moderator' }).click();
  await page.getByText('Budi Saksi sekarang moderator.').waitFor();
  const row = await db.get<{ role: string }>(`SELECT role FROM users WHERE contact = '+6281234567002'`);
  assert.equal(row?.role, 'moderator');
  assert.deepEqual(pageErrors, []);
});
