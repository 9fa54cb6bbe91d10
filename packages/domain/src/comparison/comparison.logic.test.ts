import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyFieldValues, type FieldName } from '../form/form-fields.ts';
import {
  compareTps,
  crowdFigures,
  disputedFields,
  misreadLabel,
  type CrowdObservation,
  type CrowdOverride,
  type OfficialDispute,
  type OfficialFigures,
} from './comparison.logic.ts';
import { contributionDelta, contributionOf, ROLLUP_COLUMNS, toComparisonTotals } from './comparison-rollups.logic.ts';
import { decodeDetail, encodeDetail } from './comparison-codec.ts';

let nextId = 1;
/** A witness's confirmed submission: user, photo names (page 2 unless "name@page"), candidate votes. */
const obs = (
  userId: number,
  photos: string[],
  values: Partial<Record<FieldName, number | null>>,
): CrowdObservation => ({
  submissionId: nextId++,
  userId,
  photos: photos.map((p) => {
    const [sha256, page] = p.split('@');
    return { sha256, page: page ? Number(page) : 2 };
  }),
  values,
});
const p1 = (v: number | null) => ({ suara_paslon_1: v });

const crowdCases: {
  name: string;
  observations: CrowdObservation[];
  overrides?: CrowdOverride[];
  expect: { state: string; value: number | null; witnesses: number } | undefined;
}[] = [
  { name: 'nobody confirmed the field', observations: [], expect: undefined },
  { name: 'a null confirmation is no figure', observations: [obs(1, ['a'], p1(null))], expect: undefined },
  { name: 'one witness', observations: [obs(1, ['a'], p1(84))], expect: { state: 'single', value: 84, witnesses: 1 } },
  {
    name: 'two accounts, two photos, same value',
    observations: [obs(1, ['a'], p1(84)), obs(2, ['b'], p1(84))],
    expect: { state: 'verified', value: 84, witnesses: 2 },
  },
  {
    name: 'same account twice is one witness',
    observations: [obs(1, ['a'], p1(84)), obs(1, ['b'], p1(84))],
    expect: { state: 'single', value: 84, witnesses: 1 },
  },
  {
    name: 'two accounts, the same photo: not independent',
    observations: [obs(1, ['a'], p1(84)), obs(2, ['a'], p1(84))],
    expect: { state: 'single', value: 84, witnesses: 2 },
  },
  {
    name: 'a shared photo of another page does not matter',
    observations: [obs(1, ['a', 'x@3'], p1(84)), obs(2, ['b', 'x@3'], p1(84))],
    expect: { state: 'verified', value: 84, witnesses: 2 },
  },
  {
    name: 'three witnesses, two sharing a photo, one independent pair suffices',
    observations: [obs(1, ['a'], p1(84)), obs(2, ['a'], p1(84)), obs(3, ['c'], p1(84))],
    expect: { state: 'verified', value: 84, witnesses: 3 },
  },
  {
    name: 'witnesses disagree',
    observations: [obs(1, ['a'], p1(84)), obs(2, ['b'], p1(884))],
    expect: { state: 'crowd_conflict', value: null, witnesses: 2 },
  },
  {
    name: 'a moderator decision overrides a conflict',
    observations: [obs(1, ['a'], p1(84)), obs(2, ['b'], p1(884))],
    overrides: [{ field: 'suara_paslon_1', value: 884, decidedBy: 9, decidedAt: '2026-11-20T10:00:00Z' }],
    expect: { state: 'moderated', value: 884, witnesses: 2 },
  },
  {
    name: 'a moderator decision stands without witnesses',
    observations: [],
    overrides: [{ field: 'suara_paslon_1', value: 5, decidedBy: 9, decidedAt: '2026-11-20T10:00:00Z' }],
    expect: { state: 'moderated', value: 5, witnesses: 0 },
  },
];

for (const c of crowdCases) {
  test(`crowd figure: ${c.name}`, () => {
    const field = crowdFigures(c.observations, c.overrides).suara_paslon_1;
    assert.deepEqual(field && { state: field.state, value: field.value, witnesses: field.witnesses }, c.expect);
  });
}

