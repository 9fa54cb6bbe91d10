/** The witness app's pure helpers: shrink sizes, EXIF carry-over, upload progress and errors, login redirects, the confirm screen. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import i18next from 'i18next';
import sharp from 'sharp';
import exifr from 'exifr';
import { PHONE_EXIF, patternJpeg } from '@cocok/testing';
import { en, id } from '../src/i18n/texts.ts';
import { ApiError } from '../src/lib/api-client.ts';
import type { Translate } from '../src/lib/translate.ts';
import { fitWithin, photoProgress, uploadName } from '../src/features/upload/photo-size.ts';
import { describeUploadFailure } from '../src/features/upload/upload-errors.ts';
import { parseChosenTps, placeOf } from '../src/features/upload/last-tps.ts';
import { carryExif, findExifSegment, insertExifSegment } from '../src/features/upload/exif-carry.ts';
import { loginPathFor, safeNext } from '../src/features/auth/auth-paths.ts';
import { loginProblems, registerProblems } from '../src/features/auth/auth-validation.ts';
import {
  NOT_READ,
  confirmRows,
  initialText,
  liveChecks,
  parseFieldInput,
  reviewFirst,
  reviewReasonText,
} from '../src/features/submissions/confirm-logic.ts';
import { checkLabel } from '../src/features/tps/check-text.ts';

async function translator(lng: 'id' | 'en'): Promise<Translate> {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng,
    resources: { id: { translation: id }, en: { translation: en } },
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return i18n.t.bind(i18n) as unknown as Translate;
}

test('fitWithin: the long side ends at exactly 2048 px, aspect kept, small photos untouched', () => {
  const cases: [number, number, { width: number; height: number; scaled: boolean }][] = [
    [3024, 4032, { width: 1536, height: 2048, scaled: true }],
    [4032, 3024, { width: 2048, height: 1536, scaled: true }],
    [4000, 1800, { width: 2048, height: 922, scaled: true }],
    [2048, 2048, { width: 2048, height: 2048, scaled: false }],
    [1600, 1200, { width: 1600, height: 1200, scaled: false }],
    [20000, 5, { width: 2048, height: 1, scaled: true }],
  ];
  for (const [w, h, want] of cases) assert.deepEqual(fitWithin(w, h), want, `${w}x${h}`);
  assert.deepEqual(fitWithin(1000, 500, 100), { width: 100, height: 50, scaled: true });
});

test('photoProgress: bytes sent fill the photos in order; the multipart framing is spread over them', () => {
  const cases: [number[], number, number, number[]][] = [
    [[100, 300], 0, 420, [0, 0]],
    [[100, 300], 105, 420, [1, 0]],
    [[100, 300], 210, 420, [1, 0.333]],
    [[100, 300], 500, 800, [1, 0.5]],
    [[100, 300], 420, 420, [1, 1]],
    [[100, 300], 9999, 420, [1, 1]],
    [[100], -5, 120, [0]],
    [[0, 100], 0, 0, [0, 0]],
  ];
  for (const [sizes, loaded, total, want] of cases) {
    const got = photoProgress(sizes, loaded, total).map((x) => Math.round(x * 1000) / 1000);
    assert.deepEqual(got, want, `${sizes} ${loaded}/${total}`);
  }
});

test('uploadName: unique per position, .jpg once shrunk, no path separators', () => {
  assert.equal(uploadName(0, 'IMG_0001.HEIC', true), '1-IMG_0001.jpg');
  assert.equal(uploadName(1, 'IMG_0001.HEIC', false), '2-IMG_0001.HEIC');
  assert.equal(uploadName(2, 'a/b\\c.png', true), '3-a_b_c.jpg');
  assert.equal(uploadName(3, '', false), '4-foto');
});

test('describeUploadFailure: offline, lost connection, session ended, refusals naming a file, proxy pages', async () => {
  const t = await translator('id');
  const ctx = { t, lang: 'id', online: true };
  const network = new ApiError(0, 'network-error', 'Tidak dapat menghubungi server.', 'Could not reach the server.');
  assert.deepEqual(describeUploadFailure(network, { ...ctx, online: false }), {
    text: id.upload.errors.offline,
    action: 'retry',
    file: null,
  });
  assert.equal(describeUploadFailure(network, ctx).text, id.upload.errors.network);
  const aborted = new ApiError(0, 'aborted', 'Pengiriman dibatalkan.', 'The upload was cancelled.');
  assert.deepEqual(describeUploadFailure(aborted, ctx), {
    text: id.upload.errors.cancelled,
    action: 'retry',
    file: null,
  });
  assert.equal(
    describeUploadFailure(new ApiError(401, 'login-required', 'Silakan masuk terlebih dahulu.', 'x'), ctx).action,
    'login',
  );

  const refused = new ApiError(
    415,
    'unsupported-type',
    'Berkas "2-a.jpg" bukan foto yang didukung.',
    'File "2-a.jpg" is not…',
    { file: '2-a.jpg' },
  );
  assert.deepEqual(describeUploadFailure(refused, ctx), {
    text: 'Berkas "2-a.jpg" bukan foto yang didukung.',
    action: 'replace',
    file: '2-a.jpg',
  });
  assert.equal(describeUploadFailure(refused, { ...ctx, lang: 'en' }).text, 'File "2-a.jpg" is not…');
  const busy = new ApiError(429, 'tps-busy', 'TPS 3101011003008 sudah memiliki 5 kiriman…', 'busy', {
    tps: '3101011003008',
  });
  assert.deepEqual(describeUploadFailure(busy, ctx), {
    text: 'TPS 3101011003008 sudah memiliki 5 kiriman…',
    action: 'retry',
    file: null,
  });

  // No envelope: a proxy answered (nginx's 413 page, a 502 gateway page).
  const cases: [number, string][] = [
    [413, id.upload.errors.tooLarge],
    [415, id.upload.errors.unsupported],
    [422, id.upload.errors.unreadable],
    [429, id.upload.errors.tooMany],
    [502, 'Server sedang bermasalah (kode 502). Coba kirim ulang beberapa saat lagi.'],
    [418, 'Pengiriman gagal (kode 418). Coba kirim ulang.'],
  ];
  for (const [status, text] of cases) {
    assert.deepEqual(
      describeUploadFailure(new ApiError(status, 'http-error', `HTTP ${status}`, `HTTP ${status}`), ctx),
      { text, action: 'retry', file: null },
    );
  }
});

test('safeNext: only paths on this site are followed after login', () => {
  const cases: [string | null, string][] = [
    ['/unggah', '/unggah'],
    ['/kiriman/12', '/kiriman/12'],
    ['/tps/3101011003008?x=1', '/tps/3101011003008?x=1'],
    [null, '/unggah'],
    ['', '/unggah'],
    ['https://evil.example/', '/unggah'],
    ['//evil.example/', '/unggah'],
    ['/\\evil.example', '/unggah'],
    ['javascript:alert(1)', '/unggah'],
    ['/masuk?lanjut=/unggah', '/unggah'],
    ['/daftar', '/unggah'],
  ];
  for (const [next, want] of cases) assert.equal(safeNext(next), want, String(next));
  assert.equal(loginPathFor('/kiriman/3'), '/masuk?lanjut=%2Fkiriman%2F3');
});

test('registerProblems / loginProblems: each missing part named, the server limits mirrored', () => {
  assert.deepEqual(registerProblems({ name: ' ', contact: 'ab', password: '1234567' }), [
    'nameMissing',
    'contactMissing',
    'passwordShort',
  ]);
  assert.deepEqual(registerProblems({ name: 'Siti', contact: '0812', password: '12345678' }), []);
  assert.deepEqual(loginProblems({ contact: '', password: '' }), ['contactMissing', 'passwordMissing']);
  assert.deepEqual(loginProblems({ contact: 'a@b.id', password: 'x' }), []);
});

test('parseChosenTps: a remembered TPS is used only when it has the expected shape', () => {
  const ok = { code: '3101011003008', name: 'TPS 008', place: 'DKI JAKARTA › PULAU HARAPAN' };
  assert.deepEqual(parseChosenTps(JSON.stringify(ok)), ok);
  for (const bad of [
    null,
    '',
    'not json',
    '{}',
    JSON.stringify({ ...ok, code: '31' }),
    JSON.stringify({ ...ok, name: 5 }),
    '[]',
  ]) {
    assert.equal(parseChosenTps(bad), null, String(bad));
  }
  assert.equal(
    placeOf([
      { level: 0, name: 'Indonesia' },
      { level: 1, name: 'DKI JAKARTA' },
      { level: 4, name: 'PULAU HARAPAN' },
    ]),
    'DKI JAKARTA › PULAU HARAPAN',
  );
});

type Photo = Parameters<typeof confirmRows>[0][number];
const field = (value: number | null, confidence: number, review = false, reasons: string[] = []) => ({
  value,
  confidence,
  review,
  reasons,
});
const cut = (sha: string, f: string) => `/api/submissions/1/photos/${sha}/fields/${f}.jpg`;

test('confirmRows: every field of every page read; the more confident of two readings; a field not read is for review', () => {
  const page2a: Photo = {
    state: 'read',
    page: 2,
    reading: {
      fields: { suara_paslon_1: field(123, 0.99), suara_paslon_2: field(274, 0.6, true, ['low-confidence']) },
      review: true,
      checks: [],
      candidates: {},
    },
    cutoutUrls: { suara_paslon_1: cut('a', 'suara_paslon_1'), suara_paslon_2: cut('a', 'suara_paslon_2') },
  };
  const page2b: Photo = {
    state: 'read',
    page: 2,
    reading: { fields: { suara_paslon_2: field(275, 0.9) }, review: false, checks: [], candidates: {} },
    cutoutUrls: { suara_paslon_2: cut('b', 'suara_paslon_2') },
  };
  const notForm: Photo = {
    state: 'read',
    page: null,
    reading: { fields: {}, review: true, checks: [], candidates: {} },
    cutoutUrls: {},
  };
  const failed: Photo = { state: 'failed', page: 3, reading: null, cutoutUrls: {} };
  const rows = confirmRows([page2a, page2b, notForm, failed], '3101011003008');
  assert.deepEqual(
    rows.map((r) => [r.field, r.value, r.review, r.cutoutUrl]),
    [
      ['suara_paslon_1', 123, false, cut('a', 'suara_paslon_1')],
      ['suara_paslon_2', 275, false, cut('b', 'suara_paslon_2')],
      ['suara_paslon_3', null, true, null],
    ],
  );
  assert.deepEqual(rows[2].reasons, [NOT_READ]);
  assert.deepEqual(confirmRows([notForm, failed], '3101011003008'), [], 'no page read: nothing to confirm');
});

test('confirmRows: the pages are read together, so a sum across pages picks the value the boxes allow and says why', () => {
  // Page 2's first candidate: the boxes read 836 (0.5) or 36 (0.45); page 3 says suara sah 135 = 36 + 41 + 58.
  const sure = (value: number) => ({ field: field(value, 0.999), candidates: [{ value, probability: 0.999 }] });
  const page2: Photo = {
    state: 'read',
    page: 2,
    reading: {
      fields: {
        suara_paslon_1: field(836, 0.5, true, ['low-confidence']),
        suara_paslon_2: sure(41).field,
        suara_paslon_3: sure(58).field,
      },
      review: true,
      checks: [],
      candidates: {
        suara_paslon_1: [
          { value: 836, probability: 0.5 },
          { value: 36, probability: 0.45 },
        ],
        suara_paslon_2: sure(41).candidates,
        suara_paslon_3: sure(58).candidates,
      },
    },
    cutoutUrls: {},
  };
  const page3: Photo = {
    state: 'read',
    page: 3,
    reading: {
      fields: { suara_sah: sure(135).field, suara_tidak_sah: sure(2).field, suara_total: sure(137).field },
      review: false,
      checks: [],
      candidates: {
        suara_sah: sure(135).candidates,
        suara_tidak_sah: sure(2).candidates,
        suara_total: sure(137).candidates,
      },
    },
    cutoutUrls: {},
  };
  const rows = confirmRows([page2, page3], '3101011003008');
  const paslon1 = rows.find((r) => r.field === 'suara_paslon_1')!;
  assert.equal(paslon1.value, 36);
  assert.equal(paslon1.review, true);
  assert.ok(paslon1.reasons.includes('chosen-by-checks'), paslon1.reasons.join());
  assert.equal(rows.find((r) => r.field === 'suara_total')!.review, false);
});

test('reviewFirst: rows to review first, each group in form order', () => {
  const row = (f: string, review: boolean) =>
    ({ field: f, review }) as unknown as ReturnType<typeof confirmRows>[number];
  const order = reviewFirst([row('a', false), row('b', true), row('c', false), row('d', true)]).map((r) => r.field);
  assert.deepEqual(order, ['b', 'd', 'a', 'c']);
});

test('initialText: a figure read with at least 0.5 confidence starts in the input; a guess below it and no figure start empty', () => {
  const cases: [number | null, number | null, string][] = [
    [427, 0.981, '427'],
    [450, 0.758, '450'],
    [0, 0.5, '0'],
    [0, 0.263, ''],
    [7, 0.49, ''],
    [null, 0.99, ''],
    [null, null, ''],
    [12, null, ''],
  ];
  for (const [value, confidence, want] of cases)
    assert.equal(initialText({ value, confidence }), want, `${value} at ${confidence}`);
});

test('parseFieldInput: empty is no figure, 0..999 a figure, anything else invalid', () => {
  const cases: [string, ReturnType<typeof parseFieldInput>][] = [
    ['', { ok: true, value: null }],
    ['  ', { ok: true, value: null }],
    ['0', { ok: true, value: 0 }],
    ['007', { ok: true, value: 7 }],
    [' 430 ', { ok: true, value: 430 }],
    ['999', { ok: true, value: 999 }],
    ['1000', { ok: false }],
    ['-1', { ok: false }],
    ['4,3', { ok: false }],
    ['12a', { ok: false }],
  ];
  for (const [text, want] of cases) assert.deepEqual(parseFieldInput(text), want, JSON.stringify(text));
});

test('liveChecks: only checks the figures can decide, failures first, said in words in both languages', async () => {
  const values = {
    suara_paslon_1: 123,
    suara_paslon_2: 274,
    suara_paslon_3: 32,
    suara_sah: 427,
    suara_tidak_sah: 3,
    suara_total: 450,
  };
  const results = liveChecks(values, '3101011003008');
  assert.deepEqual(
    results.map((r) => [r.id, r.status]),
    [
      ['paslon_sum_vs_sah', 'fail'],
      ['sah_plus_tidak_sah_vs_total', 'fail'],
      ['total_over_300', 'fail'],
      ['suara_paslon_1_over_300', 'pass'],
      ['suara_paslon_2_over_300', 'pass'],
      ['suara_paslon_3_over_300', 'pass'],
    ],
  );
  assert.deepEqual(
    liveChecks({ ...values, suara_total: 400 }, '99AA01000001A')
      .map((r) => r.id)
      .includes('total_over_300'),
    false,
    'overseas TPS: no 300 limit',
  );
  assert.deepEqual(liveChecks({ suara_paslon_1: null }, '3101011003008'), []);

  const t = await translator('id');
  const named = (c: string) => checkLabel(t, c, 'flag');
  assert.equal(reviewReasonText(t, 'low-confidence', named), 'tulisan kurang jelas');
  assert.equal(
    reviewReasonText(t, 'check:paslon_sum_vs_sah', named),
    'terlibat dalam pemeriksaan: Jumlah suara paslon ≠ suara sah',
  );
  assert.equal(
    reviewReasonText(t, 'check-as-read:sah_plus_tidak_sah_vs_total', named),
    'bacaan pertama mesin tidak lolos pemeriksaan: Suara sah + suara tidak sah ≠ jumlah suara',
  );
  assert.equal(
    reviewReasonText(t, 'chosen-by-checks', named),
    'angka dipilih agar cocok dengan jumlah di halaman ini; pastikan sesuai formulir',
  );
  assert.equal(reviewReasonText(t, 'something-new', named), 'pembacaan tidak pasti');
  assert.equal(reviewReasonText(t, 'ink-in-empty-box', named), 'ada tinta di kotak yang terbaca kosong');
  const tEn = await translator('en');
  assert.equal(
    reviewReasonText(tEn, NOT_READ, (c) => checkLabel(tEn, c, 'flag')),
    'not read',
  );
});

test('carryExif: the shrunk JPEG gets the phone EXIF back (time, device, GPS) with Orientation 1, and still decodes', async () => {
  const original = await patternJpeg(7, { width: 800, height: 600, exif: PHONE_EXIF, orientation: 6 });
  assert.equal((await exifr.parse(original, { translateValues: false })).Orientation, 6);
  // What a canvas gives: the picture, upright, without any metadata.
  const shrunk = await sharp(original).rotate().resize(300).jpeg().toBuffer();
  assert.equal(await exifr.parse(shrunk).catch(() => undefined), undefined, 'no EXIF from the canvas');
  const carried = Buffer.from(carryExif(original, shrunk));
  const tags = await exifr.parse(carried, { translateValues: false, reviveValues: false });
  assert.equal(tags.Make, 'samsung');
  assert.equal(tags.Model, 'SM-A155F');
  assert.equal(tags.DateTimeOriginal, '2024:02:14 13:05:09');
  assert.ok(Math.abs(tags.latitude - -6.2096) < 0.001, `latitude ${tags.latitude}`);
  assert.equal(tags.Orientation, 1, 'the pixels are upright already');
  const meta = await sharp(carried).metadata();
  assert.deepEqual([meta.width, meta.height, meta.orientation], [300, 400, 1]);
  const pixels = await sharp(carried).raw().toBuffer();
  assert.deepEqual(pixels, await sharp(shrunk).raw().toBuffer(), 'image data untouched');

  // A browser's canvas JPEG starts with a JFIF APP0: the Exif segment goes right after it.
  const app0 = Buffer.from('ffe000104a46494600010100000100010000', 'hex');
  const jfif = Buffer.concat([shrunk.subarray(0, 2), app0, shrunk.subarray(2)]);
  const withApp0 = Buffer.from(carryExif(original, jfif));
  assert.equal(withApp0.subarray(0, 2 + app0.length).toString('hex'), 'ffd8' + app0.toString('hex'));
  assert.equal(withApp0.subarray(2 + app0.length, 4 + app0.length).toString('hex'), 'ffe1');
  assert.equal((await exifr.parse(withApp0, { translateValues: false })).Make, 'samsung');
  assert.equal((await sharp(withApp0).metadata()).width, 300);

  // A second carry replaces, not duplicates, the segment; no EXIF or no JPEG: unchanged.
  const twice = Buffer.from(carryExif(original, carried));
  assert.equal(twice.length, carried.length);
  assert.equal(findExifSegment(new Uint8Array(shrunk)), null);
  assert.deepEqual(carryExif(new Uint8Array(shrunk), new Uint8Array(shrunk)), new Uint8Array(shrunk));
  const png = new Uint8Array(await sharp(shrunk).png().toBuffer());
  assert.deepEqual(insertExifSegment(png, findExifSegment(new Uint8Array(original))!), png);
});
