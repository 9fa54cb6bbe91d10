import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  REVISIT,
  aggregatePath,
  backoffDelay,
  checkJsonBody,
  classifyStatus,
  documentPath,
  isCompleteDocument,
  parseRegionList,
  nextUrlState,
  parseRetryAfter,
  regionListPath,
  retryDelay,
  revisitAfterMs,
  visitDecision,
  type RevisitFacts,
} from './official-sync.logic.ts';

const NOW = new Date('2024-02-16T10:00:00Z');

test("KPU's paths nest every ancestor's full code", () => {
  const cases: [string, string][] = [
    [regionListPath('0'), '/wilayah/pemilu/ppwp/0.json'],
    [regionListPath('31'), '/wilayah/pemilu/ppwp/31.json'],
    [regionListPath('3101011001'), '/wilayah/pemilu/ppwp/31/3101/310101/3101011001.json'],
    [documentPath('3101011001001'), '/pemilu/hhcw/ppwp/31/3101/310101/3101011001/3101011001001.json'],
    [aggregatePath('0'), '/pemilu/hhcw/ppwp.json'],
    [aggregatePath('3173'), '/pemilu/hhcw/ppwp/31/3173.json'],
  ];
  for (const [got, want] of cases) assert.equal(got, want);
});

test('status classes: 429, 408 and 5xx retry; 304 is not-modified; other 4xx fail', () => {
  const cases: [number, string][] = [
    [200, 'ok'],
    [304, 'not-modified'],
    [301, 'redirect'],
    [302, 'redirect'],
    [307, 'redirect'],
    [308, 'redirect'],
    [408, 'retry'],
    [425, 'retry'],
    [429, 'retry'],
    [500, 'retry'],
    [502, 'retry'],
    [503, 'retry'],
    [504, 'retry'],
    [400, 'fail'],
    [403, 'fail'],
    [404, 'fail'],
    [410, 'fail'],
    [204, 'fail'],
    [599, 'retry'],
    [600, 'fail'],
  ];
  for (const [status, want] of cases) assert.equal(classifyStatus(status), want, String(status));
});

test('Retry-After: seconds or an HTTP date, anything else ignored', () => {
  const cases: [string | null, number | null][] = [
    ['2', 2000],
    ['0', 0],
    [' 120 ', 120_000],
    ['Fri, 16 Feb 2024 10:00:30 GMT', 30_000],
    ['Fri, 16 Feb 2024 09:59:00 GMT', 0], // a date in the past: retry now, not a negative wait
    ['-5', null],
    ['1.5', null],
    ['soon', null],
    ['', null],
    [null, null],
  ];
  for (const [header, want] of cases) assert.equal(parseRetryAfter(header, NOW), want, String(header));
});

test('backoff: full jitter under an exponential ceiling capped at max; Retry-After wins over it', () => {
  const policy = { baseMs: 500, maxMs: 30_000 };
  const cases: [number, number, number][] = [
    [0, 0, 0],
    [0, 0.999, 499],
    [1, 0.5, 500],
    [2, 0.5, 1000],
    [3, 0.25, 1000],
    [10, 0.5, 15_000],
    [30, 0.999, 29_970],
  ];
  for (const [attempt, r, want] of cases)
    assert.equal(
      backoffDelay(attempt, () => r, policy),
      want,
      `attempt ${attempt} random ${r}`,
    );
  assert.equal(
    retryDelay(5, 2000, () => 0.9, policy),
    2000,
  );
  assert.equal(
    retryDelay(1, null, () => 0.5, policy),
    500,
  );
});

test('JSON bodies: HTML error pages, cut-off and empty answers are malformed', () => {
  const cases: [string | null, string, RegExp | null][] = [
    ['application/json', '{"chart":null}', null],
    ['application/json', '<!DOCTYPE html><html><body>503</body></html>', /HTML/],
    ['text/html; charset=utf-8', '{"chart":null}', /HTML/],
    [null, '  \n<html>', /HTML/],
    ['application/json', '{"chart": {"100025": 8', /truncated or invalid JSON/],
    ['application/json', '', /empty/],
  ];
  for (const [type, body, want] of cases) {
    const got = checkJsonBody(type, body);
    if (want === null) assert.equal(got.ok, true, body);
    else assert.match(got.ok ? '' : got.reason, want, body);
  }
});

