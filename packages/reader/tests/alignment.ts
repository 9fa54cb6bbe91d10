import sharp from 'sharp';
import type { GrayImage, Rect } from '../src/gray-image.ts';
import type { Homography } from '../src/homography.ts';
import { FORM_DIR } from '../src/page-layout.ts';
import { warpRegion } from '../src/warp.ts';

const renders = new Map<number, GrayImage>();

export async function blankRender(page: number): Promise<GrayImage> {
  const cached = renders.get(page);
  if (cached) return cached;
  const { data, info } = await sharp(`${FORM_DIR}page-${page}.png`)
    .grayscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const img = { data: new Uint8Array(data), width: info.width, height: info.height };
  renders.set(page, img);
  return img;
}

const MARGIN = 8;
const SEARCH = 12;

/**
 * How far (layout px) the box printed in the photo sits from where `h` says it is: the shift of the
 * photo's warped box that best matches the blank render's box (border and seven-segment guide),
 * by normalised cross-correlation. Handwriting inside the box lowers the match but not its place.
 */
export function boxMisalignment(
  photo: GrayImage,
  h: Homography,
  render: GrayImage,
  box: Rect,
): { dx: number; dy: number } {
  const tpl = warpRegion(render, [1, 0, 0, 0, 1, 0, 0, 0, 1], {
    x: box.x - MARGIN,
    y: box.y - MARGIN,
    w: box.w + 2 * MARGIN,
    h: box.h + 2 * MARGIN,
  });
  const pad = MARGIN + SEARCH;
  const img = warpRegion(photo, h, { x: box.x - pad, y: box.y - pad, w: box.w + 2 * pad, h: box.h + 2 * pad });
  let best = { score: -Infinity, dx: 0, dy: 0 };
  for (let dy = -SEARCH; dy <= SEARCH; dy++) {
    for (let dx = -SEARCH; dx <= SEARCH; dx++) {
      const score = ncc(tpl, img, SEARCH + dx, SEARCH + dy);
      if (score > best.score) best = { score, dx, dy };
    }
  }
  return { dx: best.dx, dy: best.dy };
}

function ncc(tpl: GrayImage, img: GrayImage, ox: number, oy: number): number {
  let st = 0,
    si = 0,
    stt = 0,
    sii = 0,
    sti = 0;
  const n = tpl.width * tpl.height;
  for (let y = 0; y < tpl.height; y++) {
    for (let x = 0; x < tpl.width; x++) {
      const t = tpl.data[y * tpl.width + x];
      const v = img.data[(y + oy) * img.width + x + ox];
      st += t;
      si += v;
      stt += t * t;
      sii += v * v;
      sti += t * v;
    }
  }
  const cov = sti - (st * si) / n;
  return cov / Math.sqrt((stt - (st * st) / n) * (sii - (si * si) / n) + 1e-9);
}
