import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import type { GrayImage } from '../src/gray-image.ts';
import { applyHomography, invertHomography } from '../src/homography.ts';
import { decodePhoto } from '../src/image-decode.ts';
import { markCorner, pageLayout, tagCorners } from '../src/page-layout.ts';
import { locatePage, type PageLocation } from '../src/page-locator.ts';
import { findCornerMark } from '../src/corner-mark.ts';
import { blankRender, boxMisalignment } from './alignment.ts';
import { PHOTO_TRUTH } from '@cocok/testing';
import { fixture } from '@cocok/testing';

const truth = PHOTO_TRUTH;

async function decoded(path: string): Promise<GrayImage> {
  const r = await decodePhoto(readFileSync(path));
  assert.ok(r.ok, `decode ${path}`);
  return r.image;
}

function located(image: GrayImage): PageLocation {
  const r = locatePage(image);
  assert.ok(r.ok, `locate: ${JSON.stringify(r)}`);
  return r;
}

const photos = new Map<string, GrayImage>();
for (const file of Object.keys(truth)) photos.set(file, await decoded(fixture(`photos/${file}`)));

/**
 * How far a box may sit from where the page-wide map puts it. A homography cannot bend: the page-1
 * photo fills the frame and its lower half shows ~11 px of lens (or screen) distortion between marks
 * that are themselves fitted exactly; the other two photos stay within 5 px.
 */
const BOX_TOLERANCE: Record<string, number> = {
  'page-1-blank-on-screen.jpg': 13,
  'page-2-on-screen.jpg': 6,
  'page-3-on-screen.jpg': 6,
};

for (const [file, { page }] of Object.entries(truth)) {
  test(`${file}: page ${page} found, all four corner marks used, tag where the map says`, () => {
    const r = located(photos.get(file) as GrayImage);
    assert.equal(r.page, page);
    assert.equal(r.quality.marksFound, 4);
    assert.equal(r.quality.method, 'corner-marks');
    // Independent of the marks: the tag's centre and shape, mapped back, land on layout.json's tag.
    assert.ok(r.quality.tagErrorPx < 8, `tag error ${r.quality.tagErrorPx} layout px`);
  });

  test(`${file}: every digit box is where the map puts it, within ${BOX_TOLERANCE[file]} layout px (boxes are 75 px)`, async () => {
    const image = photos.get(file) as GrayImage;
    const r = located(image);
    const render = await blankRender(r.page);
    const offsets = pageLayout(r.page).fields.flatMap((f) =>
      f.boxes.map((b) => boxMisalignment(image, r.homography, render, b)),
    );
    const worst = Math.max(...offsets.map((o) => Math.hypot(o.dx, o.dy)));
    assert.ok(worst <= BOX_TOLERANCE[file], `worst box ${worst.toFixed(1)} px: ${JSON.stringify(offsets)}`);
  });
}

test('the blank renders themselves locate to the identity map (marks measured where page-layout says)', async () => {
  for (const page of [1, 2, 3] as const) {
    const r = located(await blankRender(page));
    assert.equal(r.page, page);
    for (const p of [
      { x: 0, y: 0 },
      { x: 2362, y: 3543 },
      { x: 1181, y: 1772 },
    ]) {
      const q = applyHomography(r.homography, p);
      assert.ok(Math.hypot(q.x - p.x, q.y - p.y) < 1, `page ${page} ${JSON.stringify(p)} -> ${JSON.stringify(q)}`);
    }
    for (const mark of pageLayout(page).cornerMarks) {
      const hit = findCornerMark(await blankRender(page), [1, 0, 0, 0, 1, 0, 0, 0, 1], mark, 40, 1);
      assert.ok(hit && Math.hypot(hit.layout.x - markCorner(mark).x, hit.layout.y - markCorner(mark).y) < 0.5);
    }
  }
});

test('a photo turned upside down still gives its page and the same map, turned', async () => {
  const image = photos.get('page-3-on-screen.jpg') as GrayImage;
  const turned = await sharp(Buffer.from(image.data), {
    raw: { width: image.width, height: image.height, channels: 1 },
  })
    .rotate(180)
    .grayscale()
    .raw()
    .toBuffer();
  const r = located({ data: new Uint8Array(turned), width: image.width, height: image.height });
  const upright = located(image);
  assert.equal(r.page, 3);
  const page = pageLayout(3);
  for (const p of [...page.cornerMarks.map(markCorner), ...tagCorners(page), { x: 1900, y: 1300 }]) {
    const a = applyHomography(upright.homography, p);
    const b = applyHomography(r.homography, p);
    const d = Math.hypot(image.width - 1 - b.x - a.x, image.height - 1 - b.y - a.y);
    assert.ok(d < 2, `${JSON.stringify(p)} differs by ${d.toFixed(2)} px`);
  }
});

test('a picture with no form in it is refused as no-tag, with an Indonesian message', async () => {
  const r = locatePage(await decoded(fixture('bad/not-a-form.jpg')));
  assert.equal(r.ok ? 'ok' : r.reason, 'no-tag');
  if (!r.ok) assert.match(r.message, /Foto seluruh halaman/);
});

test('two pages in one photo are refused as multiple-pages', async () => {
  const half = async (page: number) => {
    const img = await blankRender(page);
    return sharp(Buffer.from(img.data), { raw: { width: img.width, height: img.height, channels: 1 } })
      .resize(1000)
      .grayscale()
      .raw()
      .toBuffer();
  };
  const [a, b] = await Promise.all([half(1), half(2)]);
  const height = Math.round((3544 * 1000) / 2363);
  const both = await sharp({ create: { width: 2100, height, channels: 3, background: '#808080' } })
    .composite([
      { input: a, raw: { width: 1000, height, channels: 1 }, left: 0, top: 0 },
      { input: b, raw: { width: 1000, height, channels: 1 }, left: 1100, top: 0 },
    ])
    .grayscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const r = locatePage({ data: new Uint8Array(both.data), width: both.info.width, height: both.info.height });
  assert.equal(r.ok ? 'ok' : r.reason, 'multiple-pages');
});

test('layout.json points map back onto themselves through the inverse', () => {
  const r = located(photos.get('page-2-on-screen.jpg') as GrayImage);
  const inv = invertHomography(r.homography);
  for (const p of tagCorners(pageLayout(2))) {
    const back = applyHomography(inv, applyHomography(r.homography, p));
    assert.ok(Math.hypot(back.x - p.x, back.y - p.y) < 1e-6);
  }
});
