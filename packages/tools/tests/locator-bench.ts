/**
 * Page finding over a folder of photos with a truth.json (real fixtures or simulate-photos output):
 *
 *   node --import tsx tests/reading/locator-bench.ts DIR
 *
 * Per photo: page found or why not, and when the truth has the simulator's homography, how far (in
 * layout px) the found map puts the digit boxes from where the simulator drew them (on a bent sheet
 * a homography cannot follow the bend: expect up to the truth's `bend`). Times decode,
 * locate, and warping every digit box of the page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { applyHomography, localScale, type Homography } from '@cocok/reader/tooling';
import { decodePhoto } from '@cocok/reader/tooling';
import { pageLayout } from '@cocok/reader/tooling';
import { locatePage } from '@cocok/reader/tooling';
import { warpRegion } from '@cocok/reader/tooling';
import { bentPoint } from '../src/reading/photo-simulator.logic.ts';

const dir = process.argv[2];
if (!dir) throw new Error('usage: locator-bench.ts DIR');
const truth = JSON.parse(readFileSync(path.join(dir, 'truth.json'), 'utf8')) as Record<
  string,
  { page: number; homography?: Homography; photo?: { bend: number } }
>;
const times = { decode: [] as number[], locate: [] as number[], warp: [] as number[] };
let found = 0;
const failures: string[] = [];
const boxErrors: number[] = [];

for (const [file, t] of Object.entries(truth)) {
  const t0 = performance.now();
  const d = await decodePhoto(readFileSync(path.join(dir, file)));
  const t1 = performance.now();
  if (!d.ok) {
    failures.push(`${file}: decode ${d.reason}`);
    continue;
  }
  const r = locatePage(d.image);
  const t2 = performance.now();
  times.decode.push(t1 - t0);
  times.locate.push(t2 - t1);
  if (!r.ok || r.page !== t.page) {
    failures.push(`${file}: ${r.ok ? `page ${r.page}, expected ${t.page}` : r.reason}`);
    continue;
  }
  const boxes = pageLayout(r.page).fields.flatMap((f) => f.boxes);
  const t3 = performance.now();
  for (const b of boxes) warpRegion(d.image, r.homography, b);
  times.warp.push(performance.now() - t3);
  found++;
  let worst = 0;
  if (t.homography) {
    // Truth is in original photo pixels; the working image is scaled by d.scale.
    for (const b of boxes) {
      const c = { x: b.x + b.w / 2, y: b.y + b.h / 2 };
      const want = applyHomography(t.homography, bentPoint(c, t.photo?.bend ?? 0, { width: 2363, height: 3544 }));
      const got = applyHomography(r.homography, c);
      const err = Math.hypot(got.x / d.scale - want.x, got.y / d.scale - want.y) / localScale(t.homography, c);
      worst = Math.max(worst, err);
    }
    boxErrors.push(worst);
  }
  console.log(
    `${file}  page ${r.page}  marks ${r.quality.marksFound}  tagErr ${r.quality.tagErrorPx}  ${t.homography ? `worst box ${worst.toFixed(2)} px (bend ${t.photo?.bend ?? 0})  ` : ''}decode ${(t1 - t0).toFixed(0)} ms  locate ${(t2 - t1).toFixed(0)} ms`,
  );
}

const stat = (xs: number[]) =>
  xs.length ? `median ${median(xs).toFixed(0)} ms, max ${Math.max(...xs).toFixed(0)} ms` : '-';
console.log(`\npage found: ${found}/${Object.keys(truth).length}`);
for (const f of failures) console.log(`  FAIL ${f}`);
if (boxErrors.length)
  console.log(
    `box placement error (layout px, worst box per photo): median ${median(boxErrors).toFixed(2)}, max ${Math.max(...boxErrors).toFixed(2)}`,
  );
console.log(`decode ${stat(times.decode)}; locate ${stat(times.locate)}; warp all boxes ${stat(times.warp)}`);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
