import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, setRole, TPS_A, TPS_B, TPS_C, type TestApp } from '../helpers/api-app.ts';
import { HttpClient, listenOnLoopback, runWithWidth, seededRandom, type Answer } from '../helpers/http-client.ts';

/**
 * Acknowledged writes are durable under concurrency (issue #18). Over real sockets, 1,200 requests from many
 * clients at once: sign-ups, logins, public reports, moderator decisions, and decisions that are refused
 * inside their transaction (a resolve-report where nothing is open: its audit row is written, then rolled
 * back), with readers polling the public log. With one shared connection, a refused transaction took other
 * requests' writes with it: answered 201, then gone, and their ids handed out again.
 */
const PASSWORD = 'rahasia-123';
const QUIET_TPS = TPS_C; // never reported: every resolve-report there is refused
const REPORTED = [TPS_A, TPS_B];

let t: TestApp;
let server: Awaited<ReturnType<typeof listenOnLoopback>>;
let admin: HttpClient;

before(async () => {
  t = await createTestApp({
    settings: {
      auth: { loginLimitPerIp: 1_000_000, loginLimitPerContact: 1_000_000 },
      moderation: { reportsPerIpPerHour: 1_000_000 },
    },
  });
  server = await listenOnLoopback(t.app);
  admin = new HttpClient(server.baseUrl);
  await admin.get('/api/auth/me');
  const me = await admin.post('/api/auth/register', {
    name: 'Admin Satu',
    contact: 'admin.concurrency@example.org',
    password: PASSWORD,
  });
  assert.equal(me.status, 201);
  await setRole(t.db, me.body.user.id, 'admin');
});
after(async () => {
  await server.close();
  await t.cleanup();
});

type SignUp = { id: number; contact: string; name: string };
type Seen = { id: number; at: string; action: string; tps: string | null };

