import sharp from 'sharp';
import type { GrayImage } from './gray-image.ts';
import { heicToJpeg } from './heic-decode.ts';
import {
  checkDimensions,
  MAX_INPUT_PIXELS,
  reasonForError,
  rejection,
  sniffFormat,
  WORKING_LONG_SIDE,
  type Rejection,
  type SniffedFormat,
} from './image-decode.logic.ts';

export type DecodedPhoto = {
  ok: true;
  /** Upright (EXIF orientation applied), grayscale, long side at most WORKING_LONG_SIDE. */
  image: GrayImage;
  format: SniffedFormat;
  /** Upright size of the file as uploaded. */
  original: { width: number; height: number };
  /** Working pixels per original pixel (1 when not downscaled). */
  scale: number;
};

export type { Rejection } from './image-decode.logic.ts';

/**
 * Turn uploaded bytes into a grayscale working image, or say plainly why not. The header is read
 * first, so a decompression bomb or a thumbnail is refused without decoding its pixels.
 */
export async function decodePhoto(bytes: Buffer, maxLongSide = WORKING_LONG_SIDE): Promise<DecodedPhoto | Rejection> {
  if (bytes.length === 0) return rejection('empty');
  const format = sniffFormat(bytes);
  if (format === 'unknown') return rejection('not-an-image');
  // sharp's default failOn ('warning') refuses a JPEG that ends early instead of padding it with gray.
  const options = { limitInputPixels: MAX_INPUT_PIXELS };
  let width: number;
  let height: number;
  try {
    const meta = await sharp(bytes, options).metadata();
    width = meta.autoOrient?.width ?? meta.width ?? 0;
    height = meta.autoOrient?.height ?? meta.height ?? 0;
  } catch (err) {
    return rejection(reasonForError(errorMessage(err), format));
  }
  const bad = checkDimensions(width, height);
  if (bad) return rejection(bad);
  const pixels = format === 'heic' ? await heicToJpeg(bytes, { maxPixels: MAX_INPUT_PIXELS }) : bytes;
  if (!pixels) return rejection('unreadable');
  try {
    const { data, info } = await sharp(pixels, options)
      .rotate()
      .flatten({ background: '#ffffff' })
      .resize({ width: maxLongSide, height: maxLongSide, fit: 'inside', withoutEnlargement: true })
      .grayscale()
      .toColourspace('b-w')
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    const image = {
      data: new Uint8Array(data.buffer, data.byteOffset, info.width * info.height),
      width: info.width,
      height: info.height,
    };
    return { ok: true, image, format, original: { width, height }, scale: info.width / width };
  } catch (err) {
    return rejection(reasonForError(errorMessage(err), format));
  }
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
