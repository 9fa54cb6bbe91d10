import { integral, rectSum, type GrayImage, type Rect } from './gray-image.ts';
import type { Homography } from './homography.ts';
import { warpRegion } from './warp.ts';

/**
 * A page-wide homography is exact only for a flat sheet seen through a distortion-free lens. A plano
 * sheet curls, and phone lenses bend lines: real photos put interior boxes 5-11 layout px from where
 * the map says. This finds where a field's printed boxes really are, near the mapped place, by their
 * ~4 px black borders: the shift (layout px) that puts the most ink on the borders' ring and the
 * least just outside and inside it. The three boxes of a field move together, which makes the match
 * unambiguous even when handwriting crosses a border.
 */
export type BoxShift = { dx: number; dy: number; score: number };

const BORDER = 4;
/** Below this (ink contrast, 0-255) the border match is noise: keep the map's placement. */
const MIN_SCORE = 25;

export function snapBoxes(image: GrayImage, h: Homography, boxes: readonly Rect[], search = 14): BoxShift {
  const pad = search + BORDER + 6;
  const x0 = Math.min(...boxes.map((b) => b.x)) - pad;
  const y0 = Math.min(...boxes.map((b) => b.y)) - pad;
  const x1 = Math.max(...boxes.map((b) => b.x + b.w)) + pad;
  const y1 = Math.max(...boxes.map((b) => b.y + b.h)) + pad;
  const region = warpRegion(image, h, { x: x0, y: y0, w: x1 - x0, h: y1 - y0 });
  const sum = integral(region);
  let best: BoxShift = { dx: 0, dy: 0, score: -Infinity };
  for (let dy = -search; dy <= search; dy++) {
    for (let dx = -search; dx <= search; dx++) {
      let score = 0;
      for (const b of boxes) score += borderContrast(sum, region.width + 1, b.x - x0 + dx, b.y - y0 + dy, b.w, b.h);
      score /= boxes.length;
      if (
        score > best.score ||
        (score === best.score && Math.abs(dx) + Math.abs(dy) < Math.abs(best.dx) + Math.abs(best.dy))
      )
        best = { dx, dy, score };
    }
  }
  if (best.score < MIN_SCORE) return { dx: 0, dy: 0, score: best.score };
  // The ring fits a printed box of layout.json's size; the printed boxes are a few px larger, which
  // leaves a plateau of equally good shifts. Settle each edge on its own and centre between them.
  const edge = (axis: 'x' | 'y', side: 0 | 1) => {
    let top = { t: 0, score: -Infinity };
    for (let t = -EDGE_SLACK; t <= EDGE_SLACK; t++) {
      const c = boxes.reduce(
        (acc, b) => acc + edgeContrast(sum, region.width + 1, b.x - x0 + best.dx, b.y - y0 + best.dy, b, axis, side, t),
        0,
      );
      if (c > top.score) top = { t, score: c };
    }
    return top.t;
  };
  return {
    dx: best.dx + (edge('x', 0) + edge('x', 1)) / 2,
    dy: best.dy + (edge('y', 0) + edge('y', 1)) / 2,
    score: best.score,
  };
}

const EDGE_SLACK = 4;

/** One border line alone (top/bottom for axis y, left/right for x), moved by t: its darkness against its two sides. */
function edgeContrast(
  ii: Float64Array,
  stride: number,
  x: number,
  y: number,
  b: Rect,
  axis: 'x' | 'y',
  side: 0 | 1,
  t: number,
): number {
  const along = axis === 'y' ? b.w : b.h;
  const start = 10;
  const len = along - 20;
  const at = (side === 0 ? 0 : (axis === 'y' ? b.h : b.w) - BORDER) + t;
  const band = (offset: number, thick: number) =>
    axis === 'y'
      ? rectSum(ii, stride, x + start, y + at + offset, len, thick) / (len * thick)
      : rectSum(ii, stride, x + at + offset, y + start, thick, len) / (len * thick);
  return (band(-4, 3) + band(BORDER + 1, 3)) / 2 - band(0, BORDER);
}

/** Mean darkness of the border ring minus that of the rings just outside and just inside it. */
function borderContrast(ii: Float64Array, stride: number, x: number, y: number, w: number, h: number): number {
  const ring = (grow: number, thick: number) => {
    const outer = rectSum(ii, stride, x - grow, y - grow, w + 2 * grow, h + 2 * grow);
    const inner = rectSum(
      ii,
      stride,
      x - grow + thick,
      y - grow + thick,
      w + 2 * (grow - thick),
      h + 2 * (grow - thick),
    );
    const area = (w + 2 * grow) * (h + 2 * grow) - (w + 2 * (grow - thick)) * (h + 2 * (grow - thick));
    return (outer - inner) / area;
  };
  const border = ring(0, BORDER);
  const outside = ring(BORDER + 1, BORDER - 1);
  const inside = ring(-(BORDER + 2), BORDER - 1);
  // Values are brightness: the border is darker than both neighbours on a match.
  return (outside + inside) / 2 - border;
}
