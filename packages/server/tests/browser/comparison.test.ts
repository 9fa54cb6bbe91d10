/**
 * End-to-end test of the public comparison pages in a real browser: the real server in-process (fresh
 * SQLite with the whole registry and the demo Sirekap data, uploads in a temp dir) with the REAL
 * worker-pool form reader, serving the built web app (`npm run build` first), driven by Debian's chromium.
 * Witnesses upload real photos of page 2 through the API, the reader reads them, the witnesses confirm
 * figures, and the comparison follows. Its screenshots go to a temp dir (SCREENSHOTS); the docs' ones are
 * made by `npm run screenshots`.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import request from 'supertest';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { fixture } from '@cocok/testing';
import { signUp, type Agent } from '../helpers/api-app.ts';
import {
  DESKTOP_VIEWPORT,
  SCREENSHOTS,
  launchChromium,
  sidewaysOverflow,
  startPortalServer,
  type BrowserSession,
  type PortalServer,
} from '../helpers/browser.ts';

const PAGE_2 = fixture('photos/page-2-on-screen.jpg');

/**
 * Demo TPS of Kepulauan Seribu whose KPU figures pass every check, with KPU's candidate votes
 * (from server/assets demo data) and what the witnesses confirm for them.
 */
type Votes = [number, number, number];
const DROPPED = { code: '3101011001002', official: [92, 126, 30], crowd: [92, 26, 30] as Votes }; // 126 read as 26: verified by two witnesses
const TENS = { code: '3101011001005', official: [76, 128, 29], crowd: [76, 128, 39] as Votes }; // +10 on paslon 03, one witness
const MATCH = { code: '3101011001009', official: [81, 112, 50], crowd: [81, 112, 50] as Votes }; // one witness agrees
const CONFLICT = { code: '3101011002010', official: [61, 155, 29] }; // two witnesses disagree on paslon 03

let server: PortalServer;
let browser: BrowserSession;
let base: string;

