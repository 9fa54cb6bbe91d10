import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import request from 'supertest';
import sharp from 'sharp';
import { readingQueueOf } from '../../src/app.ts';
import { systemClock } from '../../src/core/clock.ts';
import type { FormReading } from '@cocok/domain';
import { createRegionsService } from '../../src/modules/regions/regions.service.ts';
import { createOfficialImportService } from '../../src/modules/official/official-import.service.ts';
import { createComparisonService } from '../../src/modules/comparison/comparison.service.ts';
import * as moderationLogic from '@cocok/domain';
import { ROLES as SERVER_ROLES } from '../../src/modules/accounts/accounts.logic.ts';
import { LOG_CSV_COLUMNS } from '../../src/modules/moderation/moderation.routes.ts';
import { CSV_HEADER } from '../../src/modules/comparison/comparison-export.ts';
import { PHONE_EXIF, patternJpeg } from '@cocok/testing';
import { confirmReadPage2OverApi } from '../helpers/read-submission.ts';
import { sirekapDoc } from '../helpers/temp-db.ts';
import {
  TPS_A,
  TPS_B,
  TPS_C,
  createTestApp,
  csrfOf,
  setRole,
  signUp,
  type Agent,
  type TestApp,
} from '../helpers/api-app.ts';
import * as api from '@cocok/api';
import { routes, urlOf, type RouteName, type RouteOutput, type RouteSpec } from '@cocok/api';

/**
 * The wire contract (packages/api) against the real app: every route is called over HTTP (supertest
 * against createApp, demo registry and Sirekap documents, real uploads read by a fake reader) and each
 * JSON answer is parsed with its route's schema. The schemas are strict objects, so a field the server
 * adds, drops or retypes fails here; the last test checks that every route of the table was called.
 */
const PAGE_2: FormReading = {
  page: 2,
  fields: {
    suara_paslon_1: { value: 100, confidence: 0.95, review: false },
    suara_paslon_2: { value: 50, confidence: 0.6, review: true, reasons: ['low-confidence'] },
    suara_paslon_3: { value: 30, confidence: 0.9, review: false },
  },
  review: true,
  checks: [],
  boxesInPhoto: {
    suara_paslon_1: [
      [100, 100],
      [300, 100],
      [300, 160],
      [100, 160],
    ],
  },
  candidates: {
    suara_paslon_2: [
      { value: 50, probability: 0.6 },
      { value: 58, probability: 0.3 },
    ],
  },
  ms: 3,
};
const PAGE_3: FormReading = {
  page: 3,
  fields: {
    suara_sah: { value: 170, confidence: 0.9, review: false },
    suara_tidak_sah: { value: 2, confidence: 0.9, review: false },
    suara_total: { value: 172, confidence: 0.9, review: false },
  },
  review: false,
  ms: 3,
};
/** Tells pages apart by width (642 px page 2, 643 px page 3); anything else is no form page. */
const reader = {
  async read(bytes: Buffer): Promise<FormReading> {
    const { width } = await sharp(bytes).metadata();
    if (width === 642) return PAGE_2;
    if (width === 643) return PAGE_3;
    return {
      page: null,
      fields: {},
      review: true,
      reason: 'no-form-found',
      message: 'Bukan halaman formulir C.HASIL.',
      ms: 2,
    };
  },
};

type Person = { agent: Agent; csrf: string; user: { id: number; contact: string } };
let t: TestApp;
let witness: Person;
let other: Person;
let banned: Person;
let moderator: Person;
let admin: Person;
let uploadedId: number;
let photoSha: string;
let otherSubmission: number;
const called = new Set<RouteName>();

async function person(role: 'witness' | 'moderator' | 'admin'): Promise<Person> {
  const agent = request.agent(t.app);
  const { user, csrf } = await signUp(agent);
  await setRole(t.db, user.id, role);
  return { agent, csrf, user };
}

type Input = {
  params?: Record<string, string | number>;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
};

