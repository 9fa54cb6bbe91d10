// A reference, not an include: packages that import the reader by name must see this declaration too.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./types/heic-convert.d.ts" />
import heicConvert from 'heic-convert';
import sharp from 'sharp';

/**
 * iPhone HEIC (HEVC-coded HEIF) to an upright JPEG, or null when the file cannot be decoded. The one
 * HEIC path of the server: the photos module (public copies) and the reader (digits) both use it.
 * Prebuilt sharp reads HEIF containers but its libheif usually lacks the HEVC decoder (AVIF only), so
 * sharp is tried first and heic-convert (libheif in WebAssembly: slower, but complete) is the fallback.
 * libheif applies the file's rotation and mirroring itself, so the JPEG is upright.
 */
export async function heicToJpeg(bytes: Buffer, opts: { maxPixels: number; quality?: number }): Promise<Buffer | null> {
  const quality = opts.quality ?? 92;
  if (sharp.format.heif.input.buffer) {
    const viaSharp = await sharp(bytes, { limitInputPixels: opts.maxPixels, failOn: 'truncated' })
      .rotate()
      .jpeg({ quality })
      .toBuffer()
      .catch(() => null);
    if (viaSharp) return viaSharp;
  }
  try {
    return Buffer.from(await heicConvert({ buffer: bytes, format: 'JPEG', quality: quality / 100 }));
  } catch {
    return null;
  }
}
