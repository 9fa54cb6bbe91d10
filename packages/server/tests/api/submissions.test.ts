import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import request from 'supertest';
import sharp from 'sharp';
import { readingQueueOf } from '../../src/app.ts';
import type { FormReading } from '@cocok/domain';
import { PHONE_EXIF, patternJpeg, recompressed } from '@cocok/testing';
import {
  TPS_A,
  TPS_B,
  TPS_C,
  appOn,
  createTestApp,
  csrfOf,
  setRole,
  signUp,
  type Agent,
  type TestApp,
} from '../helpers/api-app.ts';
import { fixture } from '@cocok/testing';

/**
 * The fake reader tells pages apart by image width (642 px = page 2, 643 px = page 3); anything
 * else is "not a form page". Page 2 carries a box for suara_paslon_1 so cut-outs can be checked.
 */
const PAGE_2: FormReading = {
  page: 2,
  fields: {
    suara_paslon_1: { value: 100, confidence: 0.95, review: false },
    suara_paslon_2: { value: 50, confidence: 0.6, review: true },
    suara_paslon_3: { value: 30, confidence: 0.9, review: false },
  },
  review: true,
  boxesInPhoto: {
    suara_paslon_1: [
      [100, 100],
      [300, 100],
      [300, 160],
      [100, 160],
    ],
  },
  ms: 3,
};
const PAGE_3: FormReading = {
  page: 3,
  fields: {
    suara_sah: { value: 170, confidence: 0.9, review: false },
    suara_tidak_sah: { value: 2, confidence: 0.9, review: false },
    suara_total: { value: 172, confidence: 0.9, review: false },
  },
  review: false,
  ms: 3,
};
const readerCalls: Buffer[] = [];
const reader = {
  async read(bytes: Buffer): Promise<FormReading> {
    readerCalls.push(bytes);
    const { width } = await sharp(bytes).metadata();
    if (width === 642) return PAGE_2;
    if (width === 643) return PAGE_3;
    return {
      page: null,
      fields: {},
      review: true,
      reason: 'no-form-found',
      message: 'Bukan halaman formulir C.HASIL.',
      ms: 2,
    };
  },
};

let t: TestApp;
let seed = 1000;
const page2 = (s = seed++) => patternJpeg(s, { width: 642, height: 480 });
const page3 = (s = seed++) => patternJpeg(s, { width: 643, height: 480 });

before(async () => {
  t = await createTestApp({
    reader,
    settings: {
      uploads: { maxFileBytes: 300 * 1024, maxFiles: 6, maxPixels: 4_000_000, perHour: 1000, pendingPerTps: 1000 },
    },
  });
});
after(() => t.cleanup());

async function witness(): Promise<{
  agent: Agent;
  csrf: string;
  user: { id: number; name: string; contact: string; pseudonym: string };
}> {
  const agent = request.agent(t.app);
  const { user, csrf } = await signUp(agent);
  return { agent, csrf, user };
}

function upload(w: { agent: Agent; csrf: string }, tps: string, files: { bytes: Buffer; name?: string }[]) {
  let req = w.agent.post('/api/submissions').set('X-CSRF-Token', w.csrf).field('tps', tps);
  files.forEach((f, i) => (req = req.attach('photos', f.bytes, f.name ?? `foto-${i + 1}.jpg`)));
  return req;
}

const idle = () => readingQueueOf(t.app)!.idle();
const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
const filesUnder = (dir: string): string[] =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => path.join(e.parentPath, e.name))
    : [];

test('upload without logging in -> 401 login-required', async () => {
  const agent = request.agent(t.app);
  const csrf = await csrfOf(agent);
  const res = await upload({ agent, csrf }, TPS_A, [{ bytes: await page2() }]).expect(401);
  assert.equal(res.body.error.code, 'login-required');
});

test('upload with a missing or wrong CSRF token -> 403 csrf-invalid', async () => {
  const w = await witness();
  for (const token of ['', 'not-the-token']) {
    const res = await upload({ agent: w.agent, csrf: token }, TPS_A, [{ bytes: await page2() }]).expect(403);
    assert.equal(res.body.error.code, 'csrf-invalid');
  }
});

