/**
 * End-to-end test of the witness app in a real browser at phone width (360 px): the real server
 * in-process (fresh SQLite with the whole registry and the demo data, uploads in a temp dir) with the
 * REAL worker-pool form reader, serving the built web app (`npm run build` first), driven by Debian's
 * chromium. Its screenshots go to a temp dir (SCREENSHOTS); the docs' ones are made by `npm run screenshots`.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import type { FieldName } from '@cocok/domain';
import { readSheet } from '@cocok/domain';
import type { SubmissionsService } from '../../src/modules/submissions/submissions.service.ts';
import { PHONE_EXIF, fixture } from '@cocok/testing';
import {
  PHONE_VIEWPORT,
  SCREENSHOTS,
  launchChromium,
  sidewaysOverflow,
  startPortalServer,
  submitLoginForm,
  submitSignUpForm,
  type BrowserSession,
  type PortalServer,
} from '../helpers/browser.ts';
import { PHOTOS_DIR as PHOTOS, PHOTO_TRUTH } from '@cocok/testing';

type SubmissionView = Awaited<ReturnType<SubmissionsService['get']>>;

/** The demo TPS (it has official figures too, so its page shows both). */
const TPS = '3101011003008';
/** What is written on the two fixture photos. */
const WRITTEN: Record<string, number> = {
  ...PHOTO_TRUTH['page-2-on-screen.jpg'].fields,
  ...PHOTO_TRUTH['page-3-on-screen.jpg'].fields,
};

let server: PortalServer;
let browser: BrowserSession;
let base: string;

