import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createTempDatabase, writeTinyRegistry } from '../helpers/temp-db.ts';
import { patternJpeg } from '@cocok/testing';
import { checkpoint, filesOf, filesUnder, sha, watchedStore } from '../helpers/photo-store.ts';
import type { Database } from '../../src/db/database.ts';
import { fixedClock } from '../../src/core/clock.ts';
import { silentLogger } from '../../src/core/logger.ts';
import type { SessionUser } from '../../src/modules/accounts/accounts.service.ts';
import { importRegistry } from '../../src/modules/regions/registry-import.service.ts';
import { createRegionsService } from '../../src/modules/regions/regions.service.ts';
import { createFileStore, type FileStore } from '../../src/modules/photos/file-store.ts';
import { createFileSweeper } from '../../src/modules/photos/file-sweeper.ts';
import { createSharpImageProcessor } from '../../src/modules/photos/image-processor.ts';
import { derivedPath, originalPath } from '../../src/modules/photos/photos.logic.ts';
import { createPhotosService, type IncomingPhoto } from '../../src/modules/photos/photos.service.ts';
import { createSubmissionUploadService } from '../../src/modules/submissions/submission-upload.service.ts';

/**
 * The orphan sweeper on a real store and a real SQLite file. A crashed upload (`kill -9` between writing
 * its files and committing its rows) is made by writing a photo's files through the photos service with no
 * rows; file ages are set with utimes relative to the fixed clock, never taken from the wall clock.
 */
const clock = fixedClock('2026-11-20T10:00:00Z');
const GRACE_MINUTES = 60;
const minutesAgo = (m: number) => new Date(clock.now().getTime() - m * 60_000);
let ctx: Awaited<ReturnType<typeof createTempDatabase>>;
let db: Database;
let uploadsDir: string;
let files: FileStore;
let seed = 7000;

const images = createSharpImageProcessor({ maxPixels: 1e8 });
const photosOn = (store: FileStore) => createPhotosService({ db, files: store, images, clock });
const sweeperOn = (store: FileStore) =>
  createFileSweeper({
    db,
    files: store,
    clock,
    logger: silentLogger,
    settings: { graceMinutes: GRACE_MINUTES, intervalMinutes: 60 },
  });

before(async () => {
  ctx = await createTempDatabase('cocok-sweeper-');
  db = ctx.db;
  uploadsDir = path.join(ctx.dir, 'uploads');
  files = createFileStore(uploadsDir);
  await importRegistry(db, writeTinyRegistry(ctx.dir));
});
after(() => ctx.cleanup());

/** Sets the modification time of every file of these photos (and of extra paths) to `m` minutes before the clock. */
function age(minutes: number, ...relPaths: string[]): void {
  for (const rel of relPaths) fs.utimesSync(path.join(uploadsDir, rel), minutesAgo(minutes), minutesAgo(minutes));
}
const agePhoto = (minutes: number, sha256: string) => age(minutes, ...filesOf(uploadsDir, sha256));

/** What a killed upload leaves: its files written, no row. */
async function crashedUpload(): Promise<IncomingPhoto> {
  const photos = photosOn(files);
  const photo = await photos.prepare(await photos.identify('crash.jpg', await patternJpeg(seed++)));
  await photos.storeFiles(photo, []);
  return photo;
}

let userId = 0;
async function committedUpload(tps = '3101011001001'): Promise<string> {
  if (!userId) {
    userId = (
      await db.run(
        `INSERT INTO users (name, contact, contact_kind, password_hash, pseudonym, created_at) VALUES ('W', 'sweep@example.org', 'email', 'x', 'Saksi-SWEEP1', ?)`,
        [clock.now().toISOString()],
      )
    ).lastID;
  }
  const uploads = createSubmissionUploadService({
    db,
    photos: photosOn(files),
    regions: createRegionsService({ db }),
    clock,
    limits: { maxFileBytes: 1e7, maxFiles: 6, maxPixels: 1e8, perHour: 1000, pendingPerTps: 1000 },
  });
  const bytes = await patternJpeg(seed++);
  await uploads.upload(
    { id: userId, name: 'W', role: 'witness', pseudonym: 'Saksi-SWEEP1' } satisfies SessionUser,
    tps,
    [{ name: 'ok.jpg', bytes }],
  );
  return sha(bytes);
}

