/**
 * The public comparison pages at 1280 and 360 px, with the crowd figures of tests/browser/comparison.test.ts:
 * two witnesses (two photo files, so they are independent) for four TPS of Pulau Panggang: a verified
 * mismatch (KPU's 126 confirmed as 26), a single +10, a match and a disagreement.
 */
import path from 'node:path';
import sharp from 'sharp';
import { PHOTOS_DIR } from '@cocok/testing';
import type { PortalServer } from '@cocok/server/test-support/browser';
import { newWitness, uploadAndConfirm, withPortal } from './shots.ts';

const PAGE_2 = path.join(PHOTOS_DIR, 'page-2-on-screen.jpg');
const DROPPED = '3101011001002';
const votes = (p1: number, p2: number, p3: number) => ({ suara_paslon_1: p1, suara_paslon_2: p2, suara_paslon_3: p3 });

async function crowdFigures(server: PortalServer): Promise<void> {
  const second = path.join(server.dir, 'page-2-second-phone.jpg');
  await sharp(PAGE_2).modulate({ brightness: 1.05 }).jpeg({ quality: 85 }).toFile(second);
  const w1 = await newWitness(server);
  const w2 = await newWitness(server);
  await uploadAndConfirm(server, w1, DROPPED, PAGE_2, votes(92, 26, 30));
  await uploadAndConfirm(server, w2, DROPPED, second, votes(92, 26, 30));
  await uploadAndConfirm(server, w1, '3101011001005', PAGE_2, votes(76, 128, 39));
  await uploadAndConfirm(server, w1, '3101011001009', PAGE_2, votes(81, 112, 50));
  await uploadAndConfirm(server, w1, '3101011002010', PAGE_2, votes(61, 155, 29));
  await uploadAndConfirm(server, w2, '3101011002010', second, votes(61, 155, 92));
}

export async function comparisonPages(out: string): Promise<void> {
  await withPortal(out, { realReader: true, prepare: crowdFigures }, async ({ browser, base, take }) => {
    const page = await browser.newPage();
    await page.goto(`${base}/`);
    await page.getByTestId('region-comparison').waitFor();
    await take(page, 'comparison-region');
    await page.goto(`${base}/tps/${DROPPED}`);
    await page.locator('.cmp-table').waitFor();
    await page.locator('.crowd-photos .thumb img').nth(1).waitFor();
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLImageElement>('.crowd-photos .thumb img')].every(
        (i) => i.complete && i.naturalWidth > 0,
      ),
    );
    await take(page, 'comparison-tps');
    // The viewer zoomed in to 230%, as the browser test leaves it: the button, the key and ctrl+wheel.
    await page
      .getByRole('button', { name: /Buka Halaman 2 formulir C\.HASIL, dikirim oleh Saksi-/ })
      .first()
      .click();
    const dialog = page.getByRole('dialog');
    await page.waitForFunction(() => {
      const i = document.querySelector<HTMLImageElement>('[data-testid="viewer-image"]');
      return !!i && i.complete && i.naturalWidth > 0;
    });
    await dialog.getByRole('button', { name: 'Perbesar' }).click();
    await page.keyboard.press('+');
    const box = (await dialog.locator('.viewer__stage').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -100);
    await page.keyboard.up('Control');
    await page.waitForFunction(() => document.querySelector('[data-testid="viewer-zoom"]')?.textContent === '230%');
    await take(page, 'comparison-viewer', { fullPage: false });
    await page.keyboard.press('Escape');
    await page.goto(`${base}/wilayah/3101011001`);
    await page.locator('table.data-table tbody tr').first().waitFor();
    await take(page, 'comparison-village');
    await page.close();

    const mobile = await browser.newPage(360);
    await mobile.goto(`${base}/selisih`);
    await mobile.locator('li.mismatch').nth(1).waitFor();
    await take(mobile, 'comparison-national-mobile');
    await mobile.goto(`${base}/`);
    await mobile.getByTestId('region-comparison').waitFor();
    await take(mobile, 'comparison-region-mobile');
    await mobile.goto(`${base}/tps/${DROPPED}`);
    await mobile.locator('.cmp-table').waitFor();
    await mobile.locator('.crowd-photos .thumb').nth(1).waitFor();
    await take(mobile, 'comparison-tps-mobile');
    await mobile.close();
  });
}
