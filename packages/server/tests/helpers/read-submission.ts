/**
 * A witness's submission whose one photo the reader has already found to be page 2, written straight
 * into the database: for tests about what follows the reading (confirms, the comparison, moderation),
 * which need neither image files nor the reader.
 */
import crypto from 'node:crypto';
import type { Database } from '../../src/db/database.ts';
import type { Agent } from './api-app.ts';

let photoSeed = 0;

/** Inserts the photo, the submission and its read page-2 photo row; returns the submission id. */
export async function insertReadPage2Submission(
  db: Database,
  tps: string,
  userId: number,
  at: string,
): Promise<number> {
  const sha256 = crypto.createHash('sha256').update(`read-page-2-${process.pid}-${++photoSeed}`).digest('hex');
  await db.run(
    `INSERT INTO photos (sha256, type, size_bytes, width, height, dhash, dhash_b0, dhash_b1, dhash_b2, dhash_b3, created_at)
     VALUES (?, 'jpeg', 1000, 642, 480, '0000000000000000', 0, 0, 0, 0, ?)`,
    [sha256, at],
  );
  const { lastID } = await db.run('INSERT INTO submissions (tps_code, user_id, created_at) VALUES (?, ?, ?)', [
    tps,
    userId,
    at,
  ]);
  const reading = JSON.stringify({ page: 2, fields: {}, review: false, ms: 1 });
  await db.run(
    `INSERT INTO submission_photos (submission_id, sha256, position, state, page, reading) VALUES (?, ?, 0, 'read', 2, ?)`,
    [lastID, sha256, reading],
  );
  return lastID;
}

/** The candidate votes of page 2 as the confirm body's fields. */
export function candidateFigures(votes: [number, number, number]) {
  return { suara_paslon_1: votes[0], suara_paslon_2: votes[1], suara_paslon_3: votes[2] };
}

/** A read page-2 submission of the signed-in witness, confirmed with `votes` through POST /api/submissions/:id/confirm. */
export async function confirmReadPage2OverApi(
  db: Database,
  witness: { agent: Agent; csrf: string; user: { id: number } },
  tps: string,
  votes: [number, number, number],
): Promise<number> {
  const id = await insertReadPage2Submission(db, tps, witness.user.id, new Date().toISOString());
  await witness.agent
    .post(`/api/submissions/${id}/confirm`)
    .set('X-CSRF-Token', witness.csrf)
    .send({ fields: candidateFigures(votes) })
    .expect(200);
  return id;
}
