import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import express from 'express';
import request from 'supertest';
import { createTempDatabase } from '../helpers/temp-db.ts';
import { openDatabase, type Database } from '../../server/src/db/database.ts';
import { createAnswerCache } from '../../server/src/http/answer-cache.ts';

/** The answer micro-cache on a real migrated SQLite file: writes to public tables, by this or another connection, invalidate at once. */
let ctx: Awaited<ReturnType<typeof createTempDatabase>>;
let other: Database;
let clockMs = 0;
let computed = 0;
let app: express.Express;

before(async () => {
  ctx = await createTempDatabase('cocok-cache-');
  await setProvinces(ctx.db, 1);
  other = await openDatabase(ctx.db.file);
  const cache = createAnswerCache({ db: ctx.db, ttlMs: 1000, now: () => clockMs });
  app = express();
  app.get('/n/:id', cache.route(async (req) => {
    computed++;
    return { id: req.params.id, n: (await ctx.db.get<{ n: number }>('SELECT count(*) AS n FROM regions'))!.n };
  }));
});
after(async () => {
  await other.close();
  await ctx.cleanup();
});

/** A public table the region pages read: the nation plus `count - 1` provinces. */
async function setProvinces(db: Database, count: number): Promise<void> {
  await db.run("INSERT OR IGNORE INTO regions (code, parent_code, level, name) VALUES ('ID', NULL, 0, 'Indonesia')");
  await db.run("DELETE FROM regions WHERE level = 1");
  for (let i = 1; i < count; i++) await db.run('INSERT INTO regions (code, parent_code, level, name) VALUES (?, ?, 1, ?)', [String(10 + i), 'ID', `P${i}`]);
}

const get = async (path: string) => (await request(app).get(path).expect(200).expect('content-type', /json/)).body;

test('a repeated request is answered from the cache; other URLs are separate', async () => {
  assert.deepEqual(await get('/n/a'), { id: 'a', n: 1 });
  assert.deepEqual(await get('/n/a'), { id: 'a', n: 1 });
  assert.equal(computed, 1);
  await get('/n/b');
  assert.equal(computed, 2);
});

test("the server's own write invalidates at once", async () => {
  await setProvinces(ctx.db, 2);
  assert.deepEqual(await get('/n/a'), { id: 'a', n: 2 });
});

test("another process's write invalidates at once too", async () => {
  await setProvinces(other, 3);
  assert.equal((await get('/n/a')).n, 3);
});

test('writes no public answer reads (an account, a session) leave the cached answers in place', async () => {
  await get('/n/a');
  const before = computed;
  await ctx.db.run(
    "INSERT INTO users (name, contact, contact_kind, password_hash, pseudonym, created_at) VALUES ('W', 'w@example.org', 'email', 'x', 'Saksi-CACHE1', '2024-02-14T00:00:00Z')",
  );
  await ctx.db.run("INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ('h', last_insert_rowid(), '2024-02-14T00:00:00Z', '2024-03-14T00:00:00Z')");
  await ctx.db.run("UPDATE sessions SET expires_at = '2024-03-15T00:00:00Z'");
  await get('/n/a');
  assert.equal(computed, before);
});

test('an answer is recomputed once the TTL has passed, even without writes', async () => {
  const before = computed;
  await get('/n/a');
  assert.equal(computed, before);
  clockMs += 1001;
  await get('/n/a');
  assert.equal(computed, before + 1);
});

test('simultaneous requests after a write compute the answer once', async () => {
  await setProvinces(ctx.db, 4);
  const before = computed;
  const answers = await Promise.all(Array.from({ length: 5 }, () => get('/n/c')));
  assert.ok(answers.every((a) => a.n === 4));
  assert.equal(computed - before, 1);
});

test('the cache stays within its byte bound, evicting the oldest answers', async () => {
  const small = createAnswerCache({ db: ctx.db, maxBytes: 60, now: () => clockMs });
  let runs = 0;
  const tiny = express();
  tiny.get('/k/:id', small.route(async (req) => {
    runs++;
    return { id: req.params.id };
  }));
  for (const id of ['a', 'b', 'c', 'd']) await request(tiny).get(`/k/${id}`).expect(200); // 12 bytes each
  await request(tiny).get('/k/d').expect(200);
  assert.equal(runs, 4, 'the newest answer is still cached');
  for (const id of ['e', 'f', 'g']) await request(tiny).get(`/k/${id}`).expect(200);
  await request(tiny).get('/k/a').expect(200);
  assert.equal(runs, 8, 'the oldest answer was evicted');
});