/** Calls a route of the table as `who` (anonymous when absent), with the CSRF token on POSTs. */
async function call(name: RouteName, input: Input = {}, who?: Person) {
  called.add(name);
  const r: RouteSpec = routes[name];
  const url = urlOf(r, input);
  const agent = who?.agent ?? request.agent(t.app);
  if (r.method === 'GET') return agent.get(url);
  const csrf = who?.csrf ?? (await csrfOf(agent));
  return agent
    .post(url)
    .set('X-CSRF-Token', csrf)
    .send((input.body ?? {}) as object);
}

/** The answer has the route's success status (or `status`) and its body passes the route's schema. */
function answer<N extends RouteName>(
  name: N,
  res: request.Response,
  status: number = routes[name].status,
): RouteOutput<(typeof routes)[N]> {
  assert.equal(res.status, status, `${name}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
  const schema = (routes[name] as RouteSpec).response;
  assert.ok(schema, `${name} has a response schema`);
  const parsed = schema.safeParse(res.body);
  assert.ok(
    parsed.success,
    `${name}: ${parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 5), null, 1)}`,
  );
  return parsed.data as never;
}

/** An error answer: the status, the code, and a body that is exactly the envelope. */
function refusal(res: request.Response, status: number, code: string): api.ErrorEnvelope {
  assert.equal(res.status, status, JSON.stringify(res.body));
  const envelope = api.errorEnvelope.parse(res.body);
  assert.equal(envelope.error.code, code);
  return envelope;
}

before(async () => {
  t = await createTestApp({
    reader,
    settings: {
      uploads: { maxFileBytes: 300 * 1024, maxFiles: 6, maxPixels: 4_000_000, perHour: 1000, pendingPerTps: 1000 },
    },
  });
  const comparison = createComparisonService({ db: t.db, clock: systemClock });
  const importer = createOfficialImportService({
    db: t.db,
    clock: systemClock,
    regions: createRegionsService({ db: t.db }),
    onOfficialChanged: (tx, codes) => comparison.refreshTps(tx, codes),
  });
  await importer.importDocuments([TPS_A, TPS_B, TPS_C].map((code) => ({ name: `${code}.json`, text: sirekapDoc() }))); // 10/20/30
  witness = await person('witness');
  other = await person('witness');
  banned = await person('witness');
  moderator = await person('moderator');
  admin = await person('admin');
});
after(() => t.cleanup());

test("the contract's copies of the moderation and account enums equal the server's", () => {
  assert.deepEqual(api.QUEUE_REASONS, moderationLogic.QUEUE_REASONS);
  assert.deepEqual(api.DECISION_KINDS, moderationLogic.DECISION_KINDS);
  assert.deepEqual(api.REJECT_REASONS, moderationLogic.REJECT_REASONS);
  assert.deepEqual(api.REPORT_OUTCOMES, moderationLogic.REPORT_OUTCOMES);
  assert.deepEqual(api.ROLES, SERVER_ROLES);
});

test('health and auth: me, register, login, logout', async () => {
  answer('health', await call('health'));
  const anon = answer('me', await call('me'));
  assert.equal(anon.user, null);

  const agent = request.agent(t.app);
  const csrf = await csrfOf(agent);
  const body = { name: 'Budi Ünïcödé', contact: `kontrak.${process.pid}@example.org`, password: 'rahasia-123' };
  called.add('register');
  const registered = answer('register', await agent.post(urlOf(routes.register)).set('X-CSRF-Token', csrf).send(body));
  const me = answer('me', await agent.get(urlOf(routes.me)));
  assert.equal(me.user?.id, registered.user.id);
  called.add('logout');
  const out = answer('logout', await agent.post(urlOf(routes.logout)).set('X-CSRF-Token', registered.csrfToken));
  const loggedIn = answer('login', await call('login', { body: { contact: body.contact, password: body.password } }));
  assert.equal(loggedIn.user.id, registered.user.id);
  assert.ok(out.csrfToken);
});

test('region pages, search and the TPS page', async () => {
  const nation = answer('nation', await call('nation'));
  assert.equal(nation.children[0].code, '31');
  answer('region', await call('region', { params: { code: '31' } }));
  const village = answer('region', await call('region', { params: { code: TPS_A.slice(0, 10) } }));
  assert.ok(
    village.children.every((c) => c.levelName === 'tps' && 'figures' in c),
    'a village lists TPS rows',
  );
  const byName = answer('search', await call('search', { query: { q: 'pulau' } }));
  assert.ok(byName.regions.length > 0);
  const byCode = answer('search', await call('search', { query: { q: TPS_A.slice(0, 10), limit: 5 } }));
  assert.ok(byCode.tps.length > 0 && byCode.regions.length === 1);
  const tps = answer('tps', await call('tps', { params: { code: TPS_A } }));
  assert.ok(tps.official && tps.official.checks.length > 0);
  const noOfficial = answer('tps', await call('tps', { params: { code: '3101011001003' } }));
  assert.equal(noOfficial.official, null);
});

async function upload(w: Person, tps: string, files: Buffer[]) {
  called.add('upload');
  let req = w.agent.post(urlOf(routes.upload)).set('X-CSRF-Token', w.csrf).field('tps', tps);
  files.forEach((bytes, i) => (req = req.attach('photos', bytes, `foto-${i + 1}.jpg`)));
  return req;
}

test('a witness uploads, reads, confirms and withdraws; cut-outs and public copies are JPEGs', async () => {
  const page2 = await patternJpeg(7001, { width: 642, height: 480, exif: PHONE_EXIF });
  const page3 = await patternJpeg(7002, { width: 643, height: 480 });
  const created = answer('upload', await upload(witness, TPS_A, [page2, page3, page2]));
  uploadedId = created.id;
  photoSha = created.photos[0].sha256;
  await readingQueueOf(t.app)!.idle();
  const again = answer('upload', await upload(witness, TPS_A, [page2]), 200);
  assert.equal(again.created, false);

  answer('mySubmissions', await call('mySubmissions', {}, witness));
  const read = answer('submission', await call('submission', { params: { id: uploadedId } }, witness));
  assert.ok(read.readingDone && read.photos[0].reading, JSON.stringify(read.photos[0]));
  const cutout = await call(
    'fieldCutout',
    { params: { id: uploadedId, sha256: photoSha, field: 'suara_paslon_1' } },
    witness,
  );
  assert.equal(cutout.status, 200);
  assert.equal(cutout.type, 'image/jpeg');

  // 100 + 50 + 30 is not suara_sah 170: the confirm answer carries the failed check.
  const fields = {
    suara_paslon_1: 100,
    suara_paslon_2: 50,
    suara_paslon_3: 30,
    suara_sah: 170,
    suara_tidak_sah: 2,
    suara_total: null,
  };
  const confirmed = answer(
    'confirmSubmission',
    await call('confirmSubmission', { params: { id: uploadedId }, body: { fields } }, witness),
  );
  assert.ok(confirmed.checks.some((c) => c.id === 'paslon_sum_vs_sah'));
  for (const name of ['photoDisplay', 'photoThumb'] as const) {
    const res = await call(name, { params: { sha256: photoSha } });
    assert.deepEqual([res.status, res.type], [200, 'image/jpeg'], name);
  }

  otherSubmission = await confirmReadPage2OverApi(t.db, other, TPS_A, [10, 20, 31]);
  await confirmReadPage2OverApi(t.db, other, TPS_B, [10, 20, 30]);
  const spare = await confirmReadPage2OverApi(t.db, banned, TPS_C, [10, 25, 30]);
  const withdrawn = answer('withdrawSubmission', await call('withdrawSubmission', { params: { id: spare } }, banned));
  assert.equal(withdrawn.status, 'withdrawn');
  await confirmReadPage2OverApi(t.db, banned, TPS_C, [10, 26, 30]);
  const listed = answer('tpsSubmissions', await call('tpsSubmissions', { params: { code: TPS_A } }));
  assert.equal(listed.submissions.length, 2);
});

test('comparison: every listed status, village TPS rows with figures, and the region exports', async () => {
  for (const status of api.LISTED_STATUSES)
    answer('mismatches', await call('mismatches', { query: { status, region: '31', limit: 1 } }));
  const list = answer('mismatches', await call('mismatches'));
  assert.ok(list.items.length > 0);
  const next = answer('mismatches', await call('mismatches', { query: { limit: 1 } }));
  if (next.nextCursor) answer('mismatches', await call('mismatches', { query: { limit: 1, cursor: next.nextCursor } }));
  answer('tps', await call('tps', { params: { code: TPS_A } }));
  answer('region', await call('region', { params: { code: TPS_A.slice(0, 10) } }));

  const exported = answer('regionTpsJson', await call('regionTpsJson', { params: { code: '31' } }));
  assert.equal(exported.tps.length, 5);
  const csv = await call('regionTpsCsv', { params: { code: '31' } });
  assert.equal(csv.status, 200);
  assert.match(csv.type, /^text\/csv/);
  assert.equal(csv.text.split('\n')[0], CSV_HEADER);
});

test('moderation: queue, dashboard, claims, review, every decision kind, reports, takedown, history and log', async () => {
  const queue = answer('moderationQueue', await call('moderationQueue', {}, moderator));
  assert.ok(queue.items.length > 0);
  answer(
    'moderationQueue',
    await call('moderationQueue', { query: { reason: 'mismatch', region: '31', limit: 1 } }, moderator),
  );
  answer('moderationDashboard', await call('moderationDashboard', {}, moderator));

  const report = answer(
    'report',
    await call('report', { params: { code: TPS_A }, body: { reason: 'Angka di foto\nberbeda' } }),
  );
  assert.equal(report.openReports, 1);
  const claim = answer('claim', await call('claim', { params: { code: TPS_A } }, moderator));
  assert.ok(claim.claim);
  const decide = async (code: string, body: object, who = moderator) =>
    answer('decide', await call('decide', { params: { code }, body }, who));
  await decide(TPS_A, { kind: 'set-verified', fromSubmission: uploadedId, reason: 'foto jelas' });
  await decide(TPS_A, { kind: 'clear-verified', reason: 'salah pilih' });
  await decide(TPS_A, {
    kind: 'set-verified',
    figures: { suara_paslon_3: 30, suara_sah: null },
    reason: 'dibaca ulang',
  });
  await decide(TPS_A, { kind: 'official-wrong', fields: ['suara_paslon_3'], reason: 'KPU salah ketik' });
  await decide(TPS_A, {
    kind: 'reject-submission',
    submissionId: otherSubmission,
    reason: 'unreadable',
    note: 'buram',
  });
  await decide(TPS_A, { kind: 'resolve-report', outcome: 'fixed', reason: 'sudah dibetulkan' });
  const [onB] = await t.db.all<{ id: number }>(
    "SELECT id FROM submissions WHERE tps_code = ? AND status = 'confirmed'",
    [TPS_B],
  );
  await decide(TPS_B, { kind: 'move-submission', submissionId: onB.id, toTps: '3101011001003', reason: 'salah TPS' });
  const [onC] = await t.db.all<{ id: number }>(
    "SELECT id FROM submissions WHERE tps_code = ? AND status = 'confirmed'",
    [TPS_C],
  );
  const ban = await decide(TPS_C, { kind: 'ban-uploader', submissionId: onC.id, reason: 'foto palsu berulang' });
  assert.ok(ban.affected.includes(TPS_C));
  await decide(TPS_C, { kind: 'escalate', reason: 'perlu admin' });

  const review = answer('review', await call('review', { params: { code: TPS_A } }, moderator));
  assert.ok(review.verified && review.officialDisputes.length === 1 && review.reports.resolved.length === 1);
  assert.ok(review.submissions.some((s) => s.rejected === 'unreadable'));
  assert.ok(
    review.submissions.some((s) => s.photos.some((p) => p.capture)),
    'staff see EXIF',
  );
  answer('review', await call('review', { params: { code: TPS_C } }, admin));
  const released = answer('releaseClaim', await call('releaseClaim', { params: { code: TPS_A } }, moderator));
  assert.equal(released.claim, null);

  const takedown = answer(
    'takedownPhoto',
    await call(
      'takedownPhoto',
      { params: { sha256: photoSha }, body: { reason: 'wajah pemilih terlihat' } },
      moderator,
    ),
  );
  assert.deepEqual(takedown.tps, [TPS_A]);
  refusal(await call('photoDisplay', { params: { sha256: photoSha } }), 410, 'photo-taken-down');

  const history = answer('tpsHistory', await call('tpsHistory', { params: { code: TPS_A } }));
  assert.ok(history.entries.length >= 7);
  answer('tpsHistory', await call('tpsHistory', { params: { code: '3101011001003' } }));
  answer('moderationDashboard', await call('moderationDashboard', {}, admin));
});

test('admin: look a user up and change a role; the log has every action kind', async () => {
  const found = answer('userLookup', await call('userLookup', { query: { contact: witness.user.contact } }, admin));
  answer('userRole', await call('userRole', { params: { id: found.user.id }, body: { role: 'moderator' } }, admin));
  const log = answer('moderationLogJson', await call('moderationLogJson'));
  const actions = new Set(log.entries.map((e) => e.action));
  for (const a of [
    'set-verified',
    'official-wrong',
    'reject-submission',
    'move-submission',
    'receive-submission',
    'ban-uploader',
    'escalate',
    'resolve-report',
    'takedown-photo',
    'set-role',
  ] as const) {
    assert.ok(actions.has(a), a);
  }
  const csv = await call('moderationLogCsv');
  assert.equal(csv.status, 200);
  assert.equal(csv.text.split('\r\n')[0], LOG_CSV_COLUMNS.join(','));
});

test('error answers are the envelope: 400, 401, 403, 404, 409, 410', async () => {
  const invalid = refusal(await call('mismatches', { query: { limit: 0 } }), 400, 'bad-request');
  api.validationDetails.parse(invalid.error.details);
  refusal(await call('search', { query: { limit: 0 } }), 400, 'bad-request');
  refusal(await call('region', { params: { code: 'x y' } }), 400, 'invalid-code');
  refusal(await call('tps', { params: { code: '3101011009999' } }), 404, 'not-found');
  refusal(
    await call('register', { body: { name: 'Budi\u202Eabc', contact: 'x@example.org', password: 'rahasia-123' } }),
    400,
    'invalid-text',
  );
  refusal(await call('mySubmissions'), 401, 'login-required');
  refusal(await call('moderationQueue', {}, other), 403, 'forbidden');
  refusal(
    await other.agent.post(urlOf(routes.report, { params: { code: TPS_A } })).send({ reason: 'tanpa token' }),
    403,
    'csrf-invalid',
  );
  refusal(await call('submission', { params: { id: uploadedId } }, other), 404, 'not-found');
  refusal(await call('userRole', { params: { id: 999_999 }, body: { role: 'moderator' } }, admin), 404, 'not-found');
  refusal(await request(t.app).get('/api/no/such/route'), 404, 'route-not-found');
  await call('claim', { params: { code: TPS_B } }, moderator);
  refusal(await call('claim', { params: { code: TPS_B } }, admin), 409, 'claimed-by-other');
});

test('the schemas are strict: a real answer with a field added, dropped or retyped fails', async () => {
  const res = await call('region', { params: { code: '31' } });
  const body = structuredClone(res.body) as Record<string, unknown> & { children: Record<string, unknown>[] };
  assert.ok(api.regionPage.safeParse(body).success);
  assert.ok(!api.regionPage.safeParse({ ...body, internalId: 7 }).success, 'added');
  const { breadcrumb: _dropped, ...withoutBreadcrumb } = body;
  assert.ok(!api.regionPage.safeParse(withoutBreadcrumb).success, 'dropped');
  assert.ok(!api.regionPage.safeParse({ ...body, children: [{ ...body.children[0], level: '1' }] }).success, 'retyped');
});

test('every route of the table was called', () => {
  assert.deepEqual(
    Object.keys(routes).filter((n) => !called.has(n as RouteName)),
    [],
  );
});
