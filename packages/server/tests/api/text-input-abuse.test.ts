import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import request from 'supertest';
import { TPS_A, createTestApp, csrfOf, setRole, signUp, type TestApp } from '../helpers/api-app.ts';

/**
 * Nasty text over the API: contacts with NUL, controls and lookalike letters, names and reasons with
 * bidi overrides or nothing visible. One rule decides (server/src/core/text.logic.ts); here we check it
 * is applied on every free-text input and that nothing refused is stored.
 */
let t: TestApp;
const REAL = { name: 'Admin Satu', contact: 'admin1@example.org', password: 'rahasia-123' };
before(async () => {
  t = await createTestApp();
  await signUp(request.agent(t.app), REAL);
});
after(() => t.cleanup());

async function register(body: { name: string; contact: string; password?: string }) {
  const agent = request.agent(t.app);
  const csrf = await csrfOf(agent);
  return agent
    .post('/api/auth/register')
    .set('X-CSRF-Token', csrf)
    .send({ password: 'rahasia-123', ...body });
}
const userCount = async () => (await t.db.get<{ n: number }>('SELECT count(*) AS n FROM users'))!.n;

const REFUSED_CONTACTS: [name: string, contact: string, problem: string][] = [
  ['NUL after the real e-mail', 'admin1@example.org\u0000', 'control-character'],
  ['escape sequence in the e-mail', 'admin1@example.org\u001B[0m', 'control-character'],
  ['Cyrillic а for Latin a', '\u0430dmin1@example.org', 'not-ascii'],
  ['Cyrillic е and о in the domain', 'admin1@\u0435xample.\u043Erg', 'not-ascii'],
  ['right-to-left override', 'admin1@example.org\u202E', 'bidi-control'],
  ['zero-width joiner inside', 'ad\u200Dmin1@example.org', 'not-ascii'],
];
for (const [name, contact, problem] of REFUSED_CONTACTS) {
  test(`register refuses a contact with ${name}: 400 invalid-contact in Indonesian, no account`, async () => {
    const before = await userCount();
    const res = await register({ name: 'Penyusup', contact });
    assert.equal(res.status, 400, JSON.stringify(res.body));
    assert.equal(res.body.error.code, 'invalid-contact');
    assert.equal(res.body.error.details.problem, problem);
    assert.match(res.body.error.message, /nomor HP|e-mail/i);
    assert.equal(await userCount(), before);
  });
}

test('a lookalike that is the same contact once normalised (full width, upper case, zero-width space) cannot register beside the real one', async () => {
  for (const contact of [
    'ａｄｍｉｎ１＠ｅｘａｍｐｌｅ．ｏｒｇ',
    'ADMIN1@EXAMPLE.ORG',
    'admin1\u200B@example.org',
    '\uFEFFadmin1@example.org ',
  ]) {
    const res = await register({ name: 'Penyusup', contact });
    assert.equal(res.status, 409, `${JSON.stringify(contact)}: ${JSON.stringify(res.body)}`);
    assert.equal(res.body.error.code, 'contact-taken');
  }
  const rows = await t.db.all<{ contact: string }>(
    "SELECT contact FROM users WHERE contact LIKE '%admin1%' OR name = 'Penyusup'",
  );
  assert.deepEqual(
    rows.map((r) => r.contact),
    ['admin1@example.org'],
  );
});

test('login with the NUL or full-width spelling of the real contact: NUL is a wrong login, full width is the same account', async () => {
  const agent = request.agent(t.app);
  const csrf = await csrfOf(agent);
  const nul = await agent
    .post('/api/auth/login')
    .set('X-CSRF-Token', csrf)
    .send({ contact: 'admin1@example.org\u0000', password: REAL.password });
  assert.equal(nul.status, 401);
  assert.equal(nul.body.error.code, 'wrong-credentials');
  const wide = await agent
    .post('/api/auth/login')
    .set('X-CSRF-Token', csrf)
    .send({ contact: 'ａｄｍｉｎ１＠example.org', password: REAL.password })
    .expect(200);
  assert.equal(wide.body.user.contact, 'admin1@example.org');
});