test('1,200 interleaved writes and refusals: every 2xx is durable, no id is reused, the public log never loses a row', async () => {
  const random = seededRandom(18);
  const signUps: SignUp[] = [];
  const logins: { client: HttpClient; userId: number }[] = [];
  const reports: { id: number; tps: string; reason: string }[] = [];
  const decisions: { id: number; kind: string }[] = [];
  const seenInLog = new Map<number, Seen>();
  const failures: string[] = [];
  const statusOf = (what: string, a: Answer, ok: number[]) => {
    if (!ok.includes(a.status)) failures.push(`${what}: ${a.status} ${JSON.stringify(a.body).slice(0, 200)}`);
    return a.status;
  };

  let n = 0;
  const kinds = [
    'signup',
    'signup',
    'login',
    'report',
    'report',
    'refused',
    'refused',
    'resolve',
    'escalate',
    'poll',
  ] as const;
  const tasks = Array.from({ length: 1200 }, () => {
    const kind = kinds[Math.floor(random() * kinds.length)];
    const tps = REPORTED[Math.floor(random() * REPORTED.length)];
    const i = n++;
    return async () => {
      if (kind === 'signup' || (kind === 'login' && signUps.length === 0)) {
        const c = new HttpClient(server.baseUrl);
        await c.get('/api/auth/me');
        const body = { name: `Saksi Serentak ${i}`, contact: `serentak${i}@example.org`, password: PASSWORD };
        const a = await c.post('/api/auth/register', body);
        if (statusOf('sign-up', a, [201]) === 201)
          signUps.push({ id: a.body.user.id, contact: body.contact, name: body.name });
      } else if (kind === 'login') {
        const who = signUps[Math.floor(random() * signUps.length)];
        const c = new HttpClient(server.baseUrl);
        await c.get('/api/auth/me');
        const a = await c.post('/api/auth/login', { contact: who.contact, password: PASSWORD });
        if (statusOf('login', a, [200]) === 200) logins.push({ client: c, userId: who.id });
      } else if (kind === 'report') {
        const reason = `laporan serentak nomor ${i}`;
        const c = new HttpClient(server.baseUrl);
        await c.get('/api/auth/me');
        const a = await c.post(`/api/tps/${tps}/reports`, { reason });
        if (statusOf('report', a, [201]) === 201) reports.push({ id: a.body.id, tps, reason });
      } else if (kind === 'poll') {
        const a = await admin.get('/api/moderation/log.json');
        if (statusOf('log', a, [200]) === 200)
          for (const e of a.body.entries as Seen[])
            seenInLog.set(e.id, { id: e.id, at: e.at, action: e.action, tps: e.tps });
      } else {
        const at = kind === 'refused' ? QUIET_TPS : tps;
        const body =
          kind === 'escalate'
            ? { kind: 'escalate', reason: `perlu dicek ${i}` }
            : { kind: 'resolve-report', outcome: 'no-problem', reason: `sudah diperiksa ${i}` };
        const a = await admin.post(`/api/moderation/tps/${at}/decisions`, body);
        // A resolve-report finds nothing open at the quiet TPS, and sometimes at a reported one: 409, rolled back.
        if (statusOf(kind, a, kind === 'escalate' ? [201] : [201, 409]) === 201)
          decisions.push({ id: a.body.decisionId, kind: body.kind });
      }
    };
  });
  await runWithWidth(tasks, 48);

  assert.ok(
    signUps.length > 150 && reports.length > 150 && decisions.length > 50 && seenInLog.size > 50,
    'the mix really ran',
  );
  const reused = (ids: number[]) => ids.length - new Set(ids).size;
  const users = new Map(
    (await t.db.all<{ id: number; contact: string }>('SELECT id, contact FROM users')).map((u) => [u.id, u]),
  );
  const stored = new Map(
    (await t.db.all<{ id: number; reason: string }>('SELECT id, reason FROM tps_reports')).map((r) => [r.id, r]),
  );
  const finalLog = new Map(
    ((await admin.get('/api/moderation/log.json')).body.entries as Seen[]).map((e) => [e.id, e]),
  );
  const changed = (e: Seen) => {
    const now = finalLog.get(e.id);
    return !now || now.at !== e.at || now.action !== e.action || now.tps !== e.tps;
  };
  // One summary, so a failure shows every count at once (and the closing note can quote them).
  assert.deepEqual(
    {
      unexpectedAnswers: failures.slice(0, 5),
      unexpectedAnswerCount: failures.length,
      reusedAccountIds: reused(signUps.map((s) => s.id)),
      reusedReportIds: reused(reports.map((r) => r.id)),
      reusedDecisionIds: reused(decisions.map((d) => d.id)),
      lostAccounts: signUps.filter((s) => users.get(s.id)?.contact !== s.contact).length,
      lostReports: reports.filter((r) => stored.get(r.id)?.reason !== r.reason).length,
      lostDecisions: decisions.filter((d) => finalLog.get(d.id)?.action !== d.kind).length,
      logRowsSeenThenGoneOrChanged: [...seenInLog.values()].filter(changed).length,
      refusedDecisionsCommitted: [...finalLog.values()].filter(
        (e) => e.tps === QUIET_TPS && e.action === 'resolve-report',
      ).length,
    },
    {
      unexpectedAnswers: [],
      unexpectedAnswerCount: 0,
      reusedAccountIds: 0,
      reusedReportIds: 0,
      reusedDecisionIds: 0,
      lostAccounts: 0,
      lostReports: 0,
      lostDecisions: 0,
      logRowsSeenThenGoneOrChanged: 0,
      refusedDecisionsCommitted: 0,
    },
  );

  // Sessions and passwords still work: each login's session is alive, a sample of accounts can log in again.
  const lostSessions: number[] = [];
  for (const l of logins)
    if ((await l.client.get('/api/auth/me')).body.user?.id !== l.userId) lostSessions.push(l.userId);
  assert.deepEqual(lostSessions, [], 'every login answered 200 keeps its session');
  for (const s of signUps.slice(0, 20)) {
    const c = new HttpClient(server.baseUrl);
    await c.get('/api/auth/me');
    assert.equal(
      (await c.post('/api/auth/login', { contact: s.contact, password: PASSWORD })).status,
      200,
      `${s.contact} can log in`,
    );
  }
});
