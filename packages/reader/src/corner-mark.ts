import { integral, rectSum, type GrayImage, type Rect } from './gray-image.ts';
import { applyHomography, localScale, type Homography, type Point } from './homography.ts';
import { warpRegion } from './warp.ts';

/**
 * The corner marks are two solid squares touching at one point, top-left and bottom-right, like a
 * 2 x 2 chessboard. Their touching point is found with a matched filter over four square windows:
 * (top-right + bottom-left) - (top-left + bottom-right). An edge, a line or a solid blob scores ~0 on
 * it; only the checker pattern scores high, so a wide search window stays safe.
 */
export type MarkFound = { layout: Point; photo: Point; score: number };

/** Below this share of the patch's contrast the best peak is not a corner mark. */
const MIN_SCORE = 0.3;

export function findCornerMark(
  photo: GrayImage,
  h: Homography,
  mark: Rect,
  radius: number,
  sampling?: number,
): MarkFound | null {
  const centre = { x: mark.x + mark.w / 2, y: mark.y + mark.h / 2 };
  // Sample at about the photo's own resolution: finer only interpolates, coarser throws detail away.
  const k = sampling ?? Math.min(1.5, Math.max(0.25, localScale(h, centre)));
  const rect = { x: centre.x - radius, y: centre.y - radius, w: 2 * radius, h: 2 * radius };
  const patch = warpRegion(photo, h, rect, k, 128);
  const q = Math.max(2, Math.round((mark.w / 2) * k * 0.85));
  const peak = bestChecker(patch, q);
  if (!peak || peak.score < MIN_SCORE) return null;
  const layout = { x: rect.x + peak.x / k, y: rect.y + peak.y / k };
  return { layout, photo: applyHomography(h, layout), score: peak.score };
}

type Peak = { x: number; y: number; score: number };

function bestChecker(img: GrayImage, q: number): Peak | null {
  const { width: w, height: hgt } = img;
  if (w < 2 * q + 3 || hgt < 2 * q + 3) return null;
  const ii = integral(img);
  const box = (x0: number, y0: number) => rectSum(ii, w + 1, x0, y0, q, q);
  const resp = new Float64Array(w * hgt);
  let best = -Infinity;
  let bx = 0;
  let by = 0;
  // Candidate (x, y) is the corner point between pixels x-1 and x (and rows y-1, y).
  for (let y = q; y <= hgt - q; y++) {
    for (let x = q; x <= w - q; x++) {
      const r = box(x, y - q) + box(x - q, y) - box(x - q, y - q) - box(x, y);
      resp[y * w + x] = r;
      if (r > best) [best, bx, by] = [r, x, y];
    }
  }
  const at = (x: number, y: number) => resp[y * w + x];
  const dx = bx > q && bx < w - q ? vertex(at(bx - 1, by), best, at(bx + 1, by)) : 0;
  const dy = by > q && by < hgt - q ? vertex(at(bx, by - 1), best, at(bx, by + 1)) : 0;
  // The corner lies between pixel centres bx-1 and bx.
  return { x: bx - 0.5 + dx, y: by - 0.5 + dy, score: checkerScore(box, bx, by, q) };
}

/**
 * How clearly the four windows at (x, y) form the mark: the gap between the lighter dark square and
 * the darker light square, relative to the paper. Lighting-invariant, ~0.8 on a sharp print, 0 on
 * anything that is not two dark squares on a diagonal.
 */
function checkerScore(box: (x: number, y: number) => number, x: number, y: number, q: number): number {
  const n = q * q;
  const darkTl = box(x - q, y - q) / n;
  const darkBr = box(x, y) / n;
  const lightTr = box(x, y - q) / n;
  const lightBl = box(x - q, y) / n;
  const paper = Math.max(lightTr, lightBl, 1);
  return (Math.min(lightTr, lightBl) - Math.max(darkTl, darkBr)) / paper;
}

/** Offset of a parabola's vertex through three equally spaced samples, clamped to half a step. */
function vertex(left: number, mid: number, right: number): number {
  const den = left - 2 * mid + right;
  if (den >= 0) return 0;
  return Math.max(-0.5, Math.min(0.5, (0.5 * (left - right)) / den));
}
