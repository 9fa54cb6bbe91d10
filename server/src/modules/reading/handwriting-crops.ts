import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import type { Rng } from './photo-simulator.logic.ts';

/**
 * Real handwritten digit boxes cut from 2024 sheets (scripts/data/c1-digit-crops), for pasting into
 * simulated forms. Label 0 mixes zeros and crossed-out boxes (an X means "no digit here"); they are
 * told apart by ink at the centre, which an X has and a 0 drawn on the seven-segment guide does not.
 */
export type CropEntry = { file: string; label: number; tps: string };
export type CropKind = { kind: 'digit'; digit: number } | { kind: 'cross' };
/** A crop ready to multiply onto paper: RGB, background lifted to white, sized to the box. */
export type InkTile = { data: Buffer; width: number; height: number };

export const CROPS_DIR = fileURLToPath(new URL('../../../../scripts/data/c1-digit-crops', import.meta.url));
export const VAL_TPS_FILE = fileURLToPath(new URL('../../../assets/models/digits-val-tps.txt', import.meta.url));

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

  async function inkOf(e: CropEntry): Promise<number> {
    const known = centreInk.get(e.file);
    if (known !== undefined) return known;
    const v = await measureCentreInk(path.join(dir, 'images', e.file));
    centreInk.set(e.file, v);
    return v;
  }

  /** A crop showing `want`; null only if the library has none (e.g. a tiny validation split). */
  async function pick(want: CropKind, rng: Rng): Promise<CropEntry | null> {
    const pool = byLabel.get(want.kind === 'cross' ? 0 : want.digit) ?? [];
    if (pool.length === 0) return null;
    if (want.kind === 'digit' && want.digit !== 0) return rng.pick(pool);
    for (let tries = 0; tries < 40; tries++) {
      const e = rng.pick(pool);
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
 * Resize a crop to the box and divide out its paper colour, so that multiplying it onto the render
 * leaves the render's paper alone and adds only ink (and the crop's own box border, which lands on
 * the render's).
 */
async function inkTile(file: string, width: number, height: number): Promise<InkTile> {
  const { data } = await sharp(file).removeAlpha().resize(width, height, { fit: 'fill' }).raw().toBuffer({ resolveWithObject: true });
  const out = Buffer.alloc(width * height * 3);
  for (let c = 0; c < 3; c++) {
    const paper = Math.max(40, percentile(data, c, 0.85));
    for (let i = c; i < data.length; i += 3) out[i] = Math.min(255, Math.round((data[i] / paper) * 255));
  }
  return { data: out, width, height };
}

async function measureCentreInk(file: string): Promise<number> {
  const { data } = await sharp(file).grayscale().resize(32, 32, { fit: 'fill' }).raw().toBuffer({ resolveWithObject: true });
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