test("region lists: children one level down and inside the parent, KPU's extra fields ignored", () => {
  const ok = parseRegionList('3101', [{ nama: 'KEPULAUAN SERIBU UTARA', id: 1, kode: '310101', tingkat: 3 }]);
  assert.deepEqual(ok, { ok: true, children: [{ code: '310101', name: 'KEPULAUAN SERIBU UTARA' }] });
  assert.equal(parseRegionList('0', [{ nama: 'ACEH', kode: '11' }]).ok, true);
  const bad: [string, unknown][] = [
    ['3101', [{ nama: 'X', kode: '320101' }]], // another regency's district
    ['3101', [{ nama: 'X', kode: '3101011001' }]], // two levels down
    ['3101011001', [{ nama: 'TPS 001', kode: '31010110010' }]],
    ['31', { nama: 'X' }],
    ['31', [{ kode: '3101' }]],
  ];
  for (const [parent, value] of bad) assert.equal(parseRegionList(parent, value).ok, false, JSON.stringify(value));
});

test('visit decision: once per cycle (the resume cursor), then only when due', () => {
  const cases: [Parameters<typeof visitDecision>[0], string][] = [
    [null, 'fetch'],
    [{ cycle_id: 7, next_at: '2099-01-01T00:00:00.000Z' }, 'done-this-cycle'],
    [{ cycle_id: 6, next_at: '2024-02-16T09:59:59.000Z' }, 'fetch'],
    [{ cycle_id: 6, next_at: NOW.toISOString() }, 'fetch'],
    [{ cycle_id: 6, next_at: '2024-02-16T10:00:01.000Z' }, 'not-due'],
    [{ cycle_id: null, next_at: null }, 'fetch'],
  ];
  for (const [state, want] of cases) assert.equal(visitDecision(state, 7, NOW), want, JSON.stringify(state));
});

test('revisits: incomplete and recently changed TPS sooner than settled ones; failures retried soon', () => {
  const doc = (over: Partial<RevisitFacts>): RevisitFacts => ({
    kind: 'document',
    complete: true,
    changedAt: '2024-02-10T00:00:00Z',
    failed: false,
    ...over,
  });
  const cases: [RevisitFacts, number][] = [
    [doc({ complete: false }), REVISIT.documentIncomplete],
    [doc({ changedAt: '2024-02-16T04:00:00Z' }), REVISIT.documentRecentlyChanged],
    [doc({}), REVISIT.documentSettled],
    [doc({ changedAt: null }), REVISIT.documentSettled],
    [doc({ failed: true }), REVISIT.failed],
    [doc({ kind: 'tree' }), REVISIT.tree],
    [doc({ kind: 'aggregate' }), REVISIT.aggregate],
    [doc({ kind: 'image' }), REVISIT.image],
  ];
  for (const [facts, want] of cases) assert.equal(revisitAfterMs(facts, NOW), want, JSON.stringify(facts));
  assert.ok(
    REVISIT.documentIncomplete < REVISIT.documentSettled && REVISIT.documentRecentlyChanged < REVISIT.documentSettled,
  );
});

test('a TPS is complete only with both parts published and both status flags true', () => {
  const full = { hasChart: true, hasAdministrasi: true, statusSuara: true, statusAdm: true };
  assert.equal(isCompleteDocument(full), true);
  for (const over of [{ hasChart: false }, { hasAdministrasi: false }, { statusSuara: false }, { statusAdm: null }]) {
    assert.equal(isCompleteDocument({ ...full, ...over }), false, JSON.stringify(over));
  }
});

test('URL state: a failed answer keeps the last good validators and hash; only a good body moves them', () => {
  const at = { path: '/pemilu/hhcw/ppwp/31.json', kind: 'document' as const, code: '3101011001001' };
  const good = nextUrlState(
    null,
    at,
    { kind: 'good', etag: '"v1"', lastModified: null, bodyHash: 'h1', complete: true },
    1,
    NOW,
  );
  assert.deepEqual(
    [good.etag, good.body_hash, good.changed_at, good.cycle_id, good.error],
    ['"v1"', 'h1', NOW.toISOString(), 1, null],
  );
  const later = new Date(NOW.getTime() + 3_600_000);
  const failed = nextUrlState(good, at, { kind: 'failed', reason: 'an HTML page instead of JSON' }, 2, later);
  assert.deepEqual(
    [failed.etag, failed.body_hash, failed.error, failed.error_count, failed.cycle_id],
    ['"v1"', 'h1', 'an HTML page instead of JSON', 1, 2],
  );
  assert.equal(failed.next_at, new Date(later.getTime() + REVISIT.failed).toISOString());
  const same = nextUrlState(
    failed,
    at,
    { kind: 'good', etag: '"v1"', lastModified: null, bodyHash: 'h1', complete: true },
    3,
    later,
  );
  assert.deepEqual(
    [same.changed_at, same.error, same.error_count],
    [NOW.toISOString(), null, 0],
    'the same body again is no change',
  );
  const nm = nextUrlState(same, at, { kind: 'not-modified' }, 4, later);
  assert.deepEqual([nm.etag, nm.body_hash, nm.cycle_id], ['"v1"', 'h1', 4]);
});
