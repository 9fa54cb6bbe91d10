import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { createTempDatabase, writeTinyRegistry } from '../helpers/temp-db.ts';
import { patternJpeg } from '@cocok/testing';
import { checkpoint, filesOf, filesUnder, holdingImages, sha, watchedStore } from '../helpers/photo-store.ts';
import type { Database } from '../../src/db/database.ts';
import { fixedClock } from '../../src/core/clock.ts';
import type { AppError } from '../../src/core/errors.ts';
import type { UploadSettings } from '../../src/config.ts';
import type { SessionUser } from '../../src/modules/accounts/accounts.service.ts';
import { importRegistry } from '../../src/modules/regions/registry-import.service.ts';
import { createRegionsService } from '../../src/modules/regions/regions.service.ts';
import { createFileStore } from '../../src/modules/photos/file-store.ts';
import { createSharpImageProcessor } from '../../src/modules/photos/image-processor.ts';
import { createPhotosService } from '../../src/modules/photos/photos.service.ts';
import { createSubmissionUploadService } from '../../src/modules/submissions/submission-upload.service.ts';

/**
 * An upload refused inside its transaction (the limits are checked again there, so two uploads at once
 * cannot both slip under them) must not leave its files behind: the originals carry the witness's EXIF and
 * GPS. Real SQLite, real files, real sharp; only a checkpoint in the image processor or the store lets the
 * test act while an upload is between its first limit check and its transaction.
 */
const [TPS_A, TPS_B, TPS_C, TPS_D] = ['3101011001001', '3101011001002', '3101011003001', '3101011003002'];
const clock = fixedClock('2026-11-20T10:00:00Z');
let ctx: Awaited<ReturnType<typeof createTempDatabase>>;
let db: Database;
let uploadsDir: string;
let seed = 5000;
let userSeq = 0;

before(async () => {
  ctx = await createTempDatabase('cocok-upload-cleanup-');
  db = ctx.db;
  uploadsDir = path.join(ctx.dir, 'uploads');
  await importRegistry(db, writeTinyRegistry(ctx.dir, [3, 2]));
});
after(() => ctx.cleanup());

async function witness(): Promise<SessionUser> {
  const n = ++userSeq;
  const pseudonym = `Saksi-CL${String(n).padStart(4, '0')}`;
  const { lastID } = await db.run(
    `INSERT INTO users (name, contact, contact_kind, password_hash, pseudonym, created_at) VALUES (?, ?, 'email', 'x', ?, ?)`,
    [`Saksi ${n}`, `cleanup${n}@example.org`, pseudonym, clock.now().toISOString()],
  );
  return { id: lastID, name: `Saksi ${n}`, role: 'witness', pseudonym };
}

function uploadService(limits: Partial<UploadSettings>) {
  const holds = new Map<string, ReturnType<typeof checkpoint>>();
  const watched = watchedStore(createFileStore(uploadsDir));
  const images = holdingImages(createSharpImageProcessor({ maxPixels: 1e8 }), holds);
  const photos = createPhotosService({ db, files: watched.store, images, clock });
  const uploads = createSubmissionUploadService({
    db,
    photos,
    regions: createRegionsService({ db }),
    clock,
    limits: { maxFileBytes: 1e7, maxFiles: 6, maxPixels: 1e8, perHour: 1000, pendingPerTps: 1000, ...limits },
  });
  return { uploads, holds, watched };
}

/** Only a failure guard: a checkpoint the code under test never reaches fails the test instead of hanging it. */
const GUARD = { timeout: 60_000 };

const photo = () => patternJpeg(seed++, { exif: { IFD0: { Make: 'samsung', Model: 'SM-A155F' } } });
const codeOf = (err: unknown) => (err as AppError).code;
const submissionsOf = async (user: SessionUser) =>
  (await db.get<{ n: number }>('SELECT count(*) AS n FROM submissions WHERE user_id = ?', [user.id]))!.n;

/** The two limits checked again inside the transaction, each reached by a commit made while the upload was held. */
const refusals: {
  name: string;
  limits: Partial<UploadSettings>;
  code: string;
  filler: (held: SessionUser) => Promise<SessionUser>;
}[] = [
  { name: 'the TPS pending limit', limits: { pendingPerTps: 2 }, code: 'tps-busy', filler: () => witness() },
  { name: 'the hourly limit', limits: { perHour: 2 }, code: 'upload-limit', filler: async (held) => held },
];

