import type { Database } from '../../db/database.ts';
import type { Clock } from '../../core/clock.ts';
import type { UploadSettings } from '../../config.ts';
import type { SessionUser } from '../accounts/accounts.service.ts';
import type { IncomingPhoto, PhotosService, WrittenFiles } from '../photos/photos.service.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import { submissionErrors } from './submissions.errors.ts';
import { duplicateFlags, planUpload, type DuplicateFlag, type UploadEntry } from '@cocok/domain';
import { createSubmissionsRepository } from './submissions.repository.ts';
import { createReadingJobsRepository } from './reading-jobs.repository.ts';

export type UploadFile = { name: string; bytes: Buffer };
export type UploadedPhoto = UploadEntry & { alreadyStored: boolean; duplicateOf: { tps: string; exact: boolean }[] };
export type UploadResult = {
  created: boolean;
  body: { id: number; tps: string; created: boolean; photos: UploadedPhoto[] };
};

type Fresh = { photo: IncomingPhoto; flags: DuplicateFlag[]; alreadyStored: boolean };

const HOUR_MS = 60 * 60 * 1000;

/**
 * The upload flow. Cheap checks first (type from the bytes, hashes, limits), then decoding; files are
 * written durably before the rows that point at them are committed, and limits are checked again
 * inside that transaction so two uploads at once cannot both slip under them. When the transaction
 * refuses (or anything fails after the first file was written), the files this upload wrote that no
 * committed row points at are deleted again; what a crash leaves behind, the orphan sweeper removes.
 */
export function createSubmissionUploadService(deps: {
  db: Database;
  photos: PhotosService;
  regions: RegionsService;
  clock: Clock;
  limits: UploadSettings;
  onQueued?: () => void;
}) {
  const { db, photos, regions, clock, limits } = deps;
  const repo = createSubmissionsRepository(db);
  const jobs = createReadingJobsRepository(db);

  async function checkHourly(tx: Database, user: SessionUser): Promise<void> {
    const since = new Date(clock.now().getTime() - HOUR_MS).toISOString();
    if ((await repo.countUserSubmissionsSince(tx, user.id, since)) >= limits.perHour)
      throw submissionErrors.uploadLimit(limits.perHour);
  }

  async function checkLimits(tx: Database, user: SessionUser, tps: string): Promise<void> {
    await checkHourly(tx, user);
    if (user.role !== 'witness') return;
    const pending = await repo.countPendingWitnessSubmissions(tx, tps);
    if (pending >= limits.pendingPerTps) throw submissionErrors.tpsBusy(tps, pending);
  }

  async function findFlags(photo: IncomingPhoto, tps: string): Promise<DuplicateFlag[]> {
    const similar = await photos.similar(photos.dhashOf(photo));
    const distance = new Map(similar.map((s) => [s.sha256, s.distance]));
    const others = await repo.listPhotosByShas([...distance.keys()]);
    const matches = others.map((o) => ({
      sha256: o.sha256,
      distance: distance.get(o.sha256)!,
      submissionPhotoId: o.id,
      tpsCode: o.tps_code,
    }));
    return duplicateFlags(photo.sha256, tps, matches);
  }

  async function insertAll(user: SessionUser, tps: string, fresh: Fresh[], written: WrittenFiles): Promise<number> {
    return db.transaction(async (tx) => {
      await checkLimits(tx, user, tps);
      const now = clock.now().toISOString();
      const id = await repo.insertSubmission(tx, tps, user.id, now);
      for (const [position, f] of fresh.entries()) {
        await photos.insertRow(tx, f.photo, written);
        const photoId = await repo.insertPhoto(tx, id, f.photo.sha256, position);
        await jobs.insertJob(tx, photoId, now);
        for (const flag of f.flags) await repo.insertDuplicate(tx, photoId, flag);
      }
      return id;
    });
  }

  async function storeAndInsert(user: SessionUser, tps: string, fresh: Fresh[]): Promise<number> {
    const written: WrittenFiles = [];
    try {
      for (const f of fresh)
        if ((await photos.storeFiles(f.photo, written)).originalWritten === false) f.alreadyStored = true;
      return await insertAll(user, tps, fresh, written);
    } catch (err) {
      // The refusal is what the witness must hear: a failed clean-up only leaves files the sweeper deletes later.
      await photos.discardUnreferenced(written).catch(() => undefined);
      throw err;
    }
  }

  return {
    /** Before the body is read: an account over its hourly limit is refused without receiving 90 MB. */
    checkAllowed: (user: SessionUser) => checkHourly(db, user),

    async upload(user: SessionUser, tpsCode: string, files: readonly UploadFile[]): Promise<UploadResult> {
      if (files.length === 0) throw submissionErrors.noPhotos();
      await regions.requireTps(tpsCode);
      const identified: IncomingPhoto[] = [];
      for (const f of files) identified.push(await photos.identify(f.name, f.bytes));
      const mine = await repo.listMineForTps(
        user.id,
        tpsCode,
        identified.map((p) => p.sha256),
      );
      const plan = planUpload(
        identified.map((p) => p.sha256),
        new Map(mine.map((m) => [m.sha256, m.submission_id])),
      );
      const freshPhotos = identified.filter((_, i) => plan[i].state === 'uploaded');
      if (freshPhotos.length === 0) return answer(plan[0].submissionId!, tpsCode, false, plan, []);

      await checkLimits(db, user, tpsCode);
      const fresh: Fresh[] = [];
      for (const p of freshPhotos) {
        const photo = await photos.prepare(p);
        fresh.push({ photo, flags: await findFlags(photo, tpsCode), alreadyStored: photo.known !== null });
      }
      const id = await storeAndInsert(user, tpsCode, fresh);
      deps.onQueued?.();
      return answer(id, tpsCode, true, plan, fresh);
    },
  };
}

function answer(id: number, tps: string, created: boolean, plan: UploadEntry[], fresh: Fresh[]): UploadResult {
  const bySha = new Map(fresh.map((f) => [f.photo.sha256, f]));
  const photos = plan.map((entry): UploadedPhoto => {
    const f = entry.state === 'uploaded' ? bySha.get(entry.sha256) : undefined;
    return {
      ...entry,
      submissionId: entry.submissionId ?? id,
      alreadyStored: f ? f.alreadyStored : true,
      duplicateOf: (f?.flags ?? []).map((d) => ({ tps: d.otherTps, exact: d.exact })),
    };
  });
  return { created, body: { id, tps, created, photos } };
}
