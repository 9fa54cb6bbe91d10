import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, csrfOf, signUp, type TestApp } from '../helpers/api-app.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({ settings: { auth: { loginLimitPerContact: 3, loginLimitPerIp: 50 } } });
});
after(() => t.cleanup());

const cookieOf = (res: request.Response, name: string) =>
  ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith(`${name}=`));

test('me: anonymous gets user null and a CSRF token bound to an httpOnly anonymous cookie', async () => {
  const res = await request(t.app).get('/api/auth/me').expect(200);
  assert.equal(res.body.user, null);
  assert.ok(res.body.csrfToken.length >= 32);
  const cookie = cookieOf(res, 'cocok_csrf');
  assert.ok(cookie);
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Lax/);
  assert.doesNotMatch(cookie, /Secure/, 'plain http in tests: COOKIE_SECURE=auto leaves Secure off');
});

test('register -> me -> logout -> me: the session cookie is httpOnly, Lax, path /; the password never comes back', async () => {
  const agent = request.agent(t.app);
  const csrf = await csrfOf(agent);
  const res = await agent
    .post('/api/auth/register')
    .set('X-CSRF-Token', csrf)
    .send({ name: 'Budi', contact: '0812-1111-2222', password: 'kata-sandi-1' })
    .expect(201);
  assert.deepEqual(
    [res.body.user.name, res.body.user.contact, res.body.user.role],
    ['Budi', '+6281211112222', 'witness'],
  );
  assert.match(res.body.user.pseudonym, /^Saksi-/);
  assert.doesNotMatch(JSON.stringify(res.body), /kata-sandi-1|argon2/);
  const cookie = cookieOf(res, 'cocok_session');
  assert.ok(cookie);
  for (const part of [/HttpOnly/, /SameSite=Lax/, /Path=\//, /Expires=/]) assert.match(cookie, part);
  assert.notEqual(res.body.csrfToken, csrf, 'a new session means a new CSRF token');

  const me = await agent.get('/api/auth/me').expect(200);
  assert.equal(me.body.user.contact, '+6281211112222');
  assert.equal(me.body.csrfToken, res.body.csrfToken);

  await agent.post('/api/auth/logout').set('X-CSRF-Token', res.body.csrfToken).expect(200);
  const after = await agent.get('/api/auth/me').expect(200);
  assert.equal(after.body.user, null);
  const row = await t.db.get<{ n: number }>(
    'SELECT count(*) AS n FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.contact = ?',
    ['+6281211112222'],
  );
  assert.equal(row?.n, 0, 'logout deletes the session row');
});

test('sessions are stored as SHA-256 only; passwords as argon2id', async () => {
  const agent = request.agent(t.app);
  const { user } = await signUp(agent);
  const session = await t.db.get<{ token_hash: string }>('SELECT token_hash FROM sessions WHERE user_id = ?', [
    user.id,
  ]);
  assert.match(session!.token_hash, /^[0-9a-f]{64}$/);
  const hash = await t.db.get<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = ?', [user.id]);
  assert.match(hash!.password_hash, /^\$argon2id\$/);
});

test('login with the right password works from another browser; a wrong one is 401; the contact may be spelled differently', async () => {
  await signUp(request.agent(t.app), { contact: '+62 813 3333 4444', password: 'benar-sekali' });
  const agent = request.agent(t.app);
  const csrf = await csrfOf(agent);
  const wrong = await agent
    .post('/api/auth/login')
    .set('X-CSRF-Token', csrf)
    .send({ contact: '081333334444', password: 'salah-sekali' })
    .expect(401);
  assert.equal(wrong.body.error.code, 'wrong-credentials');
  assert.ok(wrong.body.error.message.length > 0);
  const unknown = await agent
    .post('/api/auth/login')
    .set('X-CSRF-Token', csrf)
    .send({ contact: '081399999999', password: 'x' })
    .expect(401);
  assert.equal(unknown.body.error.code, 'wrong-credentials', 'unknown contact and wrong password look the same');
  const ok = await agent
    .post('/api/auth/login')
    .set('X-CSRF-Token', csrf)
    .send({ contact: '081333334444', password: 'benar-sekali' })
    .expect(200);
  assert.equal(ok.body.user.contact, '+6281333334444');
  assert.equal((await agent.get('/api/auth/me')).body.user.contact, '+6281333334444');
});

test('register refuses a short password, a bad contact and a contact already taken', async () => {
  const agent = request.agent(t.app);
  const csrf = await csrfOf(agent);
  const short = await agent
    .post('/api/auth/register')
    .set('X-CSRF-Token', csrf)
    .send({ name: 'A', contact: 'a@b.id', password: 'pendek' })
    .expect(400);
  assert.equal(short.body.error.code, 'bad-request');
  assert.doesNotMatch(JSON.stringify(short.body), /pendek/, 'the password is not echoed');
  const bad = await agent
    .post('/api/auth/register')
    .set('X-CSRF-Token', csrf)
    .send({ name: 'A', contact: 'nomor saya', password: 'panjang-sekali' })
    .expect(400);
  assert.equal(bad.body.error.code, 'invalid-contact');
  await signUp(request.agent(t.app), { contact: 'Dup@Example.org' });
  const taken = await agent
    .post('/api/auth/register')
    .set('X-CSRF-Token', csrf)
    .send({ name: 'B', contact: 'dup@example.org', password: 'panjang-sekali' })
    .expect(409);
  assert.equal(taken.body.error.code, 'contact-taken');
});

test('CSRF: register, login, logout and any POST without the token, or with a wrong one, are 403 csrf-invalid', async () => {
  const agent = request.agent(t.app);
  const csrf = await csrfOf(agent);
  const body = { name: 'C', contact: 'csrf@example.org', password: 'panjang-sekali' };
  for (const token of [undefined, 'wrong', `${csrf.slice(0, -2)}xx`]) {
    const req = agent.post('/api/auth/register').send(body);
    const res = await (token ? req.set('X-CSRF-Token', token) : req).expect(403);
    assert.equal(res.body.error.code, 'csrf-invalid');
  }
  // A token from another browser is no good either: it is bound to that browser's cookie.
  const otherToken = await csrfOf(request.agent(t.app));
  await agent.post('/api/auth/login').set('X-CSRF-Token', otherToken).send(body).expect(403);
  const { csrf: sessionToken } = await signUp(agent);
  assert.equal(
    (await agent.post('/api/auth/logout').set('X-CSRF-Token', csrf).expect(403)).body.error.code,
    'csrf-invalid',
    'the pre-login token dies with login',
  );
  await agent.post('/api/auth/logout').set('X-CSRF-Token', sessionToken).expect(200);
});

test('login rate limit: after the limit of failures for a contact, 429 too-many-attempts in Indonesian, even with the right password', async () => {
  await signUp(request.agent(t.app), { contact: 'target@example.org', password: 'benar-benar' });
  const agent = request.agent(t.app);
  const csrf = await csrfOf(agent);
  for (let i = 0; i < 3; i++) {
    await agent
      .post('/api/auth/login')
      .set('X-CSRF-Token', csrf)
      .send({ contact: 'target@example.org', password: `salah-${i}` })
      .expect(401);
  }
  const res = await agent
    .post('/api/auth/login')
    .set('X-CSRF-Token', csrf)
    .send({ contact: 'TARGET@example.org', password: 'benar-benar' })
    .expect(429);
  assert.equal(res.body.error.code, 'too-many-attempts');
  assert.match(res.body.error.message, /Terlalu banyak percobaan/);
  assert.ok(Number(res.headers['retry-after']) > 0);
  // Another contact from the same address is not affected.
  await signUp(request.agent(t.app), { contact: 'other@example.org', password: 'benar-benar' });
  await agent
    .post('/api/auth/login')
    .set('X-CSRF-Token', csrf)
    .send({ contact: 'other@example.org', password: 'benar-benar' })
    .expect(200);
});

test('login rate limit per IP counts failures across contacts', async () => {
  const limited = await createTestApp({ settings: { auth: { loginLimitPerIp: 2, loginLimitPerContact: 100 } } });
  try {
    const agent = request.agent(limited.app);
    const csrf = await csrfOf(agent);
    await agent
      .post('/api/auth/login')
      .set('X-CSRF-Token', csrf)
      .send({ contact: 'a@example.org', password: 'x' })
      .expect(401);
    await agent
      .post('/api/auth/login')
      .set('X-CSRF-Token', csrf)
      .send({ contact: 'b@example.org', password: 'x' })
      .expect(401);
    const res = await agent
      .post('/api/auth/login')
      .set('X-CSRF-Token', csrf)
      .send({ contact: 'c@example.org', password: 'x' })
      .expect(429);
    assert.equal(res.body.error.code, 'too-many-attempts');
  } finally {
    await limited.cleanup();
  }
});

test('a banned account cannot log in and its sessions stop working', async () => {
  const agent = request.agent(t.app);
  const { user } = await signUp(agent, { contact: 'banned@example.org', password: 'benar-benar' });
  await t.db.run('UPDATE users SET banned_at = ? WHERE id = ?', [new Date().toISOString(), user.id]);
  assert.equal((await agent.get('/api/auth/me').expect(200)).body.user, null);
  const other = request.agent(t.app);
  const otherCsrf = await csrfOf(other);
  const res = await other
    .post('/api/auth/login')
    .set('X-CSRF-Token', otherCsrf)
    .send({ contact: 'banned@example.org', password: 'benar-benar' })
    .expect(403);
  assert.equal(res.body.error.code, 'account-banned');
});

test('COOKIE_SECURE=true marks cookies Secure even on plain http', async () => {
  const secure = await createTestApp({ settings: { auth: { cookieSecure: 'always' } } });
  try {
    const res = await request(secure.app).get('/api/auth/me').expect(200);
    assert.match(cookieOf(res, 'cocok_csrf')!, /Secure/);
  } finally {
    await secure.cleanup();
  }
});
