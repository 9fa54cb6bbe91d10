import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import express from 'express';
import request from 'supertest';
import { createTempDatabase } from '../helpers/temp-db.ts';
import { openDatabase, type Database } from '../../server/src/db/database.ts';
import { createAnswerCache } from '../../server/src/http/answer-cache.ts';

/** The answer micro-cache on a real SQLite file: its own and another connection's writes invalidate at once. */
let ctx: Awaited<ReturnType<typeof createTempDatabase>>;
let other: Database;
let clockMs = 0;
let computed = 0;
let app: express.Express;

before(async () => {
  ctx = await createTempDatabase('cocok-cache-');
  await ctx.db.exec('CREATE TABLE counter (n INTEGER); INSERT INTO counter VALUES (1);');
  other = await openDatabase(ctx.db.file);
  const cache = createAnswerCache({ db: ctx.db, ttlMs: 1000, now: () => clockMs });
  app = express();
  app.get('/n/:id', cache.route(async (req) => {
    computed++;
    return { id: req.params.id, n: (await ctx.db.get<{ n: number }>('SELECT n FROM counter'))!.n };
  }));
});
after(async () => {
  await other.close();
  await ctx.cleanup();
});

const get = async (path: string) => (await request(app).get(path).expect(200).expect('content-type', /json/)).body;

test('a repeated request is answered from the cache; other URLs are separate', async () => {
  assert.deepEqual(await get('/n/a'), { id: 'a', n: 1 });
  assert.deepEqual(await get('/n/a'), { id: 'a', n: 1 });
  assert.equal(computed, 1);
  await get('/n/b');
  assert.equal(computed, 2);
});

test("the server's own write invalidates at once", async () => {
  await ctx.db.run('UPDATE counter SET n = 2');
  assert.deepEqual(await get('/n/a'), { id: 'a', n: 2 });
});

test("another process's write invalidates at once too", async () => {
  await other.run('UPDATE counter SET n = 3');
  assert.equal((await get('/n/a')).n, 3);
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
  await ctx.db.run('UPDATE counter SET n = 4');
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
