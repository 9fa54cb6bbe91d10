/**
 * What `npm run bench:night` needs before its clock runs, written straight into its copy of the database:
 * witnesses with sessions, their three-page submissions read and waiting for confirmation, and moderators
 * holding claims on the TPS they will decide. Photo rows name placeholder content addresses (the benchmark
 * never serves a photo); the reading rows are what the confirm service reads (state 'read', a page, the
 * reader's FormReading JSON with candidates), so each confirm runs the same sheet reading as in production.
 */
import crypto from 'node:crypto';
import type { Database } from '@cocok/server';
import { csrfTokenFor, sha256Hex } from '@cocok/server';
import { FIELDS, PAGE_FIELDS, type FieldName, type FieldValues } from '@cocok/domain';
import { bulkInserter, closeRaw, exec, openRaw } from '../seed-scale/bulk-insert.ts';
import { officialFigures, rng } from '../seed-scale/figures.ts';

export type Session = { userId: number; cookie: string; csrf: string };
/** A submission read and waiting: its owner's session, and the figures the witness will confirm (every field). */
export type ReadySubmission = { id: number; tps: string; witness: Session; fields: FieldValues };
export type Moderator = Session & { verify: string[]; escalate: string[] };

/** Under UPLOADS_PER_HOUR (20): a witness photographs a few TPS' forms in the evening. */
const SUBMISSIONS_PER_WITNESS = 3;
const MODERATORS = 4;
/** Every this-many TPS of a moderator's share is escalated instead of verified (after which only admins decide). */
const ESCALATE_EVERY = 10;
/** A few confirmed figures differ from KPU's, as misread or altered sheets do; they enter the moderation queue. */
const ALTERED_SHARE = 0.02;

const newToken = () => crypto.randomBytes(32).toString('base64url');
const session = (userId: number, token: string): Session => ({
  userId,
  cookie: `cocok_session=${token}`,
  csrf: csrfTokenFor(token),
});

type Target = { code: string; fields: FieldValues };

/**
 * TPS no witness has reported yet (so each confirm adds exactly one TPS to the crowd count, which is how the
 * benchmark tells how old a page's totals are), spread at random over the country, those with KPU figures
 * first; the witness confirms KPU's figures, or self-consistent made-up ones where KPU has none.
 */
async function targets(db: Database, n: number): Promise<Target[]> {
  const rows = await db.all<Record<string, number | string | null>>(
    `SELECT t.code, ${FIELDS.map((f) => `v.${f}`).join(', ')}
     FROM tps t
     LEFT JOIN official_current oc ON oc.tps_code = t.code
     LEFT JOIN official_versions v ON v.id = oc.version_id
     WHERE NOT EXISTS (SELECT 1 FROM submissions s WHERE s.tps_code = t.code)
       AND NOT EXISTS (SELECT 1 FROM tps_comparisons c WHERE c.tps_code = t.code)
     ORDER BY oc.version_id IS NULL, random() LIMIT ?`,
    [n],
  );
  if (rows.length < n) throw new Error(`only ${rows.length} TPS without witnesses; ${n} needed`);
  return rows.map((row, i) => {
    const code = String(row.code);
    const official =
      row.suara_sah === null
        ? officialFigures(rng(i + 1))
        : (Object.fromEntries(FIELDS.map((f) => [f, row[f] as number | null])) as FieldValues);
    const fields = { ...official };
    if (i % Math.round(1 / ALTERED_SHARE) === 0 && fields.suara_paslon_1 !== null) fields.suara_paslon_1 += 10;
    return { code, fields };
  });
}

/** What the reader stored for one page: each field read confidently, with a runner-up value, and its boxes. */
function readingOf(page: 1 | 2 | 3, values: FieldValues, machineEqualsConfirmed: boolean): string {
  const fields: Record<string, unknown> = {};
  const candidates: Record<string, unknown> = {};
  const boxesInPhoto: Record<string, unknown> = {};
  PAGE_FIELDS[page].forEach((f: FieldName, row) => {
    const value = machineEqualsConfirmed || f !== 'suara_paslon_1' ? values[f] : (values[f] ?? 10) - 10;
    fields[f] = { value, confidence: 0.97, review: false, reasons: [] };
    candidates[f] = [
      { value, probability: 0.97 },
      { value: value === null ? 0 : value + 1, probability: 0.03 },
    ];
    const y = 400 + row * 90;
    boxesInPhoto[f] = [
      [2100, y],
      [2460, y],
      [2460, y + 80],
      [2100, y + 80],
    ];
  });
  return JSON.stringify({ page, fields, review: false, checks: [], candidates, boxesInPhoto, ms: 850 });
}