test('a text file named .jpg -> 415 unsupported-type with a message naming the file', async () => {
  const w = await witness();
  const res = await upload(w, TPS_A, [
    { bytes: await page2() },
    { bytes: Buffer.from('ini bukan foto\n'), name: 'formulir.jpg' },
  ]).expect(415);
  assert.equal(res.body.error.code, 'unsupported-type');
  assert.match(res.body.error.message, /"formulir\.jpg"/);
  assert.equal(
    (await t.db.get<{ n: number }>('SELECT count(*) AS n FROM submissions WHERE user_id = ?', [w.user.id]))?.n,
    0,
    'nothing of a refused upload is kept',
  );
});

test('a damaged JPEG -> 422 image-unreadable; too many pixels (decompression bomb guard) -> 422 image-too-large', async () => {
  const w = await witness();
  const whole = await page2();
  const cut = await upload(w, TPS_A, [
    { bytes: whole.subarray(0, Math.floor(whole.length / 2)), name: 'potong.jpg' },
  ]).expect(422);
  assert.equal(cut.body.error.code, 'image-unreadable');
  assert.match(cut.body.error.message, /"potong\.jpg"/);
  const huge = await sharp({ create: { width: 2600, height: 2000, channels: 3, background: '#fff' } })
    .png()
    .toBuffer();
  const bomb = await upload(w, TPS_A, [{ bytes: huge, name: 'besar.png' }]).expect(422);
  assert.equal(bomb.body.error.code, 'image-too-large');
  assert.match(bomb.body.error.message, /"besar\.png".*5\.2 megapiksel/);
});

test('at the default settings a 110 MP photo, more than the reader reads, is refused at upload and nothing is stored', async () => {
  const defaults = appOn(t.db, t.uploadsDir);
  const agent = request.agent(defaults);
  const { user, csrf } = await signUp(agent);
  // A real 11000 x 10000 PNG (white: it compresses to ~3 MB, under the 15 MB file limit).
  const photo = await sharp(Buffer.alloc(11_000 * 10_000, 255), { raw: { width: 11_000, height: 10_000, channels: 1 } })
    .png({ compressionLevel: 1, adaptiveFiltering: false })
    .toBuffer();
  const filesBefore = filesUnder(t.uploadsDir).length;
  const res = await upload({ agent, csrf }, TPS_A, [{ bytes: photo, name: 'besar-110mp.png' }]).expect(422);
  assert.equal(res.body.error.code, 'image-too-large');
  assert.match(res.body.error.message, /"besar-110mp\.png".*110 megapiksel; paling banyak 100/);
  assert.equal(
    (await t.db.get<{ n: number }>('SELECT count(*) AS n FROM submissions WHERE user_id = ?', [user.id]))?.n,
    0,
  );
  assert.equal(
    (await t.db.get<{ n: number }>('SELECT count(*) AS n FROM photos WHERE sha256 = ?', [sha(photo)]))?.n,
    0,
  );
  assert.equal(filesUnder(t.uploadsDir).length, filesBefore, 'no file of the refused photo is kept');
});

test('a file over the size limit -> 413 file-too-large naming it; more than 6 files -> 413 too-many-files', async () => {
  const w = await witness();
  const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), crypto.randomBytes(400 * 1024)]);
  const res = await upload(w, TPS_A, [{ bytes: big, name: 'besar.jpg' }]).expect(413);
  assert.equal(res.body.error.code, 'file-too-large');
  assert.match(res.body.error.message, /"besar\.jpg".*0\.3 MB/);
  const small = await page2();
  const many = await upload(
    w,
    TPS_A,
    Array.from({ length: 7 }, () => ({ bytes: small })),
  ).expect(413);
  assert.equal(many.body.error.code, 'too-many-files');
});

test('an unknown TPS -> 404; a malformed code -> 400; no photos -> 400', async () => {
  const w = await witness();
  assert.equal((await upload(w, '3101011003999', [{ bytes: await page2() }]).expect(404)).body.error.code, 'not-found');
  assert.equal((await upload(w, '31010', [{ bytes: await page2() }]).expect(400)).body.error.code, 'invalid-code');
  assert.equal((await upload(w, TPS_A, []).expect(400)).body.error.code, 'no-photos');
});

