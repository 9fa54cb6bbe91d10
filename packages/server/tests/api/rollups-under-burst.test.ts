import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, setRole, TPS_A, TPS_B, TPS_C, type TestApp } from '../helpers/api-app.ts';
import { HttpClient, listenOnLoopback, runWithWidth, seededRandom } from '../helpers/http-client.ts';
import { candidateFigures, insertReadPage2Submission } from '../helpers/read-submission.ts';
import { assertRollupsAddUp } from '../helpers/comparison-services.ts';
import { sirekapDoc } from '../helpers/temp-db.ts';
import { systemClock } from '../../src/core/clock.ts';
import { createComparisonService } from '../../src/modules/comparison/comparison.service.ts';
import { createRegionsService } from '../../src/modules/regions/regions.service.ts';
import { createOfficialImportService } from '../../src/modules/official/official-import.service.ts';

/**
 * Rollups stay exact under a burst (issue #11): confirms, withdrawals and moderator decisions at once, over
 * real sockets. Afterwards every region's crowd rollup equals the sum of its TPS, each recomputed from raw rows.
 */
const TPS = [TPS_A, TPS_B, '3101011001003', TPS_C, '3101011003002'];
const PASSWORD = 'rahasia-123';

let t: TestApp;
let server: Awaited<ReturnType<typeof listenOnLoopback>>;

async function person(name: string, role?: 'admin'): Promise<{ client: HttpClient; id: number }> {
  const client = new HttpClient(server.baseUrl);
  await client.get('/api/auth/me');
  const res = await client.post('/api/auth/register', {
    name,
    contact: `${name.replace(/\s/g, '.').toLowerCase()}@example.org`,
    password: PASSWORD,
  });
  assert.equal(res.status, 201);
  if (role) await setRole(t.db, res.body.user.id, role);
  return { client, id: res.body.user.id };
}

before(async () => {
  t = await createTestApp({ settings: { auth: { loginLimitPerIp: 1_000_000 } } });
  const comparison = createComparisonService({ db: t.db, clock: systemClock });
  const importer = createOfficialImportService({
    db: t.db,
    clock: systemClock,
    regions: createRegionsService({ db: t.db }),
    onOfficialChanged: (tx, codes) => comparison.refreshTps(tx, codes),
  });
  await importer.importDocuments(TPS.map((code) => ({ name: `${code}.json`, text: sirekapDoc() }))); // 10/20/30
  server = await listenOnLoopback(t.app);
});
after(async () => {
  await server.close();
  await t.cleanup();
});

test('after a burst of concurrent confirms, withdrawals and decisions, every region equals the sum of its TPS', async () => {
  const random = seededRandom(11);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const witnesses = await Promise.all(Array.from({ length: 6 }, (_, i) => person(`Saksi Burst ${i}`)));
  const admin = await person('Admin Burst', 'admin');
  const now = new Date().toISOString();
  const work: (() => Promise<void>)[] = [];
  const statuses: string[] = [];
  const expect = (what: string, status: number, ok: number[]) => {
    if (!ok.includes(status)) statuses.push(`${what}: ${status}`);
  };
  for (let i = 0; i < 90; i++) {
    const w = pick(witnesses);
    const tps = pick(TPS);
    const id = await insertReadPage2Submission(t.db, tps, w.id, now);
    const votes: [number, number, number] = [
      Math.floor(random() * 40),
      Math.floor(random() * 40),
      Math.floor(random() * 40),
    ];
    const withdrawAfter = random() < 0.3;
    work.push(async () => {
      const confirmed = await w.client.post(`/api/submissions/${id}/confirm`, { fields: candidateFigures(votes) });
      expect('confirm', confirmed.status, [200]);
      if (withdrawAfter) expect('withdraw', (await w.client.post(`/api/submissions/${id}/withdraw`)).status, [200]);
    });
  }
  for (let i = 0; i < 40; i++) {
    const tps = pick(TPS);
    const kind = pick(['set-verified', 'clear-verified', 'official-wrong'] as const);
    const body =
      kind === 'set-verified'
        ? { kind, figures: candidateFigures([i, i + 1, i + 2]), reason: `foto jelas ${i}` }
        : kind === 'official-wrong'
          ? { kind, fields: ['suara_paslon_2'], reason: `angka KPU salah ${i}` }
          : { kind, reason: `dibatalkan ${i}` };
    work.splice(Math.floor(random() * work.length), 0, async () => {
      // clear-verified where nothing is verified is refused inside its transaction: 409, rolled back.
      expect(
        kind,
        (await admin.client.post(`/api/moderation/tps/${tps}/decisions`, body)).status,
        kind === 'clear-verified' ? [201, 409] : [201],
      );
    });
  }
  await runWithWidth(work, 16);
  assert.deepEqual(statuses, []);
  await assertRollupsAddUp({ db: t.db, comparison: createComparisonService({ db: t.db, clock: systemClock }) }, TPS);
});
