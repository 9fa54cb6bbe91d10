import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CHECKS, failedChecks, isOverseasTps, runChecks } from './form-checks.logic.ts';
import { emptyFieldValues, FIELDS, type FieldValues } from './form-fields.ts';

const consistent: Partial<FieldValues> = {
  suara_paslon_1: 10,
  suara_paslon_2: 20,
  suara_paslon_3: 30,
  suara_sah: 60,
  suara_tidak_sah: 2,
  suara_total: 62,
  pemilih_dpt_l: 50,
  pemilih_dpt_p: 50,
  pemilih_dpt_j: 100,
  pengguna_dpt_l: 30,
  pengguna_dpt_p: 30,
  pengguna_dpt_j: 60,
  pengguna_dptb_l: 1,
  pengguna_dptb_p: 0,
  pengguna_dptb_j: 1,
  pengguna_non_dpt_l: 0,
  pengguna_non_dpt_p: 1,
  pengguna_non_dpt_j: 1,
  pengguna_total_l: 31,
  pengguna_total_p: 31,
  pengguna_total_j: 62,
  disabilitas_l: 1,
  disabilitas_p: 0,
  disabilitas_j: 1,
  surat_suara_diterima: 105,
  surat_suara_digunakan: 62,
  surat_suara_rusak: 1,
  surat_suara_sisa: 42,
};
const values = (over: Partial<FieldValues> = {}): FieldValues => ({ ...emptyFieldValues(), ...consistent, ...over });
const failedIds = (v: FieldValues, overseas = false) =>
  failedChecks(runChecks(v, { overseas }))
    .map((r) => r.id)
    .sort();

const cases: { name: string; over: Partial<FieldValues>; overseas?: boolean; failed: string[] }[] = [
  { name: 'a consistent sheet passes every check', over: {}, failed: [] },
  {
    name: '84 read as 884 breaks the candidate sum and the 300 cap',
    over: { suara_paslon_1: 884 },
    failed: ['paslon_sum_vs_sah', 'suara_paslon_1_over_300'],
  },
  { name: 'sah + tidak sah differs from total', over: { suara_tidak_sah: 3 }, failed: ['sah_plus_tidak_sah_vs_total'] },
  { name: 'L + P differs from J on the DPT row', over: { pemilih_dpt_l: 51 }, failed: ['pemilih_dpt_l_plus_p'] },
  { name: 'ballots received do not balance', over: { surat_suara_sisa: 40 }, failed: ['surat_suara_balance'] },
  {
    name: 'page 1 alone: voters who voted differ from ballots used',
    over: {
      suara_sah: null,
      suara_tidak_sah: null,
      suara_total: null,
      surat_suara_digunakan: 63,
      surat_suara_sisa: 41,
    },
    failed: ['pengguna_vs_surat_digunakan'],
  },
  { name: 'disabled voters L + P differs from J', over: { disabilitas_j: 2 }, failed: ['disabilitas_l_plus_p'] },
  {
    name: 'more DPT users than registered voters',
    over: {
      pengguna_dpt_l: 60,
      pengguna_dpt_p: 50,
      pengguna_dpt_j: 110,
      pengguna_total_l: 61,
      pengguna_total_p: 51,
      pengguna_total_j: 112,
    },
    failed: ['pengguna_dpt_vs_pemilih_dpt', 'total_vs_pengguna', 'pengguna_vs_surat_digunakan'],
  },
  {
    name: 'over 300 voters at a domestic TPS',
    over: { pemilih_dpt_l: 200, pemilih_dpt_p: 150, pemilih_dpt_j: 350 },
    failed: ['dpt_over_300'],
  },
  {
    name: 'overseas TPS are exempt from the 300 cap',
    over: { pemilih_dpt_l: 200, pemilih_dpt_p: 150, pemilih_dpt_j: 350 },
    overseas: true,
    failed: [],
  },
];

for (const c of cases) {
  test(`checks: ${c.name}`, () => {
    assert.deepEqual(failedIds(values(c.over), c.overseas), [...c.failed].sort());
  });
}

test('checks: unknown figures skip a check instead of failing it', () => {
  const results = runChecks(values({ suara_sah: null }), { overseas: false });
  const sum = results.find((r) => r.id === 'paslon_sum_vs_sah');
  assert.equal(sum?.status, 'skipped');
  assert.deepEqual(failedChecks(results), []);
});

test('checks: a failed equation reports both sides and the figures', () => {
  const [sum] = runChecks(values({ suara_paslon_1: 71, suara_paslon_2: 641, suara_paslon_3: 511, suara_sah: 185 }), {
    overseas: false,
  });
  assert.equal(sum.id, 'paslon_sum_vs_sah');
  assert.equal(sum.left, 1223);
  assert.equal(sum.right, 185);
  assert.equal(sum.values.suara_paslon_2, 641);
});

test('checks: every check names real fields and ids are unique', () => {
  const ids = CHECKS.map((c) => c.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const c of CHECKS) {
    const fields =
      c.kind === 'equal' ? [...c.left, ...c.right] : c.kind === 'not-above' ? [c.field, ...c.bound] : [c.field];
    for (const f of fields) assert.ok(FIELDS.includes(f), `${c.id} uses unknown field ${f}`);
  }
});

test('overseas TPS are those under province 99', () => {
  assert.equal(isOverseasTps('9962010001670'), true);
  assert.equal(isOverseasTps('3101011003008'), false);
});
