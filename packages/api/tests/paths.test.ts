import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiPaths, queryString, routes, segment, urlOf, type RouteSpec } from '../src/index.ts';

/** Values a code, contact or search text can hold when it comes from an address bar or a paste. */
const NASTY: [input: string, encoded: string][] = [
  ['3101011001001', '3101011001001'],
  ['31/../x', '31%2F..%2Fx'],
  ['...', '...'],
  ['..a', '..a'],
  ['a.b', 'a.b'],
  ['a b', 'a%20b'],
  ['?#%', '%3F%23%25'],
  ['%2F', '%252F'],
  ['a+b&c=d', 'a%2Bb%26c%3Dd'],
  ['Pulau Ünïcödé', 'Pulau%20%C3%9Cn%C3%AFc%C3%B6d%C3%A9'],
  ['🗳️', '%F0%9F%97%B3%EF%B8%8F'],
  ['\uD800x', '%EF%BF%BDx'], // half an emoji: U+FFFD, not a URIError
  ['__proto__', '__proto__'],
];

test('segment encodes every nasty value as one segment that decodes back to it', () => {
  for (const [input, encoded] of NASTY) {
    assert.equal(segment(input), encoded, JSON.stringify(input));
    const url = new URL(`/api/regions/${segment(input)}`, 'http://cocok.test');
    const parts = url.pathname.split('/');
    assert.equal(parts.length, 4, `${JSON.stringify(input)} stays one segment: ${url.pathname}`);
    assert.equal(decodeURIComponent(parts[3]), input.replace('\uD800', '\uFFFD'));
  }
});

test('"", "." and ".." are refused as segments: URL parsers would send the request to another route', () => {
  // Even encoded: the URL standard reads %2E%2E as "..", so no encoding keeps it one value.
  assert.equal(new URL('/api/regions/%2E%2E/tps.csv', 'http://cocok.test').pathname, '/api/tps.csv');
  for (const bad of ['', '.', '..']) {
    assert.throws(() => apiPaths.region(bad), RangeError, JSON.stringify(bad));
    assert.throws(() => apiPaths.fieldCutout(1, bad, 'suara_sah'), RangeError, JSON.stringify(bad));
    assert.throws(() => apiPaths.submission(bad), RangeError, JSON.stringify(bad));
  }
});

test('URL builders: fixed paths, encoded segments and queries', () => {
  const cases: [built: string, expected: string][] = [
    [apiPaths.health(), '/api/health'],
    [apiPaths.nation(), '/api/regions'],
    [apiPaths.region('31/../x'), '/api/regions/31%2F..%2Fx'],
    [apiPaths.region('...'), '/api/regions/...'],
    [apiPaths.tps('a b'), '/api/tps/a%20b'],
    [apiPaths.tpsSubmissions('?#%'), '/api/tps/%3F%23%25/submissions'],
    [apiPaths.regionTpsCsv('31'), '/api/regions/31/tps.csv'],
    [apiPaths.regionTpsJson('3 1'), '/api/regions/3%201/tps.json'],
    [apiPaths.fieldCutout(7, 'ab/cd', '../x'), '/api/submissions/7/photos/ab%2Fcd/fields/..%2Fx.jpg'],
    [apiPaths.fieldCutout('1?x', '..a', 'a.b'), '/api/submissions/1%3Fx/photos/..a/fields/a.b.jpg'],
    [apiPaths.photo('f'.repeat(64), 'thumb'), `/api/photos/${'f'.repeat(64)}/thumb.jpg`],
    [apiPaths.photo('a#b', 'display'), '/api/photos/a%23b/display.jpg'],
    [apiPaths.search({ q: 'Pulau Ü&q=1', limit: 5 }), '/api/search?q=Pulau%20%C3%9C%26q%3D1&limit=5'],
    [apiPaths.search(), '/api/search'],
    [
      apiPaths.mismatches({ region: '31', status: 'match', cursor: 'a+b/c=' }),
      '/api/mismatches?region=31&status=match&cursor=a%2Bb%2Fc%3D',
    ],
    [apiPaths.mismatches({ region: undefined, limit: 10 }), '/api/mismatches?limit=10'],
    [apiPaths.userLookup(' saksi+1@example.org '), '/api/admin/users?contact=%20saksi%2B1%40example.org%20'],
    [apiPaths.moderationQueue({ reason: 'mismatch', region: '31' }), '/api/moderation/queue?reason=mismatch&region=31'],
    [apiPaths.claim('%'), '/api/moderation/tps/%25/claim'],
    [apiPaths.releaseClaim('a.'), '/api/moderation/tps/a./claim/release'],
    [apiPaths.decide('a/b'), '/api/moderation/tps/a%2Fb/decisions'],
    [apiPaths.takedownPhoto('x y'), '/api/moderation/photos/x%20y/takedown'],
    [apiPaths.tpsHistory('ü'), '/api/tps/%C3%BC/moderation'],
    [apiPaths.report('#'), '/api/tps/%23/reports'],
    [apiPaths.userRole('1/2'), '/api/admin/users/1%2F2/role'],
    [apiPaths.confirmSubmission(12), '/api/submissions/12/confirm'],
    [apiPaths.withdrawSubmission('-1'), '/api/submissions/-1/withdraw'],
  ];
  for (const [built, expected] of cases) assert.equal(built, expected);
});

