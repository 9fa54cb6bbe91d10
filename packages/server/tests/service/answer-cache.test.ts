import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import express from 'express';
import request from 'supertest';
import { createTempDatabase, writeTinyRegistry } from '../helpers/temp-db.ts';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { createAnswerCache } from '../../src/http/answer-cache.ts';
import { CACHE_CONTROL } from '../../src/http/cache-policy.ts';
import { importRegistry } from '../../src/modules/regions/registry-import.service.ts';
import { TPS_A, TPS_B, TPS_C } from '../helpers/api-app.ts';

/**
 * The answer micro-cache on a real migrated SQLite file with the tiny registry: an answer about a code is
 * renewed by committed writes to that code or below it (migration 0009's triggers), by this or another
 * connection, and is left alone by every other write.
 */
const VILLAGE_A = '3101011001';
const VILLAGE_C = '3101011003';
let ctx: Awaited<ReturnType<typeof createTempDatabase>>;
let other: Database;
let clockMs = 0;
const computed = new Map<string, number>();
let app: express.Express;

before(async () => {
  ctx = await createTempDatabase('cocok-cache-');
  await importRegistry(ctx.db, writeTinyRegistry(ctx.dir));
  other = await openDatabase(ctx.db.file);
  const cache = createAnswerCache({ db: ctx.db, ttlMs: 1000, now: () => clockMs });
  app = express();
  app.get(
    '/n/:code',
    cache.route(
      (req) => String(req.params.code),
      async (req) => {
        const code = String(req.params.code);
        computed.set(code, (computed.get(code) ?? 0) + 1);
        const row = await ctx.db.get<{ name: string }>(
          'SELECT name FROM tps WHERE code = ? UNION ALL SELECT name FROM regions WHERE code = ?',
          [code, code],
        );
        return { code, name: row?.name ?? null };
      },
    ),
  );
});
after(async () => {
  await other.close();
  await ctx.cleanup();
});

const get = async (path: string) => (await request(app).get(path).expect(200).expect('content-type', /json/)).body;
const runs = (code: string) => computed.get(code) ?? 0;
const CHAIN_A = ['ID', '31', '3101', '310101', VILLAGE_A, TPS_A];
const ELSEWHERE = [VILLAGE_C, TPS_C];
const renameTps = (db: Database, code: string, name: string) =>
  db.run('UPDATE tps SET name = ? WHERE code = ?', [name, code]);

async function countsAfter(write: () => Promise<unknown>, codes: string[]): Promise<number[]> {
  for (const c of codes) await get(`/n/${c}`);
  const before = codes.map(runs);
  await write();
  for (const c of codes) await get(`/n/${c}`);
  return codes.map((c, i) => runs(c) - before[i]);
}

test('a repeated request is answered from the cache; other URLs are separate', async () => {
  await get(`/n/${TPS_A}`);
  await get(`/n/${TPS_A}`);
  assert.equal(runs(TPS_A), 1);
  await get(`/n/${TPS_B}`);
  assert.equal(runs(TPS_B), 1);
});

test('a write at one TPS renews its page and every region above it, and leaves unrelated answers valid', async () => {
  const renewed = await countsAfter(() => renameTps(ctx.db, TPS_A, 'TPS 001 BARU'), [...CHAIN_A, ...ELSEWHERE, TPS_B]);
  assert.deepEqual(renewed, [1, 1, 1, 1, 1, 1, 0, 0, 0]);
  assert.equal((await get(`/n/${TPS_A}`)).name, 'TPS 001 BARU');
});

test("another process's write renews the answers above it too", async () => {
  const renewed = await countsAfter(
    () => renameTps(other, TPS_C, 'TPS 001 LAIN'),
    [VILLAGE_C, TPS_C, VILLAGE_A, TPS_A, 'ID'],
  );
  assert.deepEqual(renewed, [1, 1, 0, 0, 1]);
  assert.equal((await get(`/n/${TPS_C}`)).name, 'TPS 001 LAIN');
});

