import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sirekapDoc } from '../helpers/temp-db.ts';
import { confirmPage2, createComparisonServices, type ComparisonServices } from '../helpers/comparison-services.ts';
import { fixedClock } from '../../src/core/clock.ts';
import type { AppError } from '../../src/core/errors.ts';
import { createOfficialService } from '../../src/modules/official/official.service.ts';
import { createPagesService } from '../../src/modules/pages/pages.service.ts';
import type { SessionUser } from '../../src/modules/accounts/accounts.service.ts';

/**
 * The page assembler on real SQLite with the services wired as in createApp: a region page and a TPS page
 * are the regions/official module's view with the comparison's read models beside it, in the key order the
 * routes have always answered (the answer cache's ETags are hashes of these bytes), and the modules' own
 * views no longer carry the crowd's side.
 */
const [A1, A2, A3] = ['3101011001001', '3101011001002', '3101011001003'];
const VILLAGE = '3101011001';
const clock = fixedClock('2026-11-20T10:00:00Z');
let services: ComparisonServices;
let official: ReturnType<typeof createOfficialService>;
let pages: ReturnType<typeof createPagesService>;
const person = (id: number): SessionUser => ({ id, name: `Orang ${id}`, role: 'witness', pseudonym: `Saksi-P${id}` });
const [w1, w2] = [person(1), person(2)];

before(async () => {
  services = await createComparisonServices('cocok-pages-', clock);
  const { db, regions, comparison, importer } = services;
  official = createOfficialService({ db, regions });
  pages = createPagesService({ regions, official, comparison });
  for (const u of [w1, w2]) {
    await db.run(
      `INSERT INTO users (id, name, contact, contact_kind, password_hash, role, pseudonym, created_at) VALUES (?, ?, ?, 'email', 'x', 'witness', ?, ?)`,
      [u.id, u.name, `p${u.id}@example.org`, u.pseudonym, clock.now().toISOString()],
    );
  }
  for (const tps of [A1, A2]) await importer.importDocuments([{ name: `${tps}.json`, text: sirekapDoc() }]); // 10/20/30
  for (const w of [w1, w2]) await confirmPage2(services, clock, A1, w, [10, 20, 30]); // match
  await confirmPage2(services, clock, A2, w1, [10, 25, 30]); // mismatch, impact 5
  await confirmPage2(services, clock, A3, w2, [7, 8, 9]); // no official figures yet
});
after(() => services.cleanup());

test('a village page: the registry view with each TPS status and impact from the comparison, keys in the answered order', async () => {
  const page = await pages.regionPage(VILLAGE);
  const view = await services.regions.getRegion(VILLAGE);
  const crowd = await services.comparison.villageTps(
    VILLAGE,
    view.children.map((c) => c.code),
  );
  const [wholeVillage] = (
    await services.comparison.regionTotals([{ code: VILLAGE, tpsCount: view.totals.tpsCount }])
  ).values();
  assert.deepEqual(Object.keys(page), [
    'code',
    'name',
    'level',
    'levelName',
    'breadcrumb',
    'totals',
    'childLevelName',
    'children',
    'comparison',
  ]);
  assert.deepEqual(page.comparison, wholeVillage);
  assert.equal(page.comparison?.crowdTps, 3);
  assert.deepEqual(
    page.children.map((c) => Object.keys(c)),
    view.children.map(() => ['code', 'name', 'level', 'levelName', 'totals', 'figures', 'comparison']),
  );
  assert.deepEqual(
    page.children.map((c) => c.comparison),
    view.children.map((c) => crowd.get(c.code)),
  );
  const byCode = new Map(page.children.map((c) => [c.code, c.comparison as { status: string; impact: number }]));
  assert.deepEqual(
    [A1, A2, A3].map((c) => [byCode.get(c)?.status, byCode.get(c)?.impact]),
    [
      ['match', 0],
      ['mismatch', 5],
      ['no_official', 0],
    ],
  );
  assert.deepEqual(
    { ...page, comparison: undefined, children: page.children.map((c) => ({ ...c, comparison: undefined })) },
    { ...view, comparison: undefined, children: view.children.map((c) => ({ ...c, comparison: undefined })) },
    "everything else is the regions module's view",
  );
});

test("the nation page: crowd rollups of the nation and of each province beside KPU's totals", async () => {
  const page = await pages.regionPage('ID');
  const totals = await services.comparison.regionTotals(
    [page, ...page.children].map((r) => ({ code: r.code, tpsCount: r.totals.tpsCount })),
  );
  assert.deepEqual(page.comparison, totals.get('ID'));
  assert.deepEqual(
    page.children.map((c) => c.comparison),
    page.children.map((c) => totals.get(c.code)),
  );
  assert.equal(page.comparison?.statusCounts.mismatch, 1);
});

test('a TPS page: the official view (figures, checks, history) and the comparison computed fresh, comparison last', async () => {
  const page = await pages.tpsPage(A2);
  assert.deepEqual(Object.keys(page), ['code', 'name', 'overseas', 'breadcrumb', 'official', 'history', 'comparison']);
  const { comparison, ...rest } = page;
  assert.deepEqual(rest, await official.getTps(A2));
  assert.deepEqual(comparison, await services.comparison.getTpsComparison(A2));
  assert.equal(comparison.status, 'mismatch');
  assert.equal(comparison.submissions, 1);
  const noCrowd = await pages.tpsPage('3101011003001');
  assert.equal(noCrowd.official, null);
  assert.equal(noCrowd.comparison.status, 'no_crowd');
});

test('the modules answer their own part only: no crowd side on the regions and official views', async () => {
  assert.equal('comparison' in (await services.regions.getRegion(VILLAGE)), false);
  assert.ok((await services.regions.getRegion(VILLAGE)).children.every((c) => !('comparison' in c)));
  assert.equal('comparison' in (await official.getTps(A1)), false);
});

test("the page guards are the modules' own: 400 invalid-code and 404 not-found, nothing assembled", async () => {
  const codeOf = (p: Promise<unknown>) =>
    p.then(
      () => 'ok',
      (e: AppError) => `${e.status} ${e.code}`,
    );
  assert.deepEqual(
    await Promise.all(
      [
        pages.regionPage('31;DROP'),
        pages.regionPage('99'),
        pages.tpsPage('3101011001'),
        pages.tpsPage('3101011001099'),
        pages.tpsPage('../../etc'),
      ].map(codeOf),
    ),
    ['400 invalid-code', '404 not-found', '400 invalid-code', '404 not-found', '400 invalid-code'],
  );
});