const REFUSED_NAMES: [name: string, value: string, problem: string][] = [
  ['a right-to-left override', 'Budi\u202Enimda', 'bidi-control'],
  ['a right-to-left isolate', '\u2067Budi\u2069', 'bidi-control'],
  ['a right-to-left mark', 'Budi\u200F', 'bidi-control'],
  ['zero-width spaces only', '\u200B\u200B\u200B', 'invisible-only'],
  ['a Hangul filler only', '\u3164', 'invisible-only'],
  ['NUL', 'Bu\u0000di', 'control-character'],
  ['a line break inside', 'Budi\nAdmin', 'control-character'],
];
for (const [what, name, problem] of REFUSED_NAMES) {
  test(`register refuses a name with ${what}: 400 invalid-text naming the field in Indonesian, no account`, async () => {
    const before = await userCount();
    const res = await register({ name, contact: `nama.${problem}.${before}@example.org` });
    assert.equal(res.status, 400, JSON.stringify(res.body));
    assert.equal(res.body.error.code, 'invalid-text');
    assert.match(res.body.error.message, /^Nama (berisi|hanya berisi)/);
    assert.deepEqual(
      res.body.error.details.issues.map((i: { path: string }) => i.path),
      ['name'],
    );
    assert.equal(await userCount(), before);
  });
}

test('a name is stored in NFC, trimmed, without zero-width spaces at its ends', async () => {
  const res = await register({ name: ' \u200BJose\u0301 Santoso\uFEFF\r\n', contact: 'jose@example.org' }).then(
    (r) => r,
  );
  assert.equal(res.status, 201, JSON.stringify(res.body));
  assert.equal(res.body.user.name, 'Jos\u00E9 Santoso');
  assert.equal(
    (await t.db.get<{ name: string }>('SELECT name FROM users WHERE id = ?', [res.body.user.id]))?.name,
    'Jos\u00E9 Santoso',
  );
});

test('a report with zero-width-only or bidi text is 400 invalid-text and not stored; a multi-line report is kept as typed', async () => {
  const agent = request.agent(t.app);
  const csrf = await csrfOf(agent);
  const count = async () => (await t.db.get<{ n: number }>('SELECT count(*) AS n FROM tps_reports'))!.n;
  for (const reason of ['\u200B\u200B\u200B\u200B', '\u200D\u2060\uFEFF\u200C', 'angka \u202Esalah', 'salah\u0000']) {
    const res = await agent.post(`/api/tps/${TPS_A}/reports`).set('X-CSRF-Token', csrf).send({ reason });
    assert.equal(res.status, 400, `${JSON.stringify(reason)}: ${JSON.stringify(res.body)}`);
    assert.equal(res.body.error.code, 'invalid-text');
    assert.match(res.body.error.message, /^Isi laporan /);
  }
  assert.equal(await count(), 0);
  await agent
    .post(`/api/tps/${TPS_A}/reports`)
    .set('X-CSRF-Token', csrf)
    .send({ reason: 'Foto buram.\r\nAngka 02 salah.' })
    .expect(201);
  assert.equal(await count(), 1);
});

test('moderation reasons and notes follow the same rule', async () => {
  const agent = request.agent(t.app);
  const { user, csrf } = await signUp(agent);
  await setRole(t.db, user.id, 'moderator');
  const decide = (body: object) =>
    agent.post(`/api/moderation/tps/${TPS_A}/decisions`).set('X-CSRF-Token', csrf).send(body);
  for (const body of [
    { kind: 'escalate', reason: 'cek \u202Eini' },
    { kind: 'escalate', reason: '\u200B\u200B\u200B' },
    { kind: 'reject-submission', submissionId: 1, reason: 'unreadable', note: 'buram\u0007' },
  ]) {
    const res = await decide(body);
    assert.equal(res.status, 400, `${JSON.stringify(body)}: ${JSON.stringify(res.body)}`);
    assert.equal(res.body.error.code, 'invalid-text');
    assert.match(res.body.error.message, /^(Alasan|Catatan) /);
  }
  assert.equal((await t.db.get<{ n: number }>('SELECT count(*) AS n FROM moderation_log'))!.n, 0);
});
