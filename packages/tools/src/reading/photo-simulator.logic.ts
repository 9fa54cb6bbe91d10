import { runChecks, failedChecks } from '@cocok/domain';
import { emptyFieldValues, type FieldName, type FieldValues } from '@cocok/domain';
import { fitHomography, type Homography, type Point } from '@cocok/reader/tooling';

/** Seeded generator (mulberry32): the same seed gives the same photos on every machine. */
export type Rng = {
  next(): number;
  int(lo: number, hi: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  normal(): number;
};

export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
    normal: () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
  };
}

/**
 * A plausible domestic TPS: every check in form-checks.logic.ts passes. Numbers follow the shape of
 * real 2024 sheets: up to 300 voters, turnout 60-95%, a few DPTb/DPK voters, 2% spare ballots.
 */
export function generateTpsValues(rng: Rng): FieldValues {
  const v = emptyFieldValues();
  const set = (row: string, l: number, p: number) =>
    Object.assign(v, { [`${row}_l`]: l, [`${row}_p`]: p, [`${row}_j`]: l + p });
  const dptL = rng.int(60, 150);
  const dptP = rng.int(60, 150);
  set('pemilih_dpt', dptL, dptP);
  const usedL = Math.round(dptL * (0.6 + rng.next() * 0.35));
  const usedP = Math.round(dptP * (0.6 + rng.next() * 0.35));
  set('pengguna_dpt', usedL, usedP);
  set('pengguna_dptb', rng.int(0, 4), rng.int(0, 4));
  set('pengguna_non_dpt', rng.int(0, 3), rng.int(0, 3));
  const total = (s: 'l' | 'p') =>
    (v[`pengguna_dpt_${s}`] as number) + (v[`pengguna_dptb_${s}`] as number) + (v[`pengguna_non_dpt_${s}`] as number);
  set('pengguna_total', total('l'), total('p'));
  set('disabilitas', rng.int(0, 3), rng.int(0, 3));
  const voted = v.pengguna_total_j as number;
  // DPT plus 2% spares; DPTb and DPK voters draw on the spares, so a busy TPS may use them all.
  const received = Math.max((v.pemilih_dpt_j as number) + Math.ceil((v.pemilih_dpt_j as number) * 0.02), voted);
  const damaged = Math.min(rng.int(0, 3), received - voted);
  Object.assign(v, {
    surat_suara_diterima: received,
    surat_suara_digunakan: voted,
    surat_suara_rusak: damaged,
    surat_suara_sisa: received - voted - damaged,
  });
  const invalid = rng.int(0, Math.min(15, voted));
  const valid = voted - invalid;
  const shares = [rng.next() + 0.2, rng.next() + 0.5, rng.next() + 0.1];
  const sum = shares.reduce((a, b) => a + b, 0);
  const p1 = Math.floor((valid * shares[0]) / sum);
  const p2 = Math.floor((valid * shares[1]) / sum);
  Object.assign(v, {
    suara_paslon_1: p1,
    suara_paslon_2: p2,
    suara_paslon_3: valid - p1 - p2,
    suara_sah: valid,
    suara_tidak_sah: invalid,
    suara_total: voted,
  });
  return v;
}

/**
 * Change one figure so that at least one cross-field check fails, as a misreported sheet would:
 * the truth then holds what is written. Returns the field changed.
 */
export function injectInconsistency(values: FieldValues, rng: Rng): FieldName {
  const candidates: FieldName[] = [
    'suara_paslon_1',
    'suara_paslon_2',
    'suara_paslon_3',
    'suara_sah',
    'suara_total',
    'pengguna_total_j',
    'surat_suara_digunakan',
  ];
  const field = rng.pick(candidates);
  const old = values[field] as number;
  values[field] = old >= 10 && rng.chance(0.5) ? old - rng.int(1, 9) : old + rng.int(1, 20);
  if (failedChecks(runChecks(values, { overseas: false })).length === 0)
    throw new Error(`changing ${field} broke no check`);
  return field;
}

/** What goes in each of a field's three boxes (hundreds, tens, units). */
export type BoxMark = { kind: 'digit'; digit: number } | { kind: 'cross' } | { kind: 'empty' };
export type LeadingStyle = 'cross' | 'empty' | 'zero';

export function boxMarks(value: number, leading: LeadingStyle): BoxMark[] {
  if (!Number.isInteger(value) || value < 0 || value > 999) throw new Error(`cannot write ${value} in three boxes`);
  const digits = [Math.floor(value / 100), Math.floor(value / 10) % 10, value % 10];
  const firstSignificant = digits.findIndex((d, i) => d !== 0 || i === 2);
  return digits.map((digit, i): BoxMark => {
    if (i >= firstSignificant || leading === 'zero') return { kind: 'digit', digit };
    return leading === 'cross' ? { kind: 'cross' } : { kind: 'empty' };
  });
}

