import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  compareQueueEntries,
  hourlySeries,
  mayChangeRole,
  mayClaim,
  mayDecide,
  matchesFilter,
  openReasons,
  reportGroupKey,
  type DecideContext,
  type Evidence,
  type PastDecision,
  type QueueReason,
} from './moderation.logic.ts';

const T0 = '2026-01-10T10:00:00.000Z';
const T1 = '2026-01-10T11:00:00.000Z';
const T2 = '2026-01-10T12:00:00.000Z';
const ev = (reason: QueueReason, since = T1): Evidence => ({ reason, since });
const dec = (
  kind: PastDecision['kind'],
  at: string,
  actorRole: PastDecision['actorRole'] = 'moderator',
): PastDecision => ({ kind, at, actorRole });

const reasonCases: [string, Evidence[], PastDecision[], QueueReason[]][] = [
  ['no evidence: nothing open', [], [], []],
  ['a mismatch without decisions stays open', [ev('mismatch')], [], ['mismatch']],
  ['set-verified after the mismatch settles it', [ev('mismatch')], [dec('set-verified', T2)], []],
  ['official-wrong after the mismatch settles it', [ev('mismatch')], [dec('official-wrong', T2)], []],
  [
    'a decision before newer evidence does not settle it',
    [ev('mismatch', T2)],
    [dec('set-verified', T1)],
    ['mismatch'],
  ],
  ['a decision at the same instant settles it', [ev('review', T1)], [dec('reject-submission', T1)], []],
  ['escalate does not settle a mismatch', [ev('mismatch')], [dec('escalate', T2)], ['mismatch']],
  [
    'official-wrong does not settle a crowd conflict',
    [ev('crowd_conflict')],
    [dec('official-wrong', T2)],
    ['crowd_conflict'],
  ],
  ['official-wrong settles official_inconsistent', [ev('official_inconsistent')], [dec('official-wrong', T2)], []],
  [
    'reports are only closed by resolving them, not by decisions',
    [ev('report')],
    [dec('set-verified', T2), dec('resolve-report', T2)],
    ['report'],
  ],
  ['a moderator decision does not settle an escalation', [ev('escalated')], [dec('set-verified', T2)], ['escalated']],
  ['an admin decision after the escalation settles it', [ev('escalated')], [dec('set-verified', T2, 'admin')], []],
  ['an admin escalating again does not settle it', [ev('escalated')], [dec('escalate', T2, 'admin')], ['escalated']],
  ['requeued is settled by any verdict after it', [ev('requeued')], [dec('resolve-report', T2)], []],
  ['ban-uploader does not settle its own requeue', [ev('requeued')], [dec('ban-uploader', T1)], ['requeued']],
  [
    'several reasons come back in queue order',
    [ev('report'), ev('duplicate'), ev('mismatch')],
    [],
    ['mismatch', 'duplicate', 'report'],
  ],
];
for (const [name, evidence, decisions, expected] of reasonCases) {
  test(`queue reasons: ${name}`, () => {
    assert.deepEqual(
      openReasons(evidence, decisions).map((e) => e.reason),
      expected,
    );
  });
}

test('queue reasons: the same reason twice keeps the oldest evidence', () => {
  assert.deepEqual(openReasons([ev('review', T2), ev('review', T0)], []), [{ reason: 'review', since: T0 }]);
});

test('queue order: impact first, then waiting longest, then code', () => {
  const e = (tps: string, impact: number, since: string) => ({ tps, impact, since, reasons: ['mismatch' as const] });
  const sorted = [e('B', 5, T1), e('A', 5, T1), e('C', 50, T2), e('D', 5, T0), e('E', 0, T0)].sort(compareQueueEntries);
  assert.deepEqual(
    sorted.map((x) => x.tps),
    ['C', 'D', 'A', 'B', 'E'],
  );
});

test('queue order: equal impact and wait go by code, overseas codes with letters after the digits', () => {
  const codes = ['99AA010010001', '9901010010002', '3101011001001', '9901010010010'];
  const sorted = codes
    .map((tps) => ({ tps, impact: 0, since: T1, reasons: ['review' as const] }))
    .sort(compareQueueEntries);
  assert.deepEqual(
    sorted.map((x) => x.tps),
    ['3101011001001', '9901010010002', '9901010010010', '99AA010010001'],
  );
});

