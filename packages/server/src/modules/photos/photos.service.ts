import crypto from 'node:crypto';
import type { Database } from '../../db/database.ts';
import type { Clock } from '../../core/clock.ts';
import { noCachePurger, type CachePurger } from './cache-purger.ts';
import type { FileStore } from './file-store.ts';
import type { ImageProcessor, PreparedPhoto } from './image-processor.ts';
import { photoErrors } from './photos.errors.ts';
import {
  NEAR_DUPLICATE_MAX_DISTANCE,
  PUBLIC_KINDS,
  bandWithNeighbours,
  cutoutRect,
  derivedPath,
  dhashBands,
  hammingDistance,
  isSha256,
  originalPath,
  photoAccess,
  publicCopyUrl,
  sniffImageType,
  type ImageType,
  type PhotoViewer,
  type PublicKind,
} from './photos.logic.ts';
import { createPhotosRepository, type PhotoRow } from './photos.repository.ts';

/**
 * An uploaded file, identified (type from its bytes, SHA-256, the stored row if these bytes are known)
 * and, once `prepare`d, decoded with its public copies. Known bytes are never decoded again.
 */
export type IncomingPhoto = {
  name: string;
  sha256: string;
  type: ImageType;
  bytes: Buffer;
  known: PhotoRow | null;
  prepared: PreparedPhoto | null;
};

export type PhotoCapture = {
  capturedAt: string | null;
  device: string | null;
  gps: { lat: number; lon: number } | null;
};

/** The files one upload wrote (not those it found in place), so a refused upload can take them back. */
export type WrittenFiles = { sha256: string; relPath: string }[];

/** What a photo's file paths are: the original, then the copies made from it. */
function pathsOf(photo: IncomingPhoto): [string, Buffer][] {
  const p = photo.prepared;
  const out: [string, Buffer][] = [[originalPath(photo.sha256, photo.type), photo.bytes]];
  if (p) {
    out.push([derivedPath(photo.sha256, 'display'), p.display], [derivedPath(photo.sha256, 'thumb'), p.thumb]);
    if (p.readable) out.push([derivedPath(photo.sha256, 'readable'), p.readable]);
  }
  return out;
}

