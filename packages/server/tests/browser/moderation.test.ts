/**
 * A moderator's round in a real browser: the real server (in-process, demo data, the real reader)
 * serving the built web app (`npm run build` first), driven by Debian's chromium. A witness's confirmed
 * upload (made over HTTP beforehand) puts the demo TPS in the queue; the moderator logs in, takes the
 * top item, compares photo and KPU figures, sets the verified figures, and the public TPS page then
 * shows the moderated result and its history entry.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import request from 'supertest';
import { readingQueueOf } from '../../src/app.ts';
import { setRole, signUp } from '../helpers/api-app.ts';
import {
  DESKTOP_VIEWPORT,
  SCREENSHOTS,
  launchChromium,
  startPortalServer,
  submitLoginForm,
  submitSignUpForm,
  type BrowserSession,
  type PortalServer,
} from '../helpers/browser.ts';
import { PHOTOS_DIR as PHOTOS, PHOTO_TRUTH } from '@cocok/testing';

const TPS = '3101011003008';
/** What is written on the page-2 fixture photo. */
const WRITTEN = PHOTO_TRUTH['page-2-on-screen.jpg'].fields;
const MODERATOR = { name: 'Mira Moderator', contact: 'mira.moderator@example.org', password: 'rahasia-moderasi-1' };

let server: PortalServer;
let browser: BrowserSession;
let base: string;
let moderatorPseudonym: string;
let moderatorStaffPseudonym: string;

/** A witness uploads the page-2 photo, waits for the reader, and confirms what is written on it. */
async function witnessConfirms(): Promise<void> {
  const witness = request.agent(server.app);
  const { csrf } = await signUp(witness, {
    name: 'Siti Saksi',
    contact: '0812 3456 7001',
    password: 'rahasia-saksi-1',
  });
  const upload = await witness
    .post('/api/submissions')
    .set('X-CSRF-Token', csrf)
    .field('tps', TPS)
    .attach('photos', path.join(PHOTOS, 'page-2-on-screen.jpg'))
    .expect(202);
  await readingQueueOf(server.app)!.idle();
  await witness
    .post(`/api/submissions/${upload.body.id}/confirm`)
    .set('X-CSRF-Token', csrf)
    .send({ fields: WRITTEN })
    .expect(200);
}

