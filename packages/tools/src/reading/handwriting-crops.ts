import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import type { Rng } from './photo-simulator.logic.ts';
import { DEFAULT_MODEL_PATH } from '@cocok/reader/tooling';

/**
 * Real handwritten digit boxes cut from 2024 sheets (packages/tools/data/c1-digit-crops), for pasting into
 * simulated forms. Label 0 mixes zeros and crossed-out boxes (an X means "no digit here"); they are
 * told apart by ink at the centre, which an X has and a 0 drawn on the seven-segment guide does not.
 */
export type CropEntry = { file: string; label: number; tps: string };
export type CropKind = { kind: 'digit'; digit: number } | { kind: 'cross' };
/** A crop ready to multiply onto paper: RGB, background lifted to white, sized to the box. */
export type InkTile = { data: Buffer; width: number; height: number };

export const CROPS_DIR = fileURLToPath(new URL('../../data/c1-digit-crops', import.meta.url));
export const VAL_TPS_FILE = path.join(path.dirname(DEFAULT_MODEL_PATH), 'digits-val-tps.txt');

/**
 * Some crops were cut from blurred or washed-out scans: their ink is within a few dozen levels of the
 * paper and the digit is barely visible. Pasted and then photographed again they would be degraded
 * twice, which no pen on paper is; the simulator leaves them out (17 of the 929 held-out crops).
 */
const MIN_SOURCE_CONTRAST = 40;

/** Centre-ink thresholds for label-0 crops, read off a montage of all 802 of them. */
const ZERO_MAX_CENTRE_INK = 0.12;
const CROSS_MIN_CENTRE_INK = 0.18;

export function readManifest(dir = CROPS_DIR): CropEntry[] {
  const lines = readFileSync(path.join(dir, 'manifest.csv'), 'utf8').trim().split('\n').slice(1);
  return lines.map((line) => {
    const [file, label, tps] = line.split(',');
    return { file, label: Number(label), tps };
  });
}

/** The validation TPS list, if the digit model's trainer has written one (one TPS code a line). */
export function readValTps(file = VAL_TPS_FILE): Set<string> | null {
  if (!existsSync(file)) return null;
  return new Set(readFileSync(file, 'utf8').split(/\s+/).filter(Boolean));
}

export function createCropLibrary(options: { dir?: string; onlyTps?: Set<string> | null } = {}) {
  const dir = options.dir ?? CROPS_DIR;
  const entries = readManifest(dir).filter((e) => !options.onlyTps || options.onlyTps.has(e.tps));
  if (entries.length === 0) throw new Error('no handwriting crops to use (is the TPS list empty?)');
  const byLabel = new Map<number, CropEntry[]>();
  for (const e of entries) byLabel.set(e.label, [...(byLabel.get(e.label) ?? []), e]);
  const centreInk = new Map<string, number>();
  const contrast = new Map<string, number>();

  async function inkOf(e: CropEntry): Promise<number> {
    const known = centreInk.get(e.file);
    if (known !== undefined) return known;
    const v = await measureCentreInk(path.join(dir, 'images', e.file));
    centreInk.set(e.file, v);
    return v;
  }

  async function legible(e: CropEntry): Promise<boolean> {
    let c = contrast.get(e.file);
    if (c === undefined) contrast.set(e.file, (c = await measureInkContrast(path.join(dir, 'images', e.file))));
    return c >= MIN_SOURCE_CONTRAST;
  }

  /** A legible crop showing `want`; null only if the library has none (e.g. a tiny validation split). */
  async function pick(want: CropKind, rng: Rng): Promise<CropEntry | null> {
    const pool = byLabel.get(want.kind === 'cross' ? 0 : want.digit) ?? [];
    if (pool.length === 0) return null;
    for (let tries = 0; tries < 40; tries++) {
      const e = rng.pick(pool);
      if (!(await legible(e))) continue;
      if (want.kind === 'digit' && want.digit !== 0) return e;
      const ink = await inkOf(e);
      if (want.kind === 'cross' ? ink >= CROSS_MIN_CENTRE_INK : ink <= ZERO_MAX_CENTRE_INK) return e;
    }
    return null;
  }

  async function tile(e: CropEntry, width: number, height: number): Promise<InkTile> {
    return inkTile(path.join(dir, 'images', e.file), width, height);
  }

  return { pick, tile, size: entries.length };
}

