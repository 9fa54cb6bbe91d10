import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, csrfOf, setRole, signUp, TPS_A, TPS_C, type TestApp } from '../helpers/api-app.ts';
import { CACHE_CONTROL } from '../../src/http/cache-policy.ts';

/**
 * The HTTP caching policy of every kind of route (docs/http-caching.md): public pages revalidate with a strong
 * ETag, private answers are never stored by a browser or a CDN, whoever asks.
 */
let t: TestApp;
let witness: request.Agent;
let moderator: request.Agent;

before(async () => {
  t = await createTestApp();
  witness = request.agent(t.app);
  await signUp(witness);
  moderator = request.agent(t.app);
  const { user } = await signUp(moderator);
  await setRole(t.db, user.id, 'moderator');
});
after(() => t.cleanup());

const PUBLIC_PAGES = [
  '/api/regions',
  '/api/regions/31',
  '/api/regions/3101011001',
  `/api/tps/${TPS_A}`,
  '/api/mismatches?region=31',
];
const PUBLIC_OTHERS = [
  '/api/search?q=pulau',
  '/api/regions/31/tps.csv',
  `/api/tps/${TPS_A}/moderation`,
  `/api/tps/${TPS_A}/submissions`,
  '/api/moderation/log.json',
];
const PRIVATE = [
  '/api/auth/me',
  '/api/submissions',
  '/api/moderation/queue',
  '/api/moderation/dashboard',
  `/api/moderation/tps/${TPS_A}`,
  '/api/health',
];

test('public pages carry the public policy and a strong ETag, and answer 304 to it', async () => {
  for (const url of PUBLIC_PAGES) {
    const res = await request(t.app).get(url).expect(200);
    assert.equal(res.headers['cache-control'], CACHE_CONTROL.publicPage, url);
    assert.match(res.headers.etag ?? '', /^"[^"]+"$/, `${url}: a strong ETag`);
    const again = await request(t.app).get(url).set('If-None-Match', res.headers.etag).expect(304);
    assert.equal(again.text, '', url);
  }
});

test('a page changed since its ETag answers 200 with a new ETag; an unrelated page still answers 304', async () => {
  const tps = await request(t.app).get(`/api/tps/${TPS_A}`).expect(200);
  const otherVillage = await request(t.app).get('/api/regions/3101011003').expect(200);
  const csrf = await csrfOf(moderator);
  await moderator
    .post(`/api/moderation/tps/${TPS_A}/decisions`)
    .set('X-CSRF-Token', csrf)
    .send({
      kind: 'set-verified',
      figures: { suara_paslon_1: 10, suara_paslon_2: 20, suara_paslon_3: 30 },
      reason: 'foto jelas',
    })
    .expect(201);
  const fresh = await request(t.app).get(`/api/tps/${TPS_A}`).set('If-None-Match', tps.headers.etag).expect(200);
  assert.notEqual(fresh.headers.etag, tps.headers.etag);
  await request(t.app).get('/api/regions/3101011003').set('If-None-Match', otherVillage.headers.etag).expect(304);
  await request(t.app).get(`/api/tps/${TPS_C}`).expect(200);
});

test('other public answers carry the public policy', async () => {
  for (const url of PUBLIC_OTHERS) {
    const res = await request(t.app).get(url).expect(200);
    assert.equal(res.headers['cache-control'], CACHE_CONTROL.publicPage, url);
  }
});

test('private answers are never cacheable, for witnesses, moderators and the anonymous alike', async () => {
  for (const agent of [witness, moderator, request.agent(t.app)]) {
    for (const url of PRIVATE) {
      const res = await agent.get(url);
      assert.equal(res.headers['cache-control'], CACHE_CONTROL.private, `${url} (${res.status})`);
    }
  }
  const refused = await request(t.app)
    .post('/api/auth/login')
    .send({ contact: 'x@example.org', password: 'salah-sekali' });
  assert.equal(refused.headers['cache-control'], CACHE_CONTROL.private);
  const missing = await request(t.app).get('/api/tidak-ada').expect(404);
  assert.equal(missing.headers['cache-control'], CACHE_CONTROL.private);
});
