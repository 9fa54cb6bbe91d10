/**
 * Pure rules about photos: what a file is (from its bytes, never its name), where it lives on disk,
 * perceptual hashes and their distances, EXIF capture times, and the rectangle of a field cut-out.
 */
export type ImageType = 'jpeg' | 'png' | 'webp' | 'heic';
export const EXTENSION: Record<ImageType, string> = { jpeg: 'jpg', png: 'png', webp: 'webp', heic: 'heic' };

// HEVC brands of HEIF files phones write (Apple: heic under mif1; Samsung: heic/heix). AVIF is not accepted.
const HEVC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs']);

/** The major and compatible brands of an ISO-BMFF `ftyp` box, or [] when the bytes do not start with one. */
function ftypBrands(bytes: Uint8Array): string[] {
  if (bytes.length < 12 || String.fromCharCode(...bytes.subarray(4, 8)) !== 'ftyp') return [];
  const boxSize = Math.min(bytes.length, ((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) >>> 0, 256);
  const brands = [String.fromCharCode(...bytes.subarray(8, 12))];
  for (let at = 16; at + 4 <= boxSize; at += 4) brands.push(String.fromCharCode(...bytes.subarray(at, at + 4)));
  return brands;
}

/** The image type from magic numbers, or null when the bytes are none of JPEG, PNG, WebP, HEIC. */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 8 && ascii(0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  const brands = ftypBrands(bytes);
  if (brands.some((b) => HEVC_BRANDS.has(b))) return 'heic';
  if (brands[0] === 'mif1' && !brands.includes('avif')) return 'heic';
  return null;
}

export function isSha256(text: string): boolean {
  return /^[0-9a-f]{64}$/.test(text);
}

/** Originals are content-addressed and fanned out by the first two hex digits: originals/ab/abcdef....jpg */
export function originalPath(sha256: string, type: ImageType): string {
  return `originals/${sha256.slice(0, 2)}/${sha256}.${EXTENSION[type]}`;
}

export type DerivedKind = 'display' | 'thumb' | 'readable';
/** Copies made from an original: display/thumb (public, metadata-free), readable (HEIC decoded for the reader). */
export function derivedPath(sha256: string, kind: DerivedKind): string {
  return `derived/${sha256.slice(0, 2)}/${sha256}.${kind}.jpg`;
}

/**
 * dHash: each bit says whether a pixel is darker than its right neighbour, over a 9x8 grayscale
 * thumbnail. Re-encoding, resizing or recompressing a photo (WhatsApp) barely changes it.
 */
export function dhashFromPixels(gray: Uint8Array, width = 9, height = 8): string {
  let bits = 0n;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width - 1; x++) bits = (bits << 1n) | (gray[y * width + x] < gray[y * width + x + 1] ? 1n : 0n);
  }
  return bits.toString(16).padStart(16, '0');
}

export function hammingDistance(a: string, b: string): number {
  let x = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let n = 0;
  for (; x > 0n; x >>= 1n) n += Number(x & 1n);
  return n;
}

/** Photos at most this far apart (of 64 bits) count as near-identical. */
export const NEAR_DUPLICATE_MAX_DISTANCE = 6;

/** The hash as four 16-bit bands, indexed in the database. */
export function dhashBands(hex: string): [number, number, number, number] {
  return [0, 1, 2, 3].map((i) => parseInt(hex.slice(i * 4, i * 4 + 4), 16)) as [number, number, number, number];
}

/**
 * A band and its 16 one-bit variants. Two hashes within distance 6 differ in at most one bit on at
 * least one of the four bands (pigeonhole: 4 bands x 2 bits > 6), so looking these up per band finds
 * every candidate; candidates are then checked with the full distance.
 */
export function bandWithNeighbours(band: number): number[] {
  return [band, ...Array.from({ length: 16 }, (_, bit) => band ^ (1 << bit))];
}

export type Rect = { left: number; top: number; width: number; height: number };

/**
 * The bounding box of a field's polygon, grown by `margin` of its size on every side (at least 8 px)
 * and clipped to the image. Null when nothing of it lies inside the image.
 */
export function cutoutRect(polygon: readonly [number, number][], image: { width: number; height: number }, margin = 0.15): Rect | null {
  if (polygon.length === 0) return null;
  const xs = polygon.map((p) => p[0]);
  const ys = polygon.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const mx = Math.max(8, (x1 - x0) * margin);
  const my = Math.max(8, (y1 - y0) * margin);
  const left = Math.max(0, Math.floor(x0 - mx));
  const top = Math.max(0, Math.floor(y0 - my));
  const right = Math.min(image.width, Math.ceil(x1 + mx));
  const bottom = Math.min(image.height, Math.ceil(y1 + my));
  if (right - left < 1 || bottom - top < 1) return null;
  return { left, top, width: right - left, height: bottom - top };
}

/**
 * EXIF "2024:02:14 13:05:09" (+ optional "+07:00") as ISO text. Without an offset the time is kept as
 * the phone's local time (no zone), because guessing the zone would invent precision.
 */
export function exifTimeToIso(raw: unknown, offset?: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const m = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(raw.trim());
  if (!m || m[1] === '0000') return null;
  const zone = typeof offset === 'string' && /^[+-]\d{2}:\d{2}$/.test(offset) ? offset : '';
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`;
}
