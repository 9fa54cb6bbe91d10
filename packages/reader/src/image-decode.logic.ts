/**
 * What an uploaded file may be refused for, and how to tell, without decoding anything. The sharp
 * adapter (image-decode.ts) asks these questions and maps libvips' errors through them.
 */
export type DecodeReason =
  'empty' | 'not-an-image' | 'truncated' | 'too-small' | 'too-large' | 'unsupported-heic' | 'unreadable';

export type Rejection = { ok: false; reason: DecodeReason; message: string; messageEn: string };

/**
 * Refuse before decoding: 100 MP is 8x a 12 MP phone photo; a decompression bomb is far beyond. The one
 * pixel limit: config's UPLOAD_MAX_MEGAPIXELS defaults to it and may not exceed it, so no upload is
 * stored and queued that the reader then refuses.
 */
export const MAX_INPUT_PIXELS = 100_000_000;
/** Below this short side a form's digit boxes are a few pixels wide: nothing could be read. */
export const MIN_SHORT_SIDE = 600;
/** Photos are decoded to at most this long side: a box is still ~60 px wide on a page filling the frame. */
export const WORKING_LONG_SIDE = 3000;

export type SniffedFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'tiff' | 'heic' | 'avif' | 'unknown';

// HEVC-coded HEIF brands phones write (Apple: heic under mif1; Samsung: heic/heix; sequences: hevc/hevx).
const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs']);
const AVIF_BRANDS = new Set(['avif', 'avis']);
// Structural HEIF brands (image, sequence) with no codec brand: HEIF, decoded as HEIC or refused by libheif.
const HEIF_BRANDS = new Set(['mif1', 'msf1']);

/**
 * The container a file claims to be, from its first bytes (the name and MIME type are not evidence).
 * The one sniffer: the upload (photos.logic sniffImageType) accepts what this names jpeg/png/webp/heic.
 */
export function sniffFormat(bytes: Uint8Array): SniffedFormat {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 8 && ascii(0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  if (bytes.length >= 6 && ascii(0, 4) === 'GIF8') return 'gif';
  if (bytes.length >= 4 && (ascii(0, 4) === 'II*\0' || ascii(0, 4) === 'MM\0*')) return 'tiff';
  const brands = ftypBrands(bytes);
  if (brands.some((b) => HEIC_BRANDS.has(b))) return 'heic';
  if (brands.some((b) => AVIF_BRANDS.has(b))) return 'avif';
  return brands.some((b) => HEIF_BRANDS.has(b)) ? 'heic' : 'unknown';
}

/** The major and compatible brands of an ISO-BMFF `ftyp` box, or [] when the bytes do not start with one. */
function ftypBrands(bytes: Uint8Array): string[] {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length < 12 || ascii(4, 8) !== 'ftyp') return [];
  const boxSize = Math.min(bytes.length, ((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) >>> 0, 256);
  const brands = [ascii(8, 12)];
  for (let at = 16; at + 4 <= boxSize; at += 4) brands.push(ascii(at, at + 4));
  return brands;
}

/** A refusal based on the header's dimensions, or null when the size is fine. */
export function checkDimensions(width: number, height: number): DecodeReason | null {
  if (width * height > MAX_INPUT_PIXELS) return 'too-large';
  if (Math.min(width, height) < MIN_SHORT_SIDE) return 'too-small';
  return null;
}

/**
 * Map a libvips/sharp error to a reason. Messages seen: "Input buffer contains unsupported image
 * format", "Input image exceeds pixel limit", "VipsJpeg: premature end of JPEG image", libpng's
 * "Read Error"/"IDAT stream error", libheif's "has not been built in: HEVC".
 */
export function reasonForError(message: string, format: SniffedFormat): DecodeReason {
  const m = message.toLowerCase();
  if (m.includes('exceeds pixel limit')) return 'too-large';
  if (format === 'heic' && (m.includes('hevc') || m.includes('heif') || m.includes('compression format')))
    return 'unsupported-heic';
  if (m.includes('unsupported image format')) return format === 'unknown' ? 'not-an-image' : 'unreadable';
  if (/premature end|truncat|end of (file|stream|data)|read error|idat|unexpected end|incomplete/.test(m))
    return 'truncated';
  return format === 'unknown' ? 'not-an-image' : 'unreadable';
}

const MESSAGES: Record<DecodeReason, [string, string]> = {
  empty: [
    'Berkas kosong. Pilih foto formulir lalu unggah lagi.',
    'The file is empty. Choose a photo of the form and upload again.',
  ],
  'not-an-image': [
    'Berkas ini bukan foto. Unggah foto formulir C.HASIL dalam format JPEG, PNG, atau WebP.',
    'This file is not a photo. Upload a photo of the C.HASIL form as JPEG, PNG or WebP.',
  ],
  truncated: [
    'Foto rusak atau tidak terkirim utuh. Silakan unggah ulang foto aslinya.',
    'The photo is damaged or did not arrive complete. Please upload the original again.',
  ],
  'too-small': [
    `Resolusi foto terlalu kecil (sisi terpendek kurang dari ${MIN_SHORT_SIDE} piksel). Kirim foto asli dari kamera, bukan gambar kecil atau tangkapan layar.`,
    `The photo's resolution is too low (shorter side under ${MIN_SHORT_SIDE} px). Send the camera's original photo, not a thumbnail or screenshot.`,
  ],
  'too-large': [
    `Ukuran gambar terlalu besar (lebih dari ${MAX_INPUT_PIXELS / 1e6} megapiksel). Kirim foto biasa dari kamera ponsel.`,
    `The image is too large (over ${MAX_INPUT_PIXELS / 1e6} megapixels). Send an ordinary phone camera photo.`,
  ],
  'unsupported-heic': [
    'Foto HEIC ini tidak dapat dibaca. Kirim foto sebagai JPEG, atau ubah Pengaturan > Kamera > Format ke "Paling Kompatibel".',
    'This HEIC photo cannot be read. Send the photo as JPEG, or set Settings > Camera > Formats to "Most Compatible".',
  ],
  unreadable: [
    'Foto tidak dapat dibuka. Coba unggah ulang, atau kirim dalam format JPEG.',
    'The photo could not be opened. Try uploading it again, or send it as JPEG.',
  ],
};

export function rejection(reason: DecodeReason): Rejection {
  const [message, messageEn] = MESSAGES[reason];
  return { ok: false, reason, message, messageEn };
}
