import type { Database } from '../../db/database.ts';
import type { Clock } from '../../core/clock.ts';
import { THINGS, errors } from '../../core/errors.ts';
import { emptyFieldValues, isFieldName, type FieldName } from '@cocok/domain';
import { failedChecks, isOverseasTps, runChecks } from '@cocok/domain';
import type { AccountsService, SessionUser } from '../accounts/accounts.service.ts';
import type { PhotosService } from '../photos/photos.service.ts';
import { photoErrors } from '../photos/photos.errors.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import { readSheet } from '@cocok/domain';
import { submissionErrors } from './submissions.errors.ts';
import { confirmableFields, stillReading, unexpectedFields } from '@cocok/domain';
import {
  createSubmissionsRepository,
  type SubmissionPhotoRow,
  type SubmissionRow,
  type ValueRow,
} from './submissions.repository.ts';
import {
  flagView,
  parseReading,
  photoView,
  publicSubmissionView,
  submissionHead,
  valueView,
} from './submission-views.ts';

/** A witness makes a handful of submissions per election; the list shows the latest this many. */
export const MY_SUBMISSIONS_LIMIT = 50;

const isStaff = (user: SessionUser) => user.role === 'moderator' || user.role === 'admin';

/** What moderation's decisions do with submissions inside their transaction; every query on that transaction. */
export type SubmissionsInTransaction = {
  find(id: number): Promise<SubmissionRow | undefined>;
  confirmedValues(id: number): Promise<Record<string, number | null>>;
  /** The user's pending and confirmed submissions (what a ban withdraws). */
  listActiveOfUser(userId: number): Promise<SubmissionRow[]>;
  /** A moderator takes a submission out of the crowd figures (kept, status withdrawn); false when it already was. */
  withdrawByModerator(id: number, nowIso: string): Promise<boolean>;
  moveToTps(id: number, tpsCode: string): Promise<void>;
};

/** Called inside the transaction that confirmed or withdrew a submission (the comparison refreshes the TPS and its rollups). */
export type CrowdChangedHook = (tx: Database, tpsCode: string) => Promise<void>;

