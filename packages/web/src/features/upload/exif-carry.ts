/**
 * Carries a phone photo's EXIF over to the shrunk JPEG the browser made of it. A canvas writes no
 * metadata, and the capture time, device and GPS position are what lets a moderator tell a photo taken
 * at the TPS from one copied off social media. Only one tag changes: Orientation becomes 1, because the
 * canvas already drew the pixels upright and the server must not turn them again.
 */

const SOI = 0xd8;
const APP0 = 0xe0;
const APP1 = 0xe1;
const SOS = 0xda;
const EXIF_HEADER = [0x45, 0x78, 0x69, 0x66, 0, 0]; // "Exif\0\0"
const ORIENTATION_TAG = 0x0112;
const SHORT = 3;

type Segment = { marker: number; start: number; end: number };

/** The marker segments before the image data, each from its 0xFF byte to the end of its payload. */
function segments(jpeg: Uint8Array): Segment[] {
  if (jpeg.length < 4 || jpeg[0] !== 0xff || jpeg[1] !== SOI) return [];
  const out: Segment[] = [];
  let at = 2;
  while (at + 4 <= jpeg.length && jpeg[at] === 0xff) {
    const marker = jpeg[at + 1];
    if (marker === SOS) break;
    const length = (jpeg[at + 2] << 8) | jpeg[at + 3];
    if (length < 2 || at + 2 + length > jpeg.length) break;
    out.push({ marker, start: at, end: at + 2 + length });
    at += 2 + length;
  }
  return out;
}

function isExif(jpeg: Uint8Array, s: Segment): boolean {
  return s.marker === APP1 && EXIF_HEADER.every((b, i) => jpeg[s.start + 4 + i] === b);
}

/** The whole APP1 Exif segment of a JPEG (marker and length included), or null when it has none. */
export function findExifSegment(jpeg: Uint8Array): Uint8Array | null {
  const s = segments(jpeg).find((seg) => isExif(jpeg, seg));
  return s ? jpeg.slice(s.start, s.end) : null;
}

/** A copy of an APP1 Exif segment whose IFD0 Orientation (if present) says "upright" (1). */
export function withUprightOrientation(segment: Uint8Array): Uint8Array {
  const out = segment.slice();
  const tiff = 4 + EXIF_HEADER.length;
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  if (tiff + 8 > out.length) return out;
  const little = out[tiff] === 0x49; // "II" Intel order, else "MM" Motorola
  const ifd0 = tiff + view.getUint32(tiff + 4, little);
  if (ifd0 + 2 > out.length) return out;
  const count = view.getUint16(ifd0, little);
  for (let i = 0; i < count; i++) {
    const entry = ifd0 + 2 + i * 12;
    if (entry + 12 > out.length) break;
    if (view.getUint16(entry, little) === ORIENTATION_TAG && view.getUint16(entry + 2, little) === SHORT) {
      view.setUint16(entry + 8, 1, little);
    }
  }
  return out;
}

/**
 * The JPEG with `exif` in place of its own Exif segment (if any), placed after the JFIF APP0 when
 * there is one (JFIF wants APP0 first) and right after SOI otherwise.
 */
export function insertExifSegment(jpeg: Uint8Array, exif: Uint8Array): Uint8Array {
  const segs = segments(jpeg);
  if (segs.length === 0 && !(jpeg[0] === 0xff && jpeg[1] === SOI)) return jpeg;
  const keep = segs.filter((s) => !isExif(jpeg, s));
  const afterApp0 = keep[0]?.marker === APP0 ? 1 : 0;
  const bodyStart = segs.length > 0 ? segs[segs.length - 1].end : 2;
  const parts: Uint8Array[] = [jpeg.subarray(0, 2)];
  keep.slice(0, afterApp0).forEach((s) => parts.push(jpeg.subarray(s.start, s.end)));
  parts.push(exif);
  keep.slice(afterApp0).forEach((s) => parts.push(jpeg.subarray(s.start, s.end)));
  parts.push(jpeg.subarray(bodyStart));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The shrunk JPEG carrying the original's EXIF (Orientation reset), or the shrunk JPEG unchanged. */
export function carryExif(original: Uint8Array, shrunk: Uint8Array): Uint8Array {
  const exif = findExifSegment(original);
  return exif ? insertExifSegment(shrunk, withUprightOrientation(exif)) : shrunk;
}
