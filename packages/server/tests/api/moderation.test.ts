import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import request from 'supertest';
import type { Express } from 'express';
import { appOn, csrfOf, setRole, signUp, type Agent } from '../helpers/api-app.ts';
import { confirmReadPage2OverApi } from '../helpers/read-submission.ts';
import { createTempDatabase, sirekapDoc, writeTinyRegistry } from '../helpers/temp-db.ts';
import type { Database } from '../../src/db/database.ts';
import { systemClock } from '../../src/core/clock.ts';
import { importRegistry } from '../../src/modules/regions/registry-import.service.ts';
import { createRegionsService } from '../../src/modules/regions/regions.service.ts';
import { createOfficialImportService } from '../../src/modules/official/official-import.service.ts';
import { createComparisonService } from '../../src/modules/comparison/comparison.service.ts';
import { LOG_CSV_COLUMNS } from '../../src/modules/moderation/moderation.routes.ts';

/**
 * The moderation API over HTTP (supertest against createApp): roles on every staff route, CSRF on
 * decisions, a decision's effect on the TPS status and the rollups, an audit log nothing can rewrite,
 * claims two moderators cannot share, public history, export and reports.
 */
const [A1, A2, A3] = ['3101011001001', '3101011001002', '3101011001003'];
const C1 = '3101011003001';
type Person = {
  agent: Agent;
  csrf: string;
  user: { id: number; name: string; contact: string; pseudonym: string };
  staff: string;
};

let ctx: Awaited<ReturnType<typeof createTempDatabase>>;
let db: Database;
let app: Express;
let witness: Person;
let mod1: Person;
let mod2: Person;
let admin: Person;
let subA1: number;

async function person(role: 'witness' | 'moderator' | 'admin'): Promise<Person> {
  const agent = request.agent(app);
  const { user, csrf } = await signUp(agent);
  const staff = await setRole(db, user.id, role);
  return { agent, csrf, user, staff };
}

/** A read page-2 submission of the person, confirmed through the API; returns its id. */
const confirm = (w: Person, code: string, votes: [number, number, number]) =>
  confirmReadPage2OverApi(db, w, code, votes);

before(async () => {
  ctx = await createTempDatabase('cocok-api-moderation-');
  db = ctx.db;
  await importRegistry(db, writeTinyRegistry(ctx.dir, [3, 2]));
  app = appOn(db, path.join(ctx.dir, 'uploads'), { settings: { moderation: { reportsPerIpPerHour: 4 } } });
  const comparison = createComparisonService({ db, clock: systemClock });
  const importer = createOfficialImportService({
    db,
    clock: systemClock,
    regions: createRegionsService({ db }),
    onOfficialChanged: (tx, codes) => comparison.refreshTps(tx, codes),
  });
  await importer.importDocuments([A1, A2, A3, C1].map((code) => ({ name: `${code}.json`, text: sirekapDoc() }))); // 10/20/30
  witness = await person('witness');
  mod1 = await person('moderator');
  mod2 = await person('moderator');
  admin = await person('admin');
  subA1 = await confirm(witness, A1, [10, 20, 130]); // mismatch, impact 100
  await confirm(witness, A2, [10, 25, 30]); // mismatch, impact 5
});
after(() => ctx.cleanup());

/** Every route that only moderators and admins may use, with a body that would otherwise be valid. */
const STAFF_ROUTES: [method: 'get' | 'post', path: string, body?: object][] = [
  ['get', '/api/moderation/queue'],
  ['get', '/api/moderation/queue?reason=mismatch&region=31&limit=5'],
  ['get', '/api/moderation/dashboard'],
  ['get', `/api/moderation/tps/${A1}`],
  ['post', `/api/moderation/tps/${A1}/claim`],
  ['post', `/api/moderation/tps/${A1}/claim/release`],
  ['post', `/api/moderation/tps/${A1}/decisions`, { kind: 'escalate', reason: 'tolong dicek' }],
  [
    'post',
    `/api/moderation/tps/${A1}/decisions`,
    { kind: 'set-verified', figures: { suara_paslon_3: 30 }, reason: 'foto jelas' },
  ],
  ['post', '/api/admin/users/1/role', { role: 'admin' }],
  ['get', '/api/admin/users?contact=saksi%40example.org'],
];

