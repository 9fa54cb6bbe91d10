/**
 * `node --import tsx packages/tools/src/train-digits/bench-classifier.ts [--runs N]`: how long one page's worth of
 * boxes takes to classify. Uses 70 real-sized boxes (page 1's 66 and four of page 2, cut with
 * boxCropRect from the blank renders), one classify() call per run, after one warm-up call, and
 * prints the median, min and max of N runs (default 20).
 */
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { arg } from '../cli-support.ts';
import { FORM_DIR, boxCropRect, createDigitClassifier, type BoxImage, type Rect } from '@cocok/reader/tooling';

const FORM = FORM_DIR;
const BOXES = 70;
const runs = Number(arg('--runs') ?? 20);

type Layout = { pages: { image: string; fields: { boxes: Rect[] }[] }[] };
const layout: Layout = JSON.parse(readFileSync(`${FORM}layout.json`, 'utf8'));

async function pageBoxes(index: number): Promise<BoxImage[]> {
  const page = layout.pages[index];
  const { data, info } = await sharp(`${FORM}${page.image}`).grayscale().raw().toBuffer({ resolveWithObject: true });
  return page.fields
    .flatMap((f) => f.boxes)
    .map((b) => {
      const r = boxCropRect(b);
      const out = new Uint8Array(r.w * r.h);
      for (let y = 0; y < r.h; y++)
        out.set(data.subarray((r.y + y) * info.width + r.x, (r.y + y) * info.width + r.x + r.w), y * r.w);
      return { data: out, width: r.w, height: r.h };
    });
}

const boxes = [...(await pageBoxes(0)), ...(await pageBoxes(1))].slice(0, BOXES);
const classifier = await createDigitClassifier();
await classifier.classify(boxes);
const times: number[] = [];
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  await classifier.classify(boxes);
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const median =
  times.length % 2 ? times[(times.length - 1) / 2] : (times[times.length / 2 - 1] + times[times.length / 2]) / 2;
console.log(
  `${boxes.length} boxes (${boxes[0].width}x${boxes[0].height} .. ${boxes.at(-1)!.width}x${boxes.at(-1)!.height}), ${runs} runs: ` +
    `median ${median.toFixed(2)} ms, min ${times[0].toFixed(2)} ms, max ${times.at(-1)!.toFixed(2)} ms`,
);