type Prepared = { submissions: ReadySubmission[]; moderators: Moderator[] };

/** Writes `count` ready submissions and the moderators' accounts, sessions and claims into the (copied) database. */
export async function prepareNight(db: Database, file: string, count: number): Promise<Prepared> {
  const chosen = await targets(db, count);
  const decisionTps = await db.all<{ tps_code: string }>(
    `SELECT tps_code FROM tps_comparisons ORDER BY status = 'match', impact DESC LIMIT ?`,
    [MODERATORS * 100],
  );
  const firstUser = ((await db.get<{ n: number }>('SELECT max(id) AS n FROM users'))?.n ?? 0) + 1;
  const firstSubmission = ((await db.get<{ n: number }>('SELECT max(id) AS n FROM submissions'))?.n ?? 0) + 1;
  const now = new Date();
  const nowIso = now.toISOString();
  const expires = new Date(now.getTime() + 29 * 86_400_000).toISOString();
  const claimEnds = new Date(now.getTime() + 2 * 3_600_000).toISOString();
  const run = crypto.randomBytes(3).toString('hex');

  const raw = await openRaw(file);
  await exec(raw, 'PRAGMA busy_timeout = 5000; BEGIN');
  const users = bulkInserter(raw, 'users', [
    'id',
    'name',
    'contact',
    'contact_kind',
    'password_hash',
    'role',
    'pseudonym',
    'created_at',
    'staff_pseudonym',
  ]);
  const sessions = bulkInserter(raw, 'sessions', ['token_hash', 'user_id', 'created_at', 'expires_at']);
  const photos = bulkInserter(raw, 'photos', [
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
  ]);
  const submissions = bulkInserter(raw, 'submissions', ['id', 'tps_code', 'user_id', 'status', 'created_at']);
  const pages = bulkInserter(raw, 'submission_photos', [
    'submission_id',
    'sha256',
    'position',
    'state',
    'page',
    'reading',
  ]);
  const claims = bulkInserter(raw, 'moderation_claims', ['tps_code', 'moderator_id', 'claimed_at', 'expires_at']);

  let userId = firstUser;
  const addUser = async (role: 'witness' | 'moderator'): Promise<Session> => {
    const id = userId++;
    const token = newToken();
    const staff = role === 'moderator' ? `Moderator-BN${run}${id}` : null;
    await users.add([
      id,
      `Bench ${role} ${id}`,
      `bench-night-${run}-${id}@example.org`,
      'email',
      'bench-no-login',
      role,
      `Saksi-BN${run}${id}`,
      nowIso,
      staff,
    ]);
    await sessions.add([sha256Hex(token), id, nowIso, expires]);
    return session(id, token);
  };

  const ready: ReadySubmission[] = [];
  let witness: Session | undefined;
  for (const [i, t] of chosen.entries()) {
    if (i % SUBMISSIONS_PER_WITNESS === 0) witness = await addUser('witness');
    const id = firstSubmission + i;
    // Uploaded during the last 50 minutes: inside the hour the upload limit counts, one pending per TPS.
    const createdAt = new Date(now.getTime() - ((i * 7919) % 3_000_000)).toISOString();
    await submissions.add([id, t.code, witness!.userId, 'pending', createdAt]);
    for (const page of [1, 2, 3] as const) {
      const sha = sha256Hex(`bench-night-${run}-${id}-${page}`);
      await photos.add([
        sha,
        'jpeg',
        2_400_000,
        3000,
        4000,
        sha.slice(0, 16),
        ...[0, 4, 8, 12].map((k) => parseInt(sha.slice(k, k + 4), 16)),
        createdAt,
      ]);
      await pages.add([id, sha, page - 1, 'read', page, readingOf(page, t.fields, i % 7 !== 0)]);
    }
    ready.push({ id, tps: t.code, witness: witness!, fields: t.fields });
  }

  const moderators: Moderator[] = [];
  for (let m = 0; m < MODERATORS; m++) moderators.push({ ...(await addUser('moderator')), verify: [], escalate: [] });
  for (const [i, { tps_code }] of decisionTps.entries()) {
    const mod = moderators[i % MODERATORS];
    (Math.floor(i / MODERATORS) % ESCALATE_EVERY === ESCALATE_EVERY - 1 ? mod.escalate : mod.verify).push(tps_code);
    await claims.add([tps_code, mod.userId, nowIso, claimEnds]);
  }
  if (moderators.some((m) => m.verify.length === 0 || m.escalate.length === 0))
    throw new Error('too few compared TPS to share among the moderators');
  for (const w of [users, sessions, photos, submissions, pages, claims]) await w.close();
  await exec(raw, 'COMMIT');
  await closeRaw(raw);
  return { submissions: ready, moderators };
}