test('the same photo twice in one upload, then again for the same TPS: one original on disk, one row, the answers say so', async () => {
  const w = await witness();
  const photo = await page2();
  const first = await upload(w, TPS_A, [{ bytes: photo }, { bytes: photo }]).expect(202);
  assert.deepEqual(
    first.body.photos.map((p: { state: string }) => p.state),
    ['uploaded', 'duplicate-in-upload'],
  );
  assert.equal(first.body.photos[0].sha256, sha(photo));
  const again = await upload(w, TPS_A, [{ bytes: photo }]).expect(200);
  assert.equal(again.body.created, false);
  assert.equal(again.body.id, first.body.id);
  assert.deepEqual(
    again.body.photos.map((p: { state: string; submissionId: number }) => [p.state, p.submissionId]),
    [['already-uploaded', first.body.id]],
  );

  const originals = filesUnder(path.join(t.uploadsDir, 'originals')).filter((f) =>
    path.basename(f).startsWith(sha(photo)),
  );
  assert.deepEqual(
    originals.map((f) => path.relative(t.uploadsDir, f)),
    [`originals/${sha(photo).slice(0, 2)}/${sha(photo)}.jpg`],
  );
  assert.deepEqual(fs.readFileSync(originals[0]), photo, 'the original is stored byte for byte');
  const rows = await t.db.get<{ photos: number; uses: number; subs: number }>(
    `SELECT (SELECT count(*) FROM photos WHERE sha256 = ?1) AS photos, (SELECT count(*) FROM submission_photos WHERE sha256 = ?1) AS uses,
            (SELECT count(*) FROM submissions WHERE user_id = ?2) AS subs`,
    [sha(photo), w.user.id],
  );
  assert.deepEqual(rows, { photos: 1, uses: 1, subs: 1 });
  assert.equal(
    filesUnder(t.uploadsDir).filter((f) => path.basename(f).startsWith('.tmp-')).length,
    0,
    'no temporary files left',
  );
});

test('the same photo for another TPS is stored once but flagged for moderators as an exact duplicate', async () => {
  const [a, b] = [await witness(), await witness()];
  const photo = await page2();
  const first = await upload(a, TPS_A, [{ bytes: photo }]).expect(202);
  assert.deepEqual(first.body.photos[0].duplicateOf, []);
  const second = await upload(b, TPS_B, [{ bytes: photo }]).expect(202);
  assert.deepEqual(second.body.photos[0].duplicateOf, [{ tps: TPS_A, exact: true }]);
  assert.equal(second.body.photos[0].alreadyStored, true);
  assert.equal(filesUnder(path.join(t.uploadsDir, 'originals')).filter((f) => f.includes(sha(photo))).length, 1);
  await idle();
  const view = await b.agent.get(`/api/submissions/${second.body.id}`).expect(200);
  assert.deepEqual(view.body.photos[0].duplicates, [{ tps: TPS_A, exact: true, distance: 0 }]);
});

test('a near-identical photo (recompressed, resized copy) for another TPS is flagged, not exact', async () => {
  const [a, b] = [await witness(), await witness()];
  const photo = await page3();
  const copy = await recompressed(photo, 0.75, 45);
  assert.notEqual(sha(copy), sha(photo));
  await upload(a, TPS_A, [{ bytes: photo }]).expect(202);
  const res = await upload(b, TPS_C, [{ bytes: copy }]).expect(202);
  assert.deepEqual(res.body.photos[0].duplicateOf, [{ tps: TPS_A, exact: false }]);
  const unrelated = await upload(b, TPS_B, [{ bytes: await page3() }]).expect(202);
  assert.deepEqual(unrelated.body.photos[0].duplicateOf, [], 'a different photo is not flagged');
});

