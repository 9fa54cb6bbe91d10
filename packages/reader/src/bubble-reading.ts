import { IDENTITY, type Homography } from './homography.ts';
import type { BubbleColumn as BubbleLayout } from './page-layout.ts';
import type { BoxImage, GrayImage } from './gray-image.ts';
import { warpRegion } from './warp.ts';
import { readBubbleColumn, type BubbleColumn } from '@cocok/domain';

/**
 * OMR for page 2: each candidate's three columns of ten bubbles (digits 0-9). A bubble's ink is the
 * share of dark pixels inside it. Every bubble has its digit and outline printed in it, so the same
 * share measured on the blank render is subtracted and the rest rescaled: 0 is as printed, 1 is solid.
 */
const SCALE = 2; // output px per layout px: a 16 px radius becomes a 64 px wide sample
const INNER = 0.8; // only the inside of the circle; the outline is where warps err most

export type BubbleBaseline = number[][]; // [column][digit] ink share of the blank form

export function measureColumn(image: GrayImage, homography: Homography, column: BubbleLayout): number[] {
  const strip = warpRegion(image, homography, stripRect(column), SCALE);
  const dark = darkThreshold(strip);
  const shares: number[] = [];
  for (let d = 0; d < column.count; d++) {
    const cx = (column.cx - stripRect(column).x) * SCALE;
    const cy = (column.cy0 + d * column.pitch - stripRect(column).y) * SCALE;
    shares.push(darkShareInCircle(strip, cx, cy, column.r * INNER * SCALE, dark));
  }
  return shares;
}

/** The blank render's own ink in each bubble, measured once per process. */
export function measureBaseline(blankPage2: GrayImage, columns: readonly BubbleLayout[]): BubbleBaseline {
  return columns.map((c) => measureColumn(blankPage2, IDENTITY, c));
}

export function readColumn(
  image: GrayImage,
  homography: Homography,
  column: BubbleLayout,
  baseline: readonly number[],
): BubbleColumn & { densities: number[] } {
  const raw = measureColumn(image, homography, column);
  const densities = raw.map((v, i) => clamp01((v - baseline[i]) / Math.max(0.05, 1 - baseline[i])));
  return { ...readBubbleColumn(densities), densities: densities.map((d) => Math.round(d * 100) / 100) };
}

function stripRect(c: BubbleLayout) {
  const pad = c.r * 1.6;
  return { x: c.cx - pad, y: c.cy0 - pad, w: 2 * pad, h: c.pitch * (c.count - 1) + 2 * pad };
}

/**
 * Paper and ink levels vary with light across a photo, so "dark" is judged inside each strip: half way
 * between its paper level (a high percentile) and its darkest ink (a low percentile).
 */
function darkThreshold(strip: BoxImage): number {
  const hist = new Uint32Array(256);
  for (const v of strip.data) hist[v]++;
  const pct = (p: number) => {
    let acc = 0;
    const target = p * strip.data.length;
    for (let v = 0; v < 256; v++) if ((acc += hist[v]) >= target) return v;
    return 255;
  };
  const paper = pct(0.9);
  const ink = pct(0.02);
  // A strip without real ink (all paper) must not turn paper grain into marks.
  return paper - ink < 40 ? paper - 40 : (paper + ink) / 2;
}

function darkShareInCircle(img: BoxImage, cx: number, cy: number, radius: number, dark: number): number {
  let total = 0;
  let inked = 0;
  const r2 = radius * radius;
  for (let y = Math.max(0, Math.floor(cy - radius)); y <= Math.min(img.height - 1, Math.ceil(cy + radius)); y++) {
    for (let x = Math.max(0, Math.floor(cx - radius)); x <= Math.min(img.width - 1, Math.ceil(cx + radius)); x++) {
      if ((x - cx) ** 2 + (y - cy) ** 2 > r2) continue;
      total++;
      if (img.data[y * img.width + x] < dark) inked++;
    }
  }
  return total === 0 ? 0 : inked / total;
}

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));
