import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import path from 'node:path';
import { createTempDatabase, sirekapDoc, writeTinyRegistry } from '../helpers/temp-db.ts';
import type { Database } from '../../src/db/database.ts';
import { fixedClock } from '../../src/core/clock.ts';
import { AppError } from '../../src/core/errors.ts';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { importRegistry } from '../../src/modules/regions/registry-import.service.ts';
import { createRegionsService } from '../../src/modules/regions/regions.service.ts';
import { createOfficialService } from '../../src/modules/official/official.service.ts';
import { createOfficialImportService } from '../../src/modules/official/official-import.service.ts';
import { createComparisonService } from '../../src/modules/comparison/comparison.service.ts';
import { createSubmissionsService } from '../../src/modules/submissions/submissions.service.ts';
import {
  createAccountsService,
  createArgon2Hasher,
  type SessionUser,
} from '../../src/modules/accounts/accounts.service.ts';
import { createPhotosService } from '../../src/modules/photos/photos.service.ts';
import { createFileStore } from '../../src/modules/photos/file-store.ts';
import { createSharpImageProcessor } from '../../src/modules/photos/image-processor.ts';
import { createModerationService, type ModerationSettings } from '../../src/modules/moderation/moderation.service.ts';
import { comparisonPortFrom } from '../../src/modules/moderation/comparison-port.ts';
import { createModerationRepository } from '../../src/modules/moderation/moderation.repository.ts';

/**
 * Moderation on real SQLite with every service wired as in createApp (comparison included): the queue
 * and its reasons, claims, each decision kind with its effect on submissions, comparison status, rollups
 * and the audit log, and the log's triggers.
 */
const [A1, A2, A3] = ['3101011001001', '3101011001002', '3101011001003'];
const [C1, C2] = ['3101011003001', '3101011003002'];

let ctx: Awaited<ReturnType<typeof createTempDatabase>>;
let db: Database;
const clock = fixedClock('2026-11-20T10:00:00Z');
let submissions: ReturnType<typeof createSubmissionsService>;
let makeModeration: (s?: Partial<ModerationSettings>) => ReturnType<typeof createModerationService>;
let moderation: ReturnType<typeof createModerationService>;
type Staff = SessionUser & { role: 'moderator' | 'admin' };
const person = (id: number, role: SessionUser['role']) => ({
  id,
  name: `Orang ${id}`,
  role,
  pseudonym: `Saksi-P${id}`,
});
/** Staff accounts' own public names (migration 0008), unlike their witness pseudonyms. */
const staffName = (u: { id: number }) => `Moderator-S${u.id}`;
const [w1, w2, w3] = [person(1, 'witness'), person(2, 'witness'), person(3, 'witness')];
const [mod1, mod2] = [person(10, 'moderator'), person(11, 'moderator')] as Staff[];
const admin = person(20, 'admin') as Staff;

before(async () => {
  ctx = await createTempDatabase('cocok-moderation-');
  db = ctx.db;
  await importRegistry(db, writeTinyRegistry(ctx.dir, [3, 2]));
  const comparison = createComparisonService({ db, clock });
  const regions = createRegionsService({ db });
  const official = createOfficialService({ db, regions });
  const importer = createOfficialImportService({
    db,
    clock,
    regions,
    onOfficialChanged: (tx, tps) => comparison.refreshTps(tx, tps),
  });
  const photos = createPhotosService({
    db,
    files: createFileStore(path.join(ctx.dir, 'uploads')),
    images: createSharpImageProcessor({ maxPixels: 1e6 }),
    clock,
  });
  const accounts = createAccountsService({
    db,
    clock,
    hasher: createArgon2Hasher({ memoryKib: 1024, timeCost: 1 }),
    sessionDays: 30,
  });
  submissions = createSubmissionsService({
    db,
    photos,
    regions,
    accounts,
    clock,
    onCrowdChanged: (tx, tps) => comparison.refreshTps(tx, [tps]),
  });
  makeModeration = (s = {}) =>
    createModerationService({
      db,
      clock,
      accounts,
      submissions,
      official,
      regions,
      photos,
      comparison: comparisonPortFrom(comparison),
      settings: { claimMinutes: 10, allowOwnUploads: false, ...s },
    });
  moderation = makeModeration();
  for (const u of [w1, w2, w3, mod1, mod2, admin]) {
    await db.run(
      `INSERT INTO users (id, name, contact, contact_kind, password_hash, role, pseudonym, staff_pseudonym, created_at) VALUES (?, ?, ?, 'email', 'x', ?, ?, ?, ?)`,
      [
        u.id,
        u.name,
        `u${u.id}@example.org`,
        u.role,
        u.pseudonym,
        u.role === 'witness' ? null : staffName(u),
        clock.now().toISOString(),
      ],
    );
  }
  for (const tps of [A1, A2, A3, C1]) await importer.importDocuments([{ name: `${tps}.json`, text: sirekapDoc() }]); // 10/20/30, sah 60
});
after(() => ctx.cleanup());

