import sharp from 'sharp';
import exifr from 'exifr';
import { heicToJpeg } from '@cocok/reader';
import { photoErrors } from './photos.errors.ts';
import { dhashFromPixels, exifTimeToIso, type ImageType, type Rect } from './photos.logic.ts';

/** Where and when a photo was taken, per its EXIF: kept for moderators, never shown to the public. */
export type PhotoExif = {
  capturedAt: string | null;
  make: string | null;
  model: string | null;
  lat: number | null;
  lon: number | null;
};

export type PreparedPhoto = {
  /** Upright size (EXIF orientation applied). */
  width: number;
  height: number;
  /** Public copies: JPEG, upright, no metadata. */
  display: Buffer;
  thumb: Buffer;
  /** For HEIC only: the photo decoded to a full-size upright JPEG, what the reader and cut-outs use. */
  readable: Buffer | null;
  dhash: string;
  exif: PhotoExif;
};

/** The image work behind an adapter: services stay testable and the library can change. */
export type ImageProcessor = {
  /** Decodes and derives; throws a 422 AppError naming `name` when the image cannot be decoded or is too large. */
  prepare(bytes: Buffer, type: ImageType, name: string): Promise<PreparedPhoto>;
  /** A JPEG of `rect` (upright pixel coordinates) cut from the photo. */
  cutout(bytes: Buffer, rect: Rect): Promise<Buffer>;
};

export const DISPLAY_MAX_SIDE = 1600;
export const THUMB_MAX_SIDE = 320;

export function createSharpImageProcessor({ maxPixels }: { maxPixels: number }): ImageProcessor {
  // 'truncated' refuses cut-off uploads but tolerates the harmless warnings some phone JPEGs raise.
  const open = (bytes: Buffer) => sharp(bytes, { limitInputPixels: maxPixels, failOn: 'truncated' });

  async function checkSize(bytes: Buffer, name: string): Promise<void> {
    const meta = await sharp(bytes)
      .metadata()
      .catch(() => {
        throw photoErrors.undecodable(name);
      });
    if (!meta.width || !meta.height) throw photoErrors.undecodable(name);
    if (meta.width * meta.height > maxPixels) {
      throw photoErrors.tooManyPixels(name, Math.round((meta.width * meta.height) / 1e5) / 10, maxPixels / 1e6);
    }
  }

  async function decodeHeic(bytes: Buffer, name: string): Promise<Buffer> {
    const jpeg = await heicToJpeg(bytes, { maxPixels });
    if (!jpeg) throw photoErrors.undecodable(name);
    return jpeg;
  }

  return {
    async prepare(bytes, type, name) {
      // The header check comes first: it costs nothing and stops a decompression bomb before any decoding.
      await checkSize(bytes, name);
      const source = type === 'heic' ? await decodeHeic(bytes, name) : bytes;
      const display = await open(source)
        .rotate()
        .flatten({ background: '#ffffff' }) // a transparent screenshot would otherwise turn black in JPEG
        .resize(DISPLAY_MAX_SIDE, DISPLAY_MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
        .jpeg({ quality: 82 })
        .toBuffer()
        .catch(() => {
          throw photoErrors.undecodable(name);
        });
      const thumb = await sharp(display)
        .resize(THUMB_MAX_SIDE, THUMB_MAX_SIDE, { fit: 'inside' })
        .jpeg({ quality: 75 })
        .toBuffer();
      const meta = await sharp(source).metadata();
      const { width, height } = meta.autoOrient ?? { width: meta.width, height: meta.height };
      return {
        width,
        height,
        display,
        thumb,
        readable: type === 'heic' ? source : null,
        dhash: await dhashOf(display),
        exif: await readExif(bytes),
      };
    },
    cutout: (bytes, rect) =>
      open(bytes).rotate().extract(rect).flatten({ background: '#ffffff' }).jpeg({ quality: 90 }).toBuffer(),
  };
}

async function dhashOf(image: Buffer): Promise<string> {
  const { data, info } = await sharp(image)
    .grayscale()
    .resize(9, 8, { fit: 'fill' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const gray = info.channels === 1 ? data : Uint8Array.from({ length: 72 }, (_, i) => data[i * info.channels]);
  return dhashFromPixels(gray);
}

const NO_EXIF: PhotoExif = { capturedAt: null, make: null, model: null, lat: null, lon: null };

async function readExif(bytes: Buffer): Promise<PhotoExif> {
  const tags = await exifr
    .parse(bytes, { tiff: true, exif: true, gps: true, ifd1: false, reviveValues: false, translateValues: false })
    .catch(() => undefined);
  if (!tags) return NO_EXIF;
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, 100) : null);
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  return {
    capturedAt: exifTimeToIso(
      tags.DateTimeOriginal ?? tags.CreateDate ?? tags.DateTime,
      tags.OffsetTimeOriginal ?? tags.OffsetTime,
    ),
    make: text(tags.Make),
    model: text(tags.Model),
    lat: num(tags.latitude),
    lon: num(tags.longitude),
  };
}