test('a write that rolls back renews nothing', async () => {
  const renewed = await countsAfter(
    () =>
      ctx.db
        .transaction(async (tx) => {
          await renameTps(tx, TPS_A, 'TIDAK JADI');
          throw new Error('refused');
        })
        .catch(() => undefined),
    CHAIN_A,
  );
  assert.deepEqual(renewed, [0, 0, 0, 0, 0, 0]);
});

test('writes no public answer reads (an account, a session) leave the cached answers in place', async () => {
  const renewed = await countsAfter(async () => {
    await ctx.db.run(
      "INSERT INTO users (name, contact, contact_kind, password_hash, pseudonym, created_at) VALUES ('W', 'w@example.org', 'email', 'x', 'Saksi-CACHE1', '2024-02-14T00:00:00Z')",
    );
    await ctx.db.run(
      "INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ('h', last_insert_rowid(), '2024-02-14T00:00:00Z', '2024-03-14T00:00:00Z')",
    );
    await ctx.db.run("UPDATE sessions SET expires_at = '2024-03-15T00:00:00Z'");
  }, CHAIN_A);
  assert.deepEqual(renewed, [0, 0, 0, 0, 0, 0]);
});

test('an answer is recomputed once the TTL has passed, even without writes', async () => {
  await get(`/n/${TPS_B}`);
  const before = runs(TPS_B);
  await get(`/n/${TPS_B}`);
  assert.equal(runs(TPS_B), before);
  clockMs += 1001;
  await get(`/n/${TPS_B}`);
  assert.equal(runs(TPS_B), before + 1);
});

test('simultaneous requests after a write compute the answer once', async () => {
  await renameTps(ctx.db, TPS_A, 'TPS 001 SERENTAK');
  const before = runs('ID');
  const answers = await Promise.all(Array.from({ length: 5 }, () => get('/n/ID')));
  assert.ok(answers.every((a) => a.name === 'Indonesia' || a.name === answers[0].name));
  assert.equal(runs('ID') - before, 1);
});

test('an unchanged answer is 304 to If-None-Match; after a change it is 200 with a new strong ETag', async () => {
  const first = await request(app).get(`/n/${VILLAGE_A}`).expect(200);
  const etag = first.headers.etag;
  assert.match(etag, /^"[A-Za-z0-9_-]{27}"$/, 'a strong ETag');
  assert.equal(first.headers['cache-control'], CACHE_CONTROL.publicPage);
  const again = await request(app).get(`/n/${VILLAGE_A}`).set('If-None-Match', etag).expect(304);
  assert.equal(again.text, '');
  assert.equal(again.headers.etag, etag);
  const before = (await request(app).get(`/n/${TPS_A}`)).headers.etag;
  await renameTps(ctx.db, TPS_A, 'TPS 001 KINI');
  const after = await request(app).get(`/n/${TPS_A}`).set('If-None-Match', before).expect(200);
  assert.notEqual(after.headers.etag, before);
  assert.equal(after.body.name, 'TPS 001 KINI');
});

test('the cache stays within its byte bound, evicting the oldest answers', async () => {
  const small = createAnswerCache({ db: ctx.db, maxBytes: 60, now: () => clockMs });
  let n = 0;
  const tiny = express();
  tiny.get(
    '/k/:id',
    small.route(
      () => 'ID',
      async (req) => {
        n++;
        return { id: req.params.id };
      },
    ),
  );
  for (const id of ['a', 'b', 'c', 'd']) await request(tiny).get(`/k/${id}`).expect(200); // 12 bytes each
  await request(tiny).get('/k/d').expect(200);
  assert.equal(n, 4, 'the newest answer is still cached');
  for (const id of ['e', 'f', 'g']) await request(tiny).get(`/k/${id}`).expect(200);
  await request(tiny).get('/k/a').expect(200);
  assert.equal(n, 8, 'the oldest answer was evicted');
});