test('a conflict lists every value with its witnesses, most first', () => {
  const f = crowdFigures([obs(1, ['a'], p1(84)), obs(2, ['b'], p1(884)), obs(3, ['c'], p1(884))]).suara_paslon_1!;
  assert.deepEqual(f.candidates, [
    { value: 884, witnesses: 2 },
    { value: 84, witnesses: 1 },
  ]);
});

const misreads: [number, number, string | null][] = [
  [884, 84, 'digit_dropped'],
  [804, 84, 'digit_dropped'],
  [84, 884, 'digit_added'],
  [7, 17, 'digit_added'],
  [150, 250, 'multiple_of_100'],
  [150, 160, 'multiple_of_10'],
  [150, 153, null],
  [150, 150, null],
  [0, 100, 'multiple_of_100'],
  [10, 100, 'digit_added'],
];
for (const [official, crowd, label] of misreads) {
  test(`misread label: official ${official}, crowd ${crowd} -> ${label}`, () =>
    assert.equal(misreadLabel(official, crowd), label));
}

const official = (over: Partial<Record<FieldName, number>> = {}, flagCount = 0): OfficialFigures => ({
  fields: { ...emptyFieldValues(), suara_paslon_1: 10, suara_paslon_2: 20, suara_paslon_3: 30, suara_sah: 60, ...over },
  flagCount,
});
const both = (values: Partial<Record<FieldName, number>>) =>
  crowdFigures([obs(1, ['a'], values), obs(2, ['b'], values)]);
const good = { suara_paslon_1: 10, suara_paslon_2: 20, suara_paslon_3: 30 };

const statusCases: {
  name: string;
  official: OfficialFigures | null;
  crowd: ReturnType<typeof crowdFigures>;
  status: string;
  impact: number;
}[] = [
  { name: 'no witness, KPU published', official: official(), crowd: {}, status: 'no_crowd', impact: 0 },
  { name: 'no witness, no KPU', official: null, crowd: {}, status: 'no_crowd', impact: 0 },
  { name: 'witnesses but no KPU figures', official: null, crowd: both(good), status: 'no_official', impact: 0 },
  {
    name: 'KPU has none of the fields the witnesses sent',
    official: { fields: { ...emptyFieldValues(), pemilih_dpt_j: 200 }, flagCount: 0 },
    crowd: both(good),
    status: 'no_official',
    impact: 0,
  },
  { name: 'all equal', official: official(), crowd: both(good), status: 'match', impact: 0 },
  {
    name: 'one candidate differs',
    official: official(),
    crowd: both({ ...good, suara_paslon_2: 120 }),
    status: 'mismatch',
    impact: 100,
  },
  {
    name: 'differences add up in absolute value',
    official: official(),
    crowd: both({ suara_paslon_1: 0, suara_paslon_2: 30, suara_paslon_3: 30 }),
    status: 'mismatch',
    impact: 20,
  },
  {
    name: 'a non-candidate field differs: mismatch without impact',
    official: official(),
    crowd: both({ ...good, suara_sah: 61 }),
    status: 'mismatch',
    impact: 0,
  },
  {
    name: 'KPU fails its own checks, crowd agrees',
    official: official({}, 1),
    crowd: both(good),
    status: 'official_inconsistent',
    impact: 0,
  },
  {
    name: 'mismatch wins over KPU failing its checks',
    official: official({}, 2),
    crowd: both({ ...good, suara_paslon_1: 15 }),
    status: 'mismatch',
    impact: 5,
  },
  {
    name: 'witnesses disagree on a field, agree with KPU elsewhere',
    official: official(),
    crowd: crowdFigures([obs(1, ['a'], { ...good, suara_paslon_3: 31 }), obs(2, ['b'], good)]),
    status: 'crowd_conflict',
    impact: 0,
  },
  {
    name: 'mismatch wins over a conflict on another field',
    official: official(),
    crowd: crowdFigures([
      obs(1, ['a'], { ...good, suara_paslon_1: 99, suara_paslon_3: 31 }),
      obs(2, ['b'], { ...good, suara_paslon_1: 99 }),
    ]),
    status: 'mismatch',
    impact: 89,
  },
  {
    name: 'a single witness can show a mismatch',
    official: official(),
    crowd: crowdFigures([obs(1, ['a'], { suara_paslon_1: 11 })]),
    status: 'mismatch',
    impact: 1,
  },
  {
    name: 'crowd agrees, but a moderator marked a KPU figure wrong: no match',
    official: { ...official(), disputed: ['suara_paslon_2'] },
    crowd: both(good),
    status: 'official_inconsistent',
    impact: 0,
  },
  {
    name: 'a disputed KPU field the crowd has no figure for still keeps the TPS from matching',
    official: { ...official(), disputed: ['pemilih_dpt_j'] },
    crowd: both(good),
    status: 'official_inconsistent',
    impact: 0,
  },
  {
    name: 'a disputed field that differs stays a mismatch with its impact',
    official: { ...official(), disputed: ['suara_paslon_2'] },
    crowd: both({ ...good, suara_paslon_2: 120 }),
    status: 'mismatch',
    impact: 100,
  },
  {
    name: 'a conflict still wins over a dispute',
    official: { ...official(), disputed: ['suara_paslon_1'] },
    crowd: crowdFigures([obs(1, ['a'], { ...good, suara_paslon_3: 31 }), obs(2, ['b'], good)]),
    status: 'crowd_conflict',
    impact: 0,
  },
  {
    name: 'no dispute listed is no dispute',
    official: { ...official(), disputed: [] },
    crowd: both(good),
    status: 'match',
    impact: 0,
  },
];

