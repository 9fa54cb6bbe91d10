/**
 * Plane-to-plane projective maps. A homography is 9 numbers, row-major, mapping (x, y, 1) of the
 * source plane (for the reader: layout.json pixels) to the target plane (photo pixels). Pixel centres
 * sit on integer coordinates in both planes.
 */
export type Point = { x: number; y: number };
export type Homography = number[];
export type PointPair = { from: Point; to: Point };

export const IDENTITY: Homography = [1, 0, 0, 0, 1, 0, 0, 0, 1];

export function applyHomography(h: Homography, p: Point): Point {
  const w = h[6] * p.x + h[7] * p.y + h[8];
  return { x: (h[0] * p.x + h[1] * p.y + h[2]) / w, y: (h[3] * p.x + h[4] * p.y + h[5]) / w };
}

/** a then b: the map p -> b(a(p)). */
export function composeHomography(a: Homography, b: Homography): Homography {
  const out = new Array<number>(9);
  for (let r = 0; r < 3; r++) {
    for (let c = 0; c < 3; c++) {
      out[r * 3 + c] = b[r * 3] * a[c] + b[r * 3 + 1] * a[3 + c] + b[r * 3 + 2] * a[6 + c];
    }
  }
  return normalise(out);
}

export function invertHomography(h: Homography): Homography {
  const [a, b, c, d, e, f, g, i, j] = h;
  const adj = [
    e * j - f * i,
    c * i - b * j,
    b * f - c * e,
    f * g - d * j,
    a * j - c * g,
    c * d - a * f,
    d * i - e * g,
    b * g - a * i,
    a * e - b * d,
  ];
  const det = a * adj[0] + b * adj[3] + c * adj[6];
  if (Math.abs(det) < 1e-12) throw new Error('homography is singular');
  return normalise(adj);
}

export function scaling(sx: number, sy = sx): Homography {
  return [sx, 0, 0, 0, sy, 0, 0, 0, 1];
}

export function translation(tx: number, ty: number): Homography {
  return [1, 0, tx, 0, 1, ty, 0, 0, 1];
}

/**
 * Least-squares homography from four or more pairs (direct linear transform). Both point sets are
 * first moved to their centroid and scaled to mean distance sqrt(2): without that, pixel coordinates in
 * the thousands make the 9x9 system so ill-conditioned that the fit drifts by whole pixels.
 */
export function fitHomography(pairs: readonly PointPair[]): Homography {
  if (pairs.length < 4) throw new Error(`a homography needs 4 point pairs, got ${pairs.length}`);
  const nFrom = normaliser(pairs.map((p) => p.from));
  const nTo = normaliser(pairs.map((p) => p.to));
  const ata = new Float64Array(81);
  for (const pair of pairs) {
    const a = applyHomography(nFrom, pair.from);
    const b = applyHomography(nTo, pair.to);
    accumulate(ata, [a.x, a.y, 1, 0, 0, 0, -b.x * a.x, -b.x * a.y, -b.x]);
    accumulate(ata, [0, 0, 0, a.x, a.y, 1, -b.y * a.x, -b.y * a.y, -b.y]);
  }
  const h = smallestEigenvector(ata, 9);
  return composeHomography(composeHomography(nFrom, h), invertHomography(nTo));
}

/**
 * Least-squares affine map (a homography with no perspective) from three or more pairs. Four points
 * close together, like one tag's corners, pin down position, scale and rotation well but perspective
 * badly: a full homography from them extrapolates wildly across the page, an affine one does not.
 */
export function fitAffine(pairs: readonly PointPair[]): Homography {
  if (pairs.length < 3) throw new Error(`an affine map needs 3 point pairs, got ${pairs.length}`);
  const n = normaliser(pairs.map((p) => p.from));
  const ata = new Float64Array(9);
  const atx = [0, 0, 0];
  const aty = [0, 0, 0];
  for (const { from, to } of pairs) {
    const a = applyHomography(n, from);
    const row = [a.x, a.y, 1];
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) ata[i * 3 + j] += row[i] * row[j];
      atx[i] += row[i] * to.x;
      aty[i] += row[i] * to.y;
    }
  }
  return composeHomography(n, [...solve3(ata, atx), ...solve3(ata, aty), 0, 0, 1]);
}