const filterCases: [string, { region?: string; reason?: QueueReason }, boolean][] = [
  ['no filter', {}, true],
  ['province prefix', { region: '31' }, true],
  ['village prefix', { region: '3101011001' }, true],
  ['other province', { region: '32' }, false],
  ['reason present', { reason: 'report' }, true],
  ['reason absent', { reason: 'duplicate' }, false],
  ['both, one failing', { region: '31', reason: 'duplicate' }, false],
];
for (const [name, filter, expected] of filterCases) {
  test(`queue filter: ${name}`, () => {
    assert.equal(
      matchesFilter({ tps: '3101011001001', impact: 1, since: T0, reasons: ['mismatch', 'report'] }, filter),
      expected,
    );
  });
}

const NOW = '2026-01-10T12:00:00.000Z';
const claimCases: [string, { moderatorId: number; expiresAt: string } | null, number, boolean][] = [
  ['unclaimed', null, 1, true],
  ['held by me: renew', { moderatorId: 1, expiresAt: '2026-01-10T12:05:00.000Z' }, 1, true],
  ['held by another', { moderatorId: 2, expiresAt: '2026-01-10T12:05:00.000Z' }, 1, false],
  ['expired claim of another', { moderatorId: 2, expiresAt: '2026-01-10T11:59:59.999Z' }, 1, true],
  ['claim expiring exactly now', { moderatorId: 2, expiresAt: NOW }, 1, true],
];
for (const [name, claim, userId, expected] of claimCases) {
  test(`claim: ${name}`, () => assert.equal(mayClaim(claim, userId, NOW), expected));
}

const base: DecideContext = {
  role: 'moderator',
  userId: 1,
  kind: 'set-verified',
  claim: null,
  nowIso: NOW,
  ownUpload: false,
  allowOwnUploads: false,
  escalated: false,
};
const other = { moderatorId: 2, expiresAt: '2026-01-10T12:05:00.000Z' };
const decideCases: [string, Partial<DecideContext>, string][] = [
  ['a moderator on an unclaimed TPS', {}, 'ok'],
  ['an admin', { role: 'admin' }, 'ok'],
  ['a witness', { role: 'witness' }, 'not-staff'],
  ['a TPS claimed by another moderator', { claim: other }, 'claimed-by-other'],
  ['a TPS whose claim by another expired', { claim: { ...other, expiresAt: T0 } }, 'ok'],
  ['own claim', { claim: { moderatorId: 1, expiresAt: other.expiresAt } }, 'ok'],
  ['own upload', { ownUpload: true }, 'own-upload'],
  ['own upload with the setting on', { ownUpload: true, allowOwnUploads: true }, 'ok'],
  ['own upload as admin is refused too', { ownUpload: true, role: 'admin' }, 'own-upload'],
  ['escalated TPS, moderator', { escalated: true }, 'escalated'],
  ['escalated TPS, moderator escalating again', { escalated: true, kind: 'escalate' }, 'ok'],
  ['escalated TPS, admin', { escalated: true, role: 'admin' }, 'ok'],
];
for (const [name, over, expected] of decideCases) {
  test(`who may decide: ${name} -> ${expected}`, () => {
    const v = mayDecide({ ...base, ...over });
    assert.equal(v.ok ? 'ok' : v.why, expected);
  });
}

const roleCases: [string, { id: number; role: 'witness' | 'moderator' | 'admin' }, number, string][] = [
  ['admin makes a moderator', { id: 1, role: 'admin' }, 2, 'ok'],
  ['admin changes own role', { id: 1, role: 'admin' }, 1, 'own-role'],
  ['moderator changes a role', { id: 1, role: 'moderator' }, 2, 'not-admin'],
  ['witness changes a role', { id: 1, role: 'witness' }, 2, 'not-admin'],
];
for (const [name, actor, target, expected] of roleCases) {
  test(`roles: ${name}`, () => {
    const v = mayChangeRole(actor, target);
    assert.equal(v.ok ? 'ok' : v.why, expected);
  });
}

test('reports group by text regardless of case and spacing', () => {
  assert.equal(reportGroupKey('  Angka  SALAH di foto '), reportGroupKey('angka salah di foto'));
  assert.notEqual(reportGroupKey('angka salah'), reportGroupKey('foto salah'));
});

test('decisions per hour: 24 buckets ending now, gaps are zero', () => {
  const series = hourlySeries(
    new Map([
      ['2026-01-10T12', 3],
      ['2026-01-09T13', 1],
      ['2026-01-09T12', 9],
    ]),
    new Date(NOW),
  );
  assert.equal(series.length, 24);
  assert.deepEqual(series[0], { hour: '2026-01-09T13:00:00Z', decisions: 1 });
  assert.deepEqual(series[23], { hour: '2026-01-10T12:00:00Z', decisions: 3 });
  assert.equal(
    series.reduce((n, s) => n + s.decisions, 0),
    4,
  );
});
