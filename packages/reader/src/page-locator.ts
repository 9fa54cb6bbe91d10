import { findCornerMark } from './corner-mark.ts';
import { downscale, type GrayImage, type Rect } from './gray-image.ts';
import {
  applyHomography,
  fitAffine,
  fitHomography,
  IDENTITY,
  invertHomography,
  reprojectionErrors,
  type Homography,
  type Point,
  type PointPair,
} from './homography.ts';
import { loadFormLayout, markCorner, pageLayout, tagCorners, type FormLayout, type PageLayout } from './page-layout.ts';
import {
  centroid,
  chooseTag,
  detectionLongSides,
  detectionOrder,
  FORM_TAG_IDS,
  MAX_TAG_HAMMING,
  tagShapeError,
  toFullImage,
  type ScaledDetections,
  type TagChoice,
} from './page-locator.logic.ts';
import { detectAprilTags, type TagDetection } from './tag-detector.ts';

export type LocateQuality = {
  tagHamming: number;
  /** How many detector scales saw the tag (more is surer). */
  tagScales: number;
  /** Tag side in photo pixels: the page's size in the photo. */
  tagSidePx: number;
  /** Corner marks found and used, 0-4. */
  marksFound: number;
  method: 'corner-marks' | 'tag-and-marks' | 'tag-only';
  /** How far, in layout pixels, the final map puts the tag from where it was seen (size aside). */
  tagErrorPx: number;
};
export type PageLocation = { ok: true; page: 1 | 2 | 3; homography: Homography; quality: LocateQuality };
export type LocateRejection = { ok: false; reason: 'no-tag' | 'multiple-pages'; message: string; messageEn: string };

export type PageLocatorDeps = { layout?: FormLayout; detectTags?: (image: GrayImage) => TagDetection[] };

/** Layout px a set of marks may misplace the tag by (see tagShapeError) before it is distrusted. */
const TAG_SHAPE_TOLERANCE = 12;
const FINE_RADIUS = 12;
/**
 * Wide searches sample layout space at 0.4 px per layout px: the 58 px mark is still 23 px across,
 * plenty for the matched filter, and a 1800 px window costs a sixth of sampling it at photo resolution.
 * The fine pass then works at the photo's own resolution.
 */
const COARSE_SAMPLING = 0.4;

export function createPageLocator(deps: PageLocatorDeps = {}) {
  const layout = deps.layout ?? loadFormLayout();
  const detectTags = deps.detectTags ?? ((image: GrayImage) => detectAprilTags(image, FORM_TAG_IDS, MAX_TAG_HAMMING));

  function locate(image: GrayImage): PageLocation | LocateRejection {
    const choice = detectAtScales(image, detectTags);
    if (choice.kind === 'none') return rejection('no-tag');
    if (choice.kind === 'multiple') return rejection('multiple-pages');
    const page = pageLayout(choice.page, layout);
    const tagPairs = tagCorners(page).map((from, i) => ({ from, to: choice.detection.corners[i] }));
    const markPairs = findMarks(image, page, tagPairs);
    const method = markPairs.length === 4 ? 'corner-marks' : markPairs.length > 0 ? 'tag-and-marks' : 'tag-only';
    const homography = predictor(tagPairs, markPairs);
    const c = choice.detection.corners;
    return {
      ok: true,
      page: choice.page,
      homography,
      quality: {
        tagHamming: choice.detection.hamming,
        tagScales: choice.scales,
        tagSidePx: round2((dist(c[0], c[1]) + dist(c[1], c[2]) + dist(c[2], c[3]) + dist(c[3], c[0])) / 4),
        marksFound: markPairs.length,
        method,
        tagErrorPx: round2(
          tagShapeError(
            toLayout(homography, tagPairs),
            tagPairs.map((p) => p.from),
          ),
        ),
      },
    };
  }

  return { locate };
}

let defaultLocator: ReturnType<typeof createPageLocator> | undefined;

/** Which page the photo shows and where: `homography` maps layout.json pixels to photo pixels. */
export function locatePage(image: GrayImage): PageLocation | LocateRejection {
  defaultLocator ??= createPageLocator();
  return defaultLocator.locate(image);
}

/**
 * Run the tag detector over a few scales, mid-sized first, and stop as soon as one page's tag has
 * been seen at two scales: the common photo costs two small detections instead of five. Each scaled
 * copy is made from the next larger one already made, a fraction of the work of starting over.
 */
function detectAtScales(image: GrayImage, detectTags: (image: GrayImage) => TagDetection[]): TagChoice {
  const sides = detectionLongSides(Math.max(image.width, image.height));
  const made = new Map<number, GrayImage>([[sides[0], image]]);
  const scaled = (side: number): GrayImage => {
    const larger = sides.filter((s) => s > side && made.has(s)).pop() ?? sides[0];
    const from = made.get(larger) as GrayImage;
    const img = made.get(side) ?? downscale(from, side / Math.max(from.width, from.height));
    made.set(side, img);
    return img;
  };
  const seen: ScaledDetections[] = [];
  let choice: TagChoice = { kind: 'none' };
  for (const side of detectionOrder(sides)) {
    const img = scaled(side);
    const factor = img.width / image.width;
    const detections = detectTags(img).map((d) => ({ ...d, corners: d.corners.map((p) => toFullImage(p, factor)) }));
    seen.push({ factor, detections });
    choice = chooseTag(seen);
    if (choice.kind === 'multiple' || (choice.kind === 'found' && choice.scales >= 2)) break;
  }
  return choice;
}