test('display and thumb: upright, bounded, no EXIF; the database kept capture time, device and GPS for moderators only', async () => {
  const w = await witness();
  // Stored sideways (EXIF orientation 6), as phones do: 2000 x 1500 stored, 1500 x 2000 upright.
  const photo = await patternJpeg(seed++, { width: 2000, height: 1500, exif: PHONE_EXIF, orientation: 6, quality: 70 });
  assert.ok((await sharp(photo).metadata()).exif, 'the test photo carries EXIF');
  const res = await upload(w, TPS_A, [{ bytes: photo }]).expect(202);
  const s = sha(photo);
  const display = await request(t.app)
    .get(`/api/photos/${s}/display.jpg`)
    .expect(200)
    .expect('content-type', /image\/jpeg/);
  assert.equal(
    display.headers['cache-control'],
    'public, max-age=60',
    "a pending submission's photo: a short public cache, never immutable",
  );
  const thumb = await request(t.app).get(`/api/photos/${s}/thumb.jpg`).expect(200);
  const [dm, tm] = [await sharp(display.body).metadata(), await sharp(thumb.body).metadata()];
  assert.deepEqual([dm.width, dm.height, dm.exif, dm.orientation], [1200, 1600, undefined, undefined]);
  assert.deepEqual([tm.width, tm.height, tm.exif], [240, 320, undefined]);
  const row = await t.db.get(
    'SELECT captured_at, device_make, device_model, round(gps_lat, 4) AS lat, round(gps_lon, 4) AS lon, width, height FROM photos WHERE sha256 = ?',
    [s],
  );
  assert.deepEqual(row, {
    captured_at: '2024-02-14T13:05:09+07:00',
    device_make: 'samsung',
    device_model: 'SM-A155F',
    lat: -6.2096,
    lon: 106.8167,
    width: 1500,
    height: 2000,
  });

  await idle();
  const own = await w.agent.get(`/api/submissions/${res.body.id}`).expect(200);
  assert.equal(own.body.photos[0].capture, undefined, 'the owner view has no EXIF');
  const mod = await witness();
  await setRole(t.db, mod.user.id, 'moderator');
  const modView = await mod.agent.get(`/api/submissions/${res.body.id}`).expect(200);
  assert.deepEqual(modView.body.photos[0].capture, {
    capturedAt: '2024-02-14T13:05:09+07:00',
    device: 'samsung SM-A155F',
    gps: { lat: -6.2096, lon: 106.81666666666666 },
  });
});

test('originals are not public; unknown or malformed photo addresses are 404', async () => {
  const w = await witness();
  const photo = await page2();
  await upload(w, TPS_A, [{ bytes: photo }]).expect(202);
  await request(t.app)
    .get(`/api/photos/${sha(photo)}/original.jpg`)
    .expect(404);
  await request(t.app)
    .get(`/api/photos/${'0'.repeat(64)}/display.jpg`)
    .expect(404);
  await request(t.app).get('/api/photos/..%2F..%2Fetc/display.jpg').expect(404);
});

test('a HEIC photo is decoded (heic-convert when sharp cannot) and the reader gets a JPEG', async () => {
  const w = await witness();
  const heic = fs.readFileSync(fixture('uploads/pattern-320x240.heic'));
  await idle(); // readings of earlier tests' uploads must not be counted here
  const before = readerCalls.length;
  const res = await upload(w, TPS_B, [{ bytes: heic, name: 'IMG_0001.HEIC' }]).expect(202);
  assert.equal(res.body.photos[0].state, 'uploaded');
  const display = await request(t.app)
    .get(`/api/photos/${sha(heic)}/display.jpg`)
    .expect(200);
  const meta = await sharp(display.body).metadata();
  assert.deepEqual([meta.format, meta.width, meta.height], ['jpeg', 320, 240]);
  assert.ok(
    filesUnder(path.join(t.uploadsDir, 'originals')).some((f) => f.endsWith(`${sha(heic)}.heic`)),
    'the original HEIC is kept as sent',
  );
  await idle();
  const given = readerCalls.slice(before);
  assert.equal(given.length, 1);
  assert.deepEqual(given[0].subarray(0, 3), Buffer.from([0xff, 0xd8, 0xff]));
  assert.deepEqual(
    await sharp(given[0])
      .metadata()
      .then((m) => [m.format, m.width, m.height]),
    ['jpeg', 320, 240],
  );
  const view = await w.agent.get(`/api/submissions/${res.body.id}`).expect(200);
  assert.deepEqual(
    [view.body.photos[0].state, view.body.photos[0].page, view.body.photos[0].reason],
    ['read', null, 'no-form-found'],
  );
});