before(async () => {
  server = await startPortalServer({ dirPrefix: 'cocok-witness-', realReader: true });
  base = server.base;
  browser = await launchChromium(server.dir, { viewport: PHONE_VIEWPORT, timeoutMs: 20_000 });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

let witnessCount = 0;
/** Opens the upload page signed out, is sent to log in, signs up from there and lands back on it. */
async function signUpVia(page: Page, name: string): Promise<void> {
  witnessCount += 1;
  await page.goto(`${base}/unggah`);
  await page.waitForURL(`${base}/masuk?lanjut=%2Funggah`);
  await page.getByRole('link', { name: 'Daftar di sini' }).click();
  await page.waitForURL(/\/daftar\?lanjut=%2Funggah$/);
  await submitSignUpForm(page, { name, contact: `0812 3456 ${String(7000 + witnessCount)}`, password: 'pendek' });
  assert.match(await page.getByRole('alert').innerText(), /Kata sandi minimal 8 karakter/);
  await page.getByLabel('Kata sandi').fill('rahasia-tps-008');
  await page.getByRole('button', { name: 'Daftar' }).click();
  await page.waitForURL(`${base}/unggah`);
  assert.equal((await page.getByTestId('signed-in-as').innerText()).replace('Masuk sebagai', '').trim(), name);
}

async function chooseTpsByCode(page: Page, code: string): Promise<void> {
  await page.getByRole('button', { name: 'Kode TPS' }).click();
  await page.getByLabel('Kode TPS (13 angka)').fill(code);
  await page.getByRole('button', { name: 'Pilih', exact: true }).click();
  await page.getByTestId('chosen-tps').waitFor();
}

async function submissionOf(page: Page, id: string): Promise<SubmissionView> {
  return page.evaluate(async (url) => (await fetch(url)).json(), `/api/submissions/${id}`);
}

test('witness: sign up, upload pages 2 and 3, see them read, correct one, confirm, find it on the TPS page', async () => {
  const page = await browser.newPage();
  // A wrong password first: the server's Indonesian message is shown, the form stays filled.
  await submitLoginForm(page, `${base}/masuk`, { contact: '0812 0000 0000', password: 'bukan-sandinya' });
  assert.match(await page.getByRole('alert').innerText(), /Nomor HP\/e-mail atau kata sandi salah/);

  await signUpVia(page, 'Siti Saksi');
  await chooseTpsByCode(page, TPS);
  assert.match(await page.getByTestId('chosen-tps').innerText(), /TPS 008.*3101011003008/s);
  await page
    .getByTestId('gallery-input')
    .setInputFiles([path.join(PHOTOS, 'page-2-on-screen.jpg'), path.join(PHOTOS, 'page-3-on-screen.jpg')]);
  const items = page.getByTestId('photo-item');
  await page.getByRole('button', { name: 'Kirim 2 foto' }).waitFor();
  // 3024 x 4032 phone photos go out as 1536 x 2048 JPEGs.
  for (const i of [0, 1]) assert.match(await items.nth(i).innerText(), /Diperkecil ke 1536 × 2048 piksel/);
  assert.ok((await sidewaysOverflow(page)) <= 0, 'the upload page fits 360 px');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'witness-upload.png'), fullPage: true });

  await page.getByRole('button', { name: 'Kirim 2 foto' }).click();
  await page.waitForURL(/\/kiriman\/\d+$/);
  const id = page.url().split('/').at(-1)!;
  // The page updates itself while the real reader works, then shows the confirm screen.
  await page.getByRole('heading', { name: 'Periksa dan konfirmasi angka' }).waitFor({ timeout: 60_000 });
  const states = await page
    .getByTestId('photo-state')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-state')));
  assert.deepEqual(states, ['read', 'read']);
  assert.match(await page.locator('.photo-states').innerText(), /Terbaca: halaman 2[\s\S]*Terbaca: halaman 3/);

  // Every field of both pages, with the value read and its cut-out; review fields first.
  const view = await submissionOf(page, id);
  // The pages read together (the same readSheet the server stores as the machine's reading).
  const machine = readSheet(
    view.photos.flatMap((p) => (p.reading ? [{ page: p.page as 1 | 2 | 3, ...p.reading }] : [])),
  );
  const rows = page.locator('.field-row');
  const shown = await rows.evaluateAll((els) =>
    els.map((e) => ({
      field: e.getAttribute('data-field')!,
      review: e.getAttribute('data-review') === 'true',
      value: e.querySelector('input')!.value,
    })),
  );
  assert.deepEqual(shown.map((r) => r.field).sort(), Object.keys(WRITTEN).sort());
  for (const r of shown) {
    assert.equal(r.value, String(machine[r.field as FieldName]!.value ?? ''), `${r.field} shows the value read`);
    assert.equal(r.review, machine[r.field as FieldName]!.review, `${r.field} review flag`);
  }
  // The sheet does not add up across its pages (123 + 274 + 32 = 429, suara sah 427): the fields of that sum are marked.
  assert.ok(
    machine.suara_paslon_1!.reasons?.includes('check:paslon_sum_vs_sah'),
    machine.suara_paslon_1!.reasons?.join(),
  );
  assert.equal(shown.find((r) => r.field === 'suara_paslon_1')!.review, true);
  const firstOk = shown.findIndex((r) => !r.review);
  assert.ok(firstOk === -1 || shown.slice(firstOk).every((r) => !r.review), 'review fields come first');
  const cutouts = await page
    .locator('.field-row__cutout img')
    .evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth));
  assert.equal(cutouts.length, 6);
  assert.ok(
    cutouts.every((w) => w > 0),
    'every cut-out loaded',
  );

  // Live checks: a wrong total is said in words at once, the right one makes the check pass.
  const total = page.locator('[data-field="suara_total"] input');
  const sahTidakSah = page.locator('[data-testid="live-checks"] [data-check="sah_plus_tidak_sah_vs_total"]');
  for (const f of ['suara_sah', 'suara_tidak_sah'])
    await page.locator(`[data-field="${f}"] input`).fill(String(WRITTEN[f]));
  await total.fill('431');
  assert.match(
    await sahTidakSah.innerText(),
    /Tidak sesuai[\s\S]*427 \+ 3 = 430, tetapi jumlah suara sah dan tidak sah 431/,
  );
  // The correction: every figure as written on the form (suara_total is among them, read or not).
  for (const [field, value] of Object.entries(WRITTEN))
    await page.locator(`[data-field="${field}"] input`).fill(String(value));
  await page.locator('.live-checks__passed summary').click();
  assert.match(
    await sahTidakSah.innerText(),
    /Sesuai[\s\S]*427 \+ 3 = 430, sama dengan jumlah suara sah dan tidak sah 430/,
  );
  // The form itself is inconsistent (123 + 274 + 32 = 429, suara sah 427): a warning, not a refusal.
  assert.match(
    await page.locator('[data-testid="live-checks"] [data-check="paslon_sum_vs_sah"]').innerText(),
    /123 \+ 274 \+ 32 = 429, tetapi suara sah 427/,
  );
  assert.match(await page.locator('[data-field="suara_total"]').innerText(), /diubah oleh Anda|Terbaca: 430/);
  assert.ok((await sidewaysOverflow(page)) <= 0, 'the confirm screen fits 360 px');
  await page.getByRole('heading', { name: 'Periksa dan konfirmasi angka' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'witness-confirm.png'), fullPage: true });

  await page.getByRole('button', { name: 'Konfirmasi angka' }).click();
  await page.getByRole('heading', { name: 'Angka yang dikonfirmasi' }).waitFor();
  assert.match(await page.getByTestId('submission-status').innerText(), /Sudah dikonfirmasi/);
  const stored = await submissionOf(page, id);
  for (const v of stored.values) {
    assert.equal(v.confirmed, WRITTEN[v.field], `${v.field} confirmed as written`);
    assert.equal(v.machine.value, machine[v.field]!.value, `${v.field} machine reading kept`);
  }

  await page.getByRole('link', { name: 'Lihat halaman TPS ini' }).click();
  await page.waitForURL(`${base}/tps/${TPS}`);
  const entry = page.getByTestId('witness-submission');
  await entry.waitFor();
  const pseudonym = (await server.db.get<{ pseudonym: string }>('SELECT pseudonym FROM users WHERE name = ?', [
    'Siti Saksi',
  ]))!.pseudonym;
  const text = await entry.innerText();
  assert.match(text, new RegExp(pseudonym));
  assert.doesNotMatch(text, /Siti Saksi/, 'the public sees a pseudonym, never the name');
  for (const [field, value] of Object.entries(WRITTEN))
    assert.equal((await entry.locator(`[data-field="${field}"] dd`).innerText()).trim(), String(value));
  const links = await entry.locator('.witness__photos a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.equal(links.length, 2);
  assert.ok(links.every((h) => /^\/api\/photos\/[0-9a-f]{64}\/display\.jpg$/.test(h ?? '')));
  await entry.locator('.witness__photos').scrollIntoViewIfNeeded();
  await page.waitForFunction(() =>
    [...document.querySelectorAll<HTMLImageElement>('.witness__photos img')].every(
      (i) => i.complete && i.naturalWidth > 0,
    ),
  );
  assert.ok((await sidewaysOverflow(page)) <= 0, 'the TPS page still fits 360 px');
  await page
    .locator('section[aria-labelledby="tps-witness"]')
    .screenshot({ path: path.join(SCREENSHOTS, 'witness-on-tps-page.png') });

  // At 360 px the account links are behind the header's "Menu" button.
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('link', { name: 'Kiriman saya' }).click();
  await page.waitForURL(`${base}/kiriman`);
  const mine = page.getByTestId('my-submissions');
  assert.match(
    await mine.innerText(),
    new RegExp(`Kiriman #${id} · TPS 008 3101011003008\\s+Sudah dikonfirmasi · 2 foto`),
  );
  await mine.getByRole('link').first().click();
  await page.waitForURL(`${base}/kiriman/${id}`);
  await page.getByRole('heading', { name: 'Angka yang dikonfirmasi' }).waitFor();

  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('button', { name: 'Keluar' }).click();
  // Signing out on a login-only page goes to the home page, not to the login page (a new page closes the menu).
  await page.getByTestId('signed-in-as').waitFor({ state: 'detached' });
  await page.waitForURL(`${base}/`);
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('link', { name: 'Masuk', exact: true }).waitFor();
  await page.close();
  assert.deepEqual(browser.pageErrors.splice(0), []);
});