test('a witness gets 403 forbidden on every moderation route; nothing is written', async () => {
  for (const [method, url, body] of STAFF_ROUTES) {
    const req =
      method === 'get'
        ? witness.agent.get(url)
        : witness.agent
            .post(url)
            .set('X-CSRF-Token', witness.csrf)
            .send(body ?? {});
    const res = await req;
    assert.equal(res.status, 403, `${method} ${url}`);
    assert.equal(res.body.error.code, 'forbidden', `${method} ${url}`);
  }
  const logRows = await db.get<{ n: number }>('SELECT count(*) AS n FROM moderation_log');
  const claims = await db.get<{ n: number }>('SELECT count(*) AS n FROM moderation_claims');
  assert.deepEqual([logRows?.n, claims?.n], [0, 0]);
  assert.equal((await db.get<{ role: string }>('SELECT role FROM users WHERE id = 1'))?.role, 'witness');
});

test('anonymous visitors get 401 on every moderation route', async () => {
  for (const [method, url, body] of STAFF_ROUTES) {
    const agent = request.agent(app);
    const csrf = await csrfOf(agent); // before the request is built: the agent attaches cookies then
    const res =
      method === 'get'
        ? await agent.get(url)
        : await agent
            .post(url)
            .set('X-CSRF-Token', csrf)
            .send(body ?? {});
    assert.equal(res.status, 401, `${method} ${url}`);
    assert.equal(res.body.error.code, 'login-required', `${method} ${url}`);
  }
});

test('moderators may not change roles; only admins, and never their own', async () => {
  const res = await mod1.agent
    .post(`/api/admin/users/${witness.user.id}/role`)
    .set('X-CSRF-Token', mod1.csrf)
    .send({ role: 'moderator' })
    .expect(403);
  assert.equal(res.body.error.code, 'forbidden');
  const own = await admin.agent
    .post(`/api/admin/users/${admin.user.id}/role`)
    .set('X-CSRF-Token', admin.csrf)
    .send({ role: 'witness' })
    .expect(403);
  assert.equal(own.body.error.code, 'own-role');
  await admin.agent
    .post('/api/admin/users/99999/role')
    .set('X-CSRF-Token', admin.csrf)
    .send({ role: 'moderator' })
    .expect(404);
  await admin.agent
    .post(`/api/admin/users/${witness.user.id}/role`)
    .set('X-CSRF-Token', admin.csrf)
    .send({ role: 'boss' })
    .expect(400);
});

test('an admin makes a moderator, who can then open the queue (largest impact first)', async () => {
  const helper = await person('witness');
  await helper.agent.get('/api/moderation/queue').expect(403);
  const found = await admin.agent
    .get(`/api/admin/users?contact=${encodeURIComponent(`  ${helper.user.contact.toUpperCase()} `)}`)
    .expect(200);
  assert.deepEqual([found.body.user.id, found.body.user.role], [helper.user.id, 'witness']);
  await admin.agent.get('/api/admin/users?contact=nobody%40example.org').expect(404);
  await mod1.agent.get(`/api/admin/users?contact=${encodeURIComponent(helper.user.contact)}`).expect(403);
  const res = await admin.agent
    .post(`/api/admin/users/${helper.user.id}/role`)
    .set('X-CSRF-Token', admin.csrf)
    .send({ role: 'moderator' })
    .expect(200);
  assert.equal(res.body.user.role, 'moderator');
  // A staff pseudonym of its own: nothing in it, nor in the public log, points at the witness pseudonym.
  assert.match(res.body.user.staffPseudonym, /^Moderator-[2-9A-HJKMNP-Z]{6}$/);
  assert.notEqual(
    res.body.user.staffPseudonym.slice('Moderator-'.length),
    helper.user.pseudonym.slice('Saksi-'.length),
  );
  const queue = await helper.agent.get('/api/moderation/queue').expect(200);
  assert.deepEqual(
    queue.body.items.map((i: { tps: string; impact: number }) => [i.tps, i.impact]),
    [
      [A1, 100],
      [A2, 5],
    ],
  );
  const log = await request(app).get('/api/moderation/log.json').expect(200);
  assert.equal(log.body.entries.at(-1).action, 'set-role');
  assert.deepEqual(log.body.entries.at(-1).after, { user: res.body.user.staffPseudonym, role: 'moderator' });
  assert.ok(
    !JSON.stringify(log.body).includes(helper.user.pseudonym),
    'the role change does not name the witness pseudonym',
  );
});