before(async () => {
  server = await startPortalServer({ dirPrefix: 'cocok-comparison-', realReader: true });
  base = server.base;
  await createCrowdFigures();
  browser = await launchChromium(server.dir, { viewport: DESKTOP_VIEWPORT, timeoutMs: 20_000 });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

type Witness = { agent: Agent; csrf: string };

/**
 * Two witnesses, two different photo files of page 2 (the fixture, and the same scene re-encoded a
 * little brighter: other bytes, as a second phone would give), so agreeing witnesses are independent.
 */
async function createCrowdFigures(): Promise<void> {
  const second = path.join(server.dir, 'page-2-second-phone.jpg');
  await sharp(PAGE_2).modulate({ brightness: 1.05 }).jpeg({ quality: 85 }).toFile(second);
  const [w1, w2] = await Promise.all([witness(), witness()]);
  const uploads = await Promise.all([
    upload(w1, DROPPED.code, PAGE_2),
    upload(w2, DROPPED.code, second),
    upload(w1, TENS.code, PAGE_2),
    upload(w1, MATCH.code, PAGE_2),
    upload(w1, CONFLICT.code, PAGE_2),
    upload(w2, CONFLICT.code, second),
  ]);
  const votes: Votes[] = [DROPPED.crowd, DROPPED.crowd, TENS.crowd, MATCH.crowd, [61, 155, 29], [61, 155, 92]];
  for (const [i, u] of uploads.entries()) await confirm(u.w, u.id, votes[i]);
}

async function witness(): Promise<Witness> {
  const agent = request.agent(server.app);
  const { csrf } = await signUp(agent);
  return { agent, csrf };
}

async function upload(w: Witness, tps: string, file: string): Promise<{ w: Witness; id: number }> {
  const res = await w.agent
    .post('/api/submissions')
    .set('X-CSRF-Token', w.csrf)
    .field('tps', tps)
    .attach('photos', file);
  assert.equal(res.status, 202, JSON.stringify(res.body));
  return { w, id: res.body.id as number };
}

/** Waits for the real reader to find page 2 on the photo, then confirms the witness's figures. */
async function confirm(w: Witness, id: number, votes: Votes): Promise<void> {
  for (let i = 0; ; i++) {
    const sub = (await w.agent.get(`/api/submissions/${id}`).expect(200)).body as {
      readingDone: boolean;
      photos: { page: number | null }[];
    };
    if (sub.readingDone) {
      assert.deepEqual(
        sub.photos.map((p) => p.page),
        [2],
        'the reader found page 2',
      );
      break;
    }
    assert.ok(i < 600, 'reading took more than 60 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  await w.agent
    .post(`/api/submissions/${id}/confirm`)
    .set('X-CSRF-Token', w.csrf)
    .send({ fields: { suara_paslon_1: votes[0], suara_paslon_2: votes[1], suara_paslon_3: votes[2] } })
    .expect(200);
}

/** The cells of a table row as text, whitespace collapsed. */
async function rowText(page: Page, selector: string): Promise<string[]> {
  return (await page.locator(selector).locator('th, td').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim());
}

test('comparison: the nation shows both totals, the largest mismatch leads to its TPS with both figures and the photos', async () => {
  const page = await browser.newPage();
  await page.goto(`${base}/`);
  const panel = page.getByTestId('region-comparison');
  await panel.waitFor();
  // Over the same TPS: paslon 02 is 126+128+112+155 for KPU, 26+128+112+155 for the crowd.
  assert.deepEqual(
    (await rowText(page, '[data-testid="region-comparison"] tr[data-field="suara_paslon_2"]')).slice(1),
    ['521', '421', '✗ −100'],
  );
  // Paslon 03 leaves out the TPS where witnesses disagree on it: 30+29+50 against 30+39+50.
  assert.deepEqual(
    (await rowText(page, '[data-testid="region-comparison"] tr[data-field="suara_paslon_3"]')).slice(1),
    ['109', '119', '✗ +10'],
  );
  const counts = Object.fromEntries(
    await page
      .locator('.status-counts li')
      .evaluateAll((els) =>
        els.map((e) => [e.getAttribute('data-status'), e.querySelector('.status-counts__n')!.textContent]),
      ),
  );
  assert.deepEqual(counts, {
    mismatch: '2',
    crowd_conflict: '1',
    official_inconsistent: '0',
    no_official: '0',
    match: '1',
    no_crowd: '822.112',
  });
  assert.match(await panel.innerText(), /4 dari 822\.116 TPS/);
  const jakarta = await rowText(page, 'table.data-table tbody tr:has(a:text-is("DKI JAKARTA"))');
  assert.equal(jakarta.at(-1), '✗ 2', 'the province row counts its mismatching TPS');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'comparison-region.png'), fullPage: true });

  // The "Selisih" tab: largest impact first.
  await page.getByRole('tab', { name: /^Selisih\s*\(\s*2\s*\)$/ }).click();
  await page.waitForURL(`${base}/?tab=selisih`);
  const items = page.getByTestId('mismatch-list').locator('li.mismatch');
  await items.first().waitFor();
  assert.deepEqual(await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-tps'))), [
    DROPPED.code,
    TENS.code,
  ]);
  assert.match(
    await items.first().innerText(),
    /Dampak: 100 suara[\s\S]*Suara Paslon 02 \(Prabowo-Gibran\): resmi 126, saksi 26 \(−100\)/,
  );
  await page.getByLabel('Tampilkan TPS berstatus').selectOption('crowd_conflict');
  await page.waitForURL(`${base}/?tab=selisih&status=crowd_conflict`);
  await page.locator(`li.mismatch[data-tps="${CONFLICT.code}"]`).waitFor();
  await page.getByLabel('Tampilkan TPS berstatus').selectOption('mismatch');
  await items.nth(1).waitFor();

  await items.first().getByRole('link').click();
  await page.waitForURL(`${base}/tps/${DROPPED.code}`);
  await checkTpsPage(page);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'comparison-tps.png'), fullPage: true });
  await checkViewer(page);

  // Back up to the village: its TPS rows carry their comparison status; TPS without witnesses stay quiet.
  await page.getByRole('navigation', { name: 'Letak wilayah' }).getByRole('link', { name: 'PULAU PANGGANG' }).click();
  await page.waitForURL(`${base}/wilayah/3101011001`);
  const status = (code: string) =>
    page
      .locator(`table.data-table tbody tr:has(td.code:text-is("${code}")) td`)
      .last()
      .innerText()
      .then((s) => s.replace(/\s+/g, ' ').trim());
  await page.locator('table.data-table tbody tr').first().waitFor();
  assert.deepEqual(
    [await status(DROPPED.code), await status(TENS.code), await status(MATCH.code), await status('3101011001001')],
    ['✗ Selisih', '✗ Selisih', '✓ Cocok', '–'],
  );
  await page.screenshot({ path: path.join(SCREENSHOTS, 'comparison-village.png'), fullPage: true });
  await page.close();
  assert.deepEqual(browser.pageErrors.splice(0), []);
});