test('queryString leaves out undefined values and encodes keys too', () => {
  assert.equal(queryString({}), '');
  assert.equal(queryString({ a: undefined }), '');
  assert.equal(queryString({ 'a b': 'c', n: 0 }), '?a%20b=c&n=0');
});

/** The builder of each route for one nasty value in every param, and the params urlOf needs for the same URL. */
const VALUE = '../a b?#%/ü';
const SHA = 'x/y';
const BUILT: Record<keyof typeof routes, [built: string, params?: Record<string, string | number>]> = {
  health: [apiPaths.health()],
  me: [apiPaths.me()],
  register: [apiPaths.register()],
  login: [apiPaths.login()],
  logout: [apiPaths.logout()],
  nation: [apiPaths.nation()],
  region: [apiPaths.region(VALUE), { code: VALUE }],
  search: [apiPaths.search()],
  tps: [apiPaths.tps(VALUE), { code: VALUE }],
  mismatches: [apiPaths.mismatches()],
  regionTpsCsv: [apiPaths.regionTpsCsv(VALUE), { code: VALUE }],
  regionTpsJson: [apiPaths.regionTpsJson(VALUE), { code: VALUE }],
  upload: [apiPaths.upload()],
  mySubmissions: [apiPaths.mySubmissions()],
  submission: [apiPaths.submission(VALUE), { id: VALUE }],
  confirmSubmission: [apiPaths.confirmSubmission(VALUE), { id: VALUE }],
  withdrawSubmission: [apiPaths.withdrawSubmission(VALUE), { id: VALUE }],
  fieldCutout: [apiPaths.fieldCutout(VALUE, SHA, VALUE), { id: VALUE, sha256: SHA, field: VALUE }],
  tpsSubmissions: [apiPaths.tpsSubmissions(VALUE), { code: VALUE }],
  photoDisplay: [apiPaths.photoDisplay(SHA), { sha256: SHA }],
  photoThumb: [apiPaths.photoThumb(SHA), { sha256: SHA }],
  userLookup: [apiPaths.userLookup(VALUE)],
  userRole: [apiPaths.userRole(VALUE), { id: VALUE }],
  moderationQueue: [apiPaths.moderationQueue()],
  moderationDashboard: [apiPaths.moderationDashboard()],
  claim: [apiPaths.claim(VALUE), { code: VALUE }],
  releaseClaim: [apiPaths.releaseClaim(VALUE), { code: VALUE }],
  review: [apiPaths.review(VALUE), { code: VALUE }],
  decide: [apiPaths.decide(VALUE), { code: VALUE }],
  takedownPhoto: [apiPaths.takedownPhoto(SHA), { sha256: SHA }],
  tpsHistory: [apiPaths.tpsHistory(VALUE), { code: VALUE }],
  report: [apiPaths.report(VALUE), { code: VALUE }],
  moderationLogCsv: [apiPaths.moderationLogCsv()],
  moderationLogJson: [apiPaths.moderationLogJson()],
};

test('every route of the table has a builder, and both build the same URL', () => {
  assert.deepEqual(Object.keys(BUILT).sort(), Object.keys(routes).sort());
  for (const [name, [built, params]] of Object.entries(BUILT)) {
    const r: RouteSpec = routes[name as keyof typeof routes];
    const query = name === 'userLookup' ? { contact: VALUE } : undefined;
    assert.equal(urlOf(r, { params, query }), built, name);
  }
});

test('urlOf refuses a route whose param is missing', () => {
  assert.throws(() => urlOf(routes.region), /no value for :code/);
  assert.throws(() => urlOf(routes.fieldCutout, { params: { id: 1, sha256: 'a' } }), /no value for :field/);
});

test('every pattern is unique per method and names its params in its params schema', () => {
  const seen = new Set<string>();
  for (const [name, r] of Object.entries(routes) as [string, RouteSpec][]) {
    const key = `${r.method} ${r.pattern}`;
    assert.ok(!seen.has(key), `${name}: ${key} twice`);
    seen.add(key);
    const names = [...r.pattern.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]).sort();
    const shape = (r.params as { shape?: Record<string, unknown> } | undefined)?.shape ?? {};
    assert.deepEqual(Object.keys(shape).sort(), names, name);
    assert.equal(
      r.format === 'json',
      r.response !== undefined,
      `${name}: JSON routes and only they have a response schema`,
    );
  }
});