/** Reading, confirming and withdrawing submissions; the public list per TPS. Uploads: submission-upload.service.ts. */
export function createSubmissionsService({
  db,
  photos,
  regions,
  accounts,
  clock,
  onCrowdChanged,
}: {
  db: Database;
  photos: PhotosService;
  regions: RegionsService;
  accounts: AccountsService;
  clock: Clock;
  onCrowdChanged?: CrowdChangedHook;
}) {
  const repo = createSubmissionsRepository(db);

  /** The submission if the viewer may see it (owner or staff); others get 404, as if it did not exist. */
  async function visible(id: number, viewer: SessionUser): Promise<SubmissionRow> {
    const sub = Number.isSafeInteger(id) ? await repo.getSubmission(id) : undefined;
    if (!sub || (sub.user_id !== viewer.id && !isStaff(viewer))) throw errors.notFound(THINGS.submission, String(id));
    return sub;
  }

  async function owned(id: number, user: SessionUser): Promise<SubmissionRow> {
    const sub = await visible(id, user);
    if (sub.user_id !== user.id) throw errors.forbidden();
    return sub;
  }

  async function view(sub: SubmissionRow, viewer: SessionUser, photoRows?: SubmissionPhotoRow[]) {
    const rows = photoRows ?? (await repo.listPhotos([sub.id]));
    const [duplicates, values, flags, tps] = await Promise.all([
      repo.listDuplicates(rows.map((r) => r.id)),
      repo.listValues([sub.id]),
      repo.listFlags([sub.id]),
      regions.findTps(sub.tps_code),
    ]);
    // EXIF (time, device, place) is for moderators only.
    const captures = isStaff(viewer) ? await photos.captures(rows.map((r) => r.sha256)) : new Map();
    return {
      ...submissionHead(sub, tps?.name ?? null),
      readingDone: !stillReading(rows.map((r) => r.state)),
      photos: rows.map((r) =>
        photoView(
          r,
          duplicates.filter((d) => d.submission_photo_id === r.id),
          captures.get(r.sha256),
        ),
      ),
      values: values.map(valueView),
      checks: flags.map(flagView),
    };
  }

  function valueRows(
    sub: SubmissionRow,
    user: SessionUser,
    allowed: FieldName[],
    given: Partial<Record<FieldName, number | null>>,
    machine: ReturnType<typeof readSheet>,
  ): ValueRow[] {
    const now = clock.now().toISOString();
    return allowed.map((field) => ({
      submission_id: sub.id,
      field,
      machine_value: machine[field]?.value ?? null,
      machine_confidence: machine[field]?.confidence ?? null,
      machine_review: machine[field] ? (machine[field].review ? 1 : 0) : null,
      confirmed_value: given[field] ?? null,
      confirmed_by: user.id,
      confirmed_at: now,
    }));
  }

  return {
    get: async (id: number, viewer: SessionUser) => view(await visible(id, viewer), viewer),

    /** Stores machine and confirmed values per field with who/when; inconsistencies are warnings, not refusals. */
    async confirm(id: number, user: SessionUser, given: Record<string, number | null>) {
      const sub = await owned(id, user);
      if (sub.status === 'withdrawn') throw submissionErrors.withdrawn();
      if (sub.status === 'confirmed') throw submissionErrors.alreadyConfirmed();
      const rows = await repo.listPhotos([sub.id]);
      if (stillReading(rows.map((r) => r.state))) throw submissionErrors.stillReading();
      const allowed = confirmableFields(rows.filter((r) => r.state === 'read').map((r) => r.page));
      if (allowed.length === 0) throw submissionErrors.nothingToConfirm();
      const unexpected = unexpectedFields(Object.keys(given), allowed);
      if (unexpected.length > 0) throw submissionErrors.invalidFields(unexpected);
      const ctx = { overseas: isOverseasTps(sub.tps_code) };
      // The pages read together, as the confirm screen showed them (the same function runs there).
      const machine = readSheet(
        rows.flatMap((r) => (r.state === 'read' ? (parseReading(r) ?? []) : [])),
        ctx,
      );
      const values = valueRows(sub, user, allowed, given as Partial<Record<FieldName, number | null>>, machine);
      const figures = { ...emptyFieldValues(), ...Object.fromEntries(values.map((v) => [v.field, v.confirmed_value])) };
      const failed = failedChecks(runChecks(figures, ctx));
      await db.transaction(async (tx) => {
        if (!(await repo.markConfirmed(tx, sub.id, values[0].confirmed_at))) throw submissionErrors.alreadyConfirmed();
        await repo.insertValues(tx, values);
        const flags = failed.map((c) => ({
          submission_id: sub.id,
          check_id: c.id,
          detail: JSON.stringify({ left: c.left, right: c.right, values: c.values }),
        }));
        await repo.insertFlags(tx, flags);
        await onCrowdChanged?.(tx, sub.tps_code);
      });
      // The row as the transaction left it, and the photos read above (a confirm does not change them): two
      // reads fewer per confirm, on a night when the read connections are the queue.
      return view({ ...sub, status: 'confirmed', confirmed_at: values[0].confirmed_at }, user, rows);
    },

    /** Withdrawn submissions are kept (never deleted) and leave the public list. */
    async withdraw(id: number, user: SessionUser) {
      const sub = await owned(id, user);
      await db.transaction(async (tx) => {
        if (await repo.markWithdrawn(tx, sub.id, clock.now().toISOString())) await onCrowdChanged?.(tx, sub.tps_code);
      });
      return view((await repo.getSubmission(sub.id))!, user);
    },

    /** The signed-in witness's own submissions, newest first, each with its TPS and where its photos stand. */
    async listMine(user: SessionUser) {
      const subs = await repo.listRecentOfUser(user.id, MY_SUBMISSIONS_LIMIT);
      const [rows, names] = await Promise.all([
        repo.listPhotos(subs.map((s) => s.id)),
        Promise.all(subs.map(async (s) => [s.tps_code, (await regions.findTps(s.tps_code))?.name ?? null] as const)),
      ]);
      const tpsNames = new Map(names);
      return {
        submissions: subs.map((s) => {
          const photos = rows.filter((r) => r.submission_id === s.id);
          return {
            ...submissionHead(s, tpsNames.get(s.tps_code) ?? null),
            photoCount: photos.length,
            readingDone: !stillReading(photos.map((r) => r.state)),
          };
        }),
        limit: MY_SUBMISSIONS_LIMIT,
      };
    },

    /** Confirmed, not withdrawn submissions of a TPS, as the public sees them. */
    async listForTps(code: string) {
      await regions.requireTps(code);
      const subs = await repo.listConfirmedForTps(code);
      const ids = subs.map((s) => s.id);
      const [photoRows, values, flags, names] = await Promise.all([
        repo.listPhotos(ids),
        repo.listValues(ids),
        repo.listFlags(ids),
        accounts.pseudonymsOf(subs.map((s) => s.user_id)),
      ]);
      const of = <T extends { submission_id: number }>(rows: T[], id: number) =>
        rows.filter((r) => r.submission_id === id);
      return {
        tps: code,
        submissions: subs.map((s) =>
          publicSubmissionView(
            s,
            names.get(s.user_id) ?? 'Saksi',
            of(photoRows, s.id),
            of(values, s.id),
            of(flags, s.id),
          ),
        ),
      };
    },

    /** Moderation hooks: every submission of a TPS (any status) as staff see it, EXIF included. */
    async listAllForTps(code: string, viewer: SessionUser) {
      const subs = await repo.listAllForTps(code);
      return Promise.all(subs.map((s) => view(s, viewer)));
    },
    findSubmission: (id: number) => repo.getSubmission(id),
    /** Submissions inside the caller's transaction `tx` (a unit of work's part: db/unit-of-work.ts). */
    inTransaction(tx: Database): SubmissionsInTransaction {
      const onTx = createSubmissionsRepository(tx);
      return {
        find: (id) => onTx.getSubmission(id),
        async confirmedValues(id) {
          return Object.fromEntries((await onTx.listValues([id])).map((v) => [v.field, v.confirmed_value]));
        },
        listActiveOfUser: (userId) => onTx.listActiveOfUser(userId),
        withdrawByModerator: (id, nowIso) => onTx.markWithdrawn(tx, id, nowIso),
        moveToTps: (id, tpsCode) => onTx.moveSubmission(tx, id, tpsCode),
      };
    },

    /** A field's box cut out of a photo of the submission, for the confirm screen. */
    async cutout(id: number, viewer: SessionUser, sha256: string, field: string): Promise<Buffer> {
      const sub = await visible(id, viewer);
      const row = (await repo.listPhotos([sub.id])).find((r) => r.sha256 === sha256);
      if (!row) throw photoErrors.notFound(sha256);
      // Only the form's own fields, and only own properties: "__proto__" or "constructor" would otherwise
      // find Object.prototype's members (a reading is parsed JSON, where "__proto__" can even be an own key).
      if (!isFieldName(field)) throw photoErrors.noCutout(field);
      const boxes = parseReading(row)?.boxesInPhoto;
      const polygon = boxes && Object.hasOwn(boxes, field) ? boxes[field] : undefined;
      const image = polygon ? await photos.cutout(sha256, polygon) : null;
      if (!image) throw photoErrors.noCutout(field);
      return image;
    },
  };
}

export type SubmissionsService = ReturnType<typeof createSubmissionsService>;
