import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import request from 'supertest';
import sharp from 'sharp';
import { readingQueueOf } from '../../src/app.ts';
import type { FormReading } from '@cocok/domain';
import { patternJpeg } from '@cocok/testing';
import { TPS_A, createTestApp, signUp, type TestApp } from '../helpers/api-app.ts';

/**
 * The cut-out route looks a field up by the name in the URL. Names that every JavaScript object
 * answers to ("__proto__", "constructor", "toString") used to reach Object.prototype and end in a 500;
 * only the form's own fields may be looked up. The reading even carries "__proto__" as an own key
 * (JSON.parse makes one), so a lookup that only checked own properties would still serve it.
 */
const BOX: [number, number][] = [
  [100, 100],
  [300, 100],
  [300, 160],
  [100, 160],
];
const boxes = JSON.parse(
  JSON.stringify({ suara_paslon_1: BOX }).replace(
    '{',
    `{"__proto__": ${JSON.stringify(BOX)}, "constructor": ${JSON.stringify(BOX)},`,
  ),
);
const PAGE_2: FormReading = {
  page: 2,
  fields: { suara_paslon_1: { value: 100, confidence: 0.95, review: false } },
  review: false,
  boxesInPhoto: boxes,
  ms: 3,
};

let t: TestApp;
before(async () => {
  t = await createTestApp({ reader: { read: async () => PAGE_2 } });
});
after(() => t.cleanup());

test("field cut-out by name: only the form's fields; prototype names and paths are 404 with the envelope, never 500", async () => {
  assert.ok(Object.hasOwn(PAGE_2.boxesInPhoto!, '__proto__'), 'the nasty reading really holds an own "__proto__"');
  const agent = request.agent(t.app);
  const { csrf } = await signUp(agent);
  const photo = await patternJpeg(7, { width: 642, height: 480 });
  const sha = crypto.createHash('sha256').update(photo).digest('hex');
  const up = await agent
    .post('/api/submissions')
    .set('X-CSRF-Token', csrf)
    .field('tps', TPS_A)
    .attach('photos', photo, 'foto.jpg')
    .expect(202);
  await readingQueueOf(t.app)!.idle();
  const base = `/api/submissions/${up.body.id}/photos/${sha}/fields`;

  const real = await agent
    .get(`${base}/suara_paslon_1.jpg`)
    .expect(200)
    .expect('content-type', /image\/jpeg/);
  assert.equal((await sharp(real.body).metadata()).format, 'jpeg');

  for (const name of [
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'valueOf',
    '..%2Fx',
    '..%2F..%2Fetc%2Fpasswd',
    '%00',
    'suara_paslon_1%00',
    'SUARA_PASLON_1',
  ]) {
    const res = await agent.get(`${base}/${name}.jpg`);
    assert.equal(res.status, 404, `${name}: ${res.status} ${res.body?.error?.code ?? res.type}`);
    assert.equal(res.body.error.code, 'no-cutout', name);
    assert.ok(
      res.body.error.message.length > 0 && res.body.error.messageEn.length > 0,
      `${name}: the envelope has both messages`,
    );
  }
  // A real field with no box in this reading stays the plain 404 it was.
  assert.equal((await agent.get(`${base}/suara_paslon_2.jpg`).expect(404)).body.error.code, 'no-cutout');
});