/** Both figures field by field with the difference in words, the crowd state, and both sets of photos. */
async function checkTpsPage(page: Page): Promise<void> {
  const status = page.getByTestId('tps-comparison-status');
  await status.waitFor();
  assert.match(
    await status.innerText(),
    /✗\s*Selisih[\s\S]*berbeda dengan data resmi KPU pada 1 isian\. Selisih suara paslon: 100\./,
  );
  assert.deepEqual(await rowText(page, '.cmp-table tr[data-field="suara_paslon_2"]'), [
    'Suara Paslon 02 (Prabowo-Gibran)',
    '126',
    '26 terverifikasi (2 saksi)',
    '✗ Selisih −100 (kemungkinan salah baca digit: 126 → 26)',
  ]);
  assert.deepEqual(await rowText(page, '.cmp-table tr[data-field="suara_paslon_1"]'), [
    'Suara Paslon 01 (Anies-Muhaimin)',
    '92',
    '92 terverifikasi (2 saksi)',
    '✓ Sama',
  ]);
  assert.match(
    (await page.locator('.cmp-table tr[data-field="suara_paslon_2"]').getAttribute('class')) ?? '',
    /cmp-row--fail/,
  );
  const thumbs = page.locator('.crowd-photos .thumb img');
  await thumbs.nth(1).waitFor();
  assert.equal(await thumbs.count(), 2, 'one photo per witness');
  await page.waitForFunction(() =>
    [...document.querySelectorAll<HTMLImageElement>('.crowd-photos .thumb img')].every(
      (i) => i.complete && i.naturalWidth > 0,
    ),
  );
  assert.match(
    await page.locator('.evidence').innerText(),
    /Foto halaman 1 \(situs KPU\)/,
    'KPU’s images beside the crowd’s',
  );
  assert.ok(await page.getByRole('table', { name: /Halaman 2/ }).isVisible(), 'the official figures are still there');
  assert.ok(
    await page.getByRole('heading', { name: 'Riwayat versi data resmi' }).isVisible(),
    'and the history of the official figures',
  );
}

/** The full-size viewer: opens from a thumbnail, loads the photo, zooms with the button and a key, Esc closes. */
async function checkViewer(page: Page): Promise<void> {
  await page
    .getByRole('button', { name: /Buka Halaman 2 formulir C\.HASIL, dikirim oleh Saksi-/ })
    .first()
    .click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  const img = dialog.getByTestId('viewer-image');
  await page.waitForFunction(() => {
    const i = document.querySelector<HTMLImageElement>('[data-testid="viewer-image"]');
    return !!i && i.complete && i.naturalWidth > 0;
  });
  const fitted = (await img.boundingBox())!.width;
  assert.equal(await dialog.getByTestId('viewer-zoom').innerText(), '100%');
  await dialog.getByRole('button', { name: 'Perbesar' }).click();
  assert.equal(await dialog.getByTestId('viewer-zoom').innerText(), '150%');
  await page.keyboard.press('+');
  assert.equal(await dialog.getByTestId('viewer-zoom').innerText(), '200%');
  assert.ok((await img.boundingBox())!.width > fitted * 1.5, 'the photo is drawn larger');
  const box = (await dialog.locator('.viewer__stage').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -100);
  await page.keyboard.up('Control');
  await page.waitForFunction(() => document.querySelector('[data-testid="viewer-zoom"]')?.textContent === '230%');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'comparison-viewer.png') });
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
}