before(async () => {
  server = await startPortalServer({ dirPrefix: 'cocok-moderation-', realReader: true });
  base = server.base;
  await witnessConfirms();
  const moderator = await signUp(request.agent(server.app), MODERATOR);
  moderatorStaffPseudonym = await setRole(server.db, moderator.user.id, 'moderator');
  moderatorPseudonym = moderator.user.pseudonym;
  browser = await launchChromium(server.dir, { viewport: DESKTOP_VIEWPORT, timeoutMs: 20_000 });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('moderator: log in, take the top item, compare photo and KPU figures, set the verified figures, see them public', async () => {
  const official = (await request(server.app).get(`/api/tps/${TPS}`).expect(200)).body.official.fields as Record<
    string,
    number | null
  >;
  const page = await browser.newPage();
  await submitLoginForm(page, `${base}/masuk`, MODERATOR);
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
  await page.waitForFunction(
    () =>
      ((document.querySelector('[data-testid=photo-viewer] img') as HTMLImageElement | null)?.naturalWidth ?? 0) > 0,
  );
  const row = page.getByTestId('figures-compare').locator('tr[data-field=suara_paslon_1]');
  assert.equal((await row.locator('[data-col=kpu]').innerText()).replace(/\D/g, ''), String(official.suara_paslon_1));
  assert.equal((await row.locator('[data-col=crowd]').innerText()).replace(/\D/g, ''), String(WRITTEN.suara_paslon_1));

  // Keyboard: zoom in and rotate the photo, then V opens the set-verified decision with the reason focused.
  await page.keyboard.press('+');
  await page.keyboard.press('r');
  assert.deepEqual([await photo.getAttribute('data-zoom'), await photo.getAttribute('data-rotation')], ['1.5', '90']);
  // The crowd viewer's zoom model here too: ctrl+wheel over the photo zooms at the pointer (x1.15 per notch).
  await page
    .getByTestId('photo-viewer')
    .locator('.viewer__stage')
    .hover({ position: { x: 100, y: 100 } });
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -100);
  await page.keyboard.up('Control');
  await page.waitForFunction(
    () => Number(document.querySelector('[data-testid=photo-viewer] img')?.getAttribute('data-zoom')) > 1.7,
    undefined,
    { timeout: 20_000 },
  );
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
  // Done with it: the TPS is given back at once instead of staying held for the rest of the claim.
  await page.getByTestId('release-claim').click();
  await page.waitForURL(`${base}/moderasi`);
  assert.deepEqual(await server.db.all('SELECT tps_code FROM moderation_claims WHERE tps_code = ?', [TPS]), []);

  await page.goto(`${base}/tps/${TPS}`);
  const verified = page.getByTestId('verified-result');
  await verified.waitFor();
  for (const [field, value] of Object.entries(WRITTEN)) {
    assert.equal((await verified.locator(`[data-field=${field}] dd`).innerText()).replace(/\D/g, ''), String(value));
  }
  const history = await page.getByTestId('moderation-history').innerText();
  assert.match(history, /Angka terverifikasi ditetapkan/);
  assert.ok(history.includes(moderatorStaffPseudonym), 'the moderator appears by their staff pseudonym');
  assert.ok(!history.includes(moderatorPseudonym.slice('Saksi-'.length)), 'nothing of their witness pseudonym');
  assert.ok(!history.includes(MODERATOR.name), 'never by name');
  assert.match(history, /Foto C.HASIL jelas/);
  assert.deepEqual(browser.pageErrors, []);
});

test('a KPU figure a moderator marks wrong is shown as such on the public TPS page', async () => {
  const moderator = request.agent(server.app);
  const anonymous = (await moderator.get('/api/auth/me').expect(200)).body.csrfToken as string;
  const login = await moderator
    .post('/api/auth/login')
    .set('X-CSRF-Token', anonymous)
    .send({ contact: MODERATOR.contact, password: MODERATOR.password })
    .expect(200);
  const csrf = login.body.csrfToken as string;
  await moderator.post(`/api/moderation/tps/${TPS}/claim`).set('X-CSRF-Token', csrf).expect(200);
  await moderator
    .post(`/api/moderation/tps/${TPS}/decisions`)
    .set('X-CSRF-Token', csrf)
    .send({ kind: 'official-wrong', fields: ['suara_paslon_2'], reason: 'Foto C.HASIL menunjukkan 274, bukan 641' })
    .expect(201);
  const page = await browser.newPage();
  await page.goto(`${base}/tps/${TPS}`);
  const row = page.locator('.cmp-table tr[data-field=suara_paslon_2]');
  await row.waitFor();
  assert.match(await row.getByTestId('official-disputed').innerText(), /ditandai salah oleh moderator/);
  assert.equal(
    await page.locator('.cmp-table tr[data-field=suara_paslon_1]').getByTestId('official-disputed').count(),
    0,
    'only the field marked',
  );
  assert.deepEqual(browser.pageErrors, []);
});

test('a witness opening the moderation pages is told they are for moderators', async () => {
  await browser.context.clearCookies(); // the moderator of the test above is signed in in this browser profile
  const page = await browser.newPage();
  await page.goto(`${base}/daftar`);
  await submitSignUpForm(page, { name: 'Budi Saksi', contact: '0812 3456 7002', password: 'rahasia-saksi-2' });
  await page.waitForURL(/\/unggah/);
  assert.equal(await page.getByRole('link', { name: 'Moderasi' }).count(), 0, 'no moderation link for witnesses');
  await page.goto(`${base}/moderasi`);
  assert.match(await page.getByRole('alert').innerText(), /Khusus moderator/);
  assert.deepEqual(browser.pageErrors, []);
});

test('an admin finds a witness by phone number and makes them a moderator', async () => {
  const admin = { name: 'Ani Admin', contact: 'ani.admin@example.org', password: 'rahasia-admin-1' };
  const { user } = await signUp(request.agent(server.app), admin);
  await setRole(server.db, user.id, 'admin');
  await browser.context.clearCookies();
  const page = await browser.newPage();
  await submitLoginForm(page, `${base}/masuk?lanjut=${encodeURIComponent('/moderasi')}`, admin);
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
  const row = await server.db.get<{ role: string }>(`SELECT role FROM users WHERE contact = '+6281234567002'`);
  assert.equal(row?.role, 'moderator');

  // In English the server's own English message is shown, not its Indonesian one.
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByLabel("The user's phone number or e-mail").fill('0812-0000-0000');
  await page.getByRole('button', { name: 'Find account' }).click();
  assert.equal(await page.getByRole('alert').innerText(), 'No account with that contact.');
  await page.getByRole('button', { name: 'Ganti ke Bahasa Indonesia' }).click(); // the choice is kept in this browser profile
  await page.getByRole('button', { name: 'Cari akun' }).waitFor();
  assert.deepEqual(browser.pageErrors, []);
});