let seed = 0;
/** A witness's page-2 submission, confirmed with these candidate votes; `review` marks the machine reading uncertain. */
async function confirmed(
  tps: string,
  user: SessionUser,
  votes: [number, number, number],
  review = false,
): Promise<number> {
  const sha256 = crypto.createHash('sha256').update(`moderation-photo-${++seed}`).digest('hex');
  const now = clock.now().toISOString();
  await db.run(
    `INSERT INTO photos (sha256, type, size_bytes, width, height, dhash, dhash_b0, dhash_b1, dhash_b2, dhash_b3, created_at, captured_at, device_make, device_model)
     VALUES (?, 'jpeg', 1000, 642, 480, '0000000000000000', 0, 0, 0, 0, ?, '2024-02-14T13:05:09+07:00', 'samsung', 'SM-A155F')`,
    [sha256, now],
  );
  const { lastID } = await db.run('INSERT INTO submissions (tps_code, user_id, created_at) VALUES (?, ?, ?)', [
    tps,
    user.id,
    now,
  ]);
  const field = (value: number) => ({ value, confidence: review ? 0.4 : 0.95, review });
  const reading = {
    page: 2,
    fields: { suara_paslon_1: field(votes[0]), suara_paslon_2: field(votes[1]), suara_paslon_3: field(votes[2]) },
    review,
    ms: 1,
  };
  await db.run(
    `INSERT INTO submission_photos (submission_id, sha256, position, state, page, reading) VALUES (?, ?, 0, 'read', 2, ?)`,
    [lastID, sha256, JSON.stringify(reading)],
  );
  await submissions.confirm(lastID, user, {
    suara_paslon_1: votes[0],
    suara_paslon_2: votes[1],
    suara_paslon_3: votes[2],
  });
  return lastID;
}

const status = async (tps: string) =>
  (await db.get<{ status: string }>('SELECT status FROM tps_comparisons WHERE tps_code = ?', [tps]))?.status ??
  'no_crowd';
const rollup = (code: string) => db.get<Record<string, number>>('SELECT * FROM crowd_rollups WHERE code = ?', [code]);
const logCount = async () => (await db.get<{ n: number }>('SELECT count(*) AS n FROM moderation_log'))!.n;
const tick = (minutes: number) => clock.set(new Date(clock.now().getTime() + minutes * 60_000).toISOString());
async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
  return 'no refusal';
}

let sA1: number;
let sA2: number;
let sA3: number;
let sC2: number;

test('the queue holds mismatches, readings to review and reports, largest impact first', async () => {
  sA1 = await confirmed(A1, w1, [10, 20, 130]); // mismatch, impact 100
  sA2 = await confirmed(A2, w2, [10, 21, 30], true); // mismatch (impact 1) with readings to review
  tick(1);
  await moderation.report(C1, 'Foto tidak sesuai TPS ini');
  await moderation.report(C1, 'foto  tidak sesuai TPS ini ');
  const q = await moderation.queue({ limit: 10 });
  assert.deepEqual(
    q.items.map((i) => [i.tps, i.impact, i.reasons]),
    [
      [A1, 100, ['mismatch']],
      [A2, 1, ['mismatch', 'review']],
      [C1, 0, ['report']],
    ],
  );
  assert.equal(q.items[2].reports, 2);
  assert.equal(q.nextCursor, null);
  const page1 = await moderation.queue({ limit: 2 });
  const page2 = await moderation.queue({ limit: 2, cursor: page1.nextCursor! });
  assert.deepEqual(
    [...page1.items, ...page2.items].map((i) => i.tps),
    [A1, A2, C1],
  );
  assert.deepEqual(
    (await moderation.queue({ limit: 10, reason: 'review' })).items.map((i) => i.tps),
    [A2],
  );
  assert.deepEqual(
    (await moderation.queue({ limit: 10, region: '3101011003' })).items.map((i) => i.tps),
    [C1],
  );
});