test('comparison: the national list pages with the cursor; the pages fit 360 px and read in English too', async () => {
  const page = await browser.newPage();
  // One TPS per page, so the two mismatches need the API's cursor and "Muat lebih banyak".
  await page.route('**/api/mismatches?*', (route) =>
    route.continue({
      url: route
        .request()
        .url()
        .replace(/limit=\d+/, 'limit=1'),
    }),
  );
  await page.goto(`${base}/`);
  await page.getByRole('link', { name: 'Selisih terbesar' }).click();
  await page.waitForURL(`${base}/selisih`);
  const items = page.locator('li.mismatch');
  await items.first().waitFor();
  assert.equal(await items.count(), 1);
  await page.getByRole('button', { name: 'Muat lebih banyak' }).click();
  await items.nth(1).waitFor();
  assert.deepEqual(await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-tps'))), [
    DROPPED.code,
    TENS.code,
  ]);
  assert.deepEqual(
    await items.locator('.mismatch__place').allTextContents(),
    Array(2).fill('KEPULAUAN SERIBU UTARA, ADM. KEP. SERIBU, DKI JAKARTA'),
    'each TPS of the national list says where it is',
  );
  await page.getByRole('button', { name: 'Muat lebih banyak' }).waitFor({ state: 'detached' });
  await page.close();

  const mobile = await browser.newPage(360);
  await mobile.goto(`${base}/selisih`);
  await mobile.locator('li.mismatch').nth(1).waitFor();
  assert.ok((await sidewaysOverflow(mobile)) <= 0, 'the national list fits 360 px');
  await mobile.screenshot({ path: path.join(SCREENSHOTS, 'comparison-national-mobile.png'), fullPage: true });
  await mobile.goto(`${base}/`);
  await mobile.getByTestId('region-comparison').waitFor();
  assert.ok((await sidewaysOverflow(mobile)) <= 0, 'the nation fits 360 px');
  await mobile.screenshot({ path: path.join(SCREENSHOTS, 'comparison-region-mobile.png'), fullPage: true });
  await mobile.goto(`${base}/tps/${DROPPED.code}`);
  await mobile.locator('.cmp-table').waitFor();
  await mobile.locator('.crowd-photos .thumb').nth(1).waitFor();
  assert.ok((await sidewaysOverflow(mobile)) <= 0, 'the TPS comparison fits 360 px');
  assert.match(
    await mobile.locator('.cmp-table tr[data-field="suara_paslon_2"]').innerText(),
    /Selisih −100 \(kemungkinan salah baca digit: 126 → 26\)/,
  );
  await mobile.screenshot({ path: path.join(SCREENSHOTS, 'comparison-tps-mobile.png'), fullPage: true });
  await mobile.locator('.crowd-photos .thumb').first().click();
  await mobile.getByRole('dialog').waitFor();
  await mobile.getByRole('button', { name: 'Tutup' }).click();
  await mobile.getByRole('dialog').waitFor({ state: 'hidden' });

  // The same comparison in English, then back (the choice is kept in this browser profile).
  await mobile.getByRole('button', { name: 'Switch to English' }).click();
  await mobile.getByText('Difference −100 (possibly a misread digit: 126 → 26)').waitFor();
  assert.match(
    await mobile.getByTestId('tps-comparison-status').innerText(),
    /Mismatch[\s\S]*differ from KPU’s official ones on 1 field\./,
  );
  assert.match(
    await mobile.locator('.cmp-table tr[data-field="suara_paslon_2"]').innerText(),
    /verified \(2 witnesses\)/,
  );
  await mobile.getByRole('button', { name: 'Ganti ke Bahasa Indonesia' }).click();
  await mobile.getByText('Selisih −100 (kemungkinan salah baca digit: 126 → 26)').waitFor();
  await mobile.close();
  assert.deepEqual(browser.pageErrors.splice(0), []);
});

test('TPS page: the confirmed submissions are fetched once, and both the crowd photos and the witness list show them', async () => {
  const page = await browser.newPage();
  const submissionsPath = `/api/tps/${DROPPED.code}/submissions`;
  const asked: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === submissionsPath) asked.push(r.url());
  });
  await page.goto(`${base}/tps/${DROPPED.code}`);
  // Both sections mount together and show data only once an answer is in: by then every fetch either sent has gone out.
  await page.locator('.crowd-photos .thumb').nth(1).waitFor();
  await page.getByTestId('witness-submission').nth(1).waitFor();
  await page.getByTestId('tps-moderation').waitFor();
  await page.waitForLoadState('networkidle');
  assert.equal(await page.getByTestId('witness-submission').count(), 2, 'both witnesses listed');
  assert.deepEqual(asked, [`${base}${submissionsPath}`], 'one request for the list both sections show');
  await page.close();
  assert.deepEqual(browser.pageErrors.splice(0), []);
});
