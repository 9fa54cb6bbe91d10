/** The comparison pages' pure helpers: difference wording and misread labels, crowd states, statuses, bars, zoom, URL state. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import i18next from 'i18next';
import { COMPARISON_STATUSES, type FieldComparison } from '@cocok/domain';
import { en, id } from '../src/i18n/texts.ts';
import {
  barWidths,
  coverageShare,
  crowdStateText,
  differenceLook,
  signed,
  statusLook,
} from '../src/features/comparison/comparison-text.ts';
import { clampZoom, pinchZoom, scrollForZoom, stepZoom } from '../src/features/comparison/photo-zoom.ts';
import { mismatchTabSearch, readStatus, readTab } from '../src/features/comparison/comparison-params.ts';
import { mismatchesCall } from '../src/features/comparison/use-mismatches.ts';
import { LISTED_STATUSES } from '../src/features/comparison/comparison-types.ts';
import { formatNumber } from '../src/lib/format.ts';
import { nextSort, sortChildren } from '../src/features/regions/sort-children.ts';
import type { RegionChild } from '@cocok/api';
import type { Translate } from '../src/lib/translate.ts';

async function translator(lng: 'id' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng,
    resources: { id: { translation: id }, en: { translation: en } },
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return { t: i18n.t.bind(i18n) as unknown as Translate, n: (v: number | null | undefined) => formatNumber(lng, v) };
}

type Field = Pick<FieldComparison, 'official' | 'crowd' | 'state' | 'difference' | 'misread' | 'candidates'>;
const field = (over: Partial<Field>): Field => ({
  official: 84,
  crowd: 84,
  state: 'verified',
  difference: 0,
  misread: null,
  candidates: [{ value: 84, witnesses: 2 }],
  ...over,
});

test('differenceLook: each case in colour tone, icon and words (Indonesian and English)', async () => {
  const idT = await translator('id');
  const enT = await translator('en');
  const cases: { name: string; f: Field; tone: string; icon: string; id: string; en: string }[] = [
    {
      name: 'a digit added by the crowd (the brief’s example)',
      f: field({ crowd: 884, difference: 800, misread: 'digit_added' }),
      tone: 'fail',
      icon: '✗',
      id: 'Selisih +800 (kemungkinan salah baca digit: 84 → 884)',
      en: 'Difference +800 (possibly a misread digit: 84 → 884)',
    },
    {
      name: 'a digit dropped by the crowd',
      f: field({ official: 126, crowd: 26, difference: -100, misread: 'digit_dropped' }),
      tone: 'fail',
      icon: '✗',
      id: 'Selisih −100 (kemungkinan salah baca digit: 126 → 26)',
      en: 'Difference −100 (possibly a misread digit: 126 → 26)',
    },
    {
      name: 'a multiple of 100',
      f: field({ official: 1234, crowd: 1434, difference: 200, misread: 'multiple_of_100' }),
      tone: 'fail',
      icon: '✗',
      id: 'Selisih +200 (kelipatan 100: kemungkinan salah baca satu digit)',
      en: 'Difference +200 (a multiple of 100: possibly one digit misread)',
    },
    {
      name: 'a multiple of 10',
      f: field({ official: 29, crowd: 39, difference: 10, misread: 'multiple_of_10' }),
      tone: 'fail',
      icon: '✗',
      id: 'Selisih +10 (kelipatan 10: kemungkinan salah baca satu digit)',
      en: 'Difference +10 (a multiple of 10: possibly one digit misread)',
    },
    {
      name: 'a difference nothing explains',
      f: field({ official: 50, crowd: 47, difference: -3 }),
      tone: 'fail',
      icon: '✗',
      id: 'Selisih −3',
      en: 'Difference −3',
    },
    {
      name: 'thousands use the language’s separator',
      f: field({ official: 1200, crowd: 2500, difference: 1300, misread: 'multiple_of_100' }),
      tone: 'fail',
      icon: '✗',
      id: 'Selisih +1.300 (kelipatan 100: kemungkinan salah baca satu digit)',
      en: 'Difference +1,300 (a multiple of 100: possibly one digit misread)',
    },
    { name: 'equal figures', f: field({}), tone: 'pass', icon: '✓', id: 'Sama', en: 'Same' },
    {
      name: 'witnesses disagree',
      f: field({
        crowd: null,
        state: 'crowd_conflict',
        difference: null,
        candidates: [
          { value: 84, witnesses: 2 },
          { value: 884, witnesses: 1 },
        ],
      }),
      tone: 'warn',
      icon: '≠',
      id: 'Saksi berbeda: 84 (2 saksi), 884 (1 saksi)',
      en: 'Witnesses disagree: 84 (2 witnesses), 884 (1 witness)',
    },
    {
      name: 'no crowd figure',
      f: field({ crowd: null, state: null, difference: null, candidates: [] }),
      tone: 'none',
      icon: '–',
      id: 'Belum ada angka saksi',
      en: 'No witness figure yet',
    },
    {
      name: 'no official figure',
      f: field({ official: null, difference: null }),
      tone: 'none',
      icon: '–',
      id: 'Belum ada angka resmi',
      en: 'No official figure yet',
    },
  ];
  for (const c of cases) {
    const look = differenceLook(idT, c.f);
    assert.deepEqual([look.tone, look.icon, look.text], [c.tone, c.icon, c.id], c.name);
    assert.equal(differenceLook(enT, c.f).text, c.en, `${c.name} (en)`);
  }
});

test('signed: plus, a real minus sign, zero without a sign', async () => {
  const { n } = await translator('id');
  assert.deepEqual(
    [signed(n, 800), signed(n, -100), signed(n, 0), signed(n, -12345)],
    ['+800', '−100', '0', '−12.345'],
  );
});

test('crowdStateText: verified with the witness count, one witness, disagreement, moderator, none', async () => {
  const idT = await translator('id');
  const enT = await translator('en');
  const cases = [
    { state: 'verified', w: 2, id: 'terverifikasi (2 saksi)', en: 'verified (2 witnesses)' },
    { state: 'single', w: 1, id: 'satu saksi', en: 'one witness' },
    { state: 'crowd_conflict', w: 2, id: 'saksi berbeda', en: 'witnesses disagree' },
    { state: 'moderated', w: 0, id: 'keputusan moderator', en: 'moderator’s decision' },
    { state: null, w: 0, id: 'belum ada angka saksi', en: 'no witness figure yet' },
  ] as const;
  for (const c of cases) {
    assert.equal(crowdStateText(idT.t, c.state, c.w), c.id);
    assert.equal(crowdStateText(enT.t, c.state, c.w), c.en);
  }
});

test('statusLook: every server status has a tone, an icon and a label in both languages', async () => {
  const idT = await translator('id');
  const enT = await translator('en');
  const expected = {
    match: ['pass', '✓', 'Cocok'],
    mismatch: ['fail', '✗', 'Selisih'],
    official_inconsistent: ['warn', '!', 'Angka KPU tidak konsisten'],
    crowd_conflict: ['warn', '≠', 'Saksi berbeda'],
    no_official: ['none', '–', 'Belum ada data resmi'],
    no_crowd: ['none', '–', 'Belum ada data saksi'],
  };
  assert.deepEqual(
    Object.keys(expected).sort(),
    [...COMPARISON_STATUSES].sort(),
    'the table covers the server’s statuses',
  );
  for (const s of COMPARISON_STATUSES) {
    const look = statusLook(s);
    assert.deepEqual([look.tone, look.icon, look.label(idT.t)], expected[s], s);
    const english = look.label(enT.t);
    assert.ok(
      english && english !== look.label(idT.t) && !english.startsWith('comparison.'),
      `${s} has an English label`,
    );
  }
  assert.deepEqual(
    [...LISTED_STATUSES].sort(),
    COMPARISON_STATUSES.filter((s) => s !== 'no_crowd').sort(),
    'the filter offers what the API lists',
  );
});

test('barWidths: one scale for all bars, non-zero never invisible, nothing when all are zero', () => {
  const cases: { values: number[]; want: number[] }[] = [
    { values: [200, 100, 50, 0], want: [100, 50, 25, 0] },
    { values: [1_000_000, 1], want: [100, 0.5] },
    { values: [3, 3], want: [100, 100] },
    { values: [0, 0], want: [0, 0] },
    { values: [], want: [] },
    { values: [2, 3], want: [66.7, 100] },
  ];
  for (const c of cases) assert.deepEqual(barWidths(c.values), c.want, JSON.stringify(c.values));
});

test('coverageShare: a few TPS of the whole country read as "< 0,1%", not as nothing', () => {
  const cases: [string, number, number, string][] = [
    ['id', 4, 822_116, '< 0,1%'],
    ['en', 4, 822_116, '< 0.1%'],
    ['id', 0, 822_116, '0,0%'],
    ['id', 411_058, 822_116, '50,0%'],
    ['id', 1, 1000, '0,1%'],
    ['id', 0, 0, '–'],
  ];
  for (const [lang, part, whole, want] of cases)
    assert.equal(coverageShare(lang, part, whole).replace(/\u00a0/g, ' '), want, `${lang} ${part}/${whole}`);
});

test('zoom: steps in and out, clamped, pinch scales from the start, scroll keeps the focus point', () => {
  const steps: [number, 'in' | 'out', number][] = [
    [1, 'in', 1.5],
    [1.5, 'in', 2],
    [2.2, 'in', 3],
    [4, 'in', 4],
    [3, 'out', 2],
    [1.7, 'out', 1.5],
    [1, 'out', 1],
  ];
  for (const [from, dir, want] of steps) assert.equal(stepZoom(from, dir), want, `${from} ${dir}`);
  assert.deepEqual([clampZoom(0.2), clampZoom(9), clampZoom(Number.NaN), clampZoom(2.345)], [1, 4, 1, 2.35]);
  assert.equal(pinchZoom(1, 100, 200), 2);
  assert.equal(pinchZoom(2, 100, 50), 1);
  assert.equal(pinchZoom(3, 100, 1000), 4);
  assert.equal(pinchZoom(2, 0, 50), 2, 'no start distance: no change');
  // At 1x, looking at (100, 50) of the viewport with no scroll; at 2x that point is at (200, 100).
  assert.deepEqual(scrollForZoom({ left: 0, top: 0 }, { x: 100, y: 50 }, 1, 2), { left: 100, top: 50 });
  assert.deepEqual(scrollForZoom({ left: 100, top: 50 }, { x: 100, y: 50 }, 2, 1), { left: 0, top: 0 });
});

test('URL state: tab and status read safely, links to the tab, API paths with the cursor', () => {
  assert.equal(readTab(new URLSearchParams('tab=selisih')), 'selisih');
  assert.equal(readTab(new URLSearchParams('tab=other')), 'ringkasan');
  assert.equal(readStatus(new URLSearchParams('status=crowd_conflict')), 'crowd_conflict');
  assert.equal(readStatus(new URLSearchParams('status=no_crowd')), 'mismatch', 'not listable: falls back');
  assert.equal(readStatus(new URLSearchParams('')), 'mismatch');
  assert.equal(mismatchTabSearch(), '?tab=selisih');
  assert.equal(mismatchTabSearch('match'), '?tab=selisih&status=match');
  assert.equal(mismatchesCall('ID', 'mismatch').url, '/api/mismatches?region=ID&status=mismatch&limit=25');
  assert.equal(
    mismatchesCall('3101', 'match', 'WzEwLCIzMTAxMDExMDAxMDAyIl0').url,
    '/api/mismatches?region=3101&status=match&limit=25&cursor=WzEwLCIzMTAxMDExMDAxMDAyIl0',
  );
});

test('children sort by the crowd columns: coverage, mismatching TPS (regions) or impact (TPS); rows without a comparison last', () => {
  const region = (code: string, tpsCount: number, crowdTps: number, mismatch: number): RegionChild =>
    ({
      code,
      name: code,
      totals: { tpsCount },
      comparison: { crowdTps, statusCounts: { mismatch } },
    }) as unknown as RegionChild;
  const rows = [
    region('11', 100, 10, 3),
    region('12', 10, 5, 1),
    region('13', 50, 0, 0),
    { ...region('14', 5, 0, 0), comparison: undefined } as unknown as RegionChild,
  ];
  const byCrowd = nextSort({ key: 'code', direction: 'ascending' }, 'crowd');
  assert.equal(byCrowd.direction, 'descending', 'big numbers first');
  assert.deepEqual(
    sortChildren(rows, byCrowd).map((r) => r.code),
    ['12', '11', '13', '14'],
    '50 % before 10 % before 0 %',
  );
  assert.deepEqual(
    sortChildren(rows, { key: 'mismatch', direction: 'descending' }).map((r) => r.code),
    ['11', '12', '13', '14'],
  );
  const tps = (code: string, impact: number): RegionChild =>
    ({
      code,
      name: code,
      totals: { tpsCount: 1 },
      comparison: { crowdTps: 1, impact, status: 'mismatch', statusCounts: { mismatch: 1 } },
    }) as unknown as RegionChild;
  assert.deepEqual(
    sortChildren([tps('A02', 10), tps('A01', 100), tps('A03', 10)], { key: 'mismatch', direction: 'descending' }).map(
      (r) => r.code,
    ),
    ['A01', 'A02', 'A03'],
    'TPS by impact, ties by code',
  );
});
