/**
 * Pure arithmetic of the upload: how far a photo is shrunk before sending, and how one request's
 * upload progress splits over the photos it carries.
 */

/** Long side of what the browser sends; the reader needs far less, and a weak connection thanks us. */
export const MAX_LONG_SIDE = 2048;

/** The size to draw a photo at so that its long side is at most `max`, aspect kept, never enlarged. */
export function fitWithin(
  width: number,
  height: number,
  max = MAX_LONG_SIDE,
): { width: number; height: number; scaled: boolean } {
  const long = Math.max(width, height);
  if (long <= max) return { width, height, scaled: false };
  const scale = max / long;
  // The long side is set exactly so rounding never lands it one pixel over the limit.
  return width >= height
    ? { width: max, height: Math.max(1, Math.round(height * scale)), scaled: true }
    : { width: Math.max(1, Math.round(width * scale)), height: max, scaled: true };
}

/**
 * Each photo's share (0..1) of a multipart upload that has sent `loaded` of `total` bytes. The parts
 * go out in order, so the bytes sent fill the photos one after the other; the multipart framing (a
 * few hundred bytes) is spread over them in proportion to their size.
 */
export function photoProgress(sizes: readonly number[], loaded: number, total: number): number[] {
  const sum = sizes.reduce((a, b) => a + b, 0);
  if (sum === 0 || total <= 0) return sizes.map(() => 0);
  const sent = (Math.min(Math.max(loaded, 0), total) / total) * sum;
  let start = 0;
  return sizes.map((size) => {
    const share = size === 0 ? (sent >= start ? 1 : 0) : Math.min(1, Math.max(0, (sent - start) / size));
    start += size;
    return share;
  });
}

/** A name unique within one upload, so a refusal that names a file points at exactly one photo. */
export function uploadName(index: number, original: string, shrunk: boolean): string {
  const base = original.replace(/[\\/]/g, '_') || 'foto';
  const named = shrunk ? base.replace(/\.[^.]*$/, '') + '.jpg' : base;
  return `${index + 1}-${named}`;
}
