/**
 * The witness app at 360 px (upload, confirm, the result on the TPS page) and the moderator's review
 * screen, each on its own portal with the real reader reading the fixture photos.
 */
import path from 'node:path';
import request from 'supertest';
import { setRole, signUp } from '@cocok/server/test-support/api-app';
import { submitLoginForm, submitSignUpForm } from '@cocok/server/test-support/browser';
import { PHOTOS_DIR, PHOTO_TRUTH } from '@cocok/testing';
import { newWitness, uploadAndConfirm, withPortal } from './shots.ts';

const TPS = '3101011003008';
const PAGE_2 = path.join(PHOTOS_DIR, 'page-2-on-screen.jpg');
const PAGE_3 = path.join(PHOTOS_DIR, 'page-3-on-screen.jpg');
const MODERATOR = { name: 'Mira Moderator', contact: 'mira.moderator@example.org', password: 'rahasia-moderasi-1' };

export async function witnessPages(out: string): Promise<void> {
  const written = { ...PHOTO_TRUTH['page-2-on-screen.jpg'].fields, ...PHOTO_TRUTH['page-3-on-screen.jpg'].fields };
  await withPortal(out, { realReader: true }, async ({ browser, base, take }) => {
    const page = await browser.newPage(360);
    await page.goto(`${base}/daftar`);
    await submitSignUpForm(page, { name: 'Siti Saksi', contact: '0812 3456 7001', password: 'rahasia-tps-008' });
    await page.waitForURL(/\/unggah/);
    await page.goto(`${base}/unggah`);
    await page.getByRole('button', { name: 'Kode TPS' }).click();
    await page.getByLabel('Kode TPS (13 angka)').fill(TPS);
    await page.getByRole('button', { name: 'Pilih', exact: true }).click();
    await page.getByTestId('chosen-tps').waitFor();
    await page.getByTestId('gallery-input').setInputFiles([PAGE_2, PAGE_3]);
    await page.getByRole('button', { name: 'Kirim 2 foto' }).waitFor();
    await page
      .getByTestId('photo-item')
      .nth(1)
      .getByText(/Diperkecil ke/)
      .waitFor();
    await take(page, 'witness-upload');

    await page.getByRole('button', { name: 'Kirim 2 foto' }).click();
    await page.getByRole('heading', { name: 'Periksa dan konfirmasi angka' }).waitFor({ timeout: 120_000 });
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLImageElement>('.field-row__cutout img')].every(
        (i) => i.complete && i.naturalWidth > 0,
      ),
    );
    // The figures as written on the form, as the witness types them where the reading differs.
    for (const [field, value] of Object.entries(written))
      await page.locator(`[data-field="${field}"] input`).fill(String(value));
    await page.locator('.live-checks__passed summary').click();
    await page.getByRole('heading', { name: 'Periksa dan konfirmasi angka' }).scrollIntoViewIfNeeded();
    await take(page, 'witness-confirm');

    await page.getByRole('button', { name: 'Konfirmasi angka' }).click();
    await page.getByRole('heading', { name: 'Angka yang dikonfirmasi' }).waitFor();
    await page.getByRole('link', { name: 'Lihat halaman TPS ini' }).click();
    const section = page.locator('section[aria-labelledby="tps-witness"]');
    await page.getByTestId('witness-submission').waitFor();
    await section.scrollIntoViewIfNeeded();
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLImageElement>('.witness__photos img')].every(
        (i) => i.complete && i.naturalWidth > 0,
      ),
    );
    await take(section, 'witness-on-tps-page');
    await page.close();
  });

  await withPortal(
    out,
    {
      realReader: true,
      prepare: async (server) => {
        const witness = await newWitness(server, {
          name: 'Siti Saksi',
          contact: '0812 3456 7001',
          password: 'rahasia-saksi-1',
        });
        await uploadAndConfirm(server, witness, TPS, PAGE_2, PHOTO_TRUTH['page-2-on-screen.jpg'].fields);
        const { user } = await signUp(request.agent(server.app), MODERATOR);
        await setRole(server.db, user.id, 'moderator');
      },
    },
    async ({ browser, base, take }) => {
      const page = await browser.newPage();
      await submitLoginForm(page, `${base}/masuk`, MODERATOR);
      await page.waitForURL(/\/unggah/);
      await page.goto(`${base}/moderasi`);
      await page.getByRole('button', { name: 'Ambil yang teratas' }).click();
      await page.waitForURL(`${base}/moderasi/tps/${TPS}`);
      await page.getByText('TPS ini Anda tangani sampai').waitFor();
      await page.waitForFunction(
        () =>
          ((document.querySelector('[data-testid=photo-viewer] img') as HTMLImageElement | null)?.naturalWidth ?? 0) >
          0,
      );
      await page.keyboard.press('+');
      await page.keyboard.press('r');
      await page.keyboard.press('v');
      await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA');
      await page.keyboard.type('Foto C.HASIL jelas; angka saksi sesuai foto');
      await take(page, 'moderation-review');
      await page.close();
    },
  );
}
