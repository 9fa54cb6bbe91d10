import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import request from 'supertest';
import type { Express } from 'express';
import { appOn, setRole, signUp, type Agent } from '../helpers/api-app.ts';
import { createTempDatabase, writeTinyRegistry } from '../helpers/temp-db.ts';
import type { Database } from '../../src/db/database.ts';
import { importRegistry } from '../../src/modules/regions/registry-import.service.ts';
import { parseQuotedLine } from '../../src/core/csv.ts';

/**
 * Both CSV exports, the TPS open data and the moderation log, through the one writer (core/csv.ts):
 * a text that reaches a cell starting with =, +, -, @, tab or CR is neutralised, so a spreadsheet opening
 * the download shows it instead of running it. The TPS export once had a writer of its own without that guard.
 */
const NASTY = ['=HYPERLINK("http://contoh.invalid","klik")', '+62 812', '-2+3', '@SUM(A1:A9)', '\tTPS tab', '\rTPS cr'];
const VILLAGE = '3101011001';

let ctx: Awaited<ReturnType<typeof createTempDatabase>>;
let db: Database;
let app: Express;

before(async () => {
  ctx = await createTempDatabase('cocok-api-csv-');
  db = ctx.db;
  const dir = writeTinyRegistry(ctx.dir, [6, 1]);
  // The registry as the KPU could publish it: TPS names are free text that reaches the export as they are.
  const rows = NASTY.map(
    (name, i) => `${VILLAGE}${String(i + 1).padStart(3, '0')},${VILLAGE},"${name.replace(/"/g, '""')}"`,
  );
  fs.writeFileSync(
    path.join(dir, 'tps.csv.gz'),
    zlib.gzipSync(`code,parent_code,name\n${rows.join('\n')}\n3101011003001,3101011003,TPS 001\n`),
  );
  await importRegistry(db, dir);
  app = appOn(db, path.join(ctx.dir, 'uploads'));
});
after(() => ctx.cleanup());

/** Splits a CSV text into records (quoted fields may hold CR/LF). */
function records(text: string, eol: string): string[][] {
  const out: string[][] = [];
  let record = '';
  for (const piece of text.split(eol)) {
    record = record === '' ? piece : `${record}${eol}${piece}`;
    if ((record.match(/"/g) ?? []).length % 2 === 0) {
      if (record !== '') out.push(parseQuotedLine(record));
      record = '';
    }
  }
  return out;
}

test('TPS open data CSV: a TPS name starting with = + - @ tab or CR is written with a leading quote', async () => {
  const res = await request(app).get(`/api/regions/${VILLAGE}/tps.csv`).expect(200);
  const [header, ...rows] = records(res.text, '\n');
  const name = header.indexOf('tps_name');
  assert.deepEqual(
    rows.map((r) => r[name]),
    NASTY.map((n) => `'${n}`),
  );
  const json = await request(app).get(`/api/regions/${VILLAGE}/tps.json`).expect(200);
  assert.deepEqual(
    json.body.tps.map((t: { name: string }) => t.name),
    NASTY,
    'JSON carries the names unchanged',
  );
});

test('moderation log CSV: a moderator reason starting with = + - or @ is written with a leading quote', async () => {
  const agent: Agent = request.agent(app);
  const { user, csrf } = await signUp(agent);
  await setRole(db, user.id, 'admin');
  const reasons = NASTY.slice(0, 4);
  for (const [i, reason] of reasons.entries()) {
    const code = `${VILLAGE}${String(i + 1).padStart(3, '0')}`;
    await agent
      .post(`/api/moderation/tps/${code}/decisions`)
      .set('X-CSRF-Token', csrf)
      .send({ kind: 'escalate', reason })
      .expect(201);
  }
  const res = await request(app).get('/api/moderation/log.csv').expect(200);
  const [header, ...rows] = records(res.text, '\r\n');
  const column = header.indexOf('reason');
  assert.deepEqual(
    rows.map((r) => r[column]).filter((r) => r !== ''),
    reasons.map((r) => `'${r}`),
  );
});
