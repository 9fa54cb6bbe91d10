import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/api-app.ts';
import { listMigrations } from '../../src/db/migrate.ts';
import { REPO_ROOT } from '../../src/core/paths.ts';

/** GET /api/health reports the schema version the database was migrated to, and docs/api.md says which that is. */
let t: TestApp | undefined;
after(() => t?.cleanup());

const newestMigration = () => listMigrations().at(-1)!.version;

test('GET /api/health: schemaVersion is the number of the newest migration applied', async () => {
  t = await createTestApp();
  const res = await request(t.app).get('/api/health').expect(200);
  assert.equal(res.body.ok, true);
  assert.equal(res.body.schemaVersion, newestMigration());
  assert.ok(!Number.isNaN(Date.parse(res.body.time)));
});

test('the /api/health row of docs/api.md names the current schema version', () => {
  const reference = fs.readFileSync(path.join(REPO_ROOT, 'docs/api.md'), 'utf8');
  const row = reference.split('\n').find((line) => line.startsWith('| `GET /api/health` |'));
  assert.ok(row, 'docs/api.md has a GET /api/health row');
  assert.equal(
    Number(/"schemaVersion": (\d+)/.exec(row)?.[1]),
    newestMigration(),
    'update the docs/api.md row when adding a migration',
  );
});
