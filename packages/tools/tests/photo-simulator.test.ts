import { test } from 'node:test';
import assert from 'node:assert/strict';
import { failedChecks, runChecks } from '@cocok/domain';
import { PAGE_FIELDS } from '@cocok/domain';
import { createCropLibrary, readManifest } from '../src/reading/handwriting-crops.ts';
import { applyHomography, localScale } from '@cocok/reader/tooling';
import { decodePhoto } from '@cocok/reader/tooling';
import { pageLayout } from '@cocok/reader/tooling';
import { locatePage } from '@cocok/reader/tooling';
import { bentPoint, createRng } from '../src/reading/photo-simulator.logic.ts';
import { createPhotoSimulator, tpsSheet } from '../src/reading/photo-simulator.ts';

const SEED = 20240214;
const PAGE = { width: 2363, height: 3544 };
const simulator = createPhotoSimulator({ crops: createCropLibrary() });
const options = { seed: SEED, megapixels: [2, 3] as [number, number] };
const photos = [await simulator.simulate(0, options), await simulator.simulate(4, options)];

for (const photo of photos) {
  test(`${photo.name}: the locator finds page ${photo.truth.page} and maps every box where the simulator drew it (within 2 px + the sheet's bend)`, async () => {
    const d = await decodePhoto(photo.jpeg);
    assert.ok(d.ok);
    if (!d.ok) return;
    assert.deepEqual(d.original, { width: photo.truth.photo.width, height: photo.truth.photo.height });
    const r = locatePage(d.image);
    assert.ok(r.ok, JSON.stringify(r));
    if (!r.ok) return;
    assert.equal(r.page, photo.truth.page);
    for (const field of pageLayout(r.page).fields) {
      for (const b of field.boxes) {
        const c = { x: b.x + b.w / 2, y: b.y + b.h / 2 };
        const want = applyHomography(photo.truth.homography, bentPoint(c, photo.truth.photo.bend, PAGE));
        const got = applyHomography(r.homography, c);
        const err =
          Math.hypot(got.x / d.scale - want.x, got.y / d.scale - want.y) / localScale(photo.truth.homography, c);
        assert.ok(
          err < 2 + photo.truth.photo.bend,
          `${field.field}: ${err.toFixed(2)} layout px off (bend ${photo.truth.photo.bend})`,
        );
      }
    }
  });
}

test("the truth lists exactly the page's fields, each a number that fits three boxes or null", () => {
  for (const photo of photos) {
    assert.deepEqual(Object.keys(photo.truth.fields).sort(), [...PAGE_FIELDS[photo.truth.page]].sort());
    for (const v of Object.values(photo.truth.fields))
      assert.ok(v === null || (Number.isInteger(v) && v >= 0 && v <= 999));
  }
});

test('the same seed and index give the same photo, byte for byte; another seed does not', async () => {
  const again = await simulator.simulate(0, options);
  assert.ok(again.jpeg.equals(photos[0].jpeg));
  assert.deepEqual(again.truth, photos[0].truth);
  const other = await simulator.simulate(0, { ...options, seed: SEED + 1 });
  assert.ok(!other.jpeg.equals(photos[0].jpeg));
});

test("a TPS's three pages agree: every check passes on 200 simulated sheets", () => {
  for (let t = 0; t < 200; t++) {
    const { values } = tpsSheet(SEED, t, 0);
    assert.deepEqual(
      failedChecks(runChecks(values, { overseas: false })).map((c) => c.id),
      [],
    );
  }
});

test('an injected inconsistency makes a check fail and is named in the sheet', () => {
  for (let t = 0; t < 50; t++) {
    const sheet = tpsSheet(SEED, t, 1);
    assert.ok(sheet.inconsistent);
    assert.ok(failedChecks(runChecks(sheet.values, { overseas: false })).length > 0);
  }
});

test('--val-only: a library limited to some TPS only ever hands out their crops', async () => {
  const manifest = readManifest();
  const tps = new Set(manifest.slice(0, 600).map((e) => e.tps));
  const lib = createCropLibrary({ onlyTps: tps });
  const rng = createRng(1);
  const byFile = new Map(manifest.map((e) => [e.file, e.tps]));
  for (let i = 0; i < 60; i++) {
    const e = await lib.pick(i % 7 === 0 ? { kind: 'cross' } : { kind: 'digit', digit: i % 10 }, rng);
    if (e) assert.ok(tps.has(byFile.get(e.file) as string));
  }
  assert.ok(lib.size < manifest.length);
});