test('claims: one holder at a time; renewing is allowed; an expired claim can be taken', async () => {
  const first = await moderation.claim(A1, mod1);
  assert.equal(first.claim?.moderator, staffName(mod1));
  assert.equal(first.claim?.expiresAt, new Date(clock.now().getTime() + 10 * 60_000).toISOString());
  assert.equal(await refusal(moderation.claim(A1, mod2)), 'claimed-by-other');
  tick(5);
  assert.equal((await moderation.claim(A1, mod1)).claim?.moderatorId, mod1.id);
  const results = await Promise.allSettled([moderation.claim(A2, mod1), moderation.claim(A2, mod2)]);
  assert.equal(
    results.filter((r) => r.status === 'fulfilled').length,
    1,
    'exactly one of two racing moderators gets the claim',
  );
  const queued = (await moderation.queue({ limit: 10 })).items.find((i) => i.tps === A1);
  assert.equal(queued?.claim?.moderator, staffName(mod1));
  tick(11);
  assert.equal((await moderation.claim(A1, mod2)).claim?.moderatorId, mod2.id);
  assert.equal(
    await refusal(moderation.decide(A1, mod1, { kind: 'escalate', reason: 'mohon dicek admin' })),
    'claimed-by-other',
  );
  tick(11);
});

test('review data: KPU figures, every submission with confidence, EXIF and cut-outs, reports grouped, claim', async () => {
  const r = await moderation.review(A2, mod1);
  assert.equal(r.official?.fields.suara_paslon_2, 20);
  assert.deepEqual(r.reasons, ['mismatch', 'review']);
  assert.equal(r.submissions.length, 1);
  const photo = r.submissions[0].photos[0];
  assert.equal(photo.reading?.fields.suara_paslon_2?.confidence, 0.4);
  assert.equal(photo.capture?.device, 'samsung SM-A155F');
  assert.equal((r.comparison as { status: string }).status, 'mismatch');
  const c1 = await moderation.review(C1, mod1);
  assert.deepEqual(
    c1.reports.groups.map((g) => [g.count, g.open]),
    [[2, 2]],
  );
});

test('set-verified: figures override the witnesses; status, rollups and audit row change together', async () => {
  await moderation.claim(A1, mod1);
  const before = (await rollup('3101011001'))!;
  assert.equal(await status(A1), 'mismatch');
  const res = await moderation.decide(A1, mod1, {
    kind: 'set-verified',
    figures: { suara_paslon_1: 10, suara_paslon_2: 20, suara_paslon_3: 30 },
    reason: 'Foto jelas: 30, bukan 130',
  });
  assert.deepEqual(res.reasons, []);
  assert.equal(await status(A1), 'match');
  const after = (await rollup('3101011001'))!;
  assert.equal(after.n_mismatch, before.n_mismatch - 1);
  assert.equal(after.n_match, before.n_match + 1);
  assert.equal(after.cmp_crowd_suara_paslon_3, before.cmp_crowd_suara_paslon_3 - 100);
  const row = await db.get<{ action: string; actor_id: number; after_json: string; before_json: string | null }>(
    'SELECT * FROM moderation_log WHERE id = ?',
    [res.decisionId],
  );
  assert.equal(row?.action, 'set-verified');
  assert.equal(row?.actor_id, mod1.id);
  assert.deepEqual(JSON.parse(row!.after_json), { suara_paslon_1: 10, suara_paslon_2: 20, suara_paslon_3: 30 });
  assert.equal(row?.before_json, null);
  assert.ok(!(await moderation.queue({ limit: 10 })).items.some((i) => i.tps === A1));
  const history = await moderation.historyOf(A1);
  assert.equal(
    history.entries[0].moderator,
    staffName(mod1),
    'the public log names staff by their staff pseudonym, never by the witness one',
  );
  assert.ok(!JSON.stringify(history).includes(mod1.name));
});

