/**
 * `npm run bench:read -- [--count N] [--seed S] [--megapixels 12-12] [--inconsistent RATE] [--workers N] [--misses] [--model FILE]`: how well
 * and how fast the reader reads C.HASIL-PPWP photos.
 *
 * Two sets: N simulated photos (default 150, i.e. 50 TPS x 3 pages) whose handwriting comes only from
 * the TPS the digit model never trained on (packages/reader/assets/models/digits-val-tps.txt), and the real photos
 * of packages/testing/fixtures/photos. The simulated set is made once per (seed, count, megapixels) and kept under
 * the OS temp folder, so later runs measure only reading. Photos are read on the shared worker pool
 * (one worker per core by default); every worker reads one photo first, uncounted, so the figures are
 * after start-up. `ms` is each photo's own time inside its worker (bytes in, fields out). `--model`
 * benchmarks a candidate digits.onnx (with its digits.json beside it) before it replaces the committed one.
 * `--inconsistent RATE` makes that share of the TPS's sheets fail a check as written (one figure changed,
 * as a KPPS arithmetic slip would): the reader must report such a sheet as written, not as it should add up.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { PAGE_FIELDS, type FieldName } from '@cocok/domain';
import { createWorkerPoolReader } from '@cocok/reader';
import { createCropLibrary, readValTps, VAL_TPS_FILE } from './reading/handwriting-crops.ts';
import { createPhotoSimulator } from './reading/photo-simulator.ts';
import type { FormReading } from '@cocok/domain';
import { readSheet } from '@cocok/domain';
import { scoreReadings, type ReadingScore, type ScoredPhoto } from './reading/reading-score.logic.ts';
import { PHOTOS_DIR } from '@cocok/testing';

const REAL_DIR = PHOTOS_DIR;

const { values: args } = parseArgs({
  options: {
    count: { type: 'string', default: '150' },
    seed: { type: 'string', default: '2025' },
    megapixels: { type: 'string', default: '12-12' },
    inconsistent: { type: 'string', default: '0' },
    workers: { type: 'string', default: String(os.availableParallelism()) },
    misses: { type: 'boolean', default: false },
    model: { type: 'string' },
  },
});
const count = Number(args.count);
const seed = Number(args.seed);
const workers = Number(args.workers);
const inconsistentRate = Number(args.inconsistent);
const [mpLo, mpHi] = args.megapixels!.split('-').map(Number);
if (
  !Number.isInteger(count) ||
  count < 1 ||
  !Number.isInteger(seed) ||
  !(workers >= 1) ||
  !(mpLo > 0 && mpHi >= mpLo) ||
  !(inconsistentRate >= 0 && inconsistentRate <= 1)
) {
  console.error(
    'usage: npm run bench:read -- [--count N] [--seed S] [--megapixels 12-12] [--inconsistent 0..1] [--workers N] [--misses] [--model FILE]',
  );
  process.exit(2);
}

type Truth = ScoredPhoto['truth'] & { inconsistent?: string };
type PhotoFile = { file: string; truth: Truth };

const simulated = await simulatedSet();
const real = realSet();
const reader = createWorkerPoolReader({ size: workers, modelPath: args.model && path.resolve(args.model) });
await Promise.all(Array.from({ length: reader.size }, () => reader.read(readFileSync(simulated[0].file))));
const wallStart = performance.now();
const readings = new Map<string, FormReading>();
const simRead = await readAll(simulated);
const [simScore, realScore] = [scoreReadings(simRead), scoreReadings(await readAll(real))];
const wallSeconds = (performance.now() - wallStart) / 1000;
await reader.close();

console.log(
  `\nReading benchmark: ${os.cpus()[0]?.model ?? 'cpu'} x ${os.availableParallelism()}, ${reader.size} worker(s), Node ${process.versions.node}`,
);
if (args.model) console.log(`digit model: ${args.model}`);
console.log(
  `simulated: ${count} photos of ${mpLo === mpHi ? mpLo : `${mpLo}-${mpHi}`} MP, seed ${seed}, handwriting of unseen TPS only${inconsistentRate > 0 ? `, ${inconsistentRate} of TPS with a sheet that fails a check as written` : ''}\n`,
);
console.log(
  '| set | photos | pages right | fields | fields right | auto-accepted | wrong, not flagged | ms/photo median | p95 |',
);
console.log('|---|---|---|---|---|---|---|---|---|');
console.log(row('simulated (unseen TPS)', simScore));
// The pages of each simulated TPS read together, as a witness's three photos are (sheet-reading.logic.ts).
const sheetScore = scoreReadings(readAsSheets(simRead));
console.log(row("simulated, each TPS's 3 pages read together", sheetScore));
console.log(row('real photos', realScore));
// Sheets that fail a check as written: each fails one on one page, so one photo of three carries the slip.
for (const [name, photos] of [
  ['each photo alone', simRead],
  ['pages read together', readAsSheets(simRead)],
] as const) {
  const slipped = photos.filter((p) => (p.truth as Truth).inconsistent);
  if (slipped.length === 0) continue;
  const score = scoreReadings(slipped);
  const asWritten = slipped.filter(
    (p) => !score.misses.some((m) => m.file === p.file && m.field === (p.truth as Truth).inconsistent),
  ).length;
  console.log(
    `\nphotos of a sheet that fails a check as written (${name}): ${slipped.length}; their fields right ${score.fieldsRight} of ${score.fields}, auto-accepted ${score.autoAccepted}, wrong and not flagged ${score.wrongNotFlagged}; the slipped figure read as written on ${asWritten} of ${slipped.length}`,
  );
}
console.log(
  `\n${simulated.length + real.length} photos in ${wallSeconds.toFixed(1)} s wall (${((simulated.length + real.length) / wallSeconds).toFixed(2)} photos/s on ${reader.size} worker(s))`,
);
for (const [name, s] of [
  ['simulated', simScore],
  ['real', realScore],
] as const) {
  const shown = args.misses ? s.misses : s.misses.filter((m) => !m.review);
  for (const m of shown)
    console.log(
      `${name} miss: ${path.basename(m.file)} ${m.field}: truth ${m.truth}, read ${m.read}${m.review ? ' (review)' : ' (NOT FLAGGED)'}`,
    );
}

/** Photos come in threes (pages 1, 2, 3 of one TPS): each photo's fields become those of its TPS's sheet. */
function readAsSheets(photos: ScoredPhoto[]): ScoredPhoto[] {
  const byTps = new Map<number, ScoredPhoto[]>();
  for (const p of photos) {
    const tps = Math.floor((Number(path.basename(p.file).slice(0, 4)) - 1) / 3);
    byTps.set(tps, [...(byTps.get(tps) ?? []), p]);
  }
  return [...byTps.values()].flatMap((group) => {
    const sheet = readSheet(group.map((p) => readings.get(p.file)!));
    return group.map((p) => ({
      ...p,
      read: {
        ...p.read,
        fields: Object.fromEntries(Object.keys(p.read.fields).map((f) => [f, sheet[f as FieldName]])),
      },
    }));
  });
}