for (const c of statusCases) {
  test(`status: ${c.name} -> ${c.status}`, () => {
    const result = compareTps(c.official, c.crowd);
    assert.equal(result.status, c.status);
    assert.equal(result.impact, c.impact);
  });
}

test('a mismatch names each differing field with both values, the difference and the misread label', () => {
  const result = compareTps(official({ suara_paslon_2: 884 }), both({ ...good, suara_paslon_2: 84 }));
  const f = result.fields.find((x) => x.field === 'suara_paslon_2')!;
  assert.deepEqual(
    { official: f.official, crowd: f.crowd, difference: f.difference, misread: f.misread, state: f.state },
    {
      official: 884,
      crowd: 84,
      difference: -800,
      misread: 'digit_dropped',
      state: 'verified',
    },
  );
  assert.equal(result.impact, 800);
});

const dispute = (field: FieldName, officialVersionId: number | null): OfficialDispute => ({ field, officialVersionId });
const disputeCases: { name: string; disputes: OfficialDispute[]; current: number | null; expect: FieldName[] }[] = [
  { name: 'no verdicts', disputes: [], current: 7, expect: [] },
  {
    name: 'a verdict on the current version holds',
    disputes: [dispute('suara_paslon_2', 7)],
    current: 7,
    expect: ['suara_paslon_2'],
  },
  {
    name: 'a verdict on an older version lapses once KPU publishes a new one',
    disputes: [dispute('suara_paslon_2', 6)],
    current: 7,
    expect: [],
  },
  {
    name: 'no current version: nothing to dispute',
    disputes: [dispute('suara_paslon_2', null)],
    current: null,
    expect: [],
  },
  {
    name: 'a verdict given while KPU had no figures does not cover a later version',
    disputes: [dispute('suara_paslon_2', null)],
    current: 7,
    expect: [],
  },
  {
    name: 'several fields, listed in form order, each judged against its own version',
    disputes: [dispute('suara_sah', 7), dispute('suara_paslon_1', 7), dispute('suara_paslon_3', 5)],
    current: 7,
    expect: ['suara_paslon_1', 'suara_sah'],
  },
];
for (const c of disputeCases) {
  test(`disputed fields: ${c.name}`, () => assert.deepEqual(disputedFields(c.disputes, c.current), c.expect));
}

test('a disputed field is marked on the field and on the TPS, and survives the stored detail', () => {
  const comparison = compareTps({ ...official(), disputed: ['suara_paslon_2', 'pemilih_dpt_j'] }, both(good));
  assert.deepEqual(comparison.disputed, ['pemilih_dpt_j', 'suara_paslon_2']);
  assert.deepEqual(
    comparison.fields.filter((f) => f.disputed).map((f) => f.field),
    ['suara_paslon_2'],
  );
  const decoded = decodeDetail(encodeDetail(comparison, []));
  assert.deepEqual(decoded.disputed, ['pemilih_dpt_j', 'suara_paslon_2']);
  assert.equal(decoded.fields.find((f) => f.field === 'suara_paslon_2')?.disputed, true);
  assert.ok(
    !encodeDetail(compareTps(official(), both(good)), []).includes('"d"'),
    'rows without disputes are stored as before',
  );
});