test('witness: a refused file is named, HEIC goes as it is, a stalled send is cancelled, an offline send keeps the photos, an ended session is renewed on the page, sending again works; withdraw', async () => {
  await browser.context.clearCookies(); // signed out, whatever the test before left behind
  const page = await browser.newPage();
  await signUpVia(page, 'Budi Saksi');
  // The last TPS is remembered on the device.
  assert.match(await page.getByTestId('chosen-tps').innerText(), /3101011003008/);
  await page.getByRole('button', { name: 'Ganti TPS' }).click();
  await page.getByRole('button', { name: 'Telusuri wilayah' }).click();
  for (const name of ['DKI JAKARTA', 'ADM. KEP. SERIBU', 'KEPULAUAN SERIBU UTARA', 'PULAU HARAPAN']) {
    await page.getByRole('button', { name: new RegExp(`^${name}`) }).click();
  }
  await page.getByRole('button', { name: /^TPS 002/ }).click();
  assert.match(await page.getByTestId('chosen-tps').innerText(), /TPS 002.*3101011003002/s);

  // The page-2 photo as a phone writes it, with EXIF: the shrunk copy must still carry it.
  const phonePhoto = await sharp(path.join(PHOTOS, 'page-2-on-screen.jpg'))
    .withExif(PHONE_EXIF)
    .jpeg({ quality: 90 })
    .toBuffer();
  await page.getByTestId('gallery-input').setInputFiles([
    { name: 'page-2-on-screen.jpg', mimeType: 'image/jpeg', buffer: phonePhoto },
    { name: 'catatan.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('ini bukan foto\n') },
    { name: 'IMG_0001.HEIC', mimeType: 'image/heic', buffer: fs.readFileSync(fixture('uploads/pattern-320x240.heic')) },
    {
      name: 'page-1-blank-on-screen.jpg',
      mimeType: 'image/jpeg',
      buffer: fs.readFileSync(path.join(PHOTOS, 'page-1-blank-on-screen.jpg')),
    },
  ]);
  // Chromium cannot decode HEIC: that photo goes out as it is, for the server to decode.
  await page.getByRole('button', { name: 'Kirim 4 foto' }).waitFor();
  assert.match(await page.getByTestId('photo-item').nth(2).innerText(), /Tidak dapat diperkecil di browser ini/);
  await page.getByRole('button', { name: 'Kirim 4 foto' }).click();
  const refused = page.locator('.photo-item--refused');
  await refused.waitFor();
  assert.match(await refused.innerText(), /"2-catatan\.jpg" bukan foto yang didukung/);
  assert.match(await page.getByTestId('upload-failure').innerText(), /Hapus foto yang ditandai/);
  await refused.getByRole('button', { name: 'Hapus' }).click();

  // A stalled upload (the request never answers) can be cancelled; the photos stay.
  await page.route(
    (url) => url.pathname === '/api/submissions',
    () => undefined,
  );
  await page.getByRole('button', { name: 'Kirim ulang' }).click();
  await page.getByRole('button', { name: 'Batalkan pengiriman' }).click();
  assert.match(await page.getByTestId('upload-failure').innerText(), /Pengiriman dibatalkan/);
  await page.unrouteAll({ behavior: 'ignoreErrors' });

  await browser.context.setOffline(true);
  await page.getByRole('button', { name: 'Kirim ulang' }).click();
  assert.match(await page.getByTestId('upload-failure').innerText(), /tidak tersambung ke internet/);
  assert.equal(await page.getByTestId('photo-item').count(), 3, 'the photos are still there');
  await browser.context.setOffline(false);

  // The session ends before the photos go out (expired, or ended on another device): the witness logs in
  // again on this page, the photos and the TPS stay, and they are sent at once.
  await server.db.run('DELETE FROM sessions');
  await page.getByRole('button', { name: 'Kirim ulang' }).click();
  const relogin = page.getByTestId('relogin-form');
  await relogin.waitFor();
  assert.match(await page.getByTestId('upload-failure').innerText(), /Sesi Anda sudah berakhir/);
  assert.equal(
    await relogin.getByLabel('Nomor HP atau e-mail').inputValue(),
    '+6281234567002',
    'the contact is filled in',
  );
  await relogin.getByLabel('Kata sandi').fill('salah-sandi-1');
  await relogin.getByRole('button', { name: 'Masuk dan kirim ulang' }).click();
  await relogin.getByRole('alert').waitFor();
  assert.equal(await page.getByTestId('photo-item').count(), 3, 'a wrong password keeps the photos too');
  await relogin.getByLabel('Kata sandi').fill('rahasia-tps-008');
  await relogin.getByRole('button', { name: 'Masuk dan kirim ulang' }).click();
  await page.waitForURL(/\/kiriman\/\d+$/);
  await page.getByRole('heading', { name: 'Periksa dan konfirmasi angka' }).waitFor({ timeout: 60_000 });
  const id = page.url().split('/').at(-1)!;
  const [sent, heic] = (await submissionOf(page, id)).photos;
  assert.deepEqual([heic.state, heic.page], ['read', null], 'the HEIC (a pattern, not a form) was decoded and read');
  assert.match(await page.getByTestId('photo-state').nth(1).innerText(), /Bukan halaman formulir/);
  // The blank page 1 adds its 22 fields, none with a figure read (never a guessed number).
  const page1 = page.locator(
    '.field-row[data-field^="pemilih_dpt_"], .field-row[data-field^="pengguna_"], .field-row[data-field^="disabilitas_"], .field-row[data-field^="surat_suara_"]',
  );
  assert.equal(await page1.count(), 22);
  assert.deepEqual(
    [...new Set(await page1.locator('input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)))],
    [''],
  );
  assert.match(await page.locator('[data-field="pemilih_dpt_l"]').innerText(), /Pemilih DPT \(laki-laki\)/);
  const stored = await server.db.get<{
    width: number;
    height: number;
    captured_at: string;
    device_model: string;
    gps_lat: number;
  }>('SELECT width, height, captured_at, device_model, gps_lat FROM photos WHERE sha256 = ?', [sent.sha256]);
  assert.deepEqual([stored?.width, stored?.height], [1536, 2048], 'the browser sent the shrunk copy');
  assert.equal(stored?.device_model, 'SM-A155F', 'EXIF carried over to the shrunk copy, for moderators');
  assert.equal(stored?.captured_at, '2024-02-14T13:05:09+07:00');
  assert.ok(Math.abs((stored?.gps_lat ?? 0) - -6.2096) < 0.001);
  assert.equal(sent.page, 2);

  // The whole screen follows the language switch.
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByRole('heading', { name: 'Check and confirm the figures' }).waitFor();
  assert.match(await page.locator('.photo-states').innerText(), /Read: page 2/);
  assert.match(await page.getByTestId('live-checks').innerText(), /Checks of the figures/);
  await page.getByRole('button', { name: 'Ganti ke Bahasa Indonesia' }).click();
  await page.getByRole('heading', { name: 'Periksa dan konfirmasi angka' }).waitFor();

  await page.getByRole('button', { name: 'Tarik kiriman ini' }).click();
  await page.getByRole('button', { name: 'Ya, tarik' }).click();
  await page.getByText('Kiriman ini sudah ditarik').waitFor();
  assert.equal((await submissionOf(page, id)).status, 'withdrawn');
  await page.close();
  assert.deepEqual(browser.pageErrors.splice(0), []);
});