test('GET a submission: owner and moderators see states, pages, readings, URLs; other witnesses get 404', async () => {
  const w = await witness();
  const res = await upload(w, TPS_C, [{ bytes: await page2() }, { bytes: await page3() }]).expect(202);
  assert.deepEqual(
    res.body.photos.map((p: { state: string }) => p.state),
    ['uploaded', 'uploaded'],
  );
  await idle();
  const view = await w.agent.get(`/api/submissions/${res.body.id}`).expect(200);
  assert.deepEqual([view.body.status, view.body.readingDone, view.body.tps.code], ['pending', true, TPS_C]);
  const [p2, p3] = view.body.photos;
  assert.deepEqual([p2.state, p2.page, p3.state, p3.page], ['read', 2, 'read', 3]);
  assert.deepEqual(p2.reading.fields.suara_paslon_2, { value: 50, confidence: 0.6, review: true });
  assert.equal(p2.thumbUrl, `/api/photos/${p2.sha256}/thumb.jpg`);
  assert.deepEqual(Object.keys(p2.cutoutUrls), ['suara_paslon_1']);
  await request(t.app).get(p2.displayUrl).expect(200);
  const other = await witness();
  assert.equal((await other.agent.get(`/api/submissions/${res.body.id}`).expect(404)).body.error.code, 'not-found');
  await request(t.app).get(`/api/submissions/${res.body.id}`).expect(401);
});

test('field cut-out: the box of the reading cut from the upright photo with a margin; 404 no-cutout without a box', async () => {
  const w = await witness();
  const photo = await page2();
  const res = await upload(w, TPS_A, [{ bytes: photo }]).expect(202);
  await idle();
  const url = `/api/submissions/${res.body.id}/photos/${sha(photo)}/fields/suara_paslon_1.jpg`;
  const cut = await w.agent
    .get(url)
    .expect(200)
    .expect('content-type', /image\/jpeg/);
  const meta = await sharp(cut.body).metadata();
  assert.deepEqual([meta.width, meta.height], [260, 78], 'box 200 x 60 grown by 15% (30 px, 9 px) on each side');
  const expected = await sharp(photo).extract({ left: 70, top: 91, width: 260, height: 78 }).raw().toBuffer();
  const got = await sharp(cut.body).raw().toBuffer();
  const meanDiff = got.reduce((acc, v, i) => acc + Math.abs(v - expected[i]), 0) / got.length;
  assert.ok(meanDiff < 6, `the cut-out shows that part of the photo (mean difference ${meanDiff.toFixed(1)})`);
  const none = await w.agent
    .get(`/api/submissions/${res.body.id}/photos/${sha(photo)}/fields/suara_paslon_2.jpg`)
    .expect(404);
  assert.equal(none.body.error.code, 'no-cutout');
  await (await witness()).agent.get(url).expect(404);
});

test('confirm while photos are still being read -> 409 still-reading', async () => {
  const noReader = appOn(t.db, t.uploadsDir, { settings: { uploads: { perHour: 1000, pendingPerTps: 1000 } } });
  const agent = request.agent(noReader);
  const { csrf } = await signUp(agent);
  const res = await upload({ agent, csrf }, TPS_A, [{ bytes: await page2() }]).expect(202);
  const confirm = await agent
    .post(`/api/submissions/${res.body.id}/confirm`)
    .set('X-CSRF-Token', csrf)
    .send({ fields: {} })
    .expect(409);
  assert.equal(confirm.body.error.code, 'still-reading');
  assert.match(confirm.body.error.message, /masih dibaca/);
});

