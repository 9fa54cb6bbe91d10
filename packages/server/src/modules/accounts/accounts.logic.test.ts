import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkContact,
  csrfTokenFor,
  expiryFrom,
  normalizeContact,
  pseudonymFromBytes,
  slidExpiry,
  staffPseudonymFromBytes,
  tokensMatch,
} from './accounts.logic.ts';

const contacts: [string, string | null][] = [
  ['0812-3456-7890', '+6281234567890'],
  ['+62 812 3456 7890', '+6281234567890'],
  ['6281234567890', '+6281234567890'],
  ['81234567890', '+6281234567890'],
  ['(0812) 345 678', '+62812345678'],
  ['+62 0812 3456 7890', '+6281234567890'],
  ['+44 20 7946 0958', '+442079460958'],
  ['  Saksi@Example.ORG ', 'saksi@example.org'],
  ['021-555-1234', null], // a landline, not a phone that can receive messages
  ['12345', null],
  ['not a contact', null],
  ['a@b', null],
  ['0812abc', null],
  ['', null],
];
for (const [raw, expected] of contacts) {
  test(`contact ${JSON.stringify(raw)} normalises to ${expected}`, () => {
    assert.equal(normalizeContact(raw)?.value ?? null, expected);
  });
}

/**
 * Contacts an abuser would register beside a real one ("admin1@example.org"), and what each becomes:
 * the same account (so `contact-taken`), or refused with the reason. Escapes spell out each string.
 */
const nastyContacts: [name: string, raw: string, expected: string | { problem: string }][] = [
  ['NUL after an e-mail', 'admin1@example.org\u0000', { problem: 'control-character' }],
  ['NUL inside an e-mail', 'admin1\u0000@example.org', { problem: 'control-character' }],
  ['C1 control after a phone number', '081234567890\u0085', { problem: 'control-character' }],
  ['line feed after an e-mail', 'admin1@example.org\n', 'admin1@example.org'], // trimmed like any surrounding space
  ['tab inside an e-mail', 'admin1@exa\tmple.org', { problem: 'control-character' }],
  ['right-to-left override in an e-mail', 'admin1@example.org\u202Egro', { problem: 'bidi-control' }],
  ['left-to-right mark before a phone number', '\u200E081234567890', { problem: 'bidi-control' }],
  ['Cyrillic а (U+0430) for Latin a', '\u0430dmin1@example.org', { problem: 'not-ascii' }],
  ['Cyrillic о in the domain', 'admin1@ex\u0430mple.\u043Erg', { problem: 'not-ascii' }],
  ['Greek omicron', 'admin1@example.\u03BFrg', { problem: 'not-ascii' }],
  ['dotless ı', 'admın1@example.org', { problem: 'not-ascii' }],
  ['zero-width joiner inside an e-mail', 'ad\u200Dmin1@example.org', { problem: 'not-ascii' }],
  [
    'zero-width space inside an e-mail is dropped: the same account',
    'admin1\u200B@example.org',
    'admin1\u200B@example.org'.replace('\u200B', ''),
  ],
  ['full-width e-mail is the same account', 'ａｄｍｉｎ１＠ｅｘａｍｐｌｅ．ｏｒｇ', 'admin1@example.org'],
  ['upper case is the same account', 'ADMIN1@Example.Org', 'admin1@example.org'],
  ['mathematical bold letters (NFKC) are the same account', '\u{1D41A}dmin1@example.org', 'admin1@example.org'],
  ['full-width phone digits are the same number', '０８１２－３４５６－７８９０', '+6281234567890'],
  ['no-break spaces in a phone number', '0812\u00A03456\u00A07890', '+6281234567890'],
  [
    'Arabic-Indic digits are not read as a phone number',
    '\u0660\u0668\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669\u0660',
    { problem: 'not-a-contact' },
  ],
  ['zero-width only', '\u200B\u200B\u200B', { problem: 'invisible-only' }],
  ['unpaired surrogate', 'admin1@example.org\uD800', { problem: 'invalid-character' }],
];
for (const [name, raw, expected] of nastyContacts) {
  test(`contact: ${name}`, () => {
    const got = checkContact(raw);
    if (typeof expected === 'string') assert.deepEqual(got.ok ? got.contact.value : got, expected);
    else assert.deepEqual(got, { ok: false, problem: expected.problem });
  });
}

test('contact kinds', () => {
  assert.equal(normalizeContact('0812345678')?.kind, 'phone');
  assert.equal(normalizeContact('x@y.id')?.kind, 'email');
});

test('CSRF tokens: derived per secret, stable, compared in constant time and exactly', () => {
  const a = csrfTokenFor('secret-a');
  assert.equal(a, csrfTokenFor('secret-a'));
  assert.notEqual(a, csrfTokenFor('secret-b'));
  assert.equal(tokensMatch(a, a), true);
  assert.equal(tokensMatch(a, `${a}x`), false);
  assert.equal(tokensMatch(a, a.slice(0, -1) + (a.endsWith('A') ? 'B' : 'A')), false);
  assert.equal(tokensMatch(a, undefined), false);
  assert.equal(tokensMatch(a, ''), false);
});

const now = new Date('2026-01-10T00:00:00Z');
const cases: [string, string, string | null][] = [
  ['fresh session: no write', expiryFrom(now, 30).toISOString(), null],
  ['12 hours used: no write yet', new Date(expiryFrom(now, 30).getTime() - 12 * 3600e3).toISOString(), null],
  [
    'a day used: slides to 30 days from now',
    new Date(expiryFrom(now, 30).getTime() - 24 * 3600e3).toISOString(),
    expiryFrom(now, 30).toISOString(),
  ],
  ['nearly expired: slides', '2026-01-10T01:00:00.000Z', expiryFrom(now, 30).toISOString()],
];
for (const [name, expires, expected] of cases) {
  test(`sliding expiry: ${name}`, () => {
    assert.equal(slidExpiry(new Date(expires), now, 30)?.toISOString() ?? null, expected);
  });
}

test('pseudonyms avoid look-alike characters and have a fixed shape', () => {
  const p = pseudonymFromBytes(Uint8Array.from([0, 1, 2, 3, 250, 255, 9, 9]));
  assert.match(p, /^Saksi-[2-9A-HJKMNP-Z]{6}$/);
  assert.equal(p, pseudonymFromBytes(Uint8Array.from([0, 1, 2, 3, 250, 255, 9, 9])));
});

test('staff pseudonyms have the same alphabet and their own prefix, drawn from their own bytes', () => {
  const bytes = Uint8Array.from([7, 30, 1, 255, 128, 64, 3, 2]);
  assert.match(staffPseudonymFromBytes(bytes), /^Moderator-[2-9A-HJKMNP-Z]{6}$/);
  // The same bytes would give the same suffix: the two are unlinked only because the accounts service
  // draws each from its own random bytes (tests/service/moderation.test.ts checks the accounts).
  assert.equal(
    staffPseudonymFromBytes(bytes).slice('Moderator-'.length),
    pseudonymFromBytes(bytes).slice('Saksi-'.length),
  );
});
