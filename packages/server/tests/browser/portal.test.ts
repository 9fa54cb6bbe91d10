/**
 * End-to-end test of the public portal in a real browser: the real server (in-process, fresh database
 * with demo data) serving the built web app (`npm run build` first), driven by Debian's chromium.
 * Its screenshots go to a temp dir (SCREENSHOTS); the docs' ones are made by `npm run screenshots`.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import type { Page } from 'playwright-core';
import {
  DESKTOP_VIEWPORT,
  SCREENSHOTS,
  launchChromium,
  sidewaysOverflow,
  startPortalServer,
  type BrowserSession,
  type PortalServer,
} from '../helpers/browser.ts';

const TPS = '3101011003008';

let server: PortalServer;
let browser: BrowserSession;
let base: string;

before(async () => {
  server = await startPortalServer({ dirPrefix: 'cocok-browser-' });
  base = server.base;
  browser = await launchChromium(server.dir, { viewport: DESKTOP_VIEWPORT, timeoutMs: 15_000 });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function heading(page: Page): Promise<string> {
  return (await page.locator('main h1').first().textContent({ timeout: 15_000 }))?.trim() ?? '';
}

async function clickThrough(page: Page, linkName: string, url: string): Promise<void> {
  await page.getByRole('table').getByRole('link', { name: linkName, exact: true }).click();
  await page.waitForURL(`${base}${url}`);
  await page.locator('main h1').waitFor();
}

test('portal: drill down from the nation to a TPS, read its figures and checks, switch language', async () => {
  const page = await browser.newPage();
  await page.goto(`${base}/`);
  assert.equal(await heading(page), 'Indonesia');
  assert.equal(await page.getAttribute('html', 'lang'), 'id');
  const provinces = page.locator('table.data-table tbody tr');
  await provinces.first().waitFor();
  assert.equal(await provinces.count(), 39, '39 provinces (38 + overseas)');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'nation-page.png'), fullPage: true });

  await clickThrough(page, 'DKI JAKARTA', '/wilayah/31');
  assert.equal(await heading(page), 'DKI JAKARTA');
  await clickThrough(page, 'ADM. KEP. SERIBU', '/wilayah/3101');
  await clickThrough(page, 'KEPULAUAN SERIBU UTARA', '/wilayah/310101');
  await clickThrough(page, 'PULAU HARAPAN', '/wilayah/3101011003');
  await clickThrough(page, 'TPS 008', `/tps/${TPS}`);

  const page2 = page.getByRole('table', { name: /Halaman 2/ });
  // The village page's h1 can still be up when clickThrough returns; wait for the TPS's own table.
  await page2.locator('tbody td').first().waitFor();
  const votes = (await page2.locator('tbody td').allTextContents()).map((s) => s.replace(/[^\d.]/g, ''));
  assert.deepEqual(votes, ['71', '641', '511']);
  const sumCheck = page.locator('[data-check="paslon_sum_vs_sah"]');
  assert.match(await sumCheck.innerText(), /Tidak sesuai/);
  assert.match(await sumCheck.innerText(), /71 \+ 641 \+ 511 = 1\.223, tetapi suara sah 185/);
  assert.match(await page.locator('main').innerText(), /Foto halaman 1 \(situs KPU\)/);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'tps-page.png'), fullPage: true });

  // Browser back and forward move through the drill-down.
  await page.goBack();
  await page.waitForURL(`${base}/wilayah/3101011003`);
  assert.equal(await heading(page), 'PULAU HARAPAN');
  await page.goForward();
  await page.waitForURL(`${base}/tps/${TPS}`);
  await sumCheck.waitFor();

  const mobile = await browser.newPage(360);
  await mobile.goto(`${base}/tps/${TPS}`);
  await mobile.locator('[data-check="paslon_sum_vs_sah"]').waitFor();
  const overflow = await sidewaysOverflow(mobile);
  assert.ok(overflow <= 0, `no sideways scrolling at 360 px (overflow ${overflow} px)`);
  await mobile.screenshot({ path: path.join(SCREENSHOTS, 'tps-page-mobile.png'), fullPage: true });
  await mobile.close();

  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByRole('table', { name: /Page 2/ }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.match(await sumCheck.innerText(), /Failed/);
  assert.match(await sumCheck.innerText(), /71 \+ 641 \+ 511 = 1,223, but valid votes 185/);
  await page.reload();
  await page.getByRole('table', { name: /Page 2/ }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'en', 'the language choice survives a reload');
  await page.getByRole('button', { name: 'Ganti ke Bahasa Indonesia' }).click();
  await page.getByRole('table', { name: /Halaman 2/ }).waitFor();
  await page.close();
  assert.deepEqual(browser.pageErrors.splice(0), []);
});

test('portal: search, sorting, not found and network errors', async () => {
  const page = await browser.newPage();
  await page.goto(`${base}/wilayah/31`);
  const search = page.getByRole('searchbox', { name: 'Cari TPS atau wilayah' });
  await search.fill('jakarta');
  await search.press('Enter');
  await page.waitForURL(`${base}/cari?q=jakarta`);
  await page.getByRole('link', { name: 'KOTA ADM. JAKARTA SELATAN' }).click();
  await page.waitForURL(`${base}/wilayah/3174`);
  // Leaving the results page empties the box (it follows the URL); typing before that happens would be wiped.
  await page.waitForFunction(
    () => (document.querySelector('form[role="search"] input') as HTMLInputElement | null)?.value === '',
  );

  await search.fill(TPS);
  await search.press('Enter');
  await page.waitForURL(`${base}/tps/${TPS}`);
  await page.locator('[data-check="paslon_sum_vs_sah"]').waitFor();

  await page.goto(`${base}/`);
  const header = page.getByRole('columnheader', { name: /Paslon 02/ });
  await header.getByRole('button').click();
  assert.equal(await header.getAttribute('aria-sort'), 'descending');
  assert.equal(
    await page.locator('table.data-table tbody th').first().innerText(),
    'DKI JAKARTA',
    'most paslon 02 votes in the demo data',
  );

  await page.goto(`${base}/tps/3101011003999`);
  assert.equal(await heading(page), 'Tidak ditemukan');
  assert.match(await page.locator('main').innerText(), /Tidak ada TPS dengan kode 3101011003999/);
  await page.getByRole('link', { name: 'Kembali ke beranda' }).waitFor();

  await page.route('**/api/regions/32', (route) => route.abort('connectionrefused'));
  await page.goto(`${base}/wilayah/32`);
  assert.equal(await heading(page), 'Gagal memuat data');
  await page.unroute('**/api/regions/32');
  await page.getByRole('button', { name: 'Coba lagi' }).click();
  await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'JAWA BARAT');
  await page.close();
  assert.deepEqual(browser.pageErrors.splice(0), []);
});
