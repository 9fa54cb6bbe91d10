import { createRequire } from 'node:module';
import type { GrayImage } from './gray-image.ts';
import type { Point } from './homography.ts';

/** One AprilTag seen in an image: corners in the tag's own order (top-left, top-right, bottom-right, bottom-left). */
export type TagDetection = { id: number; corners: Point[]; hamming: number };

type ArucoImage = { width: number; height: number; data: ArrayLike<number> };
type ArucoDetector = {
  grey: ArucoImage;
  thres: ArucoImage;
  homography: ArucoImage;
  binary: Int32Array;
  contours: unknown[];
  findCandidates(contours: unknown[], minSize: number, epsilon: number, minLength: number): unknown[];
  clockwiseCorners(c: unknown[]): unknown[];
  notTooNear(c: unknown[], minDist: number): unknown[];
  findMarkers(
    grey: ArucoImage,
    c: unknown[],
    warpSize: number,
  ): { id: number; corners: Point[]; hammingDistance: number }[];
};

type Finder = (bits: number[][]) => { id: number; distance: number } | undefined;

const require = createRequire(import.meta.url);
const { AR } = require('js-aruco2') as {
  AR: {
    Detector: new (config: object) => ArucoDetector & { dictionary: { find: Finder } };
    DICTIONARIES: Record<string, { codeList: number[] }>;
  };
};
require('js-aruco2/src/dictionaries/apriltag_36h10');
const { CV } = require('js-aruco2/src/cv.js') as {
  CV: {
    Image: new (w: number, h: number, data: ArrayLike<number>) => ArucoImage;
    adaptiveThreshold(src: ArucoImage, dst: ArucoImage, kernel: number, threshold: number): void;
    findContours(src: ArucoImage, binary: Int32Array): unknown[];
  };
};

const WARP_SIZE = 49;
const TWO_18 = 2 ** 18;
const detectors = new Map<string, ArucoDetector>();

/**
 * js-aruco2 compares every candidate square, in four rotations, with all 2320 codes as bit strings:
 * on a form full of square boxes that was 70% of the locating time. We only look for a few ids, so
 * compare 36-bit numbers against just those.
 */
function finderFor(ids: readonly number[], maxHamming: number): Finder {
  const codes = ids.map((id) => ({ id, code: AR.DICTIONARIES.APRILTAG_36h10.codeList[id] }));
  return (bits) => {
    let value = 0;
    for (const row of bits) for (const b of row) value = value * 2 + b;
    let best: { id: number; distance: number } | undefined;
    for (const { id, code } of codes) {
      const distance =
        popcount((value % TWO_18) ^ (code % TWO_18)) + popcount(Math.floor(value / TWO_18) ^ Math.floor(code / TWO_18));
      if (distance <= maxHamming && (!best || distance < best.distance)) best = { id, distance };
    }
    return best;
  };
}

function popcount(v: number): number {
  let n = 0;
  for (let x = v; x; x &= x - 1) n++;
  return n;
}

/**
 * js-aruco2's detection steps, fed a grayscale image directly. Its own `detect` wants RGBA and keeps
 * its work buffers in plain arrays; the contour labels also outgrow 8 bits on a busy photo, so the label
 * buffer must be an Int32Array (a clamped byte buffer makes border following loop forever).
 * Only tags with one of `ids`, decoded with at most `maxHamming` wrong bits, are returned.
 * The adaptive threshold has a fixed 5-pixel window, so a tag is only found when it is roughly
 * 15-80 pixels wide: callers try several scales.
 */
export function detectAprilTags(image: GrayImage, ids: readonly number[], maxHamming: number): TagDetection[] {
  const key = `${ids.join(',')}/${maxHamming}`;
  let d = detectors.get(key);
  if (!d) {
    const detector = new AR.Detector({ dictionaryName: 'APRILTAG_36h10' });
    detector.dictionary.find = finderFor(ids, maxHamming);
    detectors.set(key, detector);
    d = detector;
  }
  const { width, height } = image;
  d.grey = new CV.Image(width, height, image.data);
  d.thres = new CV.Image(width, height, new Uint8ClampedArray(width * height));
  d.binary = new Int32Array((width + 2) * (height + 2));
  d.homography = new CV.Image(WARP_SIZE, WARP_SIZE, new Uint8ClampedArray(WARP_SIZE * WARP_SIZE));
  CV.adaptiveThreshold(d.grey, d.thres, 2, 7);
  d.contours = CV.findContours(d.thres, d.binary);
  let candidates = d.findCandidates(d.contours, width * 0.01, 0.05, 10);
  candidates = d.notTooNear(d.clockwiseCorners(candidates), 10);
  return d.findMarkers(d.grey, candidates, WARP_SIZE).map((m) => ({
    id: m.id,
    corners: m.corners.map((p) => ({ x: p.x, y: p.y })),
    hamming: m.hammingDistance,
  }));
}
