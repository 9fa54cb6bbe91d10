/** An 8-bit grayscale image, row-major, one byte per pixel (0 black, 255 white). */
export type BoxImage = { data: Uint8Array; width: number; height: number };
/** Same shape; the name says it is a whole photo rather than one box. */
export type GrayImage = BoxImage;

export type Rect = { x: number; y: number; w: number; h: number };

/**
 * Area-averaging downscale by `factor` (< 1). Each output pixel averages the input pixels its
 * footprint covers, so thin printed lines survive the way a camera at that resolution would see them;
 * plain bilinear subsampling would drop or alias them.
 */
export function downscale(src: GrayImage, factor: number): GrayImage {
  if (factor >= 1) return src;
  const width = Math.max(1, Math.round(src.width * factor));
  const height = Math.max(1, Math.round(src.height * factor));
  const xs = spans(src.width, width);
  const ys = spans(src.height, height);
  const rowSums = new Uint32Array(width);
  const data = new Uint8Array(width * height);
  for (let oy = 0; oy < height; oy++) {
    rowSums.fill(0);
    for (let y = ys[oy]; y < ys[oy + 1]; y++) {
      const base = y * src.width;
      for (let ox = 0; ox < width; ox++) {
        let s = 0;
        for (let x = xs[ox]; x < xs[ox + 1]; x++) s += src.data[base + x];
        rowSums[ox] += s;
      }
    }
    const rows = ys[oy + 1] - ys[oy];
    for (let ox = 0; ox < width; ox++) {
      data[oy * width + ox] = Math.round(rowSums[ox] / (rows * (xs[ox + 1] - xs[ox])));
    }
  }
  return { data, width, height };
}

/** Integer boundaries splitting n input pixels into m nearly equal runs. */
function spans(n: number, m: number): Int32Array {
  const b = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) b[i] = Math.min(n, Math.round((i * n) / m));
  for (let i = 1; i <= m; i++) if (b[i] <= b[i - 1]) b[i] = Math.min(n, b[i - 1] + 1);
  return b;
}

/** Summed-area table ((width + 1) x (height + 1)): any rectangle's pixel sum in four look-ups (`rectSum`). */
export function integral(img: GrayImage): Float64Array {
  const { width: w, height: h, data } = img;
  const ii = new Float64Array((w + 1) * (h + 1));
  for (let y = 0; y < h; y++) {
    let row = 0;
    for (let x = 0; x < w; x++) {
      row += data[y * w + x];
      ii[(y + 1) * (w + 1) + x + 1] = ii[y * (w + 1) + x + 1] + row;
    }
  }
  return ii;
}

/** Sum of the w x h pixels at (x, y) from `integral`'s table; `stride` is the image width + 1. */
export function rectSum(ii: Float64Array, stride: number, x: number, y: number, w: number, h: number): number {
  return ii[(y + h) * stride + x + w] - ii[y * stride + x + w] - ii[(y + h) * stride + x] + ii[y * stride + x];
}
