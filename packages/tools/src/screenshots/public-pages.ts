/** The public pages on the demo data alone, and the site header (signed-in moderator: the longest one). */
import request from 'supertest';
import type { Page } from 'playwright-core';
import { setRole, signUp } from '@cocok/server/test-support/api-app';
import { submitLoginForm } from '@cocok/server/test-support/browser';
import { withPortal } from './shots.ts';

/** Pulau Harapan's TPS 008: its KPU figures fail three checks. */
const TPS = '3101011003008';
const MODERATOR = {
  name: 'Maria Moderatorina Panjang',
  contact: 'maria.moderator@example.org',
  password: 'rahasia-moderasi-2',
};

export async function publicPages(out: string): Promise<void> {
  await withPortal(
    out,
    {
      prepare: async (server) => {
        const { user } = await signUp(request.agent(server.app), MODERATOR);
        await setRole(server.db, user.id, 'moderator');
      },
    },
    async ({ browser, base, take }) => {
      const page = await browser.newPage();
      await page.goto(`${base}/`);
      await page.locator('table.data-table tbody tr').nth(38).waitFor();
      await take(page, 'nation-page');
      await page.goto(`${base}/tps/${TPS}`);
      await page.locator('[data-check="paslon_sum_vs_sah"]').waitFor();
      await take(page, 'tps-page');
      await page.close();

      const mobile = await browser.newPage(360);
      await mobile.goto(`${base}/tps/${TPS}`);
      await mobile.locator('[data-check="paslon_sum_vs_sah"]').waitFor();
      await take(mobile, 'tps-page-mobile');
      await mobile.close();

      // Signed in once: the session cookie serves both widths (one browser profile).
      const wide = await browser.newPage(1280);
      await submitLoginForm(wide, `${base}/masuk`, MODERATOR);
      await wide.waitForURL(`${base}/unggah`);
      await home(wide, base);
      await take(wide.getByRole('banner'), 'header-1280');
      await wide.close();
      const narrow = await home(await browser.newPage(360), base);
      await take(narrow.getByRole('banner'), 'header-360');
      await narrow.getByRole('button', { name: 'Menu' }).click();
      await narrow.getByTestId('signed-in-as').waitFor();
      await take(narrow.getByRole('banner'), 'header-360-menu');
      await narrow.close();
    },
  );
}

async function home(page: Page, base: string): Promise<Page> {
  await page.goto(`${base}/`);
  await page.locator('main h1').first().waitFor();
  return page;
}