test('handleSweepOrphanFiles: a crashed upload older than the grace period goes; a younger one, referenced files and foreign files stay', async () => {
  const oldCrash = await crashedUpload();
  const youngCrash = await crashedUpload();
  const kept = await committedUpload();
  agePhoto(120, oldCrash.sha256);
  agePhoto(10, youngCrash.sha256);
  agePhoto(24 * 60, kept); // a referenced file is kept however old
  // An interrupted write's temporary file, old and young, and files that are not the store's.
  const fan = path.join(uploadsDir, 'originals', oldCrash.sha256.slice(0, 2));
  fs.writeFileSync(path.join(fan, '.tmp-0badc0de'), 'half a photo');
  fs.writeFileSync(path.join(fan, '.tmp-0000beef'), 'being written');
  fs.writeFileSync(path.join(fan, 'catatan.txt'), 'not ours');
  fs.writeFileSync(path.join(uploadsDir, '.gitkeep'), '');
  const fanRel = path.relative(uploadsDir, fan);
  age(120, `${fanRel}/.tmp-0badc0de`, `${fanRel}/catatan.txt`);
  age(5, `${fanRel}/.tmp-0000beef`);
  const before = filesUnder(uploadsDir);

  const result = await sweeperOn(files).handleSweepOrphanFiles();

  assert.deepEqual(
    filesOf(uploadsDir, oldCrash.sha256),
    [],
    'the old crash: original (with its EXIF) and copies deleted',
  );
  assert.equal(filesOf(uploadsDir, youngCrash.sha256).length, 3, 'an upload possibly still in flight keeps its files');
  assert.equal(filesOf(uploadsDir, kept).length, 3, 'a committed photo keeps its files');
  const after = filesUnder(uploadsDir);
  assert.ok(
    !after.includes(`${fanRel}/.tmp-0badc0de`) && after.includes(`${fanRel}/.tmp-0000beef`),
    'old temporary file gone, young one kept',
  );
  assert.ok(
    after.includes(`${fanRel}/catatan.txt`) && after.includes('.gitkeep'),
    'files the store does not know are left alone',
  );
  assert.deepEqual(result, { outcome: 'done', removed: before.length - after.length, kept: after.length - 2 });
  assert.equal(before.length - after.length, 4, 'three files of the old crash and one temporary file');
});

test('handleSweepOrphanFiles: public copies of a taken-down photo go at any age, its original stays; a second sweep at once is skipped', async () => {
  const down = await committedUpload('3101011001002');
  agePhoto(1, down);
  const decision = (
    await db.run(
      `INSERT INTO moderation_log (at, actor_id, actor_role, action, reason) VALUES (?, ?, 'admin', 'takedown-photo', 'wajah terlihat')`,
      [clock.now().toISOString(), userId],
    )
  ).lastID;
  await db.run('INSERT INTO photo_takedowns (sha256, decision_id, at) VALUES (?, ?, ?)', [
    down,
    decision,
    clock.now().toISOString(),
  ]);

  const sweeper = sweeperOn(files);
  const [first, second] = await Promise.all([sweeper.handleSweepOrphanFiles(), sweeper.handleSweepOrphanFiles()]);
  assert.equal(first.outcome, 'done');
  assert.deepEqual(second, { outcome: 'skipped', reason: 'already-running' });
  assert.deepEqual(
    filesOf(uploadsDir, down),
    [originalPath(down, 'jpeg')],
    'display and thumb deleted, the original kept as evidence',
  );
});

test(
  "an upload that found an old orphan's files in place, swept before its transaction: the row commits with its files",
  { timeout: 60_000 },
  async () => {
    const orphan = await crashedUpload();
    agePhoto(120, orphan.sha256);
    const watched = watchedStore(files);
    const uploads = createSubmissionUploadService({
      db,
      photos: photosOn(watched.store),
      regions: createRegionsService({ db }),
      clock,
      limits: { maxFileBytes: 1e7, maxFiles: 6, maxPixels: 1e8, perHour: 1000, pendingPerTps: 1000 },
    });
    // The witness sends the same bytes again: the upload finds all three files in place and writes none...
    const foundInPlace = checkpoint();
    let found = 0;
    watched.hooks.afterPut = async (relPath, wrote) => {
      if (relPath.includes(orphan.sha256) && !wrote && ++found === 3) await foundInPlace.pass();
    };
    const uploading = uploads.upload(
      { id: userId, name: 'W', role: 'witness', pseudonym: 'Saksi-SWEEP1' },
      '3101011001003',
      [{ name: 'lagi.jpg', bytes: orphan.bytes }],
    );
    await foundInPlace.reached;
    // ...and the sweeper deletes them (still orphans, still old) before the upload's transaction.
    await sweeperOn(files).handleSweepOrphanFiles();
    assert.deepEqual(filesOf(uploadsDir, orphan.sha256), []);
    watched.hooks.afterPut = undefined;
    foundInPlace.open();

    const result = await uploading;
    assert.equal(result.created, true);
    const x = orphan.sha256;
    assert.deepEqual(
      filesOf(uploadsDir, x),
      [derivedPath(x, 'display'), derivedPath(x, 'thumb'), originalPath(x, 'jpeg')].sort(),
    );
    assert.equal((await db.get<{ n: number }>('SELECT count(*) AS n FROM photos WHERE sha256 = ?', [x]))!.n, 1);
  },
);
