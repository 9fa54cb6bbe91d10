/**
 * docs/configuration.md is generated from server/src/config.ts (`npm run docs:config`); these tests keep the
 * committed file equal to what the generator writes, so a new or changed setting without docs fails CI.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { defaultConfig, describeSettings } from '@cocok/server';
import { REPO_ROOT } from '@cocok/server';
import { CONFIGURATION_DOC, acceptedText, renderConfigurationDoc } from '../src/docs-config/render.ts';

test('docs/configuration.md is what `npm run docs:config` writes from config.ts', () => {
  const committed = fs.readFileSync(path.join(REPO_ROOT, CONFIGURATION_DOC), 'utf8');
  assert.equal(
    committed,
    renderConfigurationDoc(describeSettings()),
    'docs/configuration.md is stale: run `npm run docs:config` and commit it',
  );
});

test('every setting has a meaning and a default, and the defaults printed are the ones the server uses', () => {
  const settings = describeSettings();
  assert.ok(settings.some((s) => s.key === 'PORT') && new Set(settings.map((s) => s.key)).size === settings.length);
  for (const s of settings) {
    assert.ok(s.meaning.length > 10, `${s.key} has a meaning`);
    assert.ok(s.default, `${s.key} has a default`);
  }
  const byKey = Object.fromEntries(settings.map((s) => [s.key, s.default]));
  const c = defaultConfig();
  assert.equal(byKey.PORT, `\`${c.port}\``);
  assert.equal(byKey.SESSION_DAYS, `\`${c.auth.sessionDays}\``);
  assert.equal(byKey.UPLOAD_MAX_MEGAPIXELS, `\`${c.uploads.maxPixels / 1_000_000}\``);
  assert.equal(byKey.MODERATORS_REVIEW_OWN_UPLOADS, `\`${c.moderation.allowOwnUploads}\``);
  assert.match(byKey.READER_CONCURRENCY!, /CPU count/);
});

test('accepted values in words, from the JSON Schema of each kind of key', () => {
  const cases: [Record<string, unknown>, string][] = [
    [{ type: 'integer', minimum: 0, maximum: 65535 }, 'whole number, 0 to 65535'],
    [{ type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER }, 'whole number ≥ 1'],
    [{ type: 'number', exclusiveMinimum: 0, maximum: 100 }, 'number > 0, ≤ 100'],
    [{ type: 'string', enum: ['error', 'warn'] }, '`error`, `warn`'],
    [{ type: 'string', enum: ['0', '1', 'true', 'false', 'yes', 'no'] }, '`true`/`false` (also `1`/`0`, `yes`/`no`)'],
    [{ type: 'string', minLength: 1 }, 'text, not empty'],
    [{}, 'see server/src/config.ts'],
  ];
  for (const [schema, words] of cases) assert.equal(acceptedText(schema), words, JSON.stringify(schema));
});

test('a | in a meaning does not break the table row', () => {
  const doc = renderConfigurationDoc([{ key: 'X', default: '`1`', accepted: { type: 'string' }, meaning: 'a | b' }]);
  assert.match(doc, /^\| `X` \| `1` \| text \| a \\\| b \|$/m);
});
