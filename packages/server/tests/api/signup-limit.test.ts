import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, csrfOf, type TestApp } from '../helpers/api-app.ts';

/**
 * Sign-ups per IP: every sign-up counts, successful ones too (the login limiter skips successes,
 * which left sign-up unlimited). Clients are told apart by X-Forwarded-For behind a trusted proxy
 * (supertest connects from loopback, trusted here), as in a deployment behind a reverse proxy.
 */
const LIMIT = 5;
let t: TestApp;
before(async () => {
  t = await createTestApp({
    settings: { trustProxy: 'loopback', auth: { signupsPerIpPerHour: LIMIT, loginLimitPerIp: 1000 } },
  });
});
after(() => t.cleanup());

let n = 0;
async function signUpFrom(ip: string) {
  const agent = request.agent(t.app);
  const csrf = await csrfOf(agent);
  n += 1;
  return agent
    .post('/api/auth/register')
    .set('X-Forwarded-For', ip)
    .set('X-CSRF-Token', csrf)
    .send({ name: `Saksi ${n}`, contact: `batas${n}@example.org`, password: 'rahasia-123' });
}

test(`${LIMIT} sign-ups from one IP succeed, the next is 429 too-many-signups with Retry-After; another IP still signs up`, async () => {
  for (let i = 0; i < LIMIT; i++) assert.equal((await signUpFrom('203.0.113.7')).status, 201, `sign-up ${i + 1}`);
  const over = await signUpFrom('203.0.113.7');
  assert.equal(over.status, 429);
  assert.equal(over.body.error.code, 'too-many-signups');
  assert.match(
    over.body.error.message,
    /^Terlalu banyak pendaftaran dari alamat internet ini\. Coba lagi dalam \d+ menit\.$/,
  );
  assert.ok(over.body.error.messageEn.length > 0);
  const retryAfter = Number(over.headers['retry-after']);
  assert.ok(
    Number.isInteger(retryAfter) && retryAfter > 0 && retryAfter <= 3600,
    `Retry-After ${over.headers['retry-after']}`,
  );
  assert.equal(
    (await t.db.get<{ n: number }>("SELECT count(*) AS n FROM users WHERE contact LIKE 'batas%'"))!.n,
    LIMIT,
    'the refused one made no account',
  );

  assert.equal((await signUpFrom('198.51.100.20')).status, 201, 'another address has its own count');
});

test('failed sign-ups count too, and the login limit does not share the sign-up count', async () => {
  const agent = request.agent(t.app);
  const csrf = await csrfOf(agent);
  const bad = () =>
    agent
      .post('/api/auth/register')
      .set('X-Forwarded-For', '192.0.2.50')
      .set('X-CSRF-Token', csrf)
      .send({ name: 'X', contact: 'bukan kontak', password: 'rahasia-123' });
  for (let i = 0; i < LIMIT; i++) assert.equal((await bad()).status, 400);
  assert.equal((await bad()).status, 429);
  // Logging in from that address is not affected by its sign-ups.
  const login = await agent
    .post('/api/auth/login')
    .set('X-Forwarded-For', '192.0.2.50')
    .set('X-CSRF-Token', csrf)
    .send({ contact: 'batas1@example.org', password: 'rahasia-123' });
  assert.equal(login.status, 200);
});