test('confirm stores machine and confirmed values with who and when, and reports inconsistencies as warnings', async () => {
  const w = await witness();
  const res = await upload(w, TPS_B, [{ bytes: await page2() }, { bytes: await page3() }]).expect(202);
  await idle();
  const fields = {
    suara_paslon_1: 100,
    suara_paslon_2: 40,
    suara_paslon_3: 30,
    suara_sah: 170,
    suara_tidak_sah: 2,
    suara_total: null,
  };
  const done = await w.agent
    .post(`/api/submissions/${res.body.id}/confirm`)
    .set('X-CSRF-Token', w.csrf)
    .send({ fields })
    .expect(200);
  assert.equal(done.body.status, 'confirmed');
  assert.deepEqual(
    done.body.checks.map((c: { id: string }) => c.id),
    [],
  );
  const rows = await t.db.all<Record<string, unknown>>(
    'SELECT field, machine_value, machine_confidence, machine_review, confirmed_value, confirmed_by, confirmed_at FROM submission_values WHERE submission_id = ? ORDER BY field',
    [res.body.id],
  );
  assert.equal(rows.length, 6);
  const p2 = rows.find((r) => r.field === 'suara_paslon_2')!;
  assert.deepEqual(
    [p2.machine_value, p2.machine_confidence, p2.machine_review, p2.confirmed_value, p2.confirmed_by],
    [50, 0.6, 1, 40, w.user.id],
  );
  assert.ok(!Number.isNaN(Date.parse(String(p2.confirmed_at))));
  assert.equal(rows.find((r) => r.field === 'suara_total')!.confirmed_value, null);
  const again = await w.agent
    .post(`/api/submissions/${res.body.id}/confirm`)
    .set('X-CSRF-Token', w.csrf)
    .send({ fields })
    .expect(409);
  assert.equal(again.body.error.code, 'already-confirmed');

  // As read (paslon 100 + 50 + 30 = 180 but sah 170): confirmed anyway, with the warning stored.
  const w2 = await witness();
  const res2 = await upload(w2, TPS_B, [{ bytes: await page2() }, { bytes: await page3() }]).expect(202);
  await idle();
  const asRead = {
    suara_paslon_1: 100,
    suara_paslon_2: 50,
    suara_paslon_3: 30,
    suara_sah: 170,
    suara_tidak_sah: 2,
    suara_total: 172,
  };
  const warned = await w2.agent
    .post(`/api/submissions/${res2.body.id}/confirm`)
    .set('X-CSRF-Token', w2.csrf)
    .send({ fields: asRead })
    .expect(200);
  assert.deepEqual(warned.body.checks, [
    {
      id: 'paslon_sum_vs_sah',
      left: 180,
      right: 170,
      values: { suara_paslon_1: 100, suara_paslon_2: 50, suara_paslon_3: 30, suara_sah: 170 },
    },
  ]);
  assert.equal(
    (
      await t.db.get<{ n: number }>('SELECT count(*) AS n FROM submission_flags WHERE submission_id = ?', [
        res2.body.id,
      ])
    )?.n,
    1,
  );
});

test('confirm refuses fields of pages not uploaded and values outside 0..999; only the owner may confirm', async () => {
  const w = await witness();
  const res = await upload(w, TPS_C, [{ bytes: await page2() }]).expect(202);
  await idle();
  const url = `/api/submissions/${res.body.id}/confirm`;
  const wrongPage = await w.agent
    .post(url)
    .set('X-CSRF-Token', w.csrf)
    .send({ fields: { suara_sah: 10 } })
    .expect(400);
  assert.deepEqual([wrongPage.body.error.code, wrongPage.body.error.details.fields], ['invalid-fields', ['suara_sah']]);
  for (const bad of [1000, -1, 1.5, '12']) {
    const res400 = await w.agent
      .post(url)
      .set('X-CSRF-Token', w.csrf)
      .send({ fields: { suara_paslon_1: bad } })
      .expect(400);
    assert.equal(res400.body.error.code, 'bad-request');
  }
  const mod = await witness();
  await setRole(t.db, mod.user.id, 'moderator');
  assert.equal(
    (await mod.agent.post(url).set('X-CSRF-Token', mod.csrf).send({ fields: {} }).expect(403)).body.error.code,
    'forbidden',
  );
});

test('withdraw keeps the submission (status withdrawn) and takes it off the public list', async () => {
  const w = await witness();
  const res = await upload(w, TPS_C, [{ bytes: await page2() }]).expect(202);
  await idle();
  await w.agent
    .post(`/api/submissions/${res.body.id}/confirm`)
    .set('X-CSRF-Token', w.csrf)
    .send({ fields: { suara_paslon_1: 100 } })
    .expect(200);
  const listed = await request(t.app).get(`/api/tps/${TPS_C}/submissions`).expect(200);
  assert.ok(listed.body.submissions.some((s: { id: number }) => s.id === res.body.id));
  const out = await w.agent.post(`/api/submissions/${res.body.id}/withdraw`).set('X-CSRF-Token', w.csrf).expect(200);
  assert.equal(out.body.status, 'withdrawn');
  assert.ok(out.body.withdrawnAt);
  const row = await t.db.get<{ status: string }>('SELECT status FROM submissions WHERE id = ?', [res.body.id]);
  assert.equal(row?.status, 'withdrawn');
  const after = await request(t.app).get(`/api/tps/${TPS_C}/submissions`).expect(200);
  assert.ok(!after.body.submissions.some((s: { id: number }) => s.id === res.body.id));
  const other = await witness();
  await other.agent.post(`/api/submissions/${res.body.id}/withdraw`).set('X-CSRF-Token', other.csrf).expect(404);
});

