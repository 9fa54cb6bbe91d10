import type { Point } from './homography.ts';
import type { TagDetection } from './tag-detector.ts';

/** The AprilTag ids printed on the three pages. */
export const PAGE_BY_TAG: Readonly<Record<number, 1 | 2 | 3>> = { 101: 1, 102: 2, 103: 3 };
export const FORM_TAG_IDS: readonly number[] = [101, 102, 103];

/**
 * tag36h10 has 2320 codes at minimum distance 10; js-aruco2 accepts up to 9 wrong bits, which on a
 * busy photo turns text into "tags". Ours are large and sharp: every real detection so far had 0.
 */
export const MAX_TAG_HAMMING = 2;

export type ScaledDetections = { factor: number; detections: TagDetection[] };

export type TagChoice =
  | { kind: 'found'; page: 1 | 2 | 3; detection: TagDetection; scales: number }
  | { kind: 'none' }
  | { kind: 'multiple'; pages: (1 | 2 | 3)[] };

type Sighting = { page: 1 | 2 | 3; detection: TagDetection; factor: number; centre: Point; side: number };

/**
 * Decide which page a photo shows from the tags found at each scale (corners already in full-image
 * pixels). A form tag counts when it decodes exactly or is seen at two scales; two counted tags that
 * are different pages, or the same page at two places, mean more than one sheet is in the photo.
 */
export function chooseTag(perScale: readonly ScaledDetections[]): TagChoice {
  const clusters = clusterSightings(sightingsOf(perScale));
  const counted = clusters.filter(
    (c) => c.some((s) => s.detection.hamming === 0) || new Set(c.map((s) => s.factor)).size >= 2,
  );
  if (counted.length === 0) return { kind: 'none' };
  if (counted.length > 1) return { kind: 'multiple', pages: [...new Set(counted.map((c) => c[0].page))].sort() };
  // The finest scale places the corners best; ties go to the cleaner decode.
  const best = [...counted[0]].sort((a, b) => a.detection.hamming - b.detection.hamming || b.factor - a.factor)[0];
  const finest = counted[0]
    .filter((s) => s.detection.hamming === best.detection.hamming)
    .sort((a, b) => b.factor - a.factor)[0];
  return {
    kind: 'found',
    page: finest.page,
    detection: finest.detection,
    scales: new Set(counted[0].map((s) => s.factor)).size,
  };
}

/** Map a point found in an image downscaled by `factor` back to the full image (pixel centres on integers). */
export function toFullImage(p: Point, factor: number): Point {
  return { x: (p.x + 0.5) / factor - 0.5, y: (p.y + 0.5) / factor - 0.5 };
}

/**
 * Long sides to try the tag detector at, the full image first. Its threshold window is fixed, so a
 * tag is found only when it is ~15-80 px wide: in a 3000 px photo that covers a page filling the
 * frame (tag ~100 px, found at 2000 and below) down to a page a third as tall (tag ~33 px, found at
 * full size and 2000).
 */
export function detectionLongSides(longSide: number): number[] {
  return [longSide, ...[2000, 1400, 1000, 700].filter((s) => s < longSide * 0.9)];
}

/** The order to try those sides in: the sizes that usually work and cost little first, full size last. */
export function detectionOrder(sides: readonly number[]): number[] {
  const rank = (s: number) => [1400, 2000, 1000, 700].indexOf(s);
  return [...sides.slice(1)].sort((a, b) => rank(a) - rank(b)).concat(sides[0]);
}

function sightingsOf(perScale: readonly ScaledDetections[]): Sighting[] {
  const out: Sighting[] = [];
  for (const { factor, detections } of perScale) {
    for (const detection of detections) {
      const page = PAGE_BY_TAG[detection.id];
      if (page === undefined || detection.hamming > MAX_TAG_HAMMING) continue;
      const c = detection.corners;
      const centre = { x: (c[0].x + c[1].x + c[2].x + c[3].x) / 4, y: (c[0].y + c[1].y + c[2].y + c[3].y) / 4 };
      out.push({ page, detection, factor, centre, side: Math.hypot(c[0].x - c[2].x, c[0].y - c[2].y) / Math.SQRT2 });
    }
  }
  return out;
}

/** Group sightings of one page id lying within a tag's width of each other. */
function clusterSightings(sightings: Sighting[]): Sighting[][] {
  const clusters: Sighting[][] = [];
  for (const s of sightings) {
    const home = clusters.find(
      (c) =>
        c[0].page === s.page &&
        Math.hypot(c[0].centre.x - s.centre.x, c[0].centre.y - s.centre.y) < Math.max(c[0].side, s.side),
    );
    if (home) home.push(s);
    else clusters.push([s]);
  }
  return clusters;
}

/**
 * How far (layout px) a candidate map puts the tag from where layout.json has it, ignoring the tag's
 * size. The detector thresholds a blurred tag a pixel or two too large, which in a 90 px tag is a 5-10%
 * scale error, so only the tag's centre and shape (rotation, skew) are evidence; its size is not.
 * `seen` are the detected corners mapped back into layout space.
 */
export function tagShapeError(seen: readonly Point[], layout: readonly Point[]): number {
  const cs = centroid(seen);
  const cl = centroid(layout);
  const ds = seen.map((p) => ({ x: p.x - cs.x, y: p.y - cs.y }));
  const dl = layout.map((p) => ({ x: p.x - cl.x, y: p.y - cl.y }));
  const s =
    ds.reduce((a, p, i) => a + p.x * dl[i].x + p.y * dl[i].y, 0) / dl.reduce((a, p) => a + p.x * p.x + p.y * p.y, 0);
  const shape = Math.max(...ds.map((p, i) => Math.hypot(p.x - s * dl[i].x, p.y - s * dl[i].y)));
  // A tag more than ~20% off in size is not blur: the map is wrong.
  const sizePenalty = Math.max(0, Math.abs(Math.log(s)) - 0.2) * 1000;
  return Math.hypot(cs.x - cl.x, cs.y - cl.y) + shape + sizePenalty;
}

export function centroid(points: readonly Point[]): Point {
  return {
    x: points.reduce((a, p) => a + p.x, 0) / points.length,
    y: points.reduce((a, p) => a + p.y, 0) / points.length,
  };
}