test('a refused decision leaves no audit row and no effect', async () => {
  const n = await logCount();
  assert.equal(
    await refusal(
      moderation.decide(A3, mod1, { kind: 'resolve-report', outcome: 'fixed', reason: 'tidak ada laporan' }),
    ),
    'no-open-reports',
  );
  assert.equal(
    await refusal(
      moderation.decide(A1, mod1, { kind: 'set-verified', fromSubmission: sA2, reason: 'kiriman TPS lain' }),
    ),
    'submission-not-in-tps',
  );
  assert.equal(await logCount(), n);
});

test('the audit log refuses UPDATE and DELETE in SQL', async () => {
  const n = await logCount();
  await assert.rejects(db.run(`UPDATE moderation_log SET reason = 'diubah'`), /append-only/);
  await assert.rejects(db.run('DELETE FROM moderation_log'), /append-only/);
  await assert.rejects(
    db.run('INSERT OR REPLACE INTO moderation_log SELECT * FROM moderation_log LIMIT 1'),
    /append-only|UNIQUE/,
  );
  assert.equal(await logCount(), n);
  const rows = await db.all<{ reason: string }>('SELECT reason FROM moderation_log');
  assert.ok(!rows.some((r) => r.reason === 'diubah'));
});

test('moderators cannot decide on TPS they uploaded to unless the setting allows it', async () => {
  const uploaderMod = { ...w2, role: 'moderator' as const };
  assert.equal(await refusal(moderation.claim(A2, uploaderMod)), 'own-upload');
  assert.equal(
    await refusal(moderation.decide(A2, uploaderMod, { kind: 'escalate', reason: 'kiriman saya sendiri' })),
    'own-upload',
  );
  const lenient = makeModeration({ allowOwnUploads: true });
  tick(11); // the claim taken in the race above has run out
  assert.equal((await lenient.claim(A2, uploaderMod)).claim?.moderatorId, w2.id);
  tick(11);
});

test('reject-submission takes it out of the crowd figures and records why', async () => {
  await moderation.decide(A2, mod1, {
    kind: 'reject-submission',
    submissionId: sA2,
    reason: 'unreadable',
    note: 'buram',
  });
  assert.equal((await submissions.findSubmission(sA2))?.status, 'withdrawn');
  assert.equal(await status(A2), 'no_crowd');
  const r = await moderation.review(A2, mod1);
  assert.equal(r.submissions[0].rejected, 'unreadable');
  assert.deepEqual(r.reasons, []);
  assert.equal(
    await refusal(moderation.decide(A2, mod1, { kind: 'reject-submission', submissionId: sA2, reason: 'duplicate' })),
    'submission-withdrawn',
  );
});

test('move-submission: the submission and its figures go to the right TPS, which enters the queue', async () => {
  sA3 = await confirmed(A3, w3, [10, 20, 30]);
  sC2 = await confirmed(C2, w3, [5, 5, 5]);
  const moving = await confirmed(A3, w1, [1, 2, 3]);
  assert.equal(await status(A3), 'crowd_conflict');
  const res = await moderation.decide(A3, mod1, {
    kind: 'move-submission',
    submissionId: moving,
    toTps: C1,
    reason: 'Foto menunjukkan TPS 001 Pulau Harapan',
  });
  assert.deepEqual(res.affected, [A3, C1]);
  assert.equal((await submissions.findSubmission(moving))?.tps_code, C1);
  assert.equal(await status(A3), 'match');
  assert.equal(await status(C1), 'mismatch');
  const c1 = (await moderation.queue({ limit: 10 })).items.find((i) => i.tps === C1);
  assert.deepEqual(c1?.reasons, ['mismatch', 'report', 'requeued']);
  assert.equal((await moderation.historyOf(C1)).entries[0].action, 'receive-submission');
});