/**
 * Find the corner marks, nearest the tag first: each one found sharpens the map used to predict the
 * next, so the far bottom marks are searched with a map fitted across the page's width. The wide
 * windows can catch something else that looks like a mark, so the marks are then checked against the
 * tag, and every kept mark is searched again in a small window with the page-wide map.
 */
function findMarks(image: GrayImage, page: PageLayout, tagPairs: PointPair[]): PointPair[] {
  const tagCentre = centroid(tagPairs.map((p) => p.from));
  const tagSide = dist(tagPairs[0].to, tagPairs[2].to) / Math.SQRT2;
  const order = [...page.cornerMarks].sort((a, b) => dist(markCorner(a), tagCentre) - dist(markCorner(b), tagCentre));
  const found: { mark: Rect; pair: PointPair }[] = [];
  for (const mark of order) {
    const from = markCorner(mark);
    const radius = Math.min(900, Math.max(80, dist(from, tagCentre) * (tagSide < 40 ? 0.3 : 0.25)));
    const hit = findCornerMark(
      image,
      predictor(
        tagPairs,
        found.map((f) => f.pair),
      ),
      mark,
      radius,
      COARSE_SAMPLING,
    );
    if (hit) found.push({ mark, pair: { from, to: hit.photo } });
  }
  const kept = consistentMarks(tagPairs, found);
  const h = predictor(
    tagPairs,
    kept.map((f) => f.pair),
  );
  return kept.map(({ mark, pair }) => {
    const hit = findCornerMark(image, h, mark, FINE_RADIUS);
    return hit ? { from: pair.from, to: hit.photo } : pair;
  });
}

/**
 * The map used to look for the next mark. With three marks or more the marks carry the page and the
 * tag adds only its centre (its size is biased, see tagShapeError); before that, an affine map from
 * the tag's corners extrapolates far more safely than a projective one, and two marks are enough to
 * measure how much too large the tag was seen and shrink it back.
 */
function predictor(tagPairs: PointPair[], marks: PointPair[]): Homography {
  if (marks.length >= 4) return fitHomography(marks);
  if (marks.length === 3) return fitHomography([...marks, centrePair(tagPairs)]);
  if (marks.length < 2) return fitAffine([...tagPairs, ...marks]);
  let best = { error: Infinity, h: IDENTITY };
  for (let s = 0.75; s <= 1.1; s += 0.01) {
    const pairs = [...shrinkTag(tagPairs, s), ...marks];
    const h = fitAffine(pairs);
    const error = reprojectionErrors(h, pairs).reduce((a, e) => a + e * e, 0);
    if (error < best.error) best = { error, h };
  }
  return best.h;
}

/** The tag's photo corners pulled towards their centre by s, undoing the detector's blur bloat. */
function shrinkTag(tagPairs: PointPair[], s: number): PointPair[] {
  const c = centroid(tagPairs.map((p) => p.to));
  return tagPairs.map(({ from, to }) => ({ from, to: { x: c.x + s * (to.x - c.x), y: c.y + s * (to.y - c.y) } }));
}

/** The largest set of marks (all four, else three) whose map agrees with the tag's place and shape. */
function consistentMarks<T extends { pair: PointPair }>(tagPairs: PointPair[], found: T[]): T[] {
  const candidates = found.length === 4 ? [found, ...found.map((_, i) => found.filter((__, j) => j !== i))] : [found];
  let best: { set: T[]; error: number } | undefined;
  for (const set of candidates.filter((c) => c.length >= 3)) {
    const error = tagShapeError(
      toLayout(
        predictor(
          tagPairs,
          set.map((f) => f.pair),
        ),
        tagPairs,
      ),
      tagPairs.map((p) => p.from),
    );
    if (error <= TAG_SHAPE_TOLERANCE && (!best || set.length > best.set.length)) best = { set, error };
  }
  // With fewer than three marks there is nothing to cross-check: keep what the tag-led search found.
  return best?.set ?? (found.length < 3 ? found : []);
}

function centrePair(tagPairs: PointPair[]): PointPair {
  return { from: centroid(tagPairs.map((p) => p.from)), to: centroid(tagPairs.map((p) => p.to)) };
}

/** Each pair's photo point mapped back into layout space. */
function toLayout(h: Homography, pairs: PointPair[]): Point[] {
  const inv = invertHomography(h);
  return pairs.map((p) => applyHomography(inv, p.to));
}

const MESSAGES = {
  'no-tag': [
    'Kode halaman (kotak hitam-putih di pojok kanan atas formulir) tidak terlihat. Foto seluruh halaman dengan jelas, tegak, dan tidak terpotong.',
    'The page code (the black-and-white square at the top right of the form) is not visible. Photograph the whole page, sharp and uncropped.',
  ],
  'multiple-pages': [
    'Foto ini berisi lebih dari satu halaman formulir. Foto satu halaman saja untuk setiap foto.',
    'This photo shows more than one page of the form. Take one photo per page.',
  ],
} as const;

function rejection(reason: LocateRejection['reason']): LocateRejection {
  const [message, messageEn] = MESSAGES[reason];
  return { ok: false, reason, message, messageEn };
}

function dist(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}
