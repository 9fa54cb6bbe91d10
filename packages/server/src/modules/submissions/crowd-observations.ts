import type { Database } from '../../db/database.ts';
import type { CrowdObservation, FieldName } from '@cocok/domain';
import { createSubmissionsRepository } from './submissions.repository.ts';

export type TpsObservation = CrowdObservation & { tps: string };

/**
 * The submissions module's read model for the comparison: every confirmed submission of the TPS with a code
 * in [from, to] (inclusive; one TPS or a whole region), with its photos and confirmed values, in code then
 * id order. Read on `on`: the comparison passes the transaction of the change it follows (a confirm, a
 * withdrawal, a moderator's decision), so it sees that change; the national rebuild passes its chunk's.
 */
export async function listConfirmedObservations(on: Database, from: string, to: string): Promise<TpsObservation[]> {
  const repo = createSubmissionsRepository(on);
  const [subs, photos, values] = await Promise.all([
    repo.listConfirmedInRange(from, to),
    repo.listConfirmedPhotosInRange(from, to),
    repo.listConfirmedValuesInRange(from, to),
  ]);
  const byId = new Map<number, TpsObservation & { photos: { sha256: string; page: number | null }[] }>();
  for (const s of subs)
    byId.set(s.id, { tps: s.tps_code, submissionId: s.id, userId: s.user_id, photos: [], values: {} });
  for (const p of photos) byId.get(p.submission_id)?.photos.push({ sha256: p.sha256, page: p.page });
  for (const v of values) {
    const o = byId.get(v.submission_id);
    if (o) o.values[v.field as FieldName] = v.confirmed_value;
  }
  return [...byId.values()];
}