test('ban-uploader: account banned, every pending/confirmed submission withdrawn, their TPS re-queued', async () => {
  const res = await moderation.decide(A3, mod1, {
    kind: 'ban-uploader',
    submissionId: sA3,
    reason: 'Mengunggah foto palsu',
  });
  assert.deepEqual(res.affected.sort(), [A3, C2]);
  assert.ok(
    (await db.get<{ banned_at: string | null }>('SELECT banned_at FROM users WHERE id = ?', [w3.id]))?.banned_at,
  );
  for (const id of [sA3, sC2]) assert.equal((await submissions.findSubmission(id))?.status, 'withdrawn');
  assert.equal(await status(C2), 'no_crowd');
  const queue = await moderation.queue({ limit: 10 });
  assert.deepEqual(queue.items.find((i) => i.tps === C2)?.reasons, ['requeued']);
  assert.equal((await moderation.historyOf(C2)).entries[0].action, 'uploader-banned');
  assert.equal(
    await refusal(moderation.decide(A3, mod1, { kind: 'ban-uploader', submissionId: sA1, reason: 'salah TPS' })),
    'submission-not-in-tps',
  );
});

test('escalate: moderators step back, an admin decision closes it', async () => {
  await moderation.decide(C2, mod1, { kind: 'escalate', reason: 'Perlu keputusan admin' });
  assert.ok((await moderation.queue({ limit: 10, reason: 'escalated' })).items.some((i) => i.tps === C2));
  assert.equal(await refusal(moderation.decide(C2, mod2, { kind: 'clear-verified', reason: 'mencoba' })), 'escalated');
  tick(1);
  await moderation.decide(C2, admin, {
    kind: 'official-wrong',
    fields: ['suara_paslon_1'],
    reason: 'Tidak ada data resmi yang bisa dipercaya',
  });
  assert.ok(!(await moderation.queue({ limit: 10 })).items.some((i) => i.tps === C2));
});

test('resolve-report records the outcome on every open report of the TPS', async () => {
  const res = await moderation.decide(C1, mod1, {
    kind: 'resolve-report',
    outcome: 'fixed',
    reason: 'Kiriman dipindah ke TPS yang benar',
  });
  const rows = await db.all<{ outcome: string; resolved_decision_id: number }>(
    'SELECT outcome, resolved_decision_id FROM tps_reports WHERE tps_code = ?',
    [C1],
  );
  assert.deepEqual(rows, [
    { outcome: 'fixed', resolved_decision_id: res.decisionId },
    { outcome: 'fixed', resolved_decision_id: res.decisionId },
  ]);
  assert.ok(!(await moderation.queue({ limit: 10 })).items.find((i) => i.tps === C1)?.reasons.includes('report'));
});

test('reversing set-verified is a new decision; the earlier row stays', async () => {
  const n = await logCount();
  await moderation.decide(A1, mod1, { kind: 'clear-verified', reason: 'Angka terverifikasi keliru' });
  assert.equal(await status(A1), 'mismatch');
  assert.equal(await logCount(), n + 1);
  const actions = (await moderation.historyOf(A1)).entries.map((e) => e.action);
  assert.deepEqual(actions, ['clear-verified', 'set-verified']);
  await moderation.decide(A1, mod1, {
    kind: 'set-verified',
    fromSubmission: sA1,
    reason: 'Saksi benar setelah dicek ulang',
  });
  assert.equal(await status(A1), 'mismatch');
});

test('a photo flagged as a duplicate of another TPS puts its TPS in the queue until a decision', async () => {
  tick(1); // after the decisions above: evidence no newer than a decision counts as settled by it
  const dup = await confirmed(A1, w2, [10, 20, 30]);
  const other = await db.get<{ id: number }>('SELECT id FROM submission_photos WHERE submission_id = ?', [sA3]);
  const mine = await db.get<{ id: number }>('SELECT id FROM submission_photos WHERE submission_id = ?', [dup]);
  await db.run(
    'INSERT INTO photo_duplicates (submission_photo_id, other_submission_photo_id, other_tps_code, distance, exact) VALUES (?, ?, ?, 0, 1)',
    [mine!.id, other!.id, A3],
  );
  assert.ok((await moderation.queue({ limit: 10, reason: 'duplicate' })).items.some((i) => i.tps === A1));
  const review = await moderation.review(A1, mod1);
  assert.deepEqual(review.submissions.find((s) => s.id === dup)?.photos[0].duplicates, [
    { tps: A3, exact: true, distance: 0 },
  ]);
  tick(1);
  await moderation.decide(A1, mod1, { kind: 'reject-submission', submissionId: dup, reason: 'duplicate' });
  assert.ok(!(await moderation.queue({ limit: 10, reason: 'duplicate' })).items.some((i) => i.tps === A1));
});