/** Tally cells, row-major in the 12 x 5 grid: how many strokes each holds (5 = four bars and a slash). */
export function tallyStrokes(votes: number, cells = 60): number[] {
  const full = Math.min(cells, Math.floor(votes / 5));
  const out: number[] = Array.from({ length: cells }, (_, i) => (i < full ? 5 : 0));
  if (full < cells) out[full] = votes - full * 5;
  return out;
}

export type PhotoGeometry = {
  width: number;
  height: number;
  /** layout.json pixels -> photo pixels, as the photo is seen upright. */
  homography: Homography;
  quarterTurns: number;
  /** How far (layout px) the sheet bulges at its middle: paper is not flat, a homography is. */
  bend: number;
};

/**
 * Where a point of the flat layout lands on the bent sheet, still in layout pixels: a bulge that is
 * zero along the page's edges and `bend` at its centre, pushing things down and outwards. The corner
 * marks hardly move, so the page-wide map misses interior boxes by up to `bend` — as on a real
 * plano sheet that has been folded and curls.
 */
export function bentPoint(p: Point, bend: number, page: { width: number; height: number }): Point {
  if (bend === 0) return p;
  const u = Math.sin((Math.PI * p.x) / page.width) * Math.sin((Math.PI * p.y) / page.height);
  return { x: p.x + bend * 0.4 * u * ((p.x - page.width / 2) / page.width), y: p.y + bend * u };
}

/**
 * Where the page lands in a simulated phone photo: 2-12 MP, mostly upright but sometimes turned a
 * quarter or half turn, tilted a few degrees, filling 55-92% of the frame, with the keystone of a
 * phone held at an angle.
 */
export function photoGeometry(
  rng: Rng,
  page: { width: number; height: number },
  megapixels: [number, number] = [2, 12],
): PhotoGeometry {
  const quarterTurns = rng.chance(0.7) ? 0 : rng.pick([1, 2, 3]);
  const mp = (megapixels[0] + rng.next() * (megapixels[1] - megapixels[0])) * 1e6;
  const landscape = (quarterTurns % 2 === 1) !== rng.chance(0.15);
  const long = Math.round(Math.sqrt((mp * 4) / 3));
  const short = Math.round((long * 3) / 4);
  const [width, height] = landscape ? [long, short] : [short, long];
  const angle = (quarterTurns * 90 + rng.normal() * 3) * (Math.PI / 180);
  const fill = 0.55 + rng.next() * 0.37;
  const turnedW = quarterTurns % 2 ? page.height : page.width;
  const turnedH = quarterTurns % 2 ? page.width : page.height;
  const scale = fill * Math.min(width / turnedW, height / turnedH);
  const centre = { x: width / 2 + rng.normal() * width * 0.03, y: height / 2 + rng.normal() * height * 0.03 };
  const keystone = rng.next() * 0.08;
  const corners: Point[] = [
    { x: 0, y: 0 },
    { x: page.width, y: 0 },
    { x: page.width, y: page.height },
    { x: 0, y: page.height },
  ];
  const side = rng.int(0, 3);
  const to = corners.map((c, i) => {
    // Keystone: the edge farther from the phone looks shorter.
    const pinch = i === side || i === (side + 1) % 4 ? keystone : 0;
    const dx = (c.x - page.width / 2) * (1 - pinch) + rng.normal() * page.width * 0.01;
    const dy = (c.y - page.height / 2) * (1 - pinch / 2) + rng.normal() * page.height * 0.01;
    return {
      x: centre.x + scale * (dx * Math.cos(angle) - dy * Math.sin(angle)),
      y: centre.y + scale * (dx * Math.sin(angle) + dy * Math.cos(angle)),
    };
  });
  const inside = fitInside(to, width, height);
  const bend = rng.chance(0.5) ? rng.next() * 10 : 0;
  return {
    width,
    height,
    homography: fitHomography(corners.map((from, i) => ({ from, to: inside[i] }))),
    quarterTurns,
    bend,
  };
}

/** Shrink and shift a quad, if need be, so it lies inside the frame with a 2% border. */
function fitInside(quad: Point[], width: number, height: number): Point[] {
  const xs = quad.map((p) => p.x);
  const ys = quad.map((p) => p.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const k = Math.min(1, (width * 0.96) / (x1 - x0), (height * 0.96) / (y1 - y0));
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const halfW = ((x1 - x0) * k) / 2;
  const halfH = ((y1 - y0) * k) / 2;
  const nx = Math.min(Math.max(cx, width * 0.02 + halfW), width * 0.98 - halfW);
  const ny = Math.min(Math.max(cy, height * 0.02 + halfH), height * 0.98 - halfH);
  return quad.map((p) => ({ x: nx + (p.x - cx) * k, y: ny + (p.y - cy) * k }));
}
