import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import {
  boxCropRect,
  createDigitClassifier,
  DEFAULT_MODEL_PATH,
  loadDigitModelMetadata,
  type BoxImage,
  type Rect,
} from '@cocok/reader/tooling';
import { FORM_DIR } from '@cocok/reader/tooling';
import { CROPS_DIR } from '../src/reading/handwriting-crops.ts';

const CROPS = CROPS_DIR;
const FORM = FORM_DIR;
const PER_CLASS = 6;

type Layout = { pages: { page: number; image: string; fields: { boxes: Rect[] }[] }[] };
type Parity = { probabilities: Record<string, number> };
const layout: Layout = JSON.parse(readFileSync(`${FORM}/layout.json`, 'utf8'));
const meta = JSON.parse(readFileSync(DEFAULT_MODEL_PATH.replace(/\.onnx$/, '.json'), 'utf8'));

async function grayFile(path: string): Promise<BoxImage> {
  const { data, info } = await sharp(path).removeAlpha().grayscale().raw().toBuffer({ resolveWithObject: true });
  assert.equal(info.channels, 1);
  return { data: new Uint8Array(data), width: info.width, height: info.height };
}

function cut(page: BoxImage, r: Rect): BoxImage {
  const data = new Uint8Array(r.w * r.h);
  for (let y = 0; y < r.h; y++)
    data.set(page.data.subarray((r.y + y) * page.width + r.x, (r.y + y) * page.width + r.x + r.w), y * r.w);
  return { data, width: r.w, height: r.h };
}

/** PER_CLASS held-out crops per digit, spread evenly over the validation TPS (not hand-picked). */
function validationSample(): { file: string; label: string }[] {
  const valTps = new Set(
    readFileSync(DEFAULT_MODEL_PATH.replace(/digits\.onnx$/, 'digits-val-tps.txt'), 'utf8')
      .trim()
      .split('\n'),
  );
  const rows = readFileSync(`${CROPS}/manifest.csv`, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','));
  const sample: { file: string; label: string }[] = [];
  for (let d = 0; d <= 9; d++) {
    const rowsOfDigit = rows
      .filter((r) => r[1] === String(d) && valTps.has(r[2]))
      .sort((a, b) => a[0].localeCompare(b[0]));
    for (let k = 0; k < PER_CLASS; k++) {
      const r = rowsOfDigit[Math.floor(((k + 0.5) * rowsOfDigit.length) / PER_CLASS)];
      sample.push({ file: r[0], label: r[1] });
    }
  }
  return sample;
}

function maxDifference(a: Record<string, number>, b: Record<string, number>): number {
  return Math.max(...Object.keys(a).map((k) => Math.abs(a[k] - b[k])));
}

const classifier = await createDigitClassifier();
const pages = new Map<number, BoxImage>();
for (const p of layout.pages) pages.set(p.page, await grayFile(`${FORM}/${p.image}`));

test('digits.json agrees with this module (classes, crop margin, input size)', async () => {
  const m = await loadDigitModelMetadata(DEFAULT_MODEL_PATH);
  assert.equal(m.inputSize, 32);
  assert.deepEqual(classifier.classes, m.classes);
});

test('reads held-out handwriting (validation TPS only) at >= 90%', async () => {
  const sample = validationSample();
  assert.equal(sample.length, 10 * PER_CLASS);
  const boxes = await Promise.all(sample.map((s) => grayFile(`${CROPS}/images/${s.file}`)));
  const predictions = await classifier.classify(boxes);
  const wrong = sample.flatMap((s, i) =>
    predictions[i].label === s.label ? [] : [`${s.file}: ${predictions[i].label}`],
  );
  const accuracy = 1 - wrong.length / sample.length;
  assert.ok(accuracy >= 0.9, `accuracy ${accuracy}; wrong: ${wrong.join(', ')}`);
  for (const p of predictions) {
    const sum = Object.values(p.probabilities).reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(sum - 1) < 1e-4, 'probabilities sum to 1');
  }
});

test('every box of the three blank pages, cut with boxCropRect, is empty', async () => {
  for (const p of layout.pages) {
    const boxes = p.fields.flatMap((f) => f.boxes).map((b) => cut(pages.get(p.page)!, boxCropRect(b)));
    const predictions = await classifier.classify(boxes);
    predictions.forEach((pred, i) => {
      assert.equal(pred.label, 'empty', `page ${p.page} box ${i}: ${pred.label} ${pred.probability}`);
      assert.ok(pred.probability >= 0.9, `page ${p.page} box ${i}: empty only at ${pred.probability}`);
    });
  }
});

test('preprocessing matches the training pipeline (digits.json parity samples)', async () => {
  const blanks: (Parity & { page: number; box: Rect })[] = meta.parity.blankBoxes;
  const blankPredictions = await classifier.classify(blanks.map((b) => cut(pages.get(b.page)!, boxCropRect(b.box))));
  blanks.forEach((b, i) => assert.ok(maxDifference(b.probabilities, blankPredictions[i].probabilities) < 1e-3));
  const crops: (Parity & { file: string })[] = meta.parity.crops;
  const boxes = await Promise.all(crops.map((c) => grayFile(`${CROPS}/images/${c.file}`)));
  const predictions = await classifier.classify(boxes);
  crops.forEach((c, i) => {
    const d = maxDifference(c.probabilities, predictions[i].probabilities);
    assert.ok(d < 1e-3, `${c.file}: probabilities differ by ${d} from train.py's`);
  });
});

test('classify([]) returns [] and a malformed box is refused', async () => {
  assert.deepEqual(await classifier.classify([]), []);
  await assert.rejects(classifier.classify([{ data: new Uint8Array(5), width: 3, height: 3 }]), RangeError);
});
