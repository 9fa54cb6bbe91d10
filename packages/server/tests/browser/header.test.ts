/**
 * The site header in a real browser (Debian's chromium, the built web app, demo data): at 360 px it takes
 * at most two rows with the upload call-to-action, the language switch and the search in reach and the
 * secondary links behind a "Menu" button; at 1280 px it is one row with everything in sight. Checked for
 * the longest header there is (a signed-in moderator). Its screenshots go to a temp dir (SCREENSHOTS).
 * Also: a public page does not download the code of the witness, moderator and mismatch-list pages.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import request from 'supertest';
import type { Page } from 'playwright-core';
import { setRole, signUp } from '../helpers/api-app.ts';
import {
  DESKTOP_VIEWPORT,
  SCREENSHOTS,
  launchChromium,
  sidewaysOverflow,
  startPortalServer,
  submitLoginForm,
  type BrowserSession,
  type PortalServer,
} from '../helpers/browser.ts';

const MODERATOR = {
  name: 'Maria Moderatorina Panjang',
  contact: 'maria.moderator@example.org',
  password: 'rahasia-moderasi-2',
};

let server: PortalServer;
let browser: BrowserSession;
let base: string;

before(async () => {
  server = await startPortalServer({ dirPrefix: 'cocok-header-' });
  base = server.base;
  const { user } = await signUp(request.agent(server.app), MODERATOR);
  await setRole(server.db, user.id, 'moderator');
  browser = await launchChromium(server.dir, { viewport: DESKTOP_VIEWPORT, timeoutMs: 15_000 });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function pageAt(width: number): Promise<Page> {
  const page = await browser.newPage(width);
  await page.goto(`${base}/`);
  await page.locator('main h1').first().waitFor();
  return page;
}

/** Rows of the header: its visible controls top to bottom, a new row wherever one starts below the row so far. */
async function headerRows(page: Page): Promise<number> {
  return page.evaluate(() => {
    const inner = document.querySelector('.site-header__inner')!;
    const boxes = [...inner.querySelectorAll<HTMLElement>('a, button, input')]
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0)
      .sort((a, b) => a.top - b.top);
    let rows = 0;
    let rowBottom = -Infinity;
    for (const box of boxes) {
      if (box.top >= rowBottom - 1) rows += 1;
      rowBottom = Math.max(rowBottom, box.bottom);
    }
    return rows;
  });
}

async function logIn(page: Page): Promise<void> {
  await submitLoginForm(page, `${base}/masuk`, MODERATOR);
  await page.waitForURL(`${base}/unggah`);
}

test('header: one row at 1280 px for a signed-in moderator, every link in sight and no menu button', async () => {
  const page = await pageAt(1280);
  await logIn(page);
  await page.goto(`${base}/`);
  await page.locator('main h1').first().waitFor();
  assert.equal(await headerRows(page), 1);
  for (const name of ['Selisih terbesar', 'Moderasi', 'Unggah', 'Kiriman saya']) {
    assert.ok(
      await page.getByRole('banner').getByRole('link', { name, exact: true }).isVisible(),
      `${name} is in sight`,
    );
  }
  assert.ok(await page.getByRole('button', { name: 'Keluar' }).isVisible());
  assert.ok(await page.getByRole('searchbox').isVisible());
  assert.equal(await page.getByRole('button', { name: 'Menu' }).count(), 0, 'no menu button on wide screens');
  await page.getByRole('banner').screenshot({ path: path.join(SCREENSHOTS, 'header-1280.png') });
  // English words are longer: still one row, signed in and signed out.
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByRole('link', { name: 'My submissions' }).waitFor();
  assert.equal(await headerRows(page), 1, 'signed in, in English');
  await browser.context.clearCookies();
  await page.reload();
  await page.getByRole('link', { name: 'Log in' }).waitFor();
  assert.equal(await headerRows(page), 1, 'signed out, in English');
  await page.getByRole('button', { name: 'Ganti ke Bahasa Indonesia' }).click();
  await page.getByRole('link', { name: 'Masuk', exact: true }).waitFor();
  await page.close();
  assert.deepEqual(browser.pageErrors.splice(0), []);
});