for (const { name, limits, code, filler } of refusals) {
  test(
    `refused inside the transaction by ${name}: none of its own files stay, the identical photo of another submission does`,
    GUARD,
    async () => {
      const tps = code === 'tps-busy' ? TPS_A : TPS_B;
      const { uploads, holds } = uploadService(limits);
      const [first, held] = [await witness(), await witness()];
      const shared = await photo();
      const fresh = await photo();
      // The hourly limit counts the held witness's own uploads: the earlier one is theirs then.
      await uploads.upload(code === 'upload-limit' ? held : first, tps, [{ name: 'shared.jpg', bytes: shared }]);
      const sharedFiles = filesOf(uploadsDir, sha(shared));
      assert.equal(sharedFiles.length, 3, 'original, display and thumb of the earlier submission');

      const gate = checkpoint();
      holds.set('tahan.jpg', gate);
      const refused = uploads.upload(held, tps, [
        { name: 'shared-again.jpg', bytes: shared },
        { name: 'tahan.jpg', bytes: fresh },
      ]);
      refused.catch(() => undefined);
      await gate.reached; // past the first limit check, the new photo being decoded
      const other = await photo();
      await uploads.upload(await filler(held), tps, [{ name: 'other.jpg', bytes: other }]); // reaches the limit meanwhile
      gate.open();

      await assert.rejects(refused, (err) => codeOf(err) === code);
      assert.deepEqual(
        filesOf(uploadsDir, sha(fresh)),
        [],
        'the refused upload left no original (EXIF, GPS) and no copies',
      );
      assert.deepEqual(
        filesOf(uploadsDir, sha(shared)),
        sharedFiles,
        'the identical photo of the committed submission keeps its files',
      );
      assert.equal(filesOf(uploadsDir, sha(other)).length, 3, 'the upload that committed meanwhile keeps its files');
      assert.equal(
        (await db.get<{ n: number }>('SELECT count(*) AS n FROM photos WHERE sha256 = ?', [sha(fresh)]))!.n,
        0,
      );
      assert.equal(
        filesUnder(uploadsDir).filter((f) => path.basename(f).startsWith('.tmp-')).length,
        0,
        'no temporary files',
      );
      if (code === 'tps-busy') assert.equal(await submissionsOf(held), 0);
    },
  );
}

test(
  'a refused upload cleaning up while an upload of the same bytes commits: the committed row still has its files',
  GUARD,
  async () => {
    const { uploads, holds, watched } = uploadService({ pendingPerTps: 1 });
    const [refusedWitness, filler, racer] = [await witness(), await witness(), await witness()];
    const bytes = await photo();
    const x = sha(bytes);

    const decoding = checkpoint();
    holds.set('tahan.jpg', decoding);
    const refused = uploads.upload(refusedWitness, TPS_C, [{ name: 'tahan.jpg', bytes }]);
    refused.catch(() => undefined);
    await decoding.reached;
    await uploads.upload(filler, TPS_C, [{ name: 'isi.jpg', bytes: await photo() }]); // TPS_C is full now

    // The refused upload deletes while holding the writer; it is stopped at its first delete.
    const deleting = checkpoint();
    watched.hooks.beforeRemove = async (relPath) => {
      watched.hooks.beforeRemove = undefined;
      if (relPath.includes(x)) await deleting.pass();
    };
    // Meanwhile the racer finds all three files in place (writes none) and then waits for the writer.
    let racerPuts = 0;
    const racerFoundFiles = checkpoint();
    decoding.open();
    await deleting.reached;
    watched.hooks.afterPut = async (relPath, wrote) => {
      if (!relPath.includes(x) || wrote) return;
      if (++racerPuts === 3) racerFoundFiles.pass();
    };
    const racing = uploads.upload(racer, TPS_D, [{ name: 'salinan.jpg', bytes }]);
    await racerFoundFiles.reached;
    watched.hooks.afterPut = undefined;
    deleting.open();

    await assert.rejects(refused, (err) => codeOf(err) === 'tps-busy');
    const result = await racing;
    assert.equal(result.created, true);
    assert.ok(
      watched.removed.some((f) => f.includes(x)),
      'the refused upload did delete the files it wrote',
    );
    assert.equal((await db.get<{ n: number }>('SELECT count(*) AS n FROM photos WHERE sha256 = ?', [x]))!.n, 1);
    assert.deepEqual(
      filesOf(uploadsDir, x),
      [
        `derived/${x.slice(0, 2)}/${x}.display.jpg`,
        `derived/${x.slice(0, 2)}/${x}.thumb.jpg`,
        `originals/${x.slice(0, 2)}/${x}.jpg`,
      ],
      'the racer wrote them again under the writer before its row committed',
    );
  },
);
