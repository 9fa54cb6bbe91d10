import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  chooseTag,
  detectionLongSides,
  detectionOrder,
  tagShapeError,
  toFullImage,
  type ScaledDetections,
} from './page-locator.logic.ts';
import type { TagDetection } from './tag-detector.ts';

const square = (x: number, y: number, side: number) => [
  { x, y },
  { x: x + side, y },
  { x: x + side, y: y + side },
  { x, y: y + side },
];
const tag = (id: number, x: number, y: number, hamming = 0, side = 90): TagDetection => ({
  id,
  corners: square(x, y, side),
  hamming,
});

const cases: { name: string; input: ScaledDetections[]; expect: string }[] = [
  { name: 'nothing seen', input: [{ factor: 0.5, detections: [] }], expect: 'none' },
  { name: 'an exact page-2 tag', input: [{ factor: 0.5, detections: [tag(102, 1500, 600)] }], expect: 'found 2 @1' },
  {
    name: 'the same tag at two scales',
    input: [
      { factor: 0.5, detections: [tag(103, 1500, 600)] },
      { factor: 0.7, detections: [tag(103, 1502, 601)] },
    ],
    expect: 'found 3 @2',
  },
  {
    name: 'a 2-bit decode seen once is not trusted',
    input: [{ factor: 0.5, detections: [tag(101, 1500, 600, 2)] }],
    expect: 'none',
  },
  {
    name: 'a 2-bit decode seen at two scales is',
    input: [
      { factor: 0.5, detections: [tag(101, 1500, 600, 2)] },
      { factor: 1, detections: [tag(101, 1501, 600, 1)] },
    ],
    expect: 'found 1 @2',
  },
  {
    name: 'a tag of another family member is ignored',
    input: [{ factor: 0.5, detections: [tag(7, 100, 100), tag(101, 1500, 600)] }],
    expect: 'found 1 @1',
  },
  {
    name: 'too many wrong bits is ignored',
    input: [{ factor: 0.5, detections: [tag(102, 1500, 600, 4)] }],
    expect: 'none',
  },
  {
    name: 'pages 1 and 2 side by side',
    input: [{ factor: 0.5, detections: [tag(101, 800, 300), tag(102, 2400, 300)] }],
    expect: 'multiple 1,2',
  },
  {
    name: 'two copies of page 3',
    input: [{ factor: 0.5, detections: [tag(103, 800, 300), tag(103, 2400, 300)] }],
    expect: 'multiple 3',
  },
];

for (const c of cases) {
  test(`chooseTag: ${c.name}`, () => {
    const r = chooseTag(c.input);
    const got =
      r.kind === 'found'
        ? `found ${r.page} @${r.scales}`
        : r.kind === 'multiple'
          ? `multiple ${r.pages.join(',')}`
          : 'none';
    assert.equal(got, c.expect);
  });
}

test('chooseTag keeps the corners from the finest scale', () => {
  const r = chooseTag([
    { factor: 0.3, detections: [tag(102, 1500, 600)] },
    { factor: 0.9, detections: [tag(102, 1503, 602)] },
  ]);
  assert.equal(r.kind, 'found');
  if (r.kind === 'found') assert.deepEqual(r.detection.corners[0], { x: 1503, y: 602 });
});

test('toFullImage maps pixel centres back through a downscale', () => {
  assert.deepEqual(toFullImage({ x: 0, y: 0 }, 0.5), { x: 0.5, y: 0.5 });
  assert.deepEqual(toFullImage({ x: 9.5, y: 4.5 }, 0.5), { x: 19.5, y: 9.5 });
  assert.deepEqual(toFullImage({ x: 7, y: 3 }, 1), { x: 7, y: 3 });
});

test('detection scales: the full image plus the usual sizes below it, full size tried last', () => {
  assert.deepEqual(detectionLongSides(3000), [3000, 2000, 1400, 1000, 700]);
  assert.deepEqual(detectionLongSides(1600), [1600, 1400, 1000, 700]);
  assert.deepEqual(detectionOrder([3000, 2000, 1400, 1000, 700]), [1400, 2000, 1000, 700, 3000]);
  assert.deepEqual(detectionOrder([1200, 1000, 700]), [1000, 700, 1200]);
});

const layoutTag = square(1946, 421, 124);
const shapeCases: { name: string; seen: { x: number; y: number }[]; max: number; min?: number }[] = [
  { name: 'exactly where expected', seen: layoutTag, max: 1e-9 },
  { name: 'seen 8% too large (blur bloat) costs nothing', seen: square(1941, 416, 134), max: 1e-6 },
  { name: 'shifted by 5 px', seen: square(1951, 421, 124), max: 5.01, min: 4.99 },
  { name: 'rotated by 10 degrees', seen: rotated(layoutTag, 10), max: 30, min: 10 },
  { name: 'half the size: the map is wrong', seen: square(1977, 452, 62), max: Infinity, min: 100 },
];

for (const c of shapeCases) {
  test(`tagShapeError: ${c.name}`, () => {
    const e = tagShapeError(c.seen, layoutTag);
    assert.ok(e <= c.max && e >= (c.min ?? 0), `error ${e}`);
  });
}

function rotated(points: { x: number; y: number }[], deg: number) {
  const r = (deg * Math.PI) / 180;
  const cx = 2008;
  const cy = 483;
  return points.map((p) => ({
    x: cx + (p.x - cx) * Math.cos(r) - (p.y - cy) * Math.sin(r),
    y: cy + (p.x - cx) * Math.sin(r) + (p.y - cy) * Math.cos(r),
  }));
}
