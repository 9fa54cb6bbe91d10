import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  PHOTO_CACHE,
  bandWithNeighbours,
  cutoutRect,
  derivedPath,
  dhashBands,
  dhashFromPixels,
  exifTimeToIso,
  hammingDistance,
  isSha256,
  originalPath,
  parseStoredPath,
  photoAccess,
  sniffImageType,
  sweepVerdict,
  type PhotoAccess,
  type PhotoReference,
  type PhotoViewer,
  type StoredFile,
  type SweepFacts,
} from './photos.logic.ts';

const bytes = (...parts: (number[] | string)[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

const sniffs: [string, Uint8Array, string | null][] = [
  ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF'), 'jpeg'],
  ['PNG', bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR'), 'png'],
  ['WebP', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '), 'webp'],
  ['iPhone HEIC (heic major)', bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0], 'mif1heic'), 'heic'],
  ['HEIF with mif1 major and heic compatible', bytes([0, 0, 0, 0x18], 'ftypmif1', [0, 0, 0, 0], 'mif1heic'), 'heic'],
  ['AVIF is refused', bytes([0, 0, 0, 0x1c], 'ftypavif', [0, 0, 0, 0], 'avifmif1miaf'), null],
  ['mif1 with avif compatible is refused', bytes([0, 0, 0, 0x18], 'ftypmif1', [0, 0, 0, 0], 'mif1avif'), null],
  ['MP4 video is refused', bytes([0, 0, 0, 0x18], 'ftypisom', [0, 0, 0, 0], 'isomiso2'), null],
  ['text named .jpg', bytes('hello, this is not a photo'), null],
  ['GIF is refused', bytes('GIF89a', [1, 0, 1, 0]), null],
  ['empty', new Uint8Array(), null],
  ['two bytes of JPEG', bytes([0xff, 0xd8]), null],
];
for (const [name, input, expected] of sniffs) {
  test(`sniff: ${name} -> ${expected}`, () => assert.equal(sniffImageType(input), expected));
}

test('paths are content-addressed and fanned out by the first two hex digits', () => {
  const sha = 'ab'.padEnd(64, 'c');
  assert.equal(originalPath(sha, 'jpeg'), `originals/ab/${sha}.jpg`);
  assert.equal(originalPath(sha, 'heic'), `originals/ab/${sha}.heic`);
  assert.equal(derivedPath(sha, 'thumb'), `derived/ab/${sha}.thumb.jpg`);
  assert.equal(isSha256(sha), true);
  assert.equal(isSha256('../etc/passwd'), false);
  assert.equal(isSha256(sha.toUpperCase()), false);
});

test('dHash: brighter-to-the-right pixels set bits, row by row', () => {
  const rising = Uint8Array.from({ length: 72 }, (_, i) => (i % 9) * 10);
  assert.equal(dhashFromPixels(rising), 'ffffffffffffffff');
  assert.equal(dhashFromPixels(new Uint8Array(72)), '0000000000000000');
  const firstRowOnly = Uint8Array.from({ length: 72 }, (_, i) => (i < 9 ? i : 0));
  assert.equal(dhashFromPixels(firstRowOnly), 'ff00000000000000');
});

const distances: [string, string, number][] = [
  ['0000000000000000', '0000000000000000', 0],
  ['0000000000000000', 'ffffffffffffffff', 64],
  ['0000000000000001', '0000000000000000', 1],
  ['f0f0000000000000', '0ff0000000000000', 8],
];
for (const [a, b, d] of distances) test(`hamming(${a}, ${b}) = ${d}`, () => assert.equal(hammingDistance(a, b), d));

test('bands: four 16-bit pieces; with one-bit variants every hash within 6 shares a looked-up band value', () => {
  assert.deepEqual(dhashBands('0001000200030004'), [1, 2, 3, 4]);
  assert.equal(bandWithNeighbours(0).length, 17);
  // Spread 6 differing bits as evenly as possible (2, 2, 1, 1): one band still differs by one bit.
  const a = '0000000000000000';
  const b = '0003000300010001';
  assert.equal(hammingDistance(a, b), 6);
  const found = dhashBands(a).some((band, i) => bandWithNeighbours(band).includes(dhashBands(b)[i]));
  assert.equal(found, true);
});

const rects: [string, [number, number][], { left: number; top: number; width: number; height: number } | null][] = [
  [
    'grows by 15% (at least 8 px) each side',
    [
      [100, 200],
      [300, 200],
      [300, 260],
      [100, 260],
    ],
    { left: 70, top: 191, width: 260, height: 78 },
  ],
  [
    'clipped at the image edge',
    [
      [0, 0],
      [50, 0],
      [50, 40],
      [0, 40],
    ],
    { left: 0, top: 0, width: 58, height: 48 },
  ],
  [
    'tilted polygon: its bounding box',
    [
      [10, 20],
      [60, 10],
      [70, 40],
      [20, 50],
    ],
    { left: 1, top: 2, width: 78, height: 56 },
  ],
  [
    'outside the image',
    [
      [2000, 2000],
      [2100, 2100],
    ],
    null,
  ],
  ['no points', [], null],
];
for (const [name, polygon, expected] of rects) {
  test(`cut-out rectangle: ${name}`, () =>
    assert.deepEqual(cutoutRect(polygon, { width: 1000, height: 800 }), expected));
}

const times: [unknown, unknown, string | null][] = [
  ['2024:02:14 13:05:09', '+07:00', '2024-02-14T13:05:09+07:00'],
  ['2024:02:14 13:05:09', undefined, '2024-02-14T13:05:09'],
  ['2024:02:14 13:05:09', 'garbage', '2024-02-14T13:05:09'],
  ['0000:00:00 00:00:00', undefined, null],
  ['yesterday', undefined, null],
  [new Date(), undefined, null],
];
for (const [raw, offset, expected] of times) {
  test(`EXIF time ${String(raw)} ${String(offset)} -> ${expected}`, () =>
    assert.equal(exifTimeToIso(raw, offset), expected));
}

const ref = (over: Partial<PhotoReference> = {}): PhotoReference => ({
  status: 'pending',
  ownerId: 7,
  ownerBanned: false,
  verified: false,
  ...over,
});
const [anon, owner, other, moderator, admin]: PhotoViewer[] = [
  null,
  { id: 7, role: 'witness' },
  { id: 8, role: 'witness' },
  { id: 9, role: 'moderator' },
  { id: 10, role: 'admin' },
];
const pub = (cacheControl: string): PhotoAccess => ({ serve: true, cacheControl });
const hidden: PhotoAccess = { serve: false, status: 404 };
const gone: PhotoAccess = { serve: false, status: 410 };
const restricted = pub(PHOTO_CACHE.restricted);

const accessCases: [string, boolean, PhotoReference[], PhotoViewer, PhotoAccess][] = [
  ['pending, anonymous: public, one minute', false, [ref()], anon, pub('public, max-age=60')],
  [
    'confirmed by the witness, not verified: still one minute',
    false,
    [ref({ status: 'confirmed' })],
    anon,
    pub('public, max-age=60'),
  ],
  [
    'a moderator verified the TPS from it: a day',
    false,
    [ref({ status: 'confirmed', verified: true })],
    anon,
    pub('public, max-age=86400'),
  ],
  ['withdrawn (or rejected), anonymous: 404', false, [ref({ status: 'withdrawn' })], anon, hidden],
  ['withdrawn, another witness: 404', false, [ref({ status: 'withdrawn' })], other, hidden],
  ['withdrawn, its own witness: private', false, [ref({ status: 'withdrawn' })], owner, restricted],
  ['withdrawn, a moderator: private', false, [ref({ status: 'withdrawn' })], moderator, restricted],
  ['witness banned (submission still pending), anonymous: 404', false, [ref({ ownerBanned: true })], anon, hidden],
  ['witness banned, an admin: private', false, [ref({ ownerBanned: true })], admin, restricted],
  [
    'same bytes: one rejected, one live elsewhere: public',
    false,
    [ref({ status: 'withdrawn' }), ref({ ownerId: 8 })],
    anon,
    pub('public, max-age=60'),
  ],
  [
    'same bytes: the verified one is banned, a pending one live: one minute',
    false,
    [ref({ verified: true, ownerBanned: true }), ref({ ownerId: 8 })],
    anon,
    pub('public, max-age=60'),
  ],
  ['taken down, anonymous: 410', true, [ref({ status: 'confirmed', verified: true })], anon, gone],
  ['taken down, a moderator: 410 too (the copies are gone)', true, [ref()], moderator, gone],
  ['no submission at all, a moderator: 404', false, [], moderator, hidden],
];
for (const [name, takenDown, refs, viewer, expected] of accessCases) {
  test(`photo access: ${name}`, () => assert.deepEqual(photoAccess(takenDown, refs, viewer), expected));
}

test('photo cache: nothing public is immutable or cached longer than a day; refusals and private answers are not stored', () => {
  for (const value of Object.values(PHOTO_CACHE)) assert.doesNotMatch(value, /immutable/);
  for (const value of [PHOTO_CACHE.unverified, PHOTO_CACHE.verified])
    assert.ok(Number(/max-age=(\d+)/.exec(value)?.[1]) <= 86400, value);
  assert.match(PHOTO_CACHE.restricted, /^private, no-store$/);
  assert.equal(PHOTO_CACHE.refused, 'no-store');
});

const SHA = 'ab'.padEnd(64, '0');
const storedPaths: [string, StoredFile | null][] = [
  [`originals/ab/${SHA}.jpg`, { kind: 'original', sha256: SHA }],
  [`originals/ab/${SHA}.heic`, { kind: 'original', sha256: SHA }],
  [`derived/ab/${SHA}.display.jpg`, { kind: 'display', sha256: SHA }],
  [`derived/ab/${SHA}.thumb.jpg`, { kind: 'thumb', sha256: SHA }],
  [`derived/ab/${SHA}.readable.jpg`, { kind: 'readable', sha256: SHA }],
  ['originals/ab/.tmp-0123abcd', { kind: 'temp' }],
  ['derived/ff/.tmp-99', { kind: 'temp' }],
  [`originals/cd/${SHA}.jpg`, null], // in the wrong fan-out folder: not ours to judge
  [`originals/ab/${SHA}.gif`, null],
  [`originals/ab/${SHA}.display.jpg`, null],
  [`derived/ab/${SHA}.original.jpg`, null],
  [`derived/ab/${SHA}.jpg`, null],
  [`originals/ab/${SHA.toUpperCase()}.jpg`, null],
  ['originals/ab/catatan.txt', null],
  ['.gitkeep', null],
  [`originals/${SHA}.jpg`, null],
  [`originals/ab/x/${SHA}.jpg`, null],
  [`../originals/ab/${SHA}.jpg`, null],
];
for (const [relPath, expected] of storedPaths) {
  test(`stored path: ${relPath} -> ${expected ? expected.kind : 'not a store file'}`, () =>
    assert.deepEqual(parseStoredPath(relPath), expected));
}

test('stored path: the inverse of originalPath and derivedPath', () => {
  assert.deepEqual(parseStoredPath(originalPath(SHA, 'webp')), { kind: 'original', sha256: SHA });
  for (const kind of ['display', 'thumb', 'readable'] as const)
    assert.deepEqual(parseStoredPath(derivedPath(SHA, kind)), { kind, sha256: SHA });
});

const facts = (over: Partial<SweepFacts> = {}): SweepFacts => ({
  referenced: false,
  takenDown: false,
  old: false,
  ...over,
});
const original: StoredFile = { kind: 'original', sha256: SHA };
const display: StoredFile = { kind: 'display', sha256: SHA };
const readable: StoredFile = { kind: 'readable', sha256: SHA };
const sweeps: [string, StoredFile, SweepFacts, 'remove' | 'keep'][] = [
  ['an orphan older than the grace period', original, facts({ old: true }), 'remove'],
  ['an orphan still within the grace period (an upload in flight)', original, facts(), 'keep'],
  ['a referenced original, however old', original, facts({ referenced: true, old: true }), 'keep'],
  ['an old temporary file', { kind: 'temp' }, facts({ old: true }), 'remove'],
  ['a young temporary file (a write in progress)', { kind: 'temp' }, facts(), 'keep'],
  ['a public copy of a taken-down photo, young', display, facts({ referenced: true, takenDown: true }), 'remove'],
  [
    'the original of a taken-down photo (evidence)',
    original,
    facts({ referenced: true, takenDown: true, old: true }),
    'keep',
  ],
  [
    'the readable copy of a taken-down photo (reader, cut-outs)',
    readable,
    facts({ referenced: true, takenDown: true, old: true }),
    'keep',
  ],
];
for (const [name, file, f, expected] of sweeps) {
  test(`sweep: ${name} -> ${expected}`, () => assert.equal(sweepVerdict(file, f), expected));
}
