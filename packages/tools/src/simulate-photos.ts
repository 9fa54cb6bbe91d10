/**
 * Simulated phone photos of filled C.HASIL-PPWP pages for tests and the reading benchmark.
 *
 *   npm run simulate-photos -- --out DIR --count N --seed S [--val-only] [--megapixels 2-12] [--inconsistent 0.1]
 *
 * Writes DIR/NNNN-pageP.jpg and DIR/truth.json ({ file: { page, fields, tps, homography, photo } },
 * the shape of packages/testing/fixtures/photos/truth.json plus the simulator's own homography).
 * --val-only pastes only handwriting from the TPS in packages/reader/assets/models/digits-val-tps.txt (when
 * that file exists), so a digit model is never benchmarked on crops it was trained on.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createCropLibrary, readValTps, VAL_TPS_FILE } from './reading/handwriting-crops.ts';
import { createPhotoSimulator, type TruthEntry } from './reading/photo-simulator.ts';

const { values: args } = parseArgs({
  options: {
    out: { type: 'string' },
    count: { type: 'string', default: '9' },
    seed: { type: 'string', default: '1' },
    'val-only': { type: 'boolean', default: false },
    megapixels: { type: 'string', default: '2-12' },
    inconsistent: { type: 'string', default: '0' },
  },
});

if (!args.out) {
  console.error(
    'usage: npm run simulate-photos -- --out DIR --count N --seed S [--val-only] [--megapixels 2-12] [--inconsistent RATE]',
  );
  process.exit(2);
}

const count = Number(args.count);
const seed = Number(args.seed);
const [mpLo, mpHi] = (args.megapixels ?? '2-12').split('-').map(Number);
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(seed) || !(mpLo > 0 && mpHi >= mpLo)) {
  console.error('--count and --seed must be whole numbers, --megapixels like 2-12');
  process.exit(2);
}

let onlyTps: Set<string> | null = null;
if (args['val-only']) {
  onlyTps = readValTps();
  console.log(
    onlyTps
      ? `--val-only: handwriting from ${onlyTps.size} validation TPS`
      : `--val-only: ${VAL_TPS_FILE} not found, using all TPS`,
  );
}

const out = path.resolve(args.out);
mkdirSync(out, { recursive: true });
const simulator = createPhotoSimulator({ crops: createCropLibrary({ onlyTps }) });
const truth: Record<string, TruthEntry> = {};
const started = performance.now();
for (let i = 0; i < count; i++) {
  const photo = await simulator.simulate(i, {
    seed,
    megapixels: [mpLo, mpHi],
    inconsistentRate: Number(args.inconsistent),
  });
  writeFileSync(path.join(out, photo.name), photo.jpeg);
  truth[photo.name] = photo.truth;
  const p = photo.truth.photo;
  console.log(
    `${photo.name}  ${p.width}x${p.height}  orientation ${p.orientation}  q${p.quality}  ${(photo.jpeg.length / 1024).toFixed(0)} KB`,
  );
}
writeFileSync(path.join(out, 'truth.json'), `${JSON.stringify(truth, null, 1)}\n`);
console.log(`${count} photos in ${((performance.now() - started) / 1000).toFixed(1)} s -> ${out}`);
