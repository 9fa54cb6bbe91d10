import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanText, TEXT_PROBLEM_MESSAGES, type TextOptions, type TextProblem } from './text.logic.ts';

/**
 * The one text rule, on the strings an abuser pastes. Each row: input, options, and either the
 * stored text or the problem. Escapes are spelled out so the table shows what is in each string.
 */
type Row = [name: string, raw: string, opts: TextOptions, expected: { value: string } | { problem: TextProblem }];
const single: TextOptions = {};
const multi: TextOptions = { multiline: true };
const contact: TextOptions = { compatibility: true };

const ROWS: Row[] = [
  ['plain name', 'Budi Santoso', single, { value: 'Budi Santoso' }],
  ['trimmed', '  Siti  ', single, { value: 'Siti' }],
  ['NFC: e + combining acute is é', 'Jose\u0301', single, { value: 'Jos\u00E9' }],
  ['NFC keeps full-width text (names are not contacts)', 'Ｂｕｄｉ', single, { value: 'Ｂｕｄｉ' }],
  [
    'NFKC: full-width letters and digits become ASCII',
    'ａｄｍｉｎ１＠example.org',
    contact,
    { value: 'admin1@example.org' },
  ],
  ['NFKC: full-width phone digits', '０８１２３４５６７８９０', contact, { value: '081234567890' }],
  ['Arabic script name with its letters', 'محمد', single, { value: 'محمد' }],
  ['emoji ZWJ sequence kept', 'Ibu \u{1F469}\u200D\u{1F4BB}', single, { value: 'Ibu \u{1F469}\u200D\u{1F4BB}' }],
  ['zero-width space at the ends dropped', '\u200BBudi\uFEFF', single, { value: 'Budi' }],
  ["empty stays empty (the length limit is the schema's)", '', single, { value: '' }],
  ['spaces only become empty', '   ', single, { value: '' }],
  ['NUL at the end', 'admin1@example.org\u0000', contact, { problem: 'control-character' }],
  ['NUL in a name', 'Bu\u0000di', single, { problem: 'control-character' }],
  ['escape sequence (terminal colours)', '\u001B[31mBudi', single, { problem: 'control-character' }],
  ['DEL', 'Budi\u007F', single, { problem: 'control-character' }],
  ['C1 control (NEL)', 'Budi\u0085', single, { problem: 'control-character' }],
  ['C1 control (CSI)', 'Budi\u009B', single, { problem: 'control-character' }],
  ['line feed in a one-line name', 'Budi\nAdmin', single, { problem: 'control-character' }],
  ['a pasted trailing line break is trimmed like a space', 'Budi Santoso\r\n', single, { value: 'Budi Santoso' }],
  ['tab in a one-line name', 'Budi\tSantoso', single, { problem: 'control-character' }],
  ['line separator in a one-line name', 'Budi\u2028Admin', single, { problem: 'control-character' }],
  [
    'line feeds kept in multi-line text',
    'Foto buram.\nAngka tidak terbaca.',
    multi,
    { value: 'Foto buram.\nAngka tidak terbaca.' },
  ],
  ['CR LF and CR become LF', 'baris 1\r\nbaris 2\rbaris 3', multi, { value: 'baris 1\nbaris 2\nbaris 3' }],
  ['paragraph separator becomes LF', 'satu\u2029dua', multi, { value: 'satu\ndua' }],
  ['NUL in multi-line text', 'laporan\u0000', multi, { problem: 'control-character' }],
  ['right-to-left override', 'Budi\u202Egnp.exe', single, { problem: 'bidi-control' }],
  ['left-to-right embedding', '\u202ABudi', single, { problem: 'bidi-control' }],
  ['pop directional formatting', 'Budi\u202C', single, { problem: 'bidi-control' }],
  ['right-to-left isolate', 'Budi \u2067admin\u2069', single, { problem: 'bidi-control' }],
  ['first strong isolate', '\u2068Budi', single, { problem: 'bidi-control' }],
  ['left-to-right mark', 'Budi\u200E', single, { problem: 'bidi-control' }],
  ['right-to-left mark', '\u200FBudi', single, { problem: 'bidi-control' }],
  ['Arabic letter mark', 'Budi\u061C', single, { problem: 'bidi-control' }],
  ['deprecated format control', 'Budi\u206E', single, { problem: 'bidi-control' }],
  ['bidi override in multi-line text', 'alasan\n\u202Etsil', multi, { problem: 'bidi-control' }],
  ['zero-width spaces only', '\u200B\u200B\u200B', single, { problem: 'invisible-only' }],
  ['zero-width joiner and non-joiner only', '\u200D\u200C\u200D', single, { problem: 'invisible-only' }],
  ['word joiner and BOM only', '\u2060\uFEFF\u2060', single, { problem: 'invisible-only' }],
  ['soft hyphens only', '\u00AD\u00AD', single, { problem: 'invisible-only' }],
  ['Hangul filler (a blank "letter")', '\u3164', single, { problem: 'invisible-only' }],
  ['Braille blank', '\u2800\u2800', single, { problem: 'invisible-only' }],
  ['zero-width and spaces over lines', ' \u200B\n\u200C \n', multi, { problem: 'invisible-only' }],
  ['unpaired high surrogate', 'Budi\uD83D', single, { problem: 'invalid-character' }],
  ['unpaired low surrogate', '\uDE00Budi', single, { problem: 'invalid-character' }],
  ['noncharacter U+FFFF', 'Budi\uFFFF', single, { problem: 'invalid-character' }],
  ['noncharacter U+FDD0', '\uFDD0', single, { problem: 'invalid-character' }],
];

for (const [name, raw, opts, expected] of ROWS) {
  test(`cleanText: ${name}`, () => {
    const got = cleanText(raw, opts);
    assert.deepEqual(
      got,
      'value' in expected ? { ok: true, value: expected.value } : { ok: false, problem: expected.problem },
    );
  });
}

test('cleanText is idempotent: what it stores passes it again unchanged', () => {
  for (const [, raw, opts] of ROWS) {
    const once = cleanText(raw, opts);
    if (once.ok) assert.deepEqual(cleanText(once.value, opts), once, JSON.stringify(raw));
  }
});

test('every problem has a message in Indonesian and English', () => {
  const problems = new Set(ROWS.flatMap(([, , , e]) => ('problem' in e ? [e.problem] : [])));
  assert.deepEqual([...problems].sort(), Object.keys(TEXT_PROBLEM_MESSAGES).sort(), 'the table covers every problem');
  for (const { id, en } of Object.values(TEXT_PROBLEM_MESSAGES)) assert.ok(id.length > 10 && en.length > 10);
});