test('two moderators claiming one TPS at once: one gets it, the other learns who holds it; the holder can give it back', async () => {
  const [r1, r2] = await Promise.all([
    mod1.agent.post(`/api/moderation/tps/${A1}/claim`).set('X-CSRF-Token', mod1.csrf),
    mod2.agent.post(`/api/moderation/tps/${A1}/claim`).set('X-CSRF-Token', mod2.csrf),
  ]);
  assert.deepEqual([r1.status, r2.status].sort(), [200, 409]);
  const [won, lost] = r1.status === 200 ? [r1, r2] : [r2, r1];
  const holder = r1.status === 200 ? mod1 : mod2;
  assert.equal(won.body.claim.moderator, holder.staff);
  assert.equal(lost.body.error.code, 'claimed-by-other');
  assert.equal(lost.body.error.details.holder, holder.staff);
  const rows = await db.all<{ moderator_id: number }>('SELECT moderator_id FROM moderation_claims WHERE tps_code = ?', [
    A1,
  ]);
  assert.deepEqual(rows, [{ moderator_id: holder.user.id }]);
  const queue = await mod1.agent.get('/api/moderation/queue').expect(200);
  assert.equal(queue.body.items[0].claim.moderator, holder.staff);
  // The other cannot give the holder's claim back; the holder can, at once, and then the other takes it.
  const other = holder === mod1 ? mod2 : mod1;
  const refused = await other.agent
    .post(`/api/moderation/tps/${A1}/claim/release`)
    .set('X-CSRF-Token', other.csrf)
    .expect(409);
  assert.equal(refused.body.error.details.holder, holder.staff);
  const released = await holder.agent
    .post(`/api/moderation/tps/${A1}/claim/release`)
    .set('X-CSRF-Token', holder.csrf)
    .expect(200);
  assert.deepEqual(released.body, { tps: A1, claim: null });
  await holder.agent.post(`/api/moderation/tps/${A1}/claim/release`).set('X-CSRF-Token', holder.csrf).expect(200); // nothing held: no-op
  // Hand the TPS to mod1 for the tests below.
  await mod1.agent.post(`/api/moderation/tps/${A1}/claim`).set('X-CSRF-Token', mod1.csrf).expect(200);
  assert.deepEqual(await db.all('SELECT moderator_id FROM moderation_claims WHERE tps_code = ?', [A1]), [
    { moderator_id: mod1.user.id },
  ]);
});

test('review data: KPU figures, the submission with photos and cut-out URLs, the comparison, the claim', async () => {
  const res = await mod1.agent.get(`/api/moderation/tps/${A1}`).expect(200);
  assert.equal(res.body.official.fields.suara_paslon_3, 30);
  assert.equal(res.body.comparison.status, 'mismatch');
  assert.deepEqual(res.body.reasons, ['mismatch']);
  assert.equal(res.body.submissions[0].id, subA1);
  assert.ok(res.body.submissions[0].photos[0].displayUrl.startsWith('/api/photos/'));
  assert.equal(res.body.claim.moderator, mod1.staff);
});

test('a decision without the CSRF token is refused with 403 and changes nothing', async () => {
  const res = await mod1.agent
    .post(`/api/moderation/tps/${A1}/decisions`)
    .send({ kind: 'set-verified', figures: { suara_paslon_3: 30 }, reason: 'foto jelas' })
    .expect(403);
  assert.equal(res.body.error.code, 'csrf-invalid');
  const bad = await mod1.agent
    .post(`/api/moderation/tps/${A1}/decisions`)
    .set('X-CSRF-Token', 'x'.repeat(43))
    .send({ kind: 'escalate', reason: 'abc' });
  assert.equal(bad.status, 403);
  assert.equal(
    (await db.get<{ n: number }>('SELECT count(*) AS n FROM moderation_log WHERE tps_code = ?', [A1]))?.n,
    0,
  );
  assert.equal((await db.get<{ n: number }>('SELECT count(*) AS n FROM crowd_overrides'))?.n, 0);
});

