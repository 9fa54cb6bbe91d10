import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import request from 'supertest';
import { readingQueueOf } from '../../src/app.ts';
import type { FormReading } from '@cocok/domain';
import { PHONE_EXIF, patternJpeg } from '@cocok/testing';
import { candidateFigures } from '../helpers/read-submission.ts';
import { filesOf, sha } from '../helpers/photo-store.ts';
import { createTestApp, csrfOf, setRole, signUp, type Agent, type TestApp } from '../helpers/api-app.ts';

/**
 * Who sees a photo's public copies and how long caches may keep them, over HTTP: a pending submission's
 * photo is public but cached for a minute; rejecting the submission or banning its witness hides it from
 * the public (moderators and the witness still see it, privately); a moderator's verification allows a
 * day's cache; a takedown deletes the copies, answers 410 no-store to everyone and tells the cache purger.
 */
const [A1, A2, A3, C1, C2] = ['3101011001001', '3101011001002', '3101011001003', '3101011003001', '3101011003002'];
const PAGE_2: FormReading = {
  page: 2,
  fields: {
    suara_paslon_1: { value: 10, confidence: 0.99, review: false },
    suara_paslon_2: { value: 20, confidence: 0.99, review: false },
    suara_paslon_3: { value: 30, confidence: 0.99, review: false },
  },
  review: false,
  ms: 1,
};
type Person = { agent: Agent; csrf: string; user: { id: number } };

let t: TestApp;
let moderator: Person;
let seed = 9000;
const purged: string[][] = [];

before(async () => {
  t = await createTestApp({
    reader: { read: async () => PAGE_2 },
    cachePurger: { purge: async (urls) => void purged.push([...urls]) },
    settings: { uploads: { perHour: 1000, pendingPerTps: 1000 } },
  });
  moderator = await person('moderator');
});
after(() => t.cleanup());

async function person(role: 'witness' | 'moderator' | 'admin' = 'witness'): Promise<Person> {
  const agent = request.agent(t.app);
  const { user, csrf } = await signUp(agent);
  await setRole(t.db, user.id, role);
  return { agent, csrf, user };
}

/** One photo (with the phone's EXIF and GPS) uploaded by `w` for `tps`; answers the submission id and the photo's hash. */
async function upload(w: Person, tps: string, bytes?: Buffer): Promise<{ id: number; sha256: string; bytes: Buffer }> {
  const photo = bytes ?? (await patternJpeg(seed++, { exif: PHONE_EXIF }));
  const res = await w.agent
    .post('/api/submissions')
    .set('X-CSRF-Token', w.csrf)
    .field('tps', tps)
    .attach('photos', photo, 'c1.jpg')
    .expect(202);
  return { id: res.body.id, sha256: sha(photo), bytes: photo };
}

const decide = (tps: string, body: object) =>
  moderator.agent
    .post(`/api/moderation/tps/${tps}/decisions`)
    .set('X-CSRF-Token', moderator.csrf)
    .send(body)
    .expect(201);
const display = (sha256: string) => `/api/photos/${sha256}/display.jpg`;
const thumb = (sha256: string) => `/api/photos/${sha256}/thumb.jpg`;
const anonymous = (url: string) => request(t.app).get(url);

test("a pending submission's photo: public with a one-minute cache, never immutable", async () => {
  const { sha256 } = await upload(await person(), A1);
  for (const url of [display(sha256), thumb(sha256)]) {
    const res = await anonymous(url)
      .expect(200)
      .expect('content-type', /image\/jpeg/);
    assert.equal(res.headers['cache-control'], 'public, max-age=60', url);
  }
});

test('rejected: the public gets 404 (no-store); the moderator and the witness who sent it still see it, privately', async () => {
  const owner = await person();
  const { id, sha256 } = await upload(owner, A2);
  await anonymous(display(sha256)).expect(200);
  await decide(A2, { kind: 'reject-submission', submissionId: id, reason: 'abusive' });

  for (const url of [display(sha256), thumb(sha256)]) {
    const res = await anonymous(url).expect(404);
    assert.equal(res.body.error.code, 'not-found');
    assert.equal(res.headers['cache-control'], 'no-store', 'no cache keeps the refusal either');
  }
  await (await person()).agent.get(display(sha256)).expect(404);
  const seen = await moderator.agent
    .get(display(sha256))
    .expect(200)
    .expect('content-type', /image\/jpeg/);
  assert.equal(seen.headers['cache-control'], 'private, no-store');
  const own = await owner.agent.get(thumb(sha256)).expect(200);
  assert.equal(own.headers['cache-control'], 'private, no-store');
});

test("a banned witness's photos: 404 to the public, still visible to moderators", async () => {
  const banned = await person();
  const { id, sha256 } = await upload(banned, A3);
  await decide(A3, { kind: 'ban-uploader', submissionId: id, reason: 'mengunggah foto orang lain' });
  const res = await anonymous(display(sha256)).expect(404);
  assert.equal(res.headers['cache-control'], 'no-store');
  await moderator.agent.get(display(sha256)).expect(200);
});

test('verified from a submission: its photo is cached for a day (not immutable); cleared: back to a minute', async () => {
  const w = await person();
  const { id, sha256 } = await upload(w, C1);
  await readingQueueOf(t.app)!.idle();
  await w.agent
    .post(`/api/submissions/${id}/confirm`)
    .set('X-CSRF-Token', w.csrf)
    .send({ fields: candidateFigures([10, 20, 30]) })
    .expect(200);
  assert.equal(
    (await anonymous(display(sha256)).expect(200)).headers['cache-control'],
    'public, max-age=60',
    'confirmed by the witness only',
  );
  await decide(C1, { kind: 'set-verified', fromSubmission: id, reason: 'foto jelas, angka cocok' });
  assert.equal((await anonymous(display(sha256)).expect(200)).headers['cache-control'], 'public, max-age=86400');
  await decide(C1, { kind: 'clear-verified', reason: 'perlu dicek ulang' });
  assert.equal((await anonymous(display(sha256)).expect(200)).headers['cache-control'], 'public, max-age=60');
});

