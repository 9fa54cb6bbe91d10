/** The web portal's pure helpers: check sentences, labels, version diffs, sorting and URLs. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import i18next from 'i18next';
import { emptyFieldValues } from '@cocok/domain';
import { CHECKS, runChecks } from '@cocok/domain';
import type { RegionChild } from '@cocok/api';
import { en, id } from '../src/i18n/texts.ts';
import { checkDetail, checkLabel, orderChecks } from '../src/features/tps/check-text.ts';
import { diffVersions } from '../src/features/tps/version-diff.ts';
import { nextSort, sortChildren } from '../src/features/regions/sort-children.ts';
import { fieldLabel } from '../src/lib/field-labels.ts';
import { formatNumber, formatPercent } from '../src/lib/format.ts';
import { asTpsCode, regionPath } from '../src/lib/paths.ts';
import type { Translate } from '../src/lib/translate.ts';

async function translator(lng: 'id' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng,
    resources: { id: { translation: id }, en: { translation: en } },
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  const t = i18n.t.bind(i18n) as unknown as Translate;
  return { t, n: (v: number | null | undefined) => formatNumber(lng, v) };
}

/** The demo TPS 3101011003008: candidate votes add up to 1.223 but suara sah is 185. */
function demoValues() {
  return {
    ...emptyFieldValues(),
    suara_paslon_1: 71,
    suara_paslon_2: 641,
    suara_paslon_3: 511,
    suara_sah: 185,
    suara_tidak_sah: 1,
    suara_total: 186,
  };
}

test('check sentences state the figures in both languages', async () => {
  const results = runChecks(demoValues(), { overseas: false });
  const sum = results.find((r) => r.id === 'paslon_sum_vs_sah')!;
  const idT = await translator('id');
  const enT = await translator('en');
  assert.equal(checkDetail(idT, sum, false), '71 + 641 + 511 = 1.223, tetapi suara sah 185');
  assert.equal(checkDetail(enT, sum, false), '71 + 641 + 511 = 1,223, but valid votes 185');
  assert.equal(checkLabel(idT.t, 'paslon_sum_vs_sah', 'flag'), 'Jumlah suara paslon ≠ suara sah');

  const total = results.find((r) => r.id === 'sah_plus_tidak_sah_vs_total')!;
  assert.equal(checkDetail(idT, total, false), '185 + 1 = 186, sama dengan jumlah suara sah dan tidak sah 186');
  const skipped = results.find((r) => r.id === 'surat_suara_balance')!;
  assert.equal(checkDetail(idT, skipped, false), 'tidak dapat diperiksa (data belum lengkap)');
  const over = results.find((r) => r.id === 'suara_paslon_2_over_300')!;
  assert.match(checkDetail(idT, over, false), /641, melebihi batas 300 pemilih per TPS$/);

  const overseas = runChecks(demoValues(), { overseas: true }).find((r) => r.id === 'suara_paslon_2_over_300')!;
  assert.equal(checkDetail(enT, overseas, true), 'does not apply to overseas polling stations');
});

test('every check has a name in words in both languages', async () => {
  for (const lng of ['id', 'en'] as const) {
    const { t } = await translator(lng);
    for (const c of CHECKS) {
      for (const kind of ['rule', 'flag'] as const) {
        const label = checkLabel(t, c.id, kind);
        assert.notEqual(label, c.id, `${lng} ${c.id} ${kind}`);
        assert.doesNotMatch(label, /checks\.|\{\{/, `${lng} ${c.id} ${kind}: ${label}`);
      }
    }
  }
  const { t } = await translator('id');
  assert.equal(checkLabel(t, 'pemilih_dpt_l_plus_p', 'rule'), 'Pemilih DPT: laki-laki + perempuan = jumlah');
  assert.equal(checkLabel(t, 'suara_paslon_3_over_300', 'flag'), 'Suara paslon 03 lebih dari 300');
});

test('field labels compose the L/P/J rows and name DPK', async () => {
  const { t } = await translator('id');
  assert.equal(fieldLabel(t, 'pemilih_dpt_j'), 'Pemilih DPT (jumlah)');
  assert.equal(fieldLabel(t, 'suara_paslon_1'), 'Suara Paslon 01 (Anies-Muhaimin)');
  assert.equal(fieldLabel(t, 'pengguna_non_dpt_l'), 'Pengguna hak pilih DPK (laki-laki)');
});

test('failed checks come first, in definition order', () => {
  const ordered = orderChecks(runChecks(demoValues(), { overseas: false }));
  assert.deepEqual(
    ordered.filter((r) => r.status === 'fail').map((r) => r.id),
    ['paslon_sum_vs_sah', 'suara_paslon_2_over_300', 'suara_paslon_3_over_300'],
  );
  assert.equal(ordered[0].id, 'paslon_sum_vs_sah');
  assert.equal(ordered.at(-1)!.status, 'skipped');
});

test('version diff lists the changed fields, and nothing for the first version', () => {
  const older = { fields: demoValues() };
  const newer = { fields: { ...demoValues(), suara_sah: 1223, pemilih_dpt_j: 213 } };
  assert.equal(diffVersions(newer, undefined), null);
  assert.deepEqual(diffVersions(newer, older), [
    { field: 'pemilih_dpt_j', before: null, after: 213 },
    { field: 'suara_sah', before: 185, after: 1223 },
  ]);
  assert.deepEqual(diffVersions(older, older), []);
});

test('children sort by any column, ties by code; numbers start from the largest', () => {
  const row = (code: string, name: string, p2: number): RegionChild =>
    ({
      code,
      name,
      level: 1,
      levelName: 'province',
      totals: { tpsCount: 10, officialTps: 5, officialChartTps: 5, flaggedTps: 0, fields: { suara_paslon_2: p2 } },
    }) as unknown as RegionChild;
  const rows = [row('32', 'JAWA BARAT', 5), row('11', 'ACEH', 9), row('31', 'DKI JAKARTA', 9)];
  const byVotes = nextSort({ key: 'code', direction: 'ascending' }, 'paslon2');
  assert.deepEqual(byVotes, { key: 'paslon2', direction: 'descending' });
  assert.deepEqual(
    sortChildren(rows, byVotes).map((r) => r.code),
    ['11', '31', '32'],
  );
  assert.deepEqual(
    sortChildren(rows, nextSort(byVotes, 'paslon2')).map((r) => r.code),
    ['32', '11', '31'],
  );
  assert.deepEqual(
    sortChildren(rows, { key: 'name', direction: 'ascending' }).map((r) => r.name),
    ['ACEH', 'DKI JAKARTA', 'JAWA BARAT'],
  );
});

test('URLs and number formats', () => {
  assert.equal(asTpsCode(' 3101011003008 '), '3101011003008');
  assert.equal(asTpsCode('310101100300'), null);
  assert.equal(asTpsCode('jakarta barat'), null);
  assert.equal(regionPath('ID'), '/');
  assert.equal(regionPath('99AA'), '/wilayah/99AA');
  assert.equal(formatNumber('id', 822116), '822.116');
  assert.equal(formatNumber('en', 822116), '822,116');
  assert.equal(formatNumber('id', null), '–');
  assert.equal(formatPercent('id', 1, 3), '33,3%');
  assert.equal(formatPercent('en', 1, 0), '–');
});
