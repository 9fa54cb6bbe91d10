import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import request from 'supertest';
import { patternJpeg } from '@cocok/testing';
import { createTestApp, csrfOf, setRole, signUp, type Agent, type TestApp } from '../helpers/api-app.ts';

/**
 * Every request that names a TPS goes through one guard (regions.service requireTps): a text that is
 * not a TPS code is 400 invalid-code, a code the registry does not have is 404 not-found, with the
 * same envelope whichever route was asked. It was written four times before.
 */
let t: TestApp;
let staff: { agent: Agent; csrf: string };
let anon: { agent: Agent; csrf: string };
let photo: Buffer;

before(async () => {
  t = await createTestApp();
  const agent = request.agent(t.app);
  const { user, csrf } = await signUp(agent);
  await setRole(t.db, user.id, 'moderator');
  staff = { agent, csrf };
  const anonAgent = request.agent(t.app);
  anon = { agent: anonAgent, csrf: await csrfOf(anonAgent) };
  photo = await patternJpeg(7, { width: 800, height: 600 });
});
after(() => t.cleanup());

const ROUTES: [string, (code: string) => request.Test][] = [
  ['GET /api/tps/:code', (code) => request(t.app).get(`/api/tps/${code}`)],
  ['GET /api/tps/:code/submissions', (code) => request(t.app).get(`/api/tps/${code}/submissions`)],
  [
    'POST /api/submissions',
    (code) =>
      staff.agent
        .post('/api/submissions')
        .set('X-CSRF-Token', staff.csrf)
        .field('tps', code)
        .attach('photos', photo, 'foto.jpg'),
  ],
  [
    'POST /api/moderation/tps/:code/claim',
    (code) => staff.agent.post(`/api/moderation/tps/${code}/claim`).set('X-CSRF-Token', staff.csrf),
  ],
  ['GET /api/moderation/tps/:code', (code) => staff.agent.get(`/api/moderation/tps/${code}`)],
  ['GET /api/tps/:code/moderation', (code) => request(t.app).get(`/api/tps/${code}/moderation`)],
  [
    'POST /api/tps/:code/reports',
    (code) =>
      anon.agent.post(`/api/tps/${code}/reports`).set('X-CSRF-Token', anon.csrf).send({ reason: 'Foto bukan TPS ini' }),
  ],
];

const CASES = [
  { what: 'not a TPS code (a village code)', code: '3101011001', status: 400, error: 'invalid-code' },
  { what: 'not a TPS code (punctuation)', code: '3101011001-01', status: 400, error: 'invalid-code' },
  { what: 'a TPS code the registry does not have', code: '3101011001999', status: 404, error: 'not-found' },
];

for (const c of CASES) {
  test(`a request naming ${c.what} gets ${c.status} ${c.error} with one envelope on every route`, async () => {
    const bodies = [];
    for (const [name, send] of ROUTES) {
      const res = await send(c.code);
      assert.equal(res.status, c.status, name);
      bodies.push(res.body.error);
    }
    assert.equal(bodies[0].code, c.error);
    assert.match(bodies[0].message, /TPS/);
    for (const [i, body] of bodies.entries()) assert.deepEqual(body, bodies[0], ROUTES[i][0]);
  });
}
