import { fitWithin } from './photo-size.ts';

export type PreparedPhoto = { blob: Blob; shrunk: boolean; width: number | null; height: number | null };

const JPEG_QUALITY = 0.9;

/**
 * Shrinks a photo to at most 2048 px on the long side as an upright JPEG. `imageOrientation:
 * 'from-image'` applies the EXIF rotation while decoding, so the pixels drawn are already the right
 * way up. What the browser cannot decode (HEIC in most browsers, a damaged file) is sent as it is: the
 * server decodes HEIC itself and names a damaged file in its refusal. A JPEG already small enough is
 * sent untouched, which keeps its EXIF (capture time, device, place) for the moderators.
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
    if (!size.scaled && file.type === 'image/jpeg') return { blob: file, shrunk: false, width: size.width, height: size.height };
    const blob = await drawJpeg(bitmap, size.width, size.height);
    return blob ? { blob, shrunk: true, width: size.width, height: size.height } : { blob: file, shrunk: false, width: null, height: null };
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
