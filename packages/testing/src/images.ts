import sharp from 'sharp';

/** A small deterministic pseudo-random generator, so test images are the same on every run. */
function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * A textured test photo: random blocks drawn from `seed`. Distinct seeds give distinct perceptual
 * hashes (flat images would all hash alike). Optional EXIF and orientation like a phone writes them.
 */
export async function patternJpeg(
  seed: number,
  opts: {
    width?: number;
    height?: number;
    exif?: Record<string, Record<string, string>>;
    orientation?: number;
    quality?: number;
  } = {},
): Promise<Buffer> {
  const { width = 640, height = 480 } = opts;
  const rand = prng(seed);
  const rects = Array.from({ length: 24 }, () => {
    const [x, y, w, h] = [rand() * width, rand() * height, 40 + rand() * width * 0.4, 40 + rand() * height * 0.4];
    const shade = Math.floor(rand() * 255);
    return `<rect x="${x.toFixed(0)}" y="${y.toFixed(0)}" width="${w.toFixed(0)}" height="${h.toFixed(0)}" fill="rgb(${shade},${255 - shade},${(shade * 7) % 255})"/>`;
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#f4f1ea"/>${rects.join('')}</svg>`;
  let image = sharp(Buffer.from(svg)).jpeg({ quality: opts.quality ?? 90 });
  if (opts.exif) image = image.withExif(opts.exif);
  if (opts.orientation) image = image.withMetadata({ orientation: opts.orientation });
  return image.toBuffer();
}

/** The same picture re-encoded smaller and at lower quality: what a messenger app makes of a photo. */
export async function recompressed(jpeg: Buffer, scale = 0.8, quality = 55): Promise<Buffer> {
  const meta = await sharp(jpeg).metadata();
  return sharp(jpeg)
    .resize(Math.round(meta.width! * scale))
    .jpeg({ quality })
    .toBuffer();
}

export const PHONE_EXIF = {
  IFD0: { Make: 'samsung', Model: 'SM-A155F' },
  IFD2: { DateTimeOriginal: '2024:02:14 13:05:09', OffsetTimeOriginal: '+07:00' },
  IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '6/1 12/1 3456/100', GPSLongitudeRef: 'E', GPSLongitude: '106/1 49/1 0/1' },
};
