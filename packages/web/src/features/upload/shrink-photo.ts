import { fitWithin } from './photo-size.ts';
import { carryExif } from './exif-carry.ts';

export type PreparedPhoto = { blob: Blob; shrunk: boolean; width: number | null; height: number | null };

const JPEG_QUALITY = 0.9;

/**
 * Shrinks a photo to at most 2048 px on the long side as an upright JPEG. `imageOrientation:
 * 'from-image'` applies the EXIF rotation while decoding, so the pixels drawn are already the right
 * way up. What the browser cannot decode (HEIC in most browsers, a damaged file) is sent as it is: the
 * server decodes HEIC itself and names a damaged file in its refusal. A JPEG already small enough is
 * sent untouched; a shrunk one gets the original's EXIF back (capture time, device, place, for the
 * moderators), with Orientation reset since its pixels are upright already.
 */
export async function shrinkPhoto(file: File): Promise<PreparedPhoto> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return { blob: file, shrunk: false, width: null, height: null };
  }
  try {
    const size = fitWithin(bitmap.width, bitmap.height);
    if (!size.scaled && file.type === 'image/jpeg')
      return { blob: file, shrunk: false, width: size.width, height: size.height };
    const drawn = await drawJpeg(bitmap, size.width, size.height);
    if (!drawn) return { blob: file, shrunk: false, width: null, height: null };
    return { blob: await withOriginalExif(file, drawn), shrunk: true, width: size.width, height: size.height };
  } finally {
    bitmap.close();
  }
}

async function drawJpeg(bitmap: ImageBitmap, width: number, height: number): Promise<Blob | null> {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    ctx.drawImage(bitmap, 0, 0, width, height);
    return canvas.convertToBlob({ type: 'image/jpeg', quality: JPEG_QUALITY }).catch(() => null);
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.drawImage(bitmap, 0, 0, width, height);
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY));
}

/** The Exif segment sits in the first 64 KB after the start markers; no need to read a 10 MB file whole. */
const EXIF_SEARCH_BYTES = 256 * 1024;

async function withOriginalExif(original: File, shrunk: Blob): Promise<Blob> {
  if (original.type !== 'image/jpeg') return shrunk;
  try {
    const head = new Uint8Array(await original.slice(0, EXIF_SEARCH_BYTES).arrayBuffer());
    const bytes = carryExif(head, new Uint8Array(await shrunk.arrayBuffer()));
    return new Blob([bytes as BlobPart], { type: 'image/jpeg' });
  } catch {
    return shrunk; // metadata is a help for moderators, never a reason to fail an upload
  }
}