test('the export pages through the whole log in id order', async () => {
  const ids: number[] = [];
  for await (const e of moderation.exportLog(3)) ids.push(e.id);
  const all = (await db.all<{ id: number }>('SELECT id FROM moderation_log ORDER BY id')).map((r) => r.id);
  assert.ok(all.length > 6);
  assert.deepEqual(ids, all);
});

test('the settings come from the environment through config.ts', () => {
  assert.deepEqual(loadConfig({}).moderation, { allowOwnUploads: false, claimMinutes: 10, reportsPerIpPerHour: 10 });
  const set = loadConfig({
    MODERATORS_REVIEW_OWN_UPLOADS: 'true',
    MODERATION_CLAIM_MINUTES: '15',
    REPORTS_PER_IP_PER_HOUR: '3',
  }).moderation;
  assert.deepEqual(set, { allowOwnUploads: true, claimMinutes: 15, reportsPerIpPerHour: 3 });
  assert.throws(
    () => loadConfig({ MODERATORS_REVIEW_OWN_UPLOADS: 'maybe' }),
    (err: Error) => err instanceof ConfigError && /MODERATORS_REVIEW_OWN_UPLOADS/.test(err.message),
  );
  assert.throws(() => loadConfig({ MODERATION_CLAIM_MINUTES: '0' }), ConfigError);
});

test('dashboard: queue by reason and province, decisions per hour, oldest open item', async () => {
  const d = await moderation.dashboard();
  const q = await moderation.queue({ limit: 200 });
  assert.ok(q.total > 0);
  assert.equal(d.total, q.total);
  assert.deepEqual(d.byProvince, [{ code: '31', name: 'DKI JAKARTA', count: q.total }]);
  assert.equal(d.decisionsPerHour.length, 24);
  const decisions = (await db.get<{ n: number }>(
    `SELECT count(*) AS n FROM moderation_log WHERE action NOT IN ('set-role', 'receive-submission', 'uploader-banned')`,
  ))!.n;
  assert.equal(
    d.decisionsPerHour.reduce((n, h) => n + h.decisions, 0),
    decisions,
  );
  assert.equal(d.oldestOpen?.since, [...q.items].sort((a, b) => a.since.localeCompare(b.since))[0].since);
});

test('a region filter reads only that region and lists exactly the entries of the whole queue below it', async () => {
  await moderation.report(A3, 'Angka di foto berbeda');
  await moderation.report(C2, 'Angka di foto berbeda');
  const whole = (await moderation.queue({ limit: 200 })).items.map((i) => [i.tps, i.impact, i.reasons, i.since]);
  assert.ok(new Set(whole.map(([tps]) => (tps as string).slice(0, 10))).size >= 2, 'entries in both villages');
  for (const region of ['31', '3101', '3101011001', '3101011003', A1, '32']) {
    const only = (await moderation.queue({ limit: 200, region })).items.map((i) => [
      i.tps,
      i.impact,
      i.reasons,
      i.since,
    ]);
    assert.deepEqual(
      only,
      whole.filter(([tps]) => (tps as string).startsWith(region)),
      region,
    );
  }
});

test('the latest figure changes of more TPS than SQLite binds in one statement are read in chunks', async () => {
  const repo = createModerationRepository(db);
  const codes = [...Array.from({ length: 25_000 }, (_, i) => `3201${String(i).padStart(9, '0')}`), A1, C1];
  const rows = await repo.latestChanges(codes);
  assert.deepEqual(rows.map((r) => r.tps_code).sort(), [A1, C1]);
});