test('takedown: the public copies leave the disk, every viewer gets 410 no-store, the purger is told, the log records it', async () => {
  const [first, second, later] = [await person(), await person(), await person()];
  const { sha256, bytes } = await upload(first, A1);
  await upload(second, C2, bytes); // the same bytes for another TPS: one set of files
  assert.equal(filesOf(t.uploadsDir, sha256).length, 3);
  purged.length = 0;

  const res = await moderator.agent
    .post(`/api/moderation/photos/${sha256}/takedown`)
    .set('X-CSRF-Token', moderator.csrf)
    .send({ reason: 'nomor HP pemilih terlihat' })
    .expect(201);
  assert.deepEqual(
    { ...res.body, decisionId: typeof res.body.decisionId },
    { decisionId: 'number', photo: sha256, tps: [A1, C2], removed: ['display', 'thumb'] },
  );

  assert.deepEqual(
    filesOf(t.uploadsDir, sha256),
    [`originals/${sha256.slice(0, 2)}/${sha256}.jpg`],
    'only the original (evidence, never served) stays',
  );
  for (const viewer of [anonymous, (url: string) => moderator.agent.get(url), (url: string) => first.agent.get(url)]) {
    for (const url of [display(sha256), thumb(sha256)]) {
      const answer = await viewer(url).expect(410);
      assert.equal(answer.body.error.code, 'photo-taken-down');
      assert.equal(answer.headers['cache-control'], 'no-store');
    }
  }
  assert.deepEqual(purged, [[display(sha256), thumb(sha256)]]);

  const rows = await t.db.all<{
    id: number;
    action: string;
    tps_code: string;
    actor_id: number;
    after_json: string;
    reason: string;
  }>(
    `SELECT id, action, tps_code, actor_id, after_json, reason FROM moderation_log WHERE action IN ('takedown-photo', 'photo-taken-down') ORDER BY id`,
  );
  assert.deepEqual(
    rows.map((r) => [r.action, r.tps_code, r.actor_id, JSON.parse(r.after_json), r.reason]),
    [
      ['takedown-photo', A1, moderator.user.id, { photo: sha256, takenDown: true }, 'nomor HP pemilih terlihat'],
      ['photo-taken-down', C2, moderator.user.id, { photo: sha256, takenDown: true }, 'nomor HP pemilih terlihat'],
    ],
  );
  assert.equal(rows[0].id, res.body.decisionId);
  assert.deepEqual(await t.db.all('SELECT sha256, decision_id FROM photo_takedowns'), [
    { sha256, decision_id: res.body.decisionId },
  ]);
  const history = await anonymous(`/api/tps/${C2}/moderation`).expect(200);
  assert.equal(history.body.entries[0].action, 'photo-taken-down');

  const again = await moderator.agent
    .post(`/api/moderation/photos/${sha256}/takedown`)
    .set('X-CSRF-Token', moderator.csrf)
    .send({ reason: 'sekali lagi' })
    .expect(409);
  assert.equal(again.body.error.code, 'photo-already-taken-down');
  // The same bytes sent again do not bring the public copies back.
  await upload(later, A2, bytes);
  await anonymous(display(sha256)).expect(410);
  assert.equal(filesOf(t.uploadsDir, sha256).length, 1);
});

test('a witness cannot take a photo down (403), nor an anonymous visitor (401); bad requests are refused; nothing changes', async () => {
  const owner = await person();
  const { sha256 } = await upload(owner, A2);
  const before = await t.db.get<{ n: number }>('SELECT count(*) AS n FROM moderation_log');
  const url = `/api/moderation/photos/${sha256}/takedown`;
  const asWitness = await owner.agent
    .post(url)
    .set('X-CSRF-Token', owner.csrf)
    .send({ reason: 'saya mau hapus' })
    .expect(403);
  assert.equal(asWitness.body.error.code, 'forbidden');
  const visitor = request.agent(t.app);
  const csrf = await csrfOf(visitor);
  assert.equal(
    (await visitor.post(url).set('X-CSRF-Token', csrf).send({ reason: 'hapus' }).expect(401)).body.error.code,
    'login-required',
  );
  await moderator.agent.post(url).send({ reason: 'tanpa token' }).expect(403);
  await moderator.agent.post(url).set('X-CSRF-Token', moderator.csrf).send({}).expect(400);
  await moderator.agent
    .post(`/api/moderation/photos/${'0'.repeat(64)}/takedown`)
    .set('X-CSRF-Token', moderator.csrf)
    .send({ reason: 'tidak ada' })
    .expect(404);
  await moderator.agent
    .post('/api/moderation/photos/..%2F..%2Fetc/takedown')
    .set('X-CSRF-Token', moderator.csrf)
    .send({ reason: 'jalan aneh' })
    .expect(404);

  assert.deepEqual(await t.db.get<{ n: number }>('SELECT count(*) AS n FROM moderation_log'), before);
  assert.equal(filesOf(t.uploadsDir, sha256).length, 3);
  assert.equal((await anonymous(display(sha256)).expect(200)).headers['cache-control'], 'public, max-age=60');
});
