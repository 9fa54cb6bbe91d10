/**
 * `npm run seed:scale [-- --out DIR]`: a fresh national-scale database for benchmarks and load tests
 * (default DIR: ./data/scale, file cocok.sqlite; `--limit N` fills only the first N TPS, for a trial):
 *   1. the whole KPU registry (822,116 TPS);
 *   2. official figures for every TPS (self-consistent; a few injected to fail KPU's own checks);
 *   3. two or three confirmed witness submissions (two photos each: pages 2 and 3) for ~78 % of TPS,
 *      with a known set of injected mismatches (written to DIR/injected-mismatches.csv) and conflicts;
 *   4. the comparison of every TPS and the crowd rollups, through the comparison service itself;
 *   5. a check that the comparison finds every injected mismatch and nothing else.
 * Rows go in large transactions of prepared multi-row INSERTs on a raw connection. Prints each step's time.
 */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { openDatabase } from '@cocok/server';
import { migrate } from '@cocok/server';
import { REGIONS_DIR, REPO_ROOT } from '@cocok/server';
import { systemClock } from '@cocok/server';
import { FIELDS, type FieldName } from '@cocok/domain';
import { failedChecks, isOverseasTps, runChecks } from '@cocok/domain';
import { importRegistry } from '@cocok/server';
import { createRegionsService } from '@cocok/server';
import { createComparisonService } from '@cocok/server';
import { arg } from './cli-support.ts';
import { bulkInserter, closeRaw, exec, openRaw } from './seed-scale/bulk-insert.ts';
import { crowdPlan, officialFigures, rng, type CrowdPlan, type InjectedMismatch } from './seed-scale/figures.ts';
import { verifyComparison } from './seed-scale/verify.ts';

const CROWD_SHARE = 0.78;
const USERS = 300_000;
const TPS_PER_TRANSACTION = 50_000;
const CROWD_FIELDS: { page: number; fields: FieldName[] }[] = [
  { page: 2, fields: ['suara_paslon_1', 'suara_paslon_2', 'suara_paslon_3'] },
  { page: 3, fields: ['suara_sah', 'suara_tidak_sah', 'suara_total'] },
];

const outDir = path.resolve(arg('--out') ?? path.join(REPO_ROOT, 'data/scale'));
/** `--limit N`: figures for the first N TPS only (a quick trial run); the registry is always complete. */
const limit = Number(arg('--limit') ?? Infinity);
const dbFile = path.join(outDir, 'cocok.sqlite');
fs.mkdirSync(outDir, { recursive: true });
for (const suffix of ['', '-wal', '-shm']) fs.rmSync(dbFile + suffix, { force: true });

const timings: [string, number][] = [];
async function step<T>(name: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  const seconds = (performance.now() - started) / 1000;
  timings.push([name, seconds]);
  console.log(`${name}: ${seconds.toFixed(1)} s`);
  return result;
}

const db = await openDatabase(dbFile);
await migrate(db);
const registry = await step('registry (regions + TPS)', () => importRegistry(db, REGIONS_DIR));
if (registry.outcome !== 'imported') throw new Error('expected an empty database');
const tpsCodes = (await db.all<{ code: string }>('SELECT code FROM tps ORDER BY code'))
  .map((r) => r.code)
  .slice(0, limit);

const sha = (text: string) => crypto.createHash('sha256').update(text).digest('hex');
const now = systemClock.now().toISOString();
const injected = new Map<string, InjectedMismatch>();
const planned = { conflict: new Set<string>(), inconsistent: new Set<string>(), crowdTps: 0, submissions: 0 };

const raw = await openRaw(dbFile);
await exec(
  raw,
  'PRAGMA busy_timeout = 5000; PRAGMA synchronous = OFF; PRAGMA cache_size = -2000000; PRAGMA temp_store = MEMORY;',
);
await step(`users (${USERS.toLocaleString('en')} witnesses)`, async () => {
  const users = bulkInserter(raw, 'users', [
    'id',
    'name',
    'contact',
    'contact_kind',
    'password_hash',
    'pseudonym',
    'created_at',
  ]);
  await exec(raw, 'BEGIN');
  for (let id = 1; id <= USERS; id++)
    await users.add([id, `Saksi ${id}`, `saksi${id}@seed.invalid`, 'email', 'seed-no-login', `Seed-${id}`, now]);
  await users.close();
  await exec(raw, 'COMMIT');
});

const writers = {
  versions: bulkInserter(raw, 'official_versions', [
    'id',
    'tps_code',
    'content_hash',
    'doc_ts',
    'imported_at',
    'source',
    'has_chart',
    'has_administrasi',
    'status_suara',
    'status_adm',
    ...FIELDS,
  ]),
  flags: bulkInserter(raw, 'official_flags', ['version_id', 'check_id', 'detail']),
  current: bulkInserter(raw, 'official_current', ['tps_code', 'version_id', 'flag_count']),
  submissions: bulkInserter(raw, 'submissions', ['id', 'tps_code', 'user_id', 'status', 'created_at', 'confirmed_at']),
  photos: bulkInserter(raw, 'photos', [
    'sha256',
    'type',
    'size_bytes',
    'width',
    'height',
    'dhash',
    'dhash_b0',
    'dhash_b1',
    'dhash_b2',
    'dhash_b3',
    'created_at',
  ]),
  submissionPhotos: bulkInserter(raw, 'submission_photos', ['submission_id', 'sha256', 'position', 'state', 'page']),
  values: bulkInserter(raw, 'submission_values', [
    'submission_id',
    'field',
    'machine_value',
    'machine_confidence',
    'machine_review',
    'confirmed_value',
    'confirmed_by',
    'confirmed_at',
  ]),
};

