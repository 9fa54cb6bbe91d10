import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  applyHomography,
  composeHomography,
  fitAffine,
  fitHomography,
  invertHomography,
  localScale,
  reprojectionErrors,
  type Homography,
  type Point,
} from './homography.ts';

const cases: { name: string; h: Homography }[] = [
  { name: 'identity', h: [1, 0, 0, 0, 1, 0, 0, 0, 1] },
  { name: 'translation', h: [1, 0, 250, 0, 1, -40, 0, 0, 1] },
  { name: 'scale 0.7', h: [0.7, 0, 0, 0, 0.7, 0, 0, 0, 1] },
  { name: 'rotation 90', h: [0, -1, 3000, 1, 0, 0, 0, 0, 1] },
  { name: 'rotation 180', h: [-1, 0, 2400, 0, -1, 3600, 0, 0, 1] },
  { name: 'rotation 13 deg + scale', h: rotationScale(13, 1.3, 120, 80) },
  { name: 'strong perspective', h: [0.82, 0.11, 310, -0.07, 0.91, 220, 0.00009, -0.00004, 1] },
  { name: 'phone tilt', h: [0.55, -0.02, 700, 0.01, 0.6, 300, -0.00002, 0.00007, 1] },
];

const grid: Point[] = [];
for (let y = 0; y <= 3544; y += 886) for (let x = 0; x <= 2363; x += 590) grid.push({ x, y });

for (const { name, h } of cases) {
  test(`${name}: fitting the image of a grid gives back the same map`, () => {
    const fitted = fitHomography(grid.map((p) => ({ from: p, to: applyHomography(h, p) })));
    for (const p of grid) assertClose(applyHomography(fitted, p), applyHomography(h, p), 1e-6);
  });

  test(`${name}: inverse undoes the map`, () => {
    const inv = invertHomography(h);
    for (const p of grid) assertClose(applyHomography(inv, applyHomography(h, p)), p, 1e-6);
  });

  test(`${name}: composing with the inverse gives the identity`, () => {
    const id = composeHomography(h, invertHomography(h));
    for (const p of grid) assertClose(applyHomography(id, p), p, 1e-6);
  });
}

test('four exact corners give an exact fit; a fifth noisy point is shared out in least squares', () => {
  const h = cases[6].h;
  const corners = [
    { x: 0, y: 0 },
    { x: 2363, y: 0 },
    { x: 2363, y: 3544 },
    { x: 0, y: 3544 },
  ];
  const pairs = corners.map((p) => ({ from: p, to: applyHomography(h, p) }));
  assert.ok(Math.max(...reprojectionErrors(fitHomography(pairs), pairs)) < 1e-6);
  const centre = { x: 1181, y: 1772 };
  const moved = applyHomography(h, centre);
  const noisy = [...pairs, { from: centre, to: { x: moved.x + 10, y: moved.y } }];
  const errors = reprojectionErrors(fitHomography(noisy), noisy);
  assert.ok(errors[4] > 1 && errors[4] < 10, `centre residual ${errors[4]}`);
});

test('fewer than four pairs is refused', () => {
  assert.throws(() => fitHomography(grid.slice(0, 3).map((p) => ({ from: p, to: p }))), /4 point pairs/);
});

test('a singular map cannot be inverted', () => {
  assert.throws(() => invertHomography([1, 2, 3, 2, 4, 6, 0, 0, 1]), /singular/);
});

test('local scale reads the zoom of a similarity anywhere', () => {
  assert.ok(Math.abs(localScale(rotationScale(40, 0.45, 9, 9), { x: 500, y: 700 }) - 0.45) < 1e-9);
});

function rotationScale(deg: number, s: number, tx: number, ty: number): Homography {
  const r = (deg * Math.PI) / 180;
  return [s * Math.cos(r), -s * Math.sin(r), tx, s * Math.sin(r), s * Math.cos(r), ty, 0, 0, 1];
}

function assertClose(a: Point, b: Point, tol: number): void {
  assert.ok(Math.hypot(a.x - b.x, a.y - b.y) < tol, `${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
}

test('fitAffine recovers an affine map exactly', () => {
  const h: Homography = [0.8, -0.3, 410, 0.25, 0.9, -35, 0, 0, 1];
  const fitted = fitAffine(grid.filter((_, i) => i % 3 === 0).map((p) => ({ from: p, to: applyHomography(h, p) })));
  for (const p of grid) assertClose(applyHomography(fitted, p), applyHomography(h, p), 1e-6);
});

test('fitAffine from a tag-sized square with 1 px corner noise stays within ~25 px across the page', () => {
  const h: Homography = [0.7, 0.02, 300, -0.02, 0.7, 200, 0, 0, 1];
  const tag = [
    { x: 1946, y: 421 },
    { x: 2070, y: 421 },
    { x: 2068, y: 547 },
    { x: 1946, y: 547 },
  ];
  const noise = [
    [1, 0],
    [0, -1],
    [-1, 0],
    [0, 1],
  ];
  const pairs = tag.map((p, i) => {
    const q = applyHomography(h, p);
    return { from: p, to: { x: q.x + noise[i][0], y: q.y + noise[i][1] } };
  });
  const far = { x: 186, y: 3445 };
  const err = (m: Homography) =>
    Math.hypot(
      applyHomography(m, far).x - applyHomography(h, far).x,
      applyHomography(m, far).y - applyHomography(h, far).y,
    );
  assert.ok(err(fitAffine(pairs)) < 40, `affine error ${err(fitAffine(pairs))}`);
});