test('the public list of a TPS: confirmed submissions with values, photos and a stable pseudonym, never name, contact or EXIF', async () => {
  const w = await witness();
  const photo = await patternJpeg(seed++, { width: 642, height: 480, exif: PHONE_EXIF });
  const res = await upload(w, TPS_A, [{ bytes: photo }]).expect(202);
  const pending = await upload(w, TPS_A, [{ bytes: await page3() }]).expect(202);
  await idle();
  await w.agent
    .post(`/api/submissions/${res.body.id}/confirm`)
    .set('X-CSRF-Token', w.csrf)
    .send({ fields: { suara_paslon_1: 99, suara_paslon_2: 50, suara_paslon_3: 30 } })
    .expect(200);
  const list = await request(t.app).get(`/api/tps/${TPS_A}/submissions`).expect(200);
  const mine = list.body.submissions.find((s: { id: number }) => s.id === res.body.id);
  assert.deepEqual(mine.values, { suara_paslon_1: 99, suara_paslon_2: 50, suara_paslon_3: 30 });
  assert.equal(mine.witness, w.user.pseudonym);
  assert.deepEqual(mine.photos, [
    {
      sha256: sha(photo),
      page: 2,
      thumbUrl: `/api/photos/${sha(photo)}/thumb.jpg`,
      displayUrl: `/api/photos/${sha(photo)}/display.jpg`,
    },
  ]);
  assert.ok(
    !list.body.submissions.some((s: { id: number }) => s.id === pending.body.id),
    'unconfirmed submissions are not public',
  );
  const text = JSON.stringify(list.body);
  for (const secret of [w.user.name, w.user.contact, 'SM-A155F', 'samsung', '2024-02-14', '106.8'])
    assert.ok(!text.includes(secret), `public JSON leaks ${secret}`);
  await request(t.app).get('/api/tps/3101011003999/submissions').expect(404);
  await request(t.app).get('/api/tps/123/submissions').expect(400);
});

test('abuse limits: uploads per account per hour -> 429 upload-limit; pending submissions per TPS -> 429 tps-busy (moderators exempt)', async () => {
  const strict = appOn(t.db, t.uploadsDir, { settings: { uploads: { perHour: 2, pendingPerTps: 1000 } } });
  const agent = request.agent(strict);
  const { csrf } = await signUp(agent);
  await upload({ agent, csrf }, TPS_B, [{ bytes: await page2() }]).expect(202);
  await upload({ agent, csrf }, TPS_B, [{ bytes: await page2() }]).expect(202);
  const third = await upload({ agent, csrf }, TPS_B, [{ bytes: await page2() }]).expect(429);
  assert.equal(third.body.error.code, 'upload-limit');

  const busyApp = appOn(t.db, t.uploadsDir, { settings: { uploads: { perHour: 1000, pendingPerTps: 2 } } });
  const pending =
    (
      await t.db.get<{ n: number }>(`SELECT count(*) AS n FROM submissions WHERE tps_code = ? AND status = 'pending'`, [
        TPS_B,
      ])
    )?.n ?? 0;
  assert.ok(pending >= 2, 'TPS B already holds pending submissions from the tests above');
  const a2 = request.agent(busyApp);
  const s2 = await signUp(a2);
  const busy = await upload({ agent: a2, csrf: s2.csrf }, TPS_B, [{ bytes: await page2() }]).expect(429);
  assert.equal(busy.body.error.code, 'tps-busy');
  assert.match(busy.body.error.message, /menunggu pemeriksaan/);
  await setRole(t.db, s2.user.id, 'moderator');
  await upload({ agent: a2, csrf: s2.csrf }, TPS_B, [{ bytes: await page2() }]).expect(202);
});
