import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  bandWithNeighbours,
  cutoutRect,
  derivedPath,
  dhashBands,
  dhashFromPixels,
  exifTimeToIso,
  hammingDistance,
  isSha256,
  originalPath,
  sniffImageType,
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
  ['grows by 15% (at least 8 px) each side', [[100, 200], [300, 200], [300, 260], [100, 260]], { left: 70, top: 191, width: 260, height: 78 }],
  ['clipped at the image edge', [[0, 0], [50, 0], [50, 40], [0, 40]], { left: 0, top: 0, width: 58, height: 48 }],
  ['tilted polygon: its bounding box', [[10, 20], [60, 10], [70, 40], [20, 50]], { left: 1, top: 2, width: 78, height: 56 }],
  ['outside the image', [[2000, 2000], [2100, 2100]], null],
  ['no points', [], null],
];
for (const [name, polygon, expected] of rects) {
  test(`cut-out rectangle: ${name}`, () => assert.deepEqual(cutoutRect(polygon, { width: 1000, height: 800 }), expected));
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
  test(`EXIF time ${String(raw)} ${String(offset)} -> ${expected}`, () => assert.equal(exifTimeToIso(raw, offset), expected));
}
