import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  areaResize,
  areaWeights,
  boxCropRect,
  prepareBox,
  toPrediction,
  DIGIT_CLASSES,
  type BoxImage,
} from './digit-classifier.logic.ts';

test('boxCropRect grows a layout box by the margin on every side', () => {
  const cases = [
    { box: { x: 1209, y: 1519, w: 75, h: 72 }, margin: undefined, want: { x: 1205, y: 1515, w: 83, h: 80 } },
    { box: { x: 1789, y: 725, w: 83, h: 79 }, margin: 0, want: { x: 1789, y: 725, w: 83, h: 79 } },
    { box: { x: 10, y: 20, w: 30, h: 40 }, margin: 2, want: { x: 8, y: 18, w: 34, h: 44 } },
  ];
  for (const c of cases) assert.deepEqual(boxCropRect(c.box, c.margin), c.want);
});

test('areaWeights: every output pixel averages exactly one input span', () => {
  const cases = [
    { nIn: 32, nOut: 32 },
    { nIn: 91, nOut: 32 },
    { nIn: 64, nOut: 32 },
    { nIn: 23, nOut: 32 },
  ];
  for (const { nIn, nOut } of cases) {
    const { start, weights } = areaWeights(nIn, nOut);
    let total = 0;
    for (let o = 0; o < nOut; o++) {
      const sum = weights[o].reduce((a, b) => a + b, 0);
      assert.ok(Math.abs(sum - 1) < 1e-9, `${nIn}->${nOut} row ${o} sums to ${sum}`);
      assert.ok(start[o] >= 0 && start[o] + weights[o].length <= nIn);
      total += sum * (nIn / nOut);
    }
    assert.ok(Math.abs(total - nIn) < 1e-6, 'each input pixel is used exactly once in total');
  }
  assert.deepEqual(Array.from(areaWeights(64, 32).weights[5]), [0.5, 0.5]);
  assert.deepEqual(Array.from(areaWeights(4, 4).weights[2]), [1]);
});

function gradientBox(width: number, height: number): BoxImage {
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = (x * 255) / (width - 1);
  return { data, width, height };
}

test('areaResize keeps flat images flat and halves a 2x image exactly', () => {
  const flat = { data: new Uint8Array(91 * 88).fill(200), width: 91, height: 88 };
  for (const v of areaResize(flat, 32)) assert.ok(Math.abs(v - 200) < 1e-9);
  const big = { data: new Uint8Array(64 * 64), width: 64, height: 64 };
  big.data.fill(255, 0, 64 * 32); // top half white
  const out = areaResize(big, 32);
  assert.equal(out[0], 255);
  assert.equal(out[31 * 32], 0);
  const ramp = areaResize(gradientBox(64, 8), 32);
  assert.ok(ramp[31] > ramp[30] && ramp[1] > ramp[0], 'a left-to-right ramp stays a ramp');
});

test('prepareBox standardises to zero mean, unit variance, and floors the std of a flat crop', () => {
  const out = new Float32Array(2 * 1024);
  prepareBox(gradientBox(83, 80), 32, 0.02, out, 0);
  const first = out.subarray(0, 1024);
  const mean = first.reduce((a, b) => a + b, 0) / 1024;
  const variance = first.reduce((a, b) => a + (b - mean) ** 2, 0) / 1024;
  assert.ok(Math.abs(mean) < 1e-5 && Math.abs(variance - 1) < 1e-4, `mean ${mean} variance ${variance}`);
  const flat = { data: new Uint8Array(40 * 40).fill(128), width: 40, height: 40 };
  prepareBox(flat, 32, 0.02, out, 1024);
  assert.ok(out.subarray(1024).every((v) => Math.abs(v) < 1e-5));
});

test('prepareBox rejects a buffer that does not match its size', () => {
  const out = new Float32Array(1024);
  assert.throws(() => prepareBox({ data: new Uint8Array(10), width: 4, height: 4 }, 32, 0.02, out, 0), RangeError);
  assert.throws(() => prepareBox({ data: new Uint8Array(0), width: 0, height: 0 }, 32, 0.02, out, 0), RangeError);
});

test('toPrediction picks the most probable class of its row', () => {
  const row = (hot: number, p: number) => DIGIT_CLASSES.map((_, i) => (i === hot ? p : (1 - p) / 10));
  const probs = [...row(3, 0.9), ...row(10, 0.6)];
  const cases = [
    { offset: 0, label: '3', probability: 0.9 },
    { offset: 11, label: 'empty', probability: 0.6 },
  ];
  for (const c of cases) {
    const got = toPrediction(probs, c.offset, DIGIT_CLASSES);
    assert.equal(got.label, c.label);
    assert.equal(got.probability, c.probability);
    assert.equal(Object.keys(got.probabilities).length, 11);
  }
});
