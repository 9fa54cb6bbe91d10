import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSirekapDocument, supersedes, tpsCodeFromFileName } from './sirekap-document.logic.ts';
import { sirekapDoc } from '../../../tests/helpers/temp-db.ts';

test('a complete document maps chart ids to paslon fields and keeps ts, images and status', () => {
  const r = parseSirekapDocument('x/3101011003008.json', sirekapDoc());
  assert.ok(r.ok);
  const d = r.document;
  assert.equal(d.tpsCode, '3101011003008');
  assert.deepEqual([d.fields.suara_paslon_1, d.fields.suara_paslon_2, d.fields.suara_paslon_3], [10, 20, 30]);
  assert.equal(d.fields.pengguna_non_dpt_p, 1);
  assert.equal(d.fields.surat_suara_diterima, null, 'Sirekap has no ballot-paper figures');
  assert.equal(d.docTs, '2024-02-15 10:00:00');
  assert.deepEqual(d.images, ['https://example.invalid/p1.jpg', null, 'https://example.invalid/p3.jpg']);
  assert.equal(d.hasChart && d.hasAdministrasi, true);
});

test('the same content always hashes the same; a changed figure changes the hash', () => {
  const a = parseSirekapDocument('3101011003008.json', sirekapDoc());
  const b = parseSirekapDocument('other/3101011003008.json', sirekapDoc());
  const c = parseSirekapDocument(
    '3101011003008.json',
    sirekapDoc({ chart: { '100025': 11, '100026': 20, '100027': 30 } }),
  );
  assert.ok(a.ok && b.ok && c.ok);
  assert.equal(a.document.contentHash, b.document.contentHash);
  assert.notEqual(a.document.contentHash, c.document.contentHash);
});

const partials: [string, Parameters<typeof sirekapDoc>[0], boolean, boolean][] = [
  ['chart null', { chart: null }, false, true],
  ['administrasi null', { administrasi: null }, true, false],
  ['both null', { chart: null, administrasi: null }, false, false],
  ['chart with only the junk "null" key', { chart: { null: null } }, false, true],
];
for (const [name, over, hasChart, hasAdm] of partials) {
  test(`partial document: ${name}`, () => {
    const r = parseSirekapDocument('3101011003008.json', sirekapDoc(over));
    assert.ok(r.ok);
    assert.deepEqual([r.document.hasChart, r.document.hasAdministrasi], [hasChart, hasAdm]);
  });
}

const malformed: [string, string, string, RegExp][] = [
  ['not JSON', '3101011003008.json', '{"chart": ', /not valid JSON/],
  ['negative votes', '3101011003008.json', sirekapDoc({ chart: { '100025': -5 } }), /chart/],
  ['fractional votes', '3101011003008.json', sirekapDoc({ administrasi: { suara_sah: 1.5 } }), /administrasi/],
  ['votes as text', '3101011003008.json', sirekapDoc({ chart: { '100025': '71' } }), /chart/],
  ['unknown candidate', '3101011003008.json', sirekapDoc({ chart: { '100099': 5 } }), /unknown candidate/],
  [
    'unknown administrasi field',
    '3101011003008.json',
    sirekapDoc({ administrasi: { suara_aneh: 5 } }),
    /unknown field/,
  ],
  ['bad ts', '3101011003008.json', sirekapDoc({ ts: 'yesterday' }), /ts/],
  ['file not named by TPS code', 'hasil.json', sirekapDoc(), /file name/],
  ['an array, not a document', '3101011003008.json', '[1,2,3]', /document|expected/],
];
for (const [name, file, text, reason] of malformed) {
  test(`malformed document is refused with a reason: ${name}`, () => {
    const r = parseSirekapDocument(file, text);
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.reason, reason);
  });
}

test('file names: the 13-character TPS code is taken from the last path part', () => {
  assert.equal(tpsCodeFromFileName('tingkat6_1000data/3101021003004.json'), '3101021003004');
  assert.equal(tpsCodeFromFileName('3101021003004.json.bak'), null);
});

const order: [string | null, string | null, boolean][] = [
  ['2024-02-16 08:00:00', null, true],
  ['2024-02-16 08:00:00', '2024-02-15 08:00:00', true],
  ['2024-02-16 08:00:00', '2024-02-16 08:00:00', true],
  ['2024-02-14 08:00:00', '2024-02-15 08:00:00', false],
  [null, '2024-02-15 08:00:00', false],
];
for (const [candidate, current, expected] of order) {
  test(`a version with ts ${candidate} ${expected ? 'replaces' : 'does not replace'} one with ts ${current}`, () => {
    assert.equal(supersedes(candidate, current), expected);
  });
}