test('malformed decisions are 400 with the problem named', async () => {
  const cases = [
    { kind: 'set-verified', reason: 'tanpa angka' },
    { kind: 'set-verified', figures: { suara_paslon_3: 30 }, fromSubmission: subA1, reason: 'keduanya' },
    { kind: 'set-verified', figures: { bukan_field: 3 }, reason: 'field salah' },
    { kind: 'reject-submission', submissionId: subA1, reason: 'tidak suka' },
    { kind: 'hapus-semua', reason: 'tidak ada' },
  ];
  for (const body of cases) {
    const res = await mod1.agent.post(`/api/moderation/tps/${A1}/decisions`).set('X-CSRF-Token', mod1.csrf).send(body);
    assert.equal(res.status, 400, JSON.stringify(body));
    assert.equal(res.body.error.code, 'bad-request');
  }
});

test("a moderator's decision changes the TPS status and the rollups together, with its audit row", async () => {
  const villageBefore = (await request(app).get('/api/regions/3101011001').expect(200)).body.comparison;
  const res = await mod1.agent
    .post(`/api/moderation/tps/${A1}/decisions`)
    .set('X-CSRF-Token', mod1.csrf)
    .send({
      kind: 'set-verified',
      figures: { suara_paslon_1: 10, suara_paslon_2: 20, suara_paslon_3: 30 },
      reason: 'Foto jelas: 30, bukan 130',
    })
    .expect(201);
  assert.deepEqual(res.body.affected, [A1]);
  const tps = (await request(app).get(`/api/tps/${A1}`).expect(200)).body;
  assert.equal(tps.comparison.status, 'match');
  const villageAfter = (await request(app).get('/api/regions/3101011001').expect(200)).body.comparison;
  assert.equal(villageAfter.statusCounts.mismatch, villageBefore.statusCounts.mismatch - 1);
  assert.equal(villageAfter.statusCounts.match, villageBefore.statusCounts.match + 1);
  const history = (await request(app).get(`/api/tps/${A1}/moderation`).expect(200)).body;
  assert.equal(history.entries.length, 1);
  assert.deepEqual(
    [
      history.entries[0].action,
      history.entries[0].moderator,
      history.entries[0].reason,
      history.entries[0].after.suara_paslon_3,
    ],
    // A moderator acts under their staff pseudonym, never under their witness one.
    ['set-verified', mod1.staff, 'Foto jelas: 30, bukan 130', 30],
  );
  const text = JSON.stringify(history);
  assert.ok(!text.includes(mod1.user.name) && !text.includes(mod1.user.contact), 'the public sees a pseudonym only');
  const queue = (await mod1.agent.get('/api/moderation/queue').expect(200)).body;
  assert.deepEqual(
    queue.items.map((i: { tps: string }) => i.tps),
    [A2],
  );
});

test('a decision that fails after its audit row was written rolls back as a whole', async () => {
  const before = await db.all('SELECT * FROM moderation_log');
  const res = await mod1.agent
    .post(`/api/moderation/tps/${A3}/decisions`)
    .set('X-CSRF-Token', mod1.csrf)
    .send({ kind: 'resolve-report', outcome: 'fixed', reason: 'tidak ada laporan' })
    .expect(409);
  assert.equal(res.body.error.code, 'no-open-reports');
  assert.deepEqual(await db.all('SELECT * FROM moderation_log'), before);
});

test('the audit log cannot be changed through any endpoint, nor by UPDATE or DELETE in SQL', async () => {
  const before = await db.all('SELECT * FROM moderation_log ORDER BY id');
  assert.ok(before.length > 0);
  const id = (before[0] as { id: number }).id;
  const urls = [
    '/api/moderation/log.json',
    '/api/moderation/log.csv',
    `/api/moderation/log/${id}`,
    `/api/tps/${A1}/moderation`,
    `/api/tps/${A1}/moderation/${id}`,
    `/api/moderation/tps/${A1}/decisions/${id}`,
  ];
  for (const url of urls) {
    for (const method of ['put', 'patch', 'delete', 'post'] as const) {
      const res = await admin.agent[method](url).set('X-CSRF-Token', admin.csrf).send({ reason: 'diubah' });
      assert.equal(res.status, 404, `${method} ${url}`);
    }
  }
  await assert.rejects(db.run(`UPDATE moderation_log SET reason = 'diubah' WHERE id = ?`, [id]), /append-only/);
  await assert.rejects(db.run('DELETE FROM moderation_log WHERE id = ?', [id]), /append-only/);
  await assert.rejects(
    db.run(
      `INSERT OR REPLACE INTO moderation_log (id, at, actor_id, actor_role, action) VALUES (?, 'x', ?, 'admin', 'forged')`,
      [id, admin.user.id],
    ),
    /append-only/,
  );
  assert.deepEqual(await db.all('SELECT * FROM moderation_log ORDER BY id'), before);
});