export function createPhotosService(deps: {
  db: Database;
  files: FileStore;
  images: ImageProcessor;
  clock: Clock;
  purger?: CachePurger;
}) {
  const { db, files, images, clock, purger = noCachePurger } = deps;
  const repo = createPhotosRepository(db);

  async function getOrThrow(sha256: string): Promise<PhotoRow> {
    const row = isSha256(sha256) ? await repo.getPhoto(sha256) : undefined;
    if (!row) throw photoErrors.notFound(sha256);
    return row;
  }

  /** The bytes the reader gets: the original, or for HEIC its decoded JPEG. */
  async function readableBytes(sha256: string): Promise<Buffer> {
    const row = await getOrThrow(sha256);
    return files.read(row.type === 'heic' ? derivedPath(sha256, 'readable') : originalPath(sha256, row.type));
  }

  /**
   * Writes the original and its copies durably; call before committing any row that points at them.
   * Every file it wrote is added to `written`, also when a later one fails.
   */
  async function storeFiles(photo: IncomingPhoto, written: WrittenFiles): Promise<{ originalWritten: boolean }> {
    let originalWritten = false;
    for (const [i, [relPath, bytes]] of pathsOf(photo).entries()) {
      if (!(await files.put(relPath, bytes))) continue;
      written.push({ sha256: photo.sha256, relPath });
      if (i === 0) originalWritten = true;
    }
    return { originalWritten };
  }

  return {
    getOrThrow,

    /** Cheap: sniffs the type from the bytes (415 naming the file otherwise), hashes, looks the bytes up. */
    async identify(name: string, bytes: Buffer): Promise<IncomingPhoto> {
      const type = sniffImageType(bytes);
      if (!type) throw photoErrors.unsupportedType(name);
      const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
      const known = (await repo.getPhoto(sha256)) ?? null;
      return { name, sha256, type, bytes, known, prepared: null };
    },

    /** Expensive: decodes bytes not stored yet and derives their public copies (422 naming the file if it cannot). */
    async prepare(photo: IncomingPhoto): Promise<IncomingPhoto> {
      if (photo.known || photo.prepared) return photo;
      return { ...photo, prepared: await images.prepare(photo.bytes, photo.type, photo.name) };
    },

    storeFiles,

    /**
     * Inserts the photo row inside the upload's transaction, first making sure its files are there. They
     * were written before the transaction, but an upload that found them in place did not write them: another
     * upload's refusal, or the sweeper, may have deleted them since (both delete while holding the writer,
     * and only files no row points at). Checking here, under the writer, closes that gap: a row never
     * commits without its files.
     */
    async insertRow(tx: Database, photo: IncomingPhoto, written: WrittenFiles): Promise<void> {
      const p = photo.prepared;
      if (!p) return;
      if ((await repo.listExisting(tx, [photo.sha256])).size > 0) return; // the same bytes committed meanwhile: INSERT OR IGNORE would keep that row
      await storeFiles(photo, written);
      const row: PhotoRow = {
        sha256: photo.sha256,
        type: photo.type,
        size_bytes: photo.bytes.length,
        width: p.width,
        height: p.height,
        dhash: p.dhash,
        captured_at: p.exif.capturedAt,
        device_make: p.exif.make,
        device_model: p.exif.model,
        gps_lat: p.exif.lat,
        gps_lon: p.exif.lon,
        created_at: clock.now().toISOString(),
      };
      await repo.insertPhoto(tx, row, dhashBands(p.dhash));
    },

    /**
     * After a refused upload: deletes the files it wrote that no committed photo row points at (identical
     * bytes of another submission stay). The check and the deletes run while holding the writer, so no
     * upload commits a row for these bytes in between; one that committed after sees the files missing in
     * insertRow and writes them again. Answers the paths deleted.
     */
    async discardUnreferenced(written: WrittenFiles): Promise<string[]> {
      if (written.length === 0) return [];
      return db.transaction(async (tx) => {
        const kept = await repo.listExisting(tx, [...new Set(written.map((w) => w.sha256))]);
        const removed: string[] = [];
        for (const w of written) if (!kept.has(w.sha256) && (await files.remove(w.relPath))) removed.push(w.relPath);
        return removed;
      });
    },

    /** Stored photos identical or near-identical to this hash (distance <= 6), nearest first. */
    async similar(dhash: string): Promise<{ sha256: string; distance: number }[]> {
      const candidates = await repo.findByBands(dhashBands(dhash).map(bandWithNeighbours));
      return candidates
        .map((c) => ({ sha256: c.sha256, distance: hammingDistance(dhash, c.dhash) }))
        .filter((c) => c.distance <= NEAR_DUPLICATE_MAX_DISTANCE)
        .sort((a, b) => a.distance - b.distance);
    },

    dhashOf(photo: IncomingPhoto): string {
      return photo.prepared?.dhash ?? photo.known!.dhash;
    },

    readableBytes,

    /**
     * A public copy (display or thumb) as `viewer` may get it: the file and its Cache-Control (photoAccess
     * decides), or 404 (unknown, or not shown to this viewer: the same answer) / 410 (taken down).
     */
    async publicCopy(
      sha256: string,
      kind: PublicKind,
      viewer: PhotoViewer,
    ): Promise<{ file: string; cacheControl: string }> {
      await getOrThrow(sha256);
      const [takenDown, refs] = await Promise.all([repo.listTakenDown(db, [sha256]), repo.listReferences(db, sha256)]);
      const access = photoAccess(
        takenDown.has(sha256),
        refs.map((r) => ({
          status: r.status,
          ownerId: r.user_id,
          ownerBanned: r.owner_banned === 1,
          verified: r.verified === 1,
        })),
        viewer,
      );
      if (!access.serve) throw access.status === 410 ? photoErrors.takenDown(sha256) : photoErrors.notFound(sha256);
      const relPath = derivedPath(sha256, kind);
      if (!(await files.exists(relPath))) throw photoErrors.notFound(sha256);
      return { file: files.absolute(relPath), cacheControl: access.cacheControl };
    },

    /** The submissions holding a photo (oldest first) with their TPS, read on `tx`. */
    async referencesOf(tx: Database, sha256: string): Promise<{ submissionId: number; tps: string }[]> {
      return (await repo.listReferences(tx, sha256)).map((r) => ({ submissionId: r.submission_id, tps: r.tps_code }));
    },
    isTakenDown: async (tx: Database, sha256: string) => (await repo.listTakenDown(tx, [sha256])).has(sha256),
    /** Records a takedown inside the decision's transaction; removePublicCopies follows after the commit. */
    recordTakedown: (tx: Database, sha256: string, decisionId: number, nowIso: string) =>
      repo.insertTakedown(tx, sha256, decisionId, nowIso),

    /**
     * Deletes the display and thumb files of a taken-down photo and tells the caches (CachePurger). Run after
     * the takedown committed: a rolled-back takedown must leave the copies, and a crash in between leaves
     * them unreachable (the route answers 410) until the sweeper deletes them. Answers the kinds deleted.
     */
    async removePublicCopies(sha256: string): Promise<PublicKind[]> {
      const removed: PublicKind[] = [];
      for (const kind of PUBLIC_KINDS) if (await files.remove(derivedPath(sha256, kind))) removed.push(kind);
      await purger.purge(PUBLIC_KINDS.map((kind) => publicCopyUrl(sha256, kind)));
      return removed;
    },

    /** A field's box cut out of the upright photo with a margin; null when the box lies outside it. */
    async cutout(sha256: string, polygon: readonly [number, number][]): Promise<Buffer | null> {
      const row = await getOrThrow(sha256);
      const rect = cutoutRect(polygon, row);
      return rect ? images.cutout(await readableBytes(sha256), rect) : null;
    },

    /** EXIF facts for moderators. */
    async captures(shas: readonly string[]): Promise<Map<string, PhotoCapture>> {
      const rows = await repo.listPhotos([...new Set(shas)]);
      return new Map(rows.map((r) => [r.sha256, toCapture(r)]));
    },
  };
}

function toCapture(r: PhotoRow): PhotoCapture {
  const device = [r.device_make, r.device_model].filter(Boolean).join(' ') || null;
  return {
    capturedAt: r.captured_at,
    device,
    gps: r.gps_lat !== null && r.gps_lon !== null ? { lat: r.gps_lat, lon: r.gps_lon } : null,
  };
}

export type PhotosService = ReturnType<typeof createPhotosService>;