/** Writes one TPS: its official version (with the checks it fails) and its witnesses' submissions. */
async function writeTps(index: number, code: string, nextSubmission: () => number): Promise<void> {
  const r = rng(index * 2654435761 + 1);
  const figures = officialFigures(r);
  const plan = crowdPlan(r, figures, CROWD_SHARE);
  if (plan.kind === 'official_inconsistent') figures.suara_paslon_3! += 1;
  const failed = failedChecks(runChecks(figures, { overseas: isOverseasTps(code) }));
  if ((plan.kind === 'official_inconsistent') !== failed.length > 0)
    throw new Error(`generator bug at ${code}: ${failed.map((f) => f.id)}`);
  const versionId = index + 1;
  await writers.versions.add([
    versionId,
    code,
    sha(`official-${code}`),
    '2024-02-15 10:00:00',
    now,
    'seed-scale',
    1,
    1,
    1,
    1,
    ...FIELDS.map((f) => figures[f]),
  ]);
  for (const f of failed)
    await writers.flags.add([versionId, f.id, JSON.stringify({ values: f.values, left: f.left, right: f.right })]);
  await writers.current.add([code, versionId, failed.length]);
  if (plan.kind === 'none') return;
  planned.crowdTps++;
  if (plan.kind === 'mismatch') injected.set(code, plan.injected);
  if (plan.kind === 'conflict') planned.conflict.add(code);
  if (plan.kind === 'official_inconsistent') planned.inconsistent.add(code);
  const base = Math.floor(r() * USERS);
  for (let w = 0; w < plan.witnesses; w++)
    await writeSubmission(code, nextSubmission(), ((base + w * 7919) % USERS) + 1, w, valueOf(plan, figures, w));
}

function valueOf(plan: CrowdPlan, figures: Record<FieldName, number | null>, witness: number) {
  return (field: FieldName): number => {
    if (plan.kind === 'mismatch' && plan.injected.field === field) return plan.injected.crowd;
    if (plan.kind === 'conflict' && plan.field === field && witness === 0) return plan.dissent;
    return figures[field]!;
  };
}

async function writeSubmission(
  code: string,
  id: number,
  userId: number,
  witness: number,
  value: (f: FieldName) => number,
): Promise<void> {
  planned.submissions++;
  await writers.submissions.add([id, code, userId, 'confirmed', now, now]);
  for (const { page, fields } of CROWD_FIELDS) {
    const photo = sha(`seed-photo-${code}-${witness}-${page}`);
    const dhash = photo.slice(0, 16);
    const bands = [0, 4, 8, 12].map((i) => parseInt(dhash.slice(i, i + 4), 16));
    await writers.photos.add([photo, 'jpeg', 2_000_000, 3000, 4000, dhash, ...bands, now]);
    await writers.submissionPhotos.add([id, photo, page - 2, 'read', page]);
    for (const f of fields) await writers.values.add([id, f, value(f), 0.97, 0, value(f), userId, now]);
  }
}

await step('official figures + crowd submissions', async () => {
  let submissionId = 0;
  await exec(raw, 'BEGIN');
  for (let i = 0; i < tpsCodes.length; i++) {
    await writeTps(i, tpsCodes[i], () => ++submissionId);
    if ((i + 1) % TPS_PER_TRANSACTION === 0) {
      for (const w of Object.values(writers)) await w.flush();
      await exec(raw, 'COMMIT; BEGIN');
    }
  }
  for (const w of Object.values(writers)) await w.close();
  await exec(raw, 'COMMIT');
});
await closeRaw(raw);

await step('official rollups (every region)', () =>
  db.transaction((tx) => createRegionsService({ db }).inTransaction(tx).refreshRollupsForTps(tpsCodes)),
);
const rebuilt = await step('comparison of every TPS + crowd rollups', () =>
  createComparisonService({ db, clock: systemClock }).rebuildAll(),
);

const injectedFile = path.join(outDir, 'injected-mismatches.csv');
fs.writeFileSync(
  injectedFile,
  'tps_code,field,official,crowd,kind\n' +
    [...injected].map(([code, m]) => `${code},${m.field},${m.official},${m.crowd},${m.kind}`).join('\n') +
    '\n',
);
const verdict = await step('verification', () =>
  verifyComparison(db, {
    injected,
    conflicts: planned.conflict,
    inconsistent: planned.inconsistent,
    crowdTps: planned.crowdTps,
  }),
);
await db.close();

console.log(`\nDatabase: ${dbFile} (${(fs.statSync(dbFile).size / 1e9).toFixed(2)} GB)`);
console.log(
  `TPS: ${tpsCodes.length.toLocaleString('en')}; with crowd figures: ${planned.crowdTps.toLocaleString('en')}; submissions: ${planned.submissions.toLocaleString('en')}; compared rows written: ${rebuilt.changed.toLocaleString('en')}`,
);
console.log(
  `Injected: ${injected.size} mismatches (${injectedFile}), ${planned.conflict.size} crowd conflicts, ${planned.inconsistent.size} KPU inconsistencies`,
);
for (const line of verdict.lines) console.log(line);
console.log(
  `Total: ${timings.reduce((s, [, t]) => s + t, 0).toFixed(1)} s; peak resident memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
);
if (!verdict.ok) {
  console.error('VERIFICATION FAILED');
  process.exit(1);
}
