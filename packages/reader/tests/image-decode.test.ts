import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { decodePhoto } from '../src/image-decode.ts';
import { fixture } from '@cocok/testing';

const bad = (name: string) => readFileSync(fixture(`bad/${name}`));
const photo = (name: string) => readFileSync(fixture(`photos/${name}`));

const refusals: { file: string; reason: string }[] = [
  { file: 'text-renamed.jpg', reason: 'not-an-image' },
  { file: 'truncated.jpg', reason: 'truncated' },
  { file: 'one-pixel.png', reason: 'too-small' },
  { file: 'bomb-30000x30000.png', reason: 'too-large' },
];

for (const { file, reason } of refusals) {
  test(`${file} is refused as ${reason}, with an Indonesian message`, async () => {
    const r = await decodePhoto(bad(file));
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.equal(r.reason, reason);
    assert.match(r.message, /foto|berkas|gambar/i);
  });
}

test('the decompression bomb is refused from its header, without decoding 900 megapixels', async () => {
  const t = performance.now();
  await decodePhoto(bad('bomb-30000x30000.png'));
  assert.ok(performance.now() - t < 500, `took ${performance.now() - t} ms`);
});

test('an empty upload is refused', async () => {
  const r = await decodePhoto(Buffer.alloc(0));
  assert.equal(r.ok ? 'ok' : r.reason, 'empty');
});

test('iPhone HEIC (HEVC) is decoded upright to the same pixels as the JPEG it was made from', async () => {
  const r = await decodePhoto(bad('iphone.heic'));
  assert.ok(r.ok, r.ok ? '' : r.reason);
  if (!r.ok) return;
  assert.equal(r.format, 'heic');
  assert.deepEqual([r.image.width, r.image.height], [900, 1200]);
  // make-bad-fixtures.ts encoded it from page-3-on-screen.jpg resized to 900 px wide, at quality 40.
  const source = await sharp(photo('page-3-on-screen.jpg')).resize(900).grayscale().raw().toBuffer();
  let diff = 0;
  for (let i = 0; i < source.length; i++) diff += Math.abs(source[i] - r.image.data[i]);
  assert.ok(diff / source.length < 6, `mean difference ${diff / source.length}`);
});

test('a second real HEIC (another encoder setting) decodes too; it is refused only for its size', async () => {
  const r = await decodePhoto(readFileSync(fixture('uploads/pattern-320x240.heic')));
  assert.equal(r.ok ? 'ok' : r.reason, 'too-small');
});

test('a HEIC cut short is refused with a reason, not a crash', async () => {
  const heic = bad('iphone.heic');
  const r = await decodePhoto(heic.subarray(0, Math.floor(heic.length / 2)));
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.ok(['unreadable', 'truncated', 'unsupported-heic'].includes(r.reason), r.reason);
  assert.match(r.message, /foto/i);
});

test("a picture that is not a form still decodes (refusing it is the locator's job)", async () => {
  const r = await decodePhoto(bad('not-a-form.jpg'));
  assert.equal(r.ok, true);
});

test('a 12 MP phone photo is decoded to a 3000 px grayscale working image', async () => {
  const r = await decodePhoto(photo('page-2-on-screen.jpg'));
  assert.ok(r.ok);
  if (!r.ok) return;
  assert.deepEqual([r.image.width, r.image.height], [2250, 3000]);
  assert.equal(r.image.data.length, 2250 * 3000);
  assert.deepEqual(r.original, { width: 3024, height: 4032 });
  assert.ok(Math.abs(r.scale - 2250 / 3024) < 1e-9);
});

test('EXIF orientation is applied: pixels stored sideways come back upright', async () => {
  const upright = await sharp(photo('page-3-on-screen.jpg')).resize(750, 1000).grayscale().raw().toBuffer();
  // Orientation 6 means "rotate 90 degrees clockwise to view": store the pixels turned the other way.
  const sideways = await sharp(upright, { raw: { width: 750, height: 1000, channels: 1 } })
    .rotate(-90)
    .jpeg({ quality: 95 })
    .withMetadata({ orientation: 6 })
    .toBuffer();
  const r = await decodePhoto(sideways);
  assert.ok(r.ok);
  if (!r.ok) return;
  assert.deepEqual([r.image.width, r.image.height], [750, 1000]);
  let diff = 0;
  for (let i = 0; i < upright.length; i++) diff += Math.abs(upright[i] - r.image.data[i]);
  assert.ok(diff / upright.length < 4, `mean difference ${diff / upright.length}`);
});