test('header: at 360 px two rows; upload, language and search stay in reach; the menu opens and closes by keyboard', async () => {
  await browser.context.clearCookies(); // signed out, whatever the test before left behind
  const page = await pageAt(360);
  assert.ok((await headerRows(page)) <= 2, 'signed out: at most two rows');
  await logIn(page);
  await page.goto(`${base}/`);
  await page.locator('main h1').first().waitFor();
  assert.ok((await headerRows(page)) <= 2, 'signed-in moderator: at most two rows');
  const banner = page.getByRole('banner');
  assert.ok(
    await banner.getByRole('link', { name: 'Unggah', exact: true }).isVisible(),
    'the upload call-to-action is in sight',
  );
  assert.ok(await page.getByRole('searchbox').isVisible(), 'the search is in sight');
  assert.ok(
    await page.getByRole('button', { name: 'Switch to English' }).isVisible(),
    'the language switch is in sight',
  );
  assert.equal(
    await banner.getByRole('link', { name: 'Moderasi' }).isVisible(),
    false,
    'secondary links wait behind the menu',
  );
  assert.ok((await sidewaysOverflow(page)) <= 0, 'no sideways scrolling');
  await banner.screenshot({ path: path.join(SCREENSHOTS, 'header-360.png') });

  const toggle = page.getByRole('button', { name: 'Menu' });
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  const menuId = (await toggle.getAttribute('aria-controls'))!;
  await toggle.focus();
  await page.keyboard.press('Enter');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  for (const name of ['Selisih terbesar', 'Moderasi', 'Kiriman saya']) {
    assert.ok(
      await page.locator(`[id="${menuId}"]`).getByRole('link', { name, exact: true }).isVisible(),
      `${name} is in the open menu`,
    );
  }
  assert.match(await page.getByTestId('signed-in-as').innerText(), /Maria Moderatorina Panjang/);
  await banner.screenshot({ path: path.join(SCREENSHOTS, 'header-360-menu.png') });
  // Tab reaches the menu's links right after the button; Escape closes it and gives focus back to the button.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), '✗ Selisih terbesar');
  await page.keyboard.press('Escape');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Menu');

  // Following a link in the menu closes it at once, and the next page arrives; a tap outside the header closes it too.
  await toggle.click();
  await page.locator(`[id="${menuId}"]`).getByRole('link', { name: 'Moderasi' }).click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  await page.waitForURL(`${base}/moderasi`);
  await page.getByRole('heading', { level: 1, name: 'Antrean moderasi' }).waitFor();
  await toggle.click();
  await page.locator('main').click({ position: { x: 5, y: 5 } });
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  await page.close();
  assert.deepEqual(browser.pageErrors.splice(0), []);
});

/** Names of the script files the page has loaded so far. */
async function scriptsLoaded(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname)
      .filter((p) => p.endsWith('.js'))
      .map((p) => p.split('/').at(-1)!),
  );
}

test('pages on demand: the nation page loads no witness, moderator or mismatch-list code; following a link loads that page', async () => {
  await browser.context.clearCookies();
  const page = await pageAt(1280);
  const first = await scriptsLoaded(page);
  for (const lazy of ['upload-page', 'submission-page', 'login-page', 'queue-page', 'review-page', 'mismatches-page']) {
    assert.ok(!first.some((f) => f.startsWith(`${lazy}-`)), `${lazy} is not part of the first download`);
  }
  await page.getByRole('link', { name: 'Selisih terbesar' }).click();
  await page.waitForURL(`${base}/selisih`);
  await page.getByRole('heading', { level: 1, name: 'Selisih terbesar' }).waitFor();
  assert.ok(
    (await scriptsLoaded(page)).some((f) => f.startsWith('mismatches-page-')),
    'the mismatch list arrives when asked for',
  );
  await page.getByRole('link', { name: 'Unggah', exact: true }).click();
  await page.waitForURL(/\/masuk/);
  await page.getByLabel('Kata sandi').waitFor();
  assert.ok(
    (await scriptsLoaded(page)).some((f) => f.startsWith('login-page-')),
    'the login page arrives when asked for',
  );
  await page.close();
  assert.deepEqual(browser.pageErrors.splice(0), []);
});
