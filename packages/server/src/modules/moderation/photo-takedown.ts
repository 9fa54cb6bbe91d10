import type { Database } from '../../db/database.ts';
import type { Clock } from '../../core/clock.ts';
import type { SessionUser } from '../accounts/accounts.service.ts';
import type { PhotosService } from '../photos/photos.service.ts';
import { moderationErrors } from './moderation.errors.ts';
import type { ModerationRepository } from './moderation.repository.ts';

type Staff = SessionUser & { role: 'moderator' | 'admin' };

/**
 * Taking a photo down: its public copies go for everyone, whichever submissions hold the bytes. It is a
 * photo-level action rather than a decision on one TPS, so claims and escalations do not hold it up (a
 * photo showing a face or a phone number must go at once, not when a claim runs out); it is staff-only and
 * logged like every decision. The original and the readings stay: they are the evidence, and no URL serves
 * them. Not reversible: the log is append-only and a takedown has no undo yet.
 */
export function createPhotoTakedown({
  db,
  repo,
  photos,
  clock,
}: {
  db: Database;
  repo: ModerationRepository;
  photos: PhotosService;
  clock: Clock;
}) {
  return async function takedownPhoto(sha256: string, actor: Staff, reason: string) {
    await photos.getOrThrow(sha256);
    const nowIso = clock.now().toISOString();
    const after = JSON.stringify({ photo: sha256, takenDown: true });
    const logged = await db.transaction(async (tx) => {
      if (await photos.isTakenDown(tx, sha256)) throw moderationErrors.alreadyTakenDown(sha256);
      const firstPerTps = new Map<string, number>();
      for (const r of await photos.referencesOf(tx, sha256))
        if (!firstPerTps.has(r.tps)) firstPerTps.set(r.tps, r.submissionId);
      const places: [string | null, number | null][] = firstPerTps.size ? [...firstPerTps] : [[null, null]];
      const ids: number[] = [];
      for (const [tps, submissionId] of places) {
        // One decision row; every other TPS holding the bytes shows it in its history as a follow-up row (as a ban does).
        ids.push(
          await repo.insertLog(tx, {
            at: nowIso,
            actor_id: actor.id,
            actor_role: actor.role,
            action: ids.length === 0 ? 'takedown-photo' : 'photo-taken-down',
            tps_code: tps,
            submission_id: submissionId,
            subject_user_id: null,
            before_json: null,
            after_json: after,
            reason,
          }),
        );
      }
      await photos.recordTakedown(tx, sha256, ids[0], nowIso);
      return { decisionId: ids[0], tps: [...firstPerTps.keys()] };
    });
    const removed = await photos.removePublicCopies(sha256);
    return { ...logged, photo: sha256, removed };
  };
}
