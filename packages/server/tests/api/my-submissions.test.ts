/** `GET /api/submissions`: a witness's own submissions (the web app's "Kiriman saya"), on real SQLite over HTTP. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import request from 'supertest';
import { readingQueueOf } from '../../src/app.ts';
import type { FormReading } from '@cocok/domain';
import { patternJpeg } from '@cocok/testing';
import { TPS_A, TPS_C, createTestApp, csrfOf, signUp, type Agent, type TestApp } from '../helpers/api-app.ts';

/** Reads every photo as page 3 with consistent figures, so submissions can be confirmed. */
const reader = {
  async read(): Promise<FormReading> {
    const f = (value: number) => ({ value, confidence: 0.99, review: false });
    return { page: 3, fields: { suara_sah: f(100), suara_tidak_sah: f(2), suara_total: f(102) }, review: false, ms: 1 };
  },
};

let t: TestApp;
let seed = 5000;
before(async () => {
  t = await createTestApp({ reader, settings: { uploads: { perHour: 1000, pendingPerTps: 1000 } } });
});
after(() => t.cleanup());

async function upload(agent: Agent, csrf: string, tps: string): Promise<number> {
  const res = await agent
    .post('/api/submissions')
    .set('X-CSRF-Token', csrf)
    .field('tps', tps)
    .attach('photos', await patternJpeg(seed++), 'foto.jpg')
    .expect(202);
  return res.body.id as number;
}

test('GET /api/submissions without logging in -> 401 login-required', async () => {
  const agent = request.agent(t.app);
  await csrfOf(agent);
  const res = await agent.get('/api/submissions').expect(401);
  assert.equal(res.body.error.code, 'login-required');
});

test("GET /api/submissions: only the witness's own, newest first, with TPS name, status and reading state", async () => {
  const mine = request.agent(t.app);
  const me = await signUp(mine);
  const other = request.agent(t.app);
  const them = await signUp(other);
  const theirs = await upload(other, them.csrf, TPS_A);

  const first = await upload(mine, me.csrf, TPS_A);
  const second = await upload(mine, me.csrf, TPS_C);
  await readingQueueOf(t.app)!.idle();
  await mine
    .post(`/api/submissions/${first}/confirm`)
    .set('X-CSRF-Token', me.csrf)
    .send({ fields: { suara_sah: 100, suara_tidak_sah: 2, suara_total: 102 } })
    .expect(200);
  const third = await upload(mine, me.csrf, TPS_A);
  await mine.post(`/api/submissions/${third}/withdraw`).set('X-CSRF-Token', me.csrf).expect(200);

  const res = await mine.get('/api/submissions').expect(200);
  const list = res.body.submissions as {
    id: number;
    tps: { code: string; name: string };
    status: string;
    photoCount: number;
    readingDone: boolean;
    confirmedAt: string | null;
  }[];
  assert.deepEqual(
    list.map((s) => [s.id, s.tps.code, s.tps.name, s.status, s.photoCount]),
    [
      [third, TPS_A, 'TPS 001', 'withdrawn', 1],
      [second, TPS_C, 'TPS 001', 'pending', 1],
      [first, TPS_A, 'TPS 001', 'confirmed', 1],
    ],
  );
  assert.ok(
    list.every((s) => s.id !== theirs),
    "another witness's submission is never listed",
  );
  assert.equal(list[1].readingDone, true);
  assert.ok(list[2].confirmedAt, 'confirmed submissions carry their time');
  assert.equal(res.body.limit, 50);

  const empty = request.agent(t.app);
  await signUp(empty);
  assert.deepEqual((await empty.get('/api/submissions').expect(200)).body.submissions, []);
});
