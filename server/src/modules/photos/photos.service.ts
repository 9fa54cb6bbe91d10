import crypto from 'node:crypto';
import type { Database } from '../../db/database.ts';
import type { Clock } from '../../core/clock.ts';
import type { FileStore } from './file-store.ts';
import type { ImageProcessor, PreparedPhoto } from './image-processor.ts';
import { photoErrors } from './photos.errors.ts';
import {
  NEAR_DUPLICATE_MAX_DISTANCE,
  bandWithNeighbours,
  cutoutRect,
  derivedPath,
  dhashBands,
  hammingDistance,
  isSha256,
  originalPath,
  sniffImageType,
  type ImageType,
} from './photos.logic.ts';
import { createPhotosRepository, type PhotoRow } from './photos.repository.ts';

/**
 * An uploaded file, identified (type from its bytes, SHA-256, the stored row if these bytes are known)
 * and, once `prepare`d, decoded with its public copies. Known bytes are never decoded again.
 */
export type IncomingPhoto = { name: string; sha256: string; type: ImageType; bytes: Buffer; known: PhotoRow | null; prepared: PreparedPhoto | null };

export type PhotoCapture = { capturedAt: string | null; device: string | null; gps: { lat: number; lon: number } | null };

export function createPhotosService({ db, files, images, clock }: { db: Database; files: FileStore; images: ImageProcessor; clock: Clock }) {
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

    /** Writes the original and its copies durably; call before committing any row that points at them. */
    async storeFiles(photo: IncomingPhoto): Promise<{ originalWritten: boolean }> {
      const originalWritten = await files.put(originalPath(photo.sha256, photo.type), photo.bytes);
      const p = photo.prepared;
      if (p) {
        await files.put(derivedPath(photo.sha256, 'display'), p.display);
        await files.put(derivedPath(photo.sha256, 'thumb'), p.thumb);
        if (p.readable) await files.put(derivedPath(photo.sha256, 'readable'), p.readable);
      }
      return { originalWritten };
    },

    async insertRow(tx: Database, photo: IncomingPhoto): Promise<void> {
      const p = photo.prepared;
      if (!p) return;
      const row: PhotoRow = {
        sha256: photo.sha256, type: photo.type, size_bytes: photo.bytes.length, width: p.width, height: p.height, dhash: p.dhash,
        captured_at: p.exif.capturedAt, device_make: p.exif.make, device_model: p.exif.model, gps_lat: p.exif.lat, gps_lon: p.exif.lon,
        created_at: clock.now().toISOString(),
      };
      await repo.insertPhoto(tx, row, dhashBands(p.dhash));
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

    /** Absolute path of a public copy (display or thumb) of a stored photo. */
    async publicCopyPath(sha256: string, kind: 'display' | 'thumb'): Promise<string> {
      await getOrThrow(sha256);
      return files.absolute(derivedPath(sha256, kind));
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
  return { capturedAt: r.captured_at, device, gps: r.gps_lat !== null && r.gps_lon !== null ? { lat: r.gps_lat, lon: r.gps_lon } : null };
}

export type PhotosService = ReturnType<typeof createPhotosService>;