/** Distance between p mapped by h and q, for every pair: how well a fit explains its points. */
export function reprojectionErrors(h: Homography, pairs: readonly PointPair[]): number[] {
  return pairs.map(({ from, to }) => {
    const m = applyHomography(h, from);
    return Math.hypot(m.x - to.x, m.y - to.y);
  });
}

/** Area scale of h at p (target pixels per source pixel, along one side), for choosing sampling rates. */
export function localScale(h: Homography, p: Point): number {
  const o = applyHomography(h, p);
  const dx = applyHomography(h, { x: p.x + 1, y: p.y });
  const dy = applyHomography(h, { x: p.x, y: p.y + 1 });
  const area = Math.abs((dx.x - o.x) * (dy.y - o.y) - (dx.y - o.y) * (dy.x - o.x));
  return Math.sqrt(area);
}

/** Cramer's rule for a 3x3 system m v = b. */
function solve3(m: Float64Array, b: number[]): number[] {
  const det3 = (c: number[]) =>
    c[0] * (c[4] * c[8] - c[5] * c[7]) - c[1] * (c[3] * c[8] - c[5] * c[6]) + c[2] * (c[3] * c[7] - c[4] * c[6]);
  const d = det3(Array.from(m));
  if (Math.abs(d) < 1e-12) throw new Error('points are collinear');
  return [0, 1, 2].map((col) => {
    const c = Array.from(m);
    for (let r = 0; r < 3; r++) c[r * 3 + col] = b[r];
    return det3(c) / d;
  });
}

function normalise(h: number[]): Homography {
  const s = Math.abs(h[8]) > 1e-12 ? h[8] : Math.hypot(...h);
  return h.map((v) => v / s);
}

function normaliser(points: readonly Point[]): Homography {
  const cx = points.reduce((s, p) => s + p.x, 0) / points.length;
  const cy = points.reduce((s, p) => s + p.y, 0) / points.length;
  const mean = points.reduce((s, p) => s + Math.hypot(p.x - cx, p.y - cy), 0) / points.length;
  const k = mean > 0 ? Math.SQRT2 / mean : 1;
  return [k, 0, -k * cx, 0, k, -k * cy, 0, 0, 1];
}

function accumulate(ata: Float64Array, row: number[]): void {
  for (let i = 0; i < 9; i++) {
    for (let j = 0; j < 9; j++) ata[i * 9 + j] += row[i] * row[j];
  }
}

/** Cyclic Jacobi on a small symmetric matrix; returns the eigenvector of the smallest eigenvalue. */
function smallestEigenvector(m: Float64Array, n: number): number[] {
  const a = Float64Array.from(m);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p * n + q] ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) rotate(a, v, n, p, q);
    }
  }
  let best = 0;
  for (let i = 1; i < n; i++) if (a[i * n + i] < a[best * n + best]) best = i;
  return Array.from({ length: n }, (_, i) => v[i * n + best]);
}

function rotate(a: Float64Array, v: Float64Array, n: number, p: number, q: number): void {
  const apq = a[p * n + q];
  if (Math.abs(apq) < 1e-300) return;
  const theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
  const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
  const c = 1 / Math.sqrt(t * t + 1);
  const s = t * c;
  for (let k = 0; k < n; k++) {
    const akp = a[k * n + p];
    const akq = a[k * n + q];
    a[k * n + p] = c * akp - s * akq;
    a[k * n + q] = s * akp + c * akq;
  }
  for (let k = 0; k < n; k++) {
    const apk = a[p * n + k];
    const aqk = a[q * n + k];
    a[p * n + k] = c * apk - s * aqk;
    a[q * n + k] = s * apk + c * aqk;
  }
  for (let k = 0; k < n; k++) {
    const vkp = v[k * n + p];
    const vkq = v[k * n + q];
    v[k * n + p] = c * vkp - s * vkq;
    v[k * n + q] = s * vkp + c * vkq;
  }
}
