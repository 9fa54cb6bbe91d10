/**
 * errorText: every failure shown to a person follows the UI language. The errors are made the way the
 * app makes them: server envelopes through the API client's checkedBody, and the client's own failures.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next from 'i18next';
import { resources } from '../src/i18n/texts.ts';
import { ApiError, checkedBody } from '../src/lib/api-client.ts';
import { errorText } from '../src/lib/error-text.ts';
import type { Translate } from '../src/lib/translate.ts';

async function translator(lng: string): Promise<Translate> {
  const i18n = i18next.createInstance();
  await i18n.init({ lng, fallbackLng: 'id', resources, interpolation: { escapeValue: false }, initAsync: false });
  return i18n.t.bind(i18n);
}

/** What checkedBody throws for an answer with this status and body. */
function thrown(status: number, body: unknown): unknown {
  try {
    checkedBody(status, body);
  } catch (err) {
    return err;
  }
  throw new Error('checkedBody did not throw');
}

const envelope = (code: string, message: string, messageEn: string, details?: Record<string, unknown>) => ({
  error: { code, message, messageEn, details },
});

const CASES: { name: string; err: () => unknown; id: string; en: string }[] = [
  {
    name: 'a server envelope (an unknown contact on the users page)',
    err: () =>
      thrown(
        404,
        envelope('not-found', 'Tidak ada akun dengan nomor HP atau e-mail itu.', 'No account with that contact.'),
      ),
    id: 'Tidak ada akun dengan nomor HP atau e-mail itu.',
    en: 'No account with that contact.',
  },
  {
    name: 'a claim held by another moderator, with quotes and a TPS code in it',
    err: () =>
      thrown(
        409,
        envelope(
          'claimed',
          'TPS 3101011003008 sedang ditangani “Moderator-7K3QX9”.',
          'TPS 3101011003008 is held by “Moderator-7K3QX9”.',
          { tps: '3101011003008' },
        ),
      ),
    id: 'TPS 3101011003008 sedang ditangani “Moderator-7K3QX9”.',
    en: 'TPS 3101011003008 is held by “Moderator-7K3QX9”.',
  },
  {
    name: 'an envelope without messageEn (an older server) falls back to the status, never to Indonesian',
    err: () => thrown(403, { error: { code: 'forbidden', message: 'Anda tidak berhak melakukan ini.' } }),
    id: 'Anda tidak berhak melakukan ini.',
    en: 'HTTP 403',
  },
  {
    name: 'no envelope at all (a proxy page)',
    err: () => thrown(502, undefined),
    id: 'HTTP 502',
    en: 'HTTP 502',
  },
  {
    name: 'a 200 whose body cannot be read',
    err: () => thrown(200, undefined),
    id: 'Jawaban server tidak dapat dibaca.',
    en: 'The server response could not be read.',
  },
  {
    name: 'the server not reached',
    err: () => new ApiError(0, 'network-error', 'Tidak dapat menghubungi server.', 'Could not reach the server.'),
    id: 'Tidak dapat menghubungi server.',
    en: 'Could not reach the server.',
  },
  {
    name: 'a bug in the page (a TypeError) shows no developer text',
    err: () => new TypeError("Cannot read properties of undefined (reading 'claim')"),
    id: 'Terjadi kesalahan. Coba lagi.',
    en: 'Something went wrong. Try again.',
  },
  {
    name: 'something thrown that is no Error',
    err: () => 'boom',
    id: 'Terjadi kesalahan. Coba lagi.',
    en: 'Something went wrong. Try again.',
  },
];

test('errorText: the message in the UI language, case by case', async () => {
  const tId = await translator('id');
  const tEn = await translator('en');
  for (const c of CASES) {
    assert.equal(errorText(c.err(), { lang: 'id', t: tId }), c.id, `${c.name} (id)`);
    assert.equal(errorText(c.err(), { lang: 'en', t: tEn }), c.en, `${c.name} (en)`);
  }
});

test('errorText: a regional English tag counts as English', async () => {
  const err = thrown(
    401,
    envelope('wrong-credentials', 'Nomor HP/e-mail atau kata sandi salah.', 'Wrong contact or password.'),
  );
  assert.equal(errorText(err, { lang: 'en-GB', t: await translator('en') }), 'Wrong contact or password.');
});

test('no page reads an error message itself: all go through errorText', () => {
  const src = path.join(path.dirname(fileURLToPath(import.meta.url)), '../src');
  const files = fs.readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f));
  const allowed = new Set(['lib/error-text.ts', 'lib/api-client.ts']);
  const offenders = files
    .filter((f) => !allowed.has(f.split(path.sep).join('/')))
    .flatMap((f) =>
      fs
        .readFileSync(path.join(src, f), 'utf8')
        .split('\n')
        .map((line, i) => ({ where: `${f}:${i + 1}`, line }))
        .filter(({ line }) => /\.messageEn\b|\b(err|error|e|refusal)\.message\b/.test(line)),
    )
    .map((o) => o.where);
  assert.deepEqual(offenders, []);
});
