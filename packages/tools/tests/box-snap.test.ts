import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { snapBoxes } from '@cocok/reader/tooling';
import { createCropLibrary } from '../src/reading/handwriting-crops.ts';
import { applyHomography, IDENTITY, invertHomography, translation } from '@cocok/reader/tooling';
import { decodePhoto } from '@cocok/reader/tooling';
import { pageLayout } from '@cocok/reader/tooling';
import { locatePage } from '@cocok/reader/tooling';
import { bentPoint } from '../src/reading/photo-simulator.logic.ts';
import { createPhotoSimulator } from '../src/reading/photo-simulator.ts';
import { blankRender, boxMisalignment } from '@cocok/reader/test-support/alignment';
import { fixture } from '@cocok/testing';

/**
 * layout.json's box rects are up to 3 px smaller than the printed boxes, so even on a perfect map the
 * snap centres on the printed box ~1 px lower: shifts are compared net of the shift on the render.
 */
async function baseShift(page: 1 | 2 | 3, field: number) {
  return snapBoxes(await blankRender(page), IDENTITY, pageLayout(page).fields[field].boxes);
}

test('on a blank render moved by a known amount, every field snaps by that amount', async () => {
  for (const page of [1, 2, 3] as const) {
    const render = await blankRender(page);
    for (const [tx, ty] of [
      [4, -6],
      [-9, 11],
      [0, 0],
    ]) {
      for (const [i, f] of pageLayout(page).fields.entries()) {
        const s = snapBoxes(render, translation(-tx, -ty), f.boxes);
        const base = await baseShift(page, i);
        assert.deepEqual([s.dx - base.dx, s.dy - base.dy], [tx, ty], `page ${page} ${f.field}`);
      }
    }
  }
});

for (const file of ['page-1-blank-on-screen.jpg', 'page-2-on-screen.jpg', 'page-3-on-screen.jpg']) {
  test(`${file}: after snapping, every box is within 3 px of the printed one (up to 12 px before)`, async () => {
    const d = await decodePhoto(readFileSync(fixture(`photos/${file}`)));
    assert.ok(d.ok);
    if (!d.ok) return;
    const r = locatePage(d.image);
    assert.ok(r.ok);
    if (!r.ok) return;
    const render = await blankRender(r.page);
    for (const [i, f] of pageLayout(r.page).fields.entries()) {
      const s = snapBoxes(d.image, r.homography, f.boxes);
      const base = await baseShift(r.page, i);
      for (const b of f.boxes) {
        const m = boxMisalignment(d.image, r.homography, render, b);
        const residual = Math.hypot(m.dx - (s.dx - base.dx), m.dy - (s.dy - base.dy));
        assert.ok(
          residual <= 3,
          `${f.field}: printed box at ${m.dx},${m.dy}, snapped ${s.dx - base.dx},${s.dy - base.dy}`,
        );
      }
    }
  });
}

test('a simulated sheet bent by 9.9 px: snapping finds where the simulator really drew each field', async () => {
  const photo = await createPhotoSimulator({ crops: createCropLibrary() }).simulate(3, {
    seed: 35,
    megapixels: [2, 3],
  });
  assert.ok(photo.truth.photo.bend > 8);
  const d = await decodePhoto(photo.jpeg);
  assert.ok(d.ok);
  if (!d.ok) return;
  const r = locatePage(d.image);
  assert.ok(r.ok);
  if (!r.ok) return;
  const toLayout = invertHomography(r.homography);
  let before = 0;
  for (const [i, f] of pageLayout(r.page).fields.entries()) {
    const c = { x: f.boxes[1].x + f.boxes[1].w / 2, y: f.boxes[1].y + f.boxes[1].h / 2 };
    const drawn = applyHomography(
      photo.truth.homography,
      bentPoint(c, photo.truth.photo.bend, { width: 2363, height: 3544 }),
    );
    const seen = applyHomography(toLayout, { x: drawn.x * d.scale, y: drawn.y * d.scale });
    const s = snapBoxes(d.image, r.homography, f.boxes);
    const base = await baseShift(r.page, i);
    before = Math.max(before, Math.hypot(seen.x - c.x, seen.y - c.y));
    const residual = Math.hypot(seen.x - c.x - (s.dx - base.dx), seen.y - c.y - (s.dy - base.dy));
    assert.ok(
      residual <= 2,
      `${f.field}: drawn ${(seen.x - c.x).toFixed(1)},${(seen.y - c.y).toFixed(1)}, snapped ${s.dx - base.dx},${s.dy - base.dy}`,
    );
  }
  assert.ok(before > 4, `the bend should have moved some field by over 4 px, moved ${before.toFixed(1)}`);
});
