import type { BoxImage, GrayImage, Rect } from './gray-image.ts';
import type { Homography } from './homography.ts';

/**
 * Sample the layout-space rectangle `rect` out of `src`, where `homography` maps layout pixels to
 * `src` pixels. Output pixel (i, j) is layout point (rect.x + j / scale, rect.y + i / scale), read
 * bilinearly. Only the requested rectangle is touched: reading a page needs ~70 boxes, a few hundred
 * thousand samples, where a whole-page warp would be 8 million. `scale` is output pixels per layout
 * pixel; `fill` is written where the source falls outside the photo (255: paper).
 */
export function warpRegion(src: GrayImage, homography: Homography, rect: Rect, scale = 1, fill = 255): BoxImage {
  const width = Math.max(1, Math.round(rect.w * scale));
  const height = Math.max(1, Math.round(rect.h * scale));
  const data = new Uint8Array(width * height);
  const [a, b, c, d, e, f, g, h, k] = homography;
  const step = 1 / scale;
  for (let i = 0; i < height; i++) {
    const ly = rect.y + i * step;
    // Numerators and denominator are affine in the layout x, so walk them by constant increments.
    let nx = a * rect.x + b * ly + c;
    let ny = d * rect.x + e * ly + f;
    let nw = g * rect.x + h * ly + k;
    const out = i * width;
    for (let j = 0; j < width; j++) {
      data[out + j] = sample(src, nx / nw, ny / nw, fill);
      nx += a * step;
      ny += d * step;
      nw += g * step;
    }
  }
  return { data, width, height };
}

function sample(src: GrayImage, x: number, y: number, fill: number): number {
  const { width, height, data } = src;
  if (!(x > -1 && y > -1 && x < width && y < height)) return fill;
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const fx = x - x0;
  const fy = y - y0;
  const xa = x0 < 0 ? 0 : x0;
  const ya = y0 < 0 ? 0 : y0;
  const xb = x0 + 1 >= width ? width - 1 : x0 + 1;
  const yb = y0 + 1 >= height ? height - 1 : y0 + 1;
  const top = data[ya * width + xa] * (1 - fx) + data[ya * width + xb] * fx;
  const bottom = data[yb * width + xa] * (1 - fx) + data[yb * width + xb] * fx;
  return (top * (1 - fy) + bottom * fy + 0.5) | 0;
}