export type CropLibrary = ReturnType<typeof createCropLibrary>;

/**
 * The crop's inside, resized to the box's inside, with its paper colour divided out, so that
 * multiplying it onto the render leaves the render's paper alone and adds only ink. The crop's own
 * printed border is cut away: pasted whole, it lands a few px off the render's border and every
 * simulated box shows two frames, which no real photo does.
 */
async function inkTile(file: string, width: number, height: number): Promise<InkTile> {
  const { data: gray, info } = await sharp(file).removeAlpha().grayscale().raw().toBuffer({ resolveWithObject: true });
  const inside = insideBorder(gray, info.width, info.height);
  const { data } = await sharp(file)
    .removeAlpha()
    .extract({ left: inside.x, top: inside.y, width: inside.w, height: inside.h })
    .resize(width, height, { fit: 'fill' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const out = Buffer.alloc(width * height * 3);
  for (let c = 0; c < 3; c++) {
    const paper = Math.max(40, percentile(data, c, 0.85));
    for (let i = c; i < data.length; i += 3) out[i] = Math.min(255, Math.round((data[i] / paper) * 255));
  }
  return { data: out, width, height };
}

/**
 * Where the printed box's border is in a crop, found side by side: the darkest line in the outer 30%
 * of the crop, followed inwards until it fades to half its darkness above the crop's middle. A side
 * without a clear line (the crop cut inside the border) is kept whole.
 */
export function insideBorder(
  gray: Uint8Array,
  width: number,
  height: number,
): { x: number; y: number; w: number; h: number } {
  const line = (axis: 'row' | 'col', i: number) => {
    const [n, from, to] =
      axis === 'row'
        ? [width, Math.floor(width * 0.2), Math.ceil(width * 0.8)]
        : [height, Math.floor(height * 0.2), Math.ceil(height * 0.8)];
    let acc = 0;
    for (let j = from; j < to; j++) acc += 255 - gray[axis === 'row' ? i * n + j : j * width + i];
    return acc / (to - from);
  };
  const edge = (axis: 'row' | 'col', forward: boolean) => {
    const n = axis === 'row' ? height : width;
    const at = (k: number) => line(axis, forward ? k : n - 1 - k);
    const middle = at(Math.floor(n / 2));
    let peak = 0;
    for (let k = 1; k < Math.floor(n * 0.3); k++) if (at(k) > at(peak)) peak = k;
    if (at(peak) - middle < MIN_BORDER_CONTRAST) return 0;
    let k = peak;
    while (k < n / 2 && at(k) > (at(peak) + middle) / 2) k++;
    return k + 1;
  };
  const top = edge('row', true);
  const bottom = edge('row', false);
  const left = edge('col', true);
  const right = edge('col', false);
  if (width - left - right < width / 3 || height - top - bottom < height / 3)
    return { x: 0, y: 0, w: width, h: height };
  return { x: left, y: top, w: width - left - right, h: height - top - bottom };
}

/** Darkness (0-255) a border line must have over the crop's middle to count as one. */
const MIN_BORDER_CONTRAST = 30;

/** Paper (90th percentile) minus ink (3rd) inside the middle 20 x 20 of the crop resized to 32 x 32. */
async function measureInkContrast(file: string): Promise<number> {
  const { data } = await sharp(file)
    .grayscale()
    .resize(32, 32, { fit: 'fill' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const values: number[] = [];
  for (let y = 6; y < 26; y++) for (let x = 6; x < 26; x++) values.push(data[y * 32 + x]);
  values.sort((a, b) => a - b);
  return values[Math.floor(0.9 * values.length)] - values[Math.floor(0.03 * values.length)];
}

async function measureCentreInk(file: string): Promise<number> {
  const { data } = await sharp(file)
    .grayscale()
    .resize(32, 32, { fit: 'fill' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const paper = Math.max(1, percentile(data, 0, 0.9, 1));
  let ink = 0;
  for (let y = 12; y < 20; y++) for (let x = 12; x < 20; x++) ink += Math.max(0, (paper - data[y * 32 + x]) / paper);
  return ink / 64;
}

function percentile(data: Buffer, channel: number, p: number, stride = 3): number {
  const values: number[] = [];
  for (let i = channel; i < data.length; i += stride) values.push(data[i]);
  values.sort((a, b) => a - b);
  return values[Math.floor(p * (values.length - 1))];
}
