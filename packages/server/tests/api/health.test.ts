import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/api-app.ts';
import { listMigrations } from '../../src/db/migrate.ts';
import { REPO_ROOT } from '../../src/core/paths.ts';

/** GET /api/health reports the schema version the database was migrated to, and the README says which that is. */
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

test('the README’s /api/health row names the current schema version', () => {
  const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const row = readme.split('\n').find((line) => line.startsWith('| `GET /api/health` |'));
  assert.ok(row, 'the README has a GET /api/health row');
  assert.equal(Number(/"schemaVersion": (\d+)/.exec(row)?.[1]), newestMigration(), 'update the README row when adding a migration');
});