test("rollup contribution: a dispute moves the TPS from match to official_inconsistent, the sums stay KPU's and the crowd's", () => {
  const before = contributionOf(compareTps(official(), both(good)));
  const after = contributionOf(compareTps({ ...official(), disputed: ['suara_paslon_2'] }, both(good)));
  const delta = contributionDelta(before, after)!;
  assert.deepEqual(
    [
      delta.n_match,
      delta.n_official_inconsistent,
      delta.compared_tps,
      delta.cmp_official_suara_paslon_2,
      delta.cmp_crowd_suara_paslon_2,
    ],
    [-1, 1, 0, 0, 0],
  );
});

test('rollup contribution: sums only fields with both figures, counts the status', () => {
  const c = contributionOf(
    compareTps(
      official(),
      crowdFigures([obs(1, ['a'], { suara_paslon_1: 12 }), obs(2, ['b'], { suara_paslon_1: 12 })]),
    ),
  );
  assert.equal(c.crowd_tps, 1);
  assert.equal(c.compared_tps, 1);
  assert.equal(c.n_mismatch, 1);
  assert.equal(c.impact_total, 2);
  assert.deepEqual([c.cmp_tps_suara_paslon_1, c.cmp_official_suara_paslon_1, c.cmp_crowd_suara_paslon_1], [1, 10, 12]);
  assert.deepEqual(
    [c.cmp_tps_suara_paslon_2, c.cmp_official_suara_paslon_2, c.cmp_crowd_suara_paslon_2],
    [0, 0, 0],
    'KPU-only fields stay out',
  );
});

test('rollup contribution: no_official counts the TPS as covered but not compared', () => {
  const c = contributionOf(compareTps(null, both(good)));
  assert.deepEqual([c.crowd_tps, c.compared_tps, c.n_no_official, c.cmp_tps_suara_paslon_1], [1, 0, 1, 0]);
  assert.ok(Object.values(contributionOf(null)).every((v) => v === 0));
});

test('rollup delta: new minus old, null when nothing changes', () => {
  const before = contributionOf(compareTps(official(), both(good)));
  const after = contributionOf(compareTps(official(), both({ ...good, suara_paslon_1: 13 })));
  const delta = contributionDelta(before, after)!;
  assert.deepEqual(
    [
      delta.n_match,
      delta.n_mismatch,
      delta.cmp_crowd_suara_paslon_1,
      delta.cmp_official_suara_paslon_1,
      delta.impact_total,
    ],
    [-1, 1, 3, 0, 3],
  );
  assert.equal(contributionDelta(before, before), null);
  assert.equal(Object.keys(delta).length, ROLLUP_COLUMNS.length);
});

test('region totals: coverage, no_crowd from the TPS count, per-field differences', () => {
  const c = contributionOf(compareTps(official(), both({ ...good, suara_paslon_1: 13 })));
  const totals = toComparisonTotals(c, 4);
  assert.equal(totals.coverage, 0.25);
  assert.equal(totals.statusCounts.no_crowd, 3);
  assert.equal(totals.statusCounts.mismatch, 1);
  assert.deepEqual(totals.fields.suara_paslon_1, { tps: 1, official: 10, crowd: 13, difference: 3 });
  assert.deepEqual(
    Object.keys(totals.fields),
    ['suara_paslon_1', 'suara_paslon_2', 'suara_paslon_3'],
    'fields no compared TPS has are left out',
  );
});

test('stored detail decodes to the same fields, differences and misread labels', () => {
  const comparison = compareTps(
    official(),
    crowdFigures([
      obs(1, ['a'], { ...good, suara_paslon_1: 110, suara_paslon_3: 31 }),
      obs(2, ['b'], { ...good, suara_paslon_1: 110 }),
    ]),
  );
  const decoded = decodeDetail(encodeDetail(comparison, ['a', 'b']));
  assert.deepEqual(decoded.photos, ['a', 'b']);
  assert.deepEqual(
    decoded.fields,
    comparison.fields.filter((f) => f.state !== null),
  );
  assert.deepEqual(contributionOf({ ...comparison, fields: decoded.fields }), contributionOf(comparison));
});
