import { test } from 'node:test';
import assert from 'node:assert/strict';
import { warpRegion } from './warp.ts';
import { downscale, type GrayImage } from './gray-image.ts';
import { composeHomography, scaling, translation, type Homography } from './homography.ts';

/** A 200 x 100 test card: value = x + y mod 256 keeps every pixel distinct along rows and columns. */
function card(): GrayImage {
  const width = 200;
  const height = 100;
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = (x + 2 * y) % 256;
  return { data, width, height };
}

const src = card();
const at = (x: number, y: number) => src.data[y * src.width + x];

const cases: {
  name: string;
  h: Homography;
  rect: { x: number; y: number; w: number; h: number };
  scale?: number;
  expect: (i: number, j: number) => number;
}[] = [
  {
    name: 'identity copies the rectangle',
    h: translation(0, 0),
    rect: { x: 10, y: 20, w: 30, h: 15 },
    expect: (i, j) => at(10 + j, 20 + i),
  },
  {
    name: 'a translation shifts the read',
    h: translation(7, 3),
    rect: { x: 0, y: 0, w: 20, h: 10 },
    expect: (i, j) => at(7 + j, 3 + i),
  },
  {
    name: 'layout at half the photo resolution skips every other pixel',
    h: scaling(2),
    rect: { x: 5, y: 5, w: 40, h: 20 },
    expect: (i, j) => at(10 + 2 * j, 10 + 2 * i),
  },
  {
    name: 'scale 2 output samples half-pixels (bilinear midpoints)',
    h: translation(0, 0),
    rect: { x: 10, y: 10, w: 10, h: 10 },
    scale: 2,
    expect: (i, j) => Math.floor(at(10, 10) + j / 2 + i + 0.5),
  },
  {
    name: '180-degree turn reads the card backwards',
    h: composeHomography(scaling(-1), translation(199, 99)),
    rect: { x: 0, y: 0, w: 50, h: 20 },
    expect: (i, j) => at(199 - j, 99 - i),
  },
];

for (const c of cases) {
  test(`warpRegion: ${c.name}`, () => {
    const out = warpRegion(src, c.h, c.rect, c.scale ?? 1);
    assert.equal(out.width, Math.round(c.rect.w * (c.scale ?? 1)));
    assert.equal(out.height, Math.round(c.rect.h * (c.scale ?? 1)));
    for (let i = 0; i < out.height; i++) {
      for (let j = 0; j < out.width; j++) assert.equal(out.data[i * out.width + j], c.expect(i, j), `pixel ${i},${j}`);
    }
  });
}

test('warpRegion fills what falls outside the photo', () => {
  const out = warpRegion(src, translation(-50, 0), { x: 0, y: 0, w: 100, h: 1 }, 1, 7);
  assert.equal(out.data[0], 7);
  assert.equal(out.data[49], 7);
  assert.equal(out.data[50], at(0, 0));
});

test('downscale averages whole blocks', () => {
  const img: GrayImage = { data: Uint8Array.from([0, 100, 200, 250, 10, 30, 40, 60]), width: 4, height: 2 };
  const out = downscale(img, 0.5);
  assert.deepEqual([out.width, out.height], [2, 1]);
  assert.deepEqual([...out.data], [35, 138]);
});