test('the log export: CSV and JSON, every row, pseudonyms only', async () => {
  const csv = await request(app)
    .get('/api/moderation/log.csv')
    .expect(200)
    .expect('content-type', /text\/csv/);
  const lines = csv.text.trimEnd().split('\r\n');
  assert.equal(lines[0], LOG_CSV_COLUMNS.join(','));
  const n = (await db.get<{ n: number }>('SELECT count(*) AS n FROM moderation_log'))!.n;
  assert.equal(lines.length, n + 1);
  assert.ok(
    csv.text.includes(`,${mod1.staff},moderator,`),
    'the moderator column names staff by their staff pseudonym',
  );
  assert.ok(!csv.text.includes(mod1.user.pseudonym), 'never by their witness pseudonym');
  const json = await request(app).get('/api/moderation/log.json').expect(200);
  assert.equal(json.body.entries.length, n);
  for (const p of [mod1, admin])
    assert.ok(!csv.text.includes(p.user.contact) && !JSON.stringify(json.body).includes(p.user.contact));
});

test('public reports: grouped in the queue, limited per IP, resolving records the outcome', async () => {
  const anon = request.agent(app);
  const csrf = await csrfOf(anon);
  await anon
    .post(`/api/tps/${C1}/reports`)
    .set('X-CSRF-Token', csrf)
    .send({ reason: 'x'.repeat(301) })
    .expect(400);
  await anon.post(`/api/tps/${C1}/reports`).send({ reason: 'Foto bukan TPS ini' }).expect(403);
  await anon
    .post('/api/tps/3101011003999/reports')
    .set('X-CSRF-Token', csrf)
    .send({ reason: 'Foto bukan TPS ini' })
    .expect(404);
  const first = await anon
    .post(`/api/tps/${C1}/reports`)
    .set('X-CSRF-Token', csrf)
    .send({ reason: 'Foto bukan TPS ini' })
    .expect(201);
  assert.equal(first.body.openReports, 1);
  const second = await anon
    .post(`/api/tps/${C1}/reports`)
    .set('X-CSRF-Token', csrf)
    .send({ reason: 'foto bukan TPS ini ' })
    .expect(201);
  assert.equal(second.body.openReports, 2);
  const limited = await anon.post(`/api/tps/${C1}/reports`).set('X-CSRF-Token', csrf).send({ reason: 'Sekali lagi' });
  assert.equal(limited.status, 429);
  assert.equal(limited.body.error.code, 'too-many-reports');
  const queued = (await mod1.agent.get('/api/moderation/queue?reason=report').expect(200)).body.items;
  assert.deepEqual(
    queued.map((i: { tps: string; reports: number }) => [i.tps, i.reports]),
    [[C1, 2]],
  );
  const review = (await mod1.agent.get(`/api/moderation/tps/${C1}`).expect(200)).body;
  assert.deepEqual(
    review.reports.groups.map((g: { count: number }) => g.count),
    [2],
  );
  await mod1.agent
    .post(`/api/moderation/tps/${C1}/decisions`)
    .set('X-CSRF-Token', mod1.csrf)
    .send({ kind: 'resolve-report', outcome: 'no-problem', reason: 'Foto sudah sesuai TPS' })
    .expect(201);
  assert.equal((await mod1.agent.get('/api/moderation/queue?reason=report').expect(200)).body.items.length, 0);
  const outcomes = await db.all<{ outcome: string }>('SELECT outcome FROM tps_reports WHERE tps_code = ?', [C1]);
  assert.deepEqual(outcomes, [{ outcome: 'no-problem' }, { outcome: 'no-problem' }]);
});

test('dashboard: queue by reason and province, 24 hourly buckets, the oldest open item', async () => {
  const d = (await mod2.agent.get('/api/moderation/dashboard').expect(200)).body;
  assert.equal(d.total, 1);
  assert.equal(d.byReason.mismatch, 1);
  assert.deepEqual(d.byProvince, [{ code: '31', name: 'DKI JAKARTA', count: 1 }]);
  assert.equal(d.decisionsPerHour.length, 24);
  assert.equal(
    d.decisionsPerHour.reduce((n: number, h: { decisions: number }) => n + h.decisions, 0),
    2,
  );
  assert.equal(d.oldestOpen.tps, A2);
});
