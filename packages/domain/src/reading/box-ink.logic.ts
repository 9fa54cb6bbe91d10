import type { BoxImage } from './digit-classifier.logic.ts';

/**
 * A second, independent look at each digit box: is there any pen stroke inside its printed border?
 * Pure measurement, no learning: the inside of the box (the crop less `inset` px on every side, which
 * clears the crop margin and the ~4 px border of a snapped box) is ranked by brightness, and the gap
 * between its paper (70th percentile) and its darkest 1% is the ink contrast. A pen stroke covers
 * well over 1% of the inside; screen moire, paper grain and the faint printed guide do not reach the
 * same contrast.
 *
 * Measured (bench photos and the real photos, boxes snapped to their printed borders): untouched
 * boxes of the real blank page 1 give 7-41 (64 of 66 under 35); the faintest simulated pen strokes
 * 43-60 (3 of 567 digit boxes under 35); real written digits 100 and more.
 */
export type InkVerdict = 'blank' | 'unclear' | 'ink';

export const BLANK_BELOW = 35;
export const INK_FROM = 60;
/** Px of the crop left out on every side: CROP_MARGIN (4), the border (4), and 5 px of slack. */
export const INK_INSET = 13;

export function inkContrast(box: BoxImage, inset = INK_INSET): number {
  const hist = new Uint32Array(256);
  let n = 0;
  for (let y = inset; y < box.height - inset; y++) {
    for (let x = inset; x < box.width - inset; x++) {
      hist[box.data[y * box.width + x]]++;
      n++;
    }
  }
  if (n === 0) return 0;
  const level = (p: number) => {
    const target = p * n;
    let acc = 0;
    for (let v = 0; v < 256; v++) if ((acc += hist[v]) > target) return v;
    return 255;
  };
  return level(0.7) - level(0.01);
}

export function inkVerdict(contrast: number): InkVerdict {
  if (contrast < BLANK_BELOW) return 'blank';
  return contrast >= INK_FROM ? 'ink' : 'unclear';
}