function row(name: string, s: ReadingScore): string {
  const pct = (n: number) => `${((100 * n) / Math.max(1, s.fields)).toFixed(2)}%`;
  return `| ${name} | ${s.photos} | ${s.pagesRight} | ${s.fields} | ${s.fieldsRight} (${pct(s.fieldsRight)}) | ${s.autoAccepted} (${pct(s.autoAccepted)}) | ${s.wrongNotFlagged} | ${s.ms.median} | ${s.ms.p95} |`;
}

async function readAll(files: PhotoFile[]): Promise<ScoredPhoto[]> {
  return Promise.all(
    files.map(async ({ file, truth }) => {
      const r = await reader.read(readFileSync(file));
      readings.set(file, r);
      return { file, truth, read: { page: r.page, fields: r.fields, review: r.review, ms: r.ms } };
    }),
  );
}

/** The real photos with truth.json's figures; a field truth.json leaves out is blank (null). */
function realSet(): PhotoFile[] {
  const truth = JSON.parse(readFileSync(path.join(REAL_DIR, 'truth.json'), 'utf8')) as Record<
    string,
    { page: 1 | 2 | 3; fields: Record<string, number> }
  >;
  return Object.entries(truth).map(([name, t]) => ({
    file: path.join(REAL_DIR, name),
    truth: { page: t.page, fields: Object.fromEntries(PAGE_FIELDS[t.page].map((f) => [f, t.fields[f] ?? null])) },
  }));
}

/** A hash of the simulator's code and the held-out TPS list: a kept set is reused only while both are unchanged. */
function simulatorVersion(): string {
  const dir = fileURLToPath(new URL('./reading/', import.meta.url));
  const files = readdirSync(dir)
    .filter((n) => n.startsWith('photo-simulator') || n === 'handwriting-crops.ts')
    .sort();
  const hash = createHash('sha256');
  for (const f of [...files.map((n) => path.join(dir, n)), VAL_TPS_FILE]) hash.update(readFileSync(f));
  return hash.digest('hex').slice(0, 12);
}

async function simulatedSet(): Promise<PhotoFile[]> {
  const onlyTps = readValTps();
  if (!onlyTps) throw new Error(`${VAL_TPS_FILE} is missing: run npm run train-digits first`);
  const dir = path.join(
    os.tmpdir(),
    'cocok-bench-read',
    `seed${seed}-n${count}-mp${mpLo}-${mpHi}${inconsistentRate > 0 ? `-inc${inconsistentRate}` : ''}-${simulatorVersion()}`,
  );
  const truthFile = path.join(dir, 'truth.json');
  if (!existsSync(truthFile)) {
    mkdirSync(dir, { recursive: true });
    const simulator = createPhotoSimulator({ crops: createCropLibrary({ onlyTps }) });
    const truth: Record<string, Truth> = {};
    const started = performance.now();
    for (let i = 0; i < count; i++) {
      const photo = await simulator.simulate(i, { seed, megapixels: [mpLo, mpHi], inconsistentRate });
      writeFileSync(path.join(dir, photo.name), photo.jpeg);
      truth[photo.name] = {
        page: photo.truth.page,
        fields: photo.truth.fields,
        inconsistent: photo.truth.inconsistent,
      };
      if ((i + 1) % 30 === 0)
        console.error(`simulated ${i + 1}/${count} photos (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    }
    writeFileSync(truthFile, JSON.stringify(truth));
  }
  const truth = JSON.parse(readFileSync(truthFile, 'utf8')) as Record<string, Truth>;
  const names = readdirSync(dir)
    .filter((n) => n.endsWith('.jpg'))
    .sort();
  return names.map((name) => ({ file: path.join(dir, name), truth: truth[name] }));
}
