/**
 * Pure parts of the digit-box classifier: where to cut a box, and how a cut box becomes model input.
 * The preprocessing mirrors packages/tools/src/train-digits/digit_data.py line for line; the model only works on
 * inputs prepared exactly this way (digits.json's parity samples are the proof, checked in the tests).
 */
export const DIGIT_CLASSES = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'empty'] as const;
export type DigitLabel = (typeof DIGIT_CLASSES)[number];

/**
 * Px of page added on every side of a layout.json digit box before classifying it. The training
 * crops show the printed border with about this much paper around it, and it leaves room for a
 * warp that is a few px off. Must equal digits.json's `cropMargin`.
 */
export const CROP_MARGIN = 4;

export type Rect = { x: number; y: number; w: number; h: number };

/** An 8-bit grayscale crop of one digit box, row-major, cut from a page warped into layout pixels. */
export type BoxImage = { data: Uint8Array; width: number; height: number };

export type DigitPrediction = {
  label: DigitLabel;
  /** Calibrated probability of `label` (temperature scaling is inside the model). */
  probability: number;
  probabilities: Record<string, number>;
};

/**
 * The rect to cut for a layout.json box, in the same pixel space. It can reach past the page edge
 * only if a box sits within `margin` px of it, which no box of this form does.
 */
export function boxCropRect(box: Rect, margin: number = CROP_MARGIN): Rect {
  return { x: box.x - margin, y: box.y - margin, w: box.w + 2 * margin, h: box.h + 2 * margin };
}

/** For each output pixel: first input index and the weights of the input pixels its span covers. */
export type AreaWeights = { start: Int32Array; weights: Float64Array[] };

/**
 * Area-average resampling weights from nIn to nOut pixels: each output pixel is the mean of the input
 * span it covers, edge pixels weighted by their overlap. Same rule as area_weights() in digit_data.py.
 */
export function areaWeights(nIn: number, nOut: number): AreaWeights {
  const scale = nIn / nOut;
  const start = new Int32Array(nOut);
  const weights: Float64Array[] = [];
  for (let o = 0; o < nOut; o++) {
    const from = o * scale;
    const to = (o + 1) * scale;
    const first = Math.floor(from);
    const last = Math.min(nIn, Math.ceil(to));
    const w = new Float64Array(Math.max(0, last - first));
    for (let i = first; i < last; i++) {
      const overlap = Math.min(to, i + 1) - Math.max(from, i);
      if (overlap > 0) w[i - first] = overlap / scale;
    }
    start[o] = first;
    weights.push(w);
  }
  return { start, weights };
}

/** Area-resizes a grayscale image to size x size (values stay 0..255, as float). */
export function areaResize(box: BoxImage, size: number): Float64Array {
  const wx = areaWeights(box.width, size);
  const wy = areaWeights(box.height, size);
  const rows = new Float64Array(box.height * size);
  for (let y = 0; y < box.height; y++) {
    const row = y * box.width;
    for (let o = 0; o < size; o++) {
      const w = wx.weights[o];
      let acc = 0;
      for (let k = 0; k < w.length; k++) acc += w[k] * box.data[row + wx.start[o] + k];
      rows[y * size + o] = acc;
    }
  }
  const out = new Float64Array(size * size);
  for (let o = 0; o < size; o++) {
    const w = wy.weights[o];
    for (let x = 0; x < size; x++) {
      let acc = 0;
      for (let k = 0; k < w.length; k++) acc += w[k] * rows[(wy.start[o] + k) * size + x];
      out[o * size + x] = acc;
    }
  }
  return out;
}

/**
 * Writes one box's model input at `offset` of `out`: area resize, then zero mean and unit variance
 * over the crop (std floored so a flat crop is not blown up into noise). Standardising makes the
 * model blind to exposure and contrast, which vary wildly between phone photos.
 */
export function prepareBox(box: BoxImage, size: number, stdFloor: number, out: Float32Array, offset: number): void {
  if (box.width < 1 || box.height < 1 || box.data.length !== box.width * box.height) {
    throw new RangeError(`box image is ${box.width}x${box.height} but holds ${box.data.length} bytes`);
  }
  const v = areaResize(box, size);
  let mean = 0;
  for (let i = 0; i < v.length; i++) mean += v[i] / 255;
  mean /= v.length;
  let variance = 0;
  for (let i = 0; i < v.length; i++) variance += (v[i] / 255 - mean) ** 2;
  const std = Math.max(Math.sqrt(variance / v.length), stdFloor);
  for (let i = 0; i < v.length; i++) out[offset + i] = (v[i] / 255 - mean) / std;
}

/** Reads one row of the model's (already calibrated) probabilities. */
export function toPrediction(
  probs: ArrayLike<number>,
  offset: number,
  classes: readonly DigitLabel[],
): DigitPrediction {
  const probabilities: Record<string, number> = {};
  let best = 0;
  for (let c = 0; c < classes.length; c++) {
    probabilities[classes[c]] = probs[offset + c];
    if (probs[offset + c] > probs[offset + best]) best = c;
  }
  return { label: classes[best], probability: probs[offset + best], probabilities };
}
