/**
 * Pure rules about photos: what a file is (from its bytes, never its name), where it lives on disk,
 * perceptual hashes and their distances, EXIF capture times, and the rectangle of a field cut-out.
 */
import { sniffFormat } from '@cocok/reader';
import { apiPaths } from '@cocok/api';

export type ImageType = 'jpeg' | 'png' | 'webp' | 'heic';
export const EXTENSION: Record<ImageType, string> = { jpeg: 'jpg', png: 'png', webp: 'webp', heic: 'heic' };

/** The image type from magic numbers (the reader's sniffer), or null when the bytes are none of JPEG, PNG, WebP, HEIC. */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  const format = sniffFormat(bytes);
  return format === 'jpeg' || format === 'png' || format === 'webp' || format === 'heic' ? format : null;
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
export function cutoutRect(
  polygon: readonly [number, number][],
  image: { width: number; height: number },
  margin = 0.15,
): Rect | null {
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

/** The two copies anyone may be shown; originals (with EXIF) and readable copies have no URL. */
export type PublicKind = 'display' | 'thumb';
export const PUBLIC_KINDS: readonly PublicKind[] = ['display', 'thumb'];

/** The URL of a public copy (the contract's builder; photos.routes.ts serves it); the cache purger is told these. */
export function publicCopyUrl(sha256: string, kind: PublicKind): string {
  return apiPaths.photo(sha256, kind);
}

/**
 * Cache-Control of the public copies. Content addressing would allow `immutable` for a year, but what
 * changes is not the bytes, it is whether they may be shown at all: a rejection, a ban or a takedown has to
 * reach browsers and shared caches. So a photo nobody has checked is cached for a minute; a photo whose
 * submission a moderator verified the TPS from is cached for a day (a takedown after that is rare, and the
 * CachePurger hook clears a CDN at once; browsers catch up within the day). Never `immutable`.
 */
export const PHOTO_CACHE = {
  unverified: 'public, max-age=60',
  verified: 'public, max-age=86400',
  /** Shown only to staff or the owner, who see photos the public does not: no copy kept anywhere. */
  restricted: 'private, no-store',
  /** 404 and 410 answers: a photo hidden now may be shown again (a moved submission) or is gone for good. */
  refused: 'no-store',
} as const;

/** A submission a photo belongs to, as far as showing the photo goes. */
export type PhotoReference = {
  status: 'pending' | 'confirmed' | 'withdrawn';
  ownerId: number;
  ownerBanned: boolean;
  verified: boolean;
};
export type PhotoViewer = { id: number; role: 'witness' | 'moderator' | 'admin' } | null;
export type PhotoAccess = { serve: true; cacheControl: string } | { serve: false; status: 404 | 410 };

/**
 * Who may see a photo's public copies. The same bytes can belong to several submissions (content
 * addressing), so a photo is public while at least one of them is: not withdrawn (a witness withdrawing or
 * a moderator rejecting both set that status) and its witness not banned. Otherwise only staff and the
 * photo's own witness see it, privately. A takedown removes the copies for everyone: 410.
 */
export function photoAccess(takenDown: boolean, refs: readonly PhotoReference[], viewer: PhotoViewer): PhotoAccess {
  if (takenDown) return { serve: false, status: 410 };
  const shown = refs.filter((r) => r.status !== 'withdrawn' && !r.ownerBanned);
  if (shown.length > 0)
    return { serve: true, cacheControl: shown.some((r) => r.verified) ? PHOTO_CACHE.verified : PHOTO_CACHE.unverified };
  const privileged = viewer !== null && (viewer.role !== 'witness' || refs.some((r) => r.ownerId === viewer.id));
  return privileged && refs.length > 0
    ? { serve: true, cacheControl: PHOTO_CACHE.restricted }
    : { serve: false, status: 404 };
}

/** A file of the store as the sweeper sees it: one of a photo's files, or a temporary file of an unfinished write. */
export type StoredFile = { kind: 'original' | DerivedKind; sha256: string } | { kind: 'temp' };

const EXTENSIONS = new Set(Object.values(EXTENSION));
const DERIVED_KINDS = new Set<string>(['display', 'thumb', 'readable']);

/** What a path under the store is (the inverse of originalPath/derivedPath); null for anything else, which is left alone. */
export function parseStoredPath(relPath: string): StoredFile | null {
  const m = /^(originals|derived)\/([0-9a-f]{2})\/([^/]+)$/.exec(relPath);
  if (!m) return null;
  const [, top, fan, name] = m;
  if (/^\.tmp-[0-9a-f]+$/.test(name)) return { kind: 'temp' };
  const file =
    top === 'originals' ? /^([0-9a-f]{64})\.([a-z]+)$/.exec(name) : /^([0-9a-f]{64})\.([a-z]+)\.jpg$/.exec(name);
  if (!file || file[1].slice(0, 2) !== fan) return null;
  if (top === 'originals') return EXTENSIONS.has(file[2]) ? { kind: 'original', sha256: file[1] } : null;
  return DERIVED_KINDS.has(file[2]) ? { kind: file[2] as DerivedKind, sha256: file[1] } : null;
}

/** What the database says about a stored file's photo, and whether the file is older than the grace period. */
export type SweepFacts = { referenced: boolean; takenDown: boolean; old: boolean };

/**
 * Whether the sweeper deletes a file. Files no photo row points at go once they are older than the grace
 * period (a younger one may belong to an upload still in flight); temporary files of an interrupted write
 * likewise. Public copies of a taken-down photo go whatever their age. Anything else stays.
 */
export function sweepVerdict(file: StoredFile, facts: SweepFacts): 'remove' | 'keep' {
  if (file.kind === 'temp') return facts.old ? 'remove' : 'keep';
  if (facts.takenDown && (file.kind === 'display' || file.kind === 'thumb')) return 'remove';
  if (facts.referenced) return 'keep';
  return facts.old ? 'remove' : 'keep';
}
