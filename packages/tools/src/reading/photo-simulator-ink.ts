import type { FieldValues } from '@cocok/domain';
import type { Rect } from '@cocok/reader/tooling';
import type { BubbleColumn, PageLayout } from '@cocok/reader/tooling';
import { boxMarks, tallyStrokes, type BoxMark, type LeadingStyle, type Rng } from './photo-simulator.logic.ts';

/**
 * Pen work on a simulated sheet, as SVG in layout pixels: drawn crosses, blackened bubbles, tally
 * strokes, and scribbles where people write names, places and signatures (distractors for the reader).
 * Handwritten digits are real crops, pasted separately (handwriting-crops.ts).
 */
export type Writer = {
  ink: string;
  width: number;
  leading: LeadingStyle;
  drawnCross: number;
  bubbles: number;
  strikeUnused: number;
};

const INKS = ['#1b2c8f', '#20246b', '#1a1a1a', '#2b3a9e', '#101850'];

export function randomWriter(rng: Rng): Writer {
  return {
    ink: rng.pick(INKS),
    width: 3 + rng.next() * 2.5,
    leading: rng.next() < 0.6 ? 'cross' : rng.next() < 0.7 ? 'empty' : 'zero',
    drawnCross: rng.next(),
    bubbles: rng.next() < 0.85 ? 0.95 : 0,
    strikeUnused: rng.next(),
  };
}

/** Tally grids are not in layout.json; measured on the renders (12 columns, 5 rows). */
function tallyGrid(page: number, field: string, box0: Rect): Rect | null {
  if (page === 2) return { x: 712, y: box0.y - 24, w: 926, h: 314 };
  if (page === 3 && field === 'suara_tidak_sah') return { x: 712, y: 901, w: 926, h: 245 };
  return null;
}

/** Lines where people write place names, numbers in words and signatures, per page (layout px). */
const SCRIBBLE_LINES: Record<number, Rect[]> = {
  1: [
    { x: 500, y: 790, w: 380, h: 26 },
    { x: 500, y: 855, w: 380, h: 26 },
    { x: 1280, y: 790, w: 380, h: 26 },
    { x: 1280, y: 855, w: 380, h: 26 },
    { x: 1440, y: 900, w: 220, h: 26 },
    { x: 480, y: 625, w: 150, h: 26 },
    { x: 880, y: 625, w: 170, h: 26 },
    { x: 300, y: 3050, w: 200, h: 30 },
    { x: 560, y: 3050, w: 200, h: 30 },
    { x: 820, y: 3050, w: 200, h: 30 },
    { x: 450, y: 3290, w: 260, h: 50 },
    { x: 1050, y: 3290, w: 260, h: 50 },
  ],
  2: [
    { x: 650, y: 322, w: 380, h: 26 },
    { x: 650, y: 372, w: 380, h: 26 },
    { x: 1410, y: 322, w: 380, h: 26 },
    { x: 1410, y: 372, w: 380, h: 26 },
    { x: 1570, y: 418, w: 220, h: 26 },
    { x: 300, y: 3050, w: 200, h: 30 },
    { x: 560, y: 3050, w: 200, h: 30 },
    { x: 450, y: 3290, w: 260, h: 50 },
    { x: 1650, y: 3290, w: 260, h: 50 },
  ],
  3: [
    { x: 650, y: 322, w: 380, h: 26 },
    { x: 650, y: 372, w: 380, h: 26 },
    { x: 1410, y: 322, w: 380, h: 26 },
    { x: 1410, y: 372, w: 380, h: 26 },
    { x: 1570, y: 418, w: 220, h: 26 },
    { x: 720, y: 675, w: 650, h: 30 },
    { x: 720, y: 1255, w: 650, h: 30 },
    { x: 710, y: 1425, w: 330, h: 28 },
    { x: 300, y: 1750, w: 200, h: 30 },
    { x: 560, y: 1750, w: 200, h: 30 },
    { x: 450, y: 2090, w: 260, h: 50 },
    { x: 1050, y: 2090, w: 260, h: 50 },
  ],
};

export type InkPlan = { svg: string; crops: { box: Rect; mark: BoxMark }[] };

/** Everything written on one page for these values; `values` null fields are left blank. */
export function planPageInk(page: PageLayout, values: FieldValues, writer: Writer, rng: Rng): InkPlan {
  const parts: string[] = [];
  const crops: InkPlan['crops'] = [];
  for (const field of page.fields) {
    const value = values[field.field as keyof FieldValues];
    if (value === null || value === undefined) continue;
    boxMarks(value, writer.leading).forEach((mark, i) => {
      const box = field.boxes[i];
      if (mark.kind === 'cross' && rng.next() < writer.drawnCross) parts.push(drawnCross(box, writer, rng));
      else if (mark.kind !== 'empty') crops.push({ box, mark });
      if (field.bubbles && rng.next() < writer.bubbles) parts.push(bubble(field.bubbles[i], mark, writer, rng));
    });
    const grid = tallyGrid(page.page, field.field, field.boxes[0]);
    if (grid) parts.push(tally(grid, value, writer, rng));
    if (page.page === 2)
      parts.push(scribble({ x: 720, y: field.boxes[0].y + 430, w: 500 + rng.next() * 250, h: 30 }, writer, rng));
  }
  for (const line of SCRIBBLE_LINES[page.page] ?? []) if (rng.chance(0.8)) parts.push(scribble(line, writer, rng));
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${page.width}" height="${page.height}"><g fill="none" stroke="${writer.ink}" stroke-linecap="round" stroke-linejoin="round" stroke-opacity="0.9">${parts.join('')}</g></svg>`;
  return { svg, crops };
}

function stroke(points: [number, number][], width: number, rng: Rng): string {
  let d = `M${f(points[0][0])} ${f(points[0][1])}`;
  for (let i = 1; i < points.length; i++) {
    const [x0, y0] = points[i - 1];
    const [x1, y1] = points[i];
    // A hand's line bows a little: bend it through a jittered midpoint.
    const bow = Math.hypot(x1 - x0, y1 - y0) * 0.04 * rng.normal();
    const mx = (x0 + x1) / 2 - ((y1 - y0) / (Math.hypot(x1 - x0, y1 - y0) || 1)) * bow;
    const my = (y0 + y1) / 2 + ((x1 - x0) / (Math.hypot(x1 - x0, y1 - y0) || 1)) * bow;
    d += ` Q${f(mx)} ${f(my)} ${f(x1)} ${f(y1)}`;
  }
  return `<path d="${d}" stroke-width="${f(width)}"/>`;
}

function drawnCross(box: Rect, w: Writer, rng: Rng): string {
  const m = () => 0.08 + rng.next() * 0.12;
  const [l, t, r, b] = [box.x + box.w * m(), box.y + box.h * m(), box.x + box.w * (1 - m()), box.y + box.h * (1 - m())];
  return (
    stroke(
      [
        [l, t],
        [r, b],
      ],
      w.width,
      rng,
    ) +
    stroke(
      [
        [r, t],
        [l, b],
      ],
      w.width,
      rng,
    )
  );
}

/** Blacken the bubble of the digit written above it (a crossed or empty box gets 0, or nothing). */
function bubble(col: BubbleColumn, mark: BoxMark, w: Writer, rng: Rng): string {
  const digit = mark.kind === 'digit' ? mark.digit : rng.chance(0.5) ? 0 : -1;
  if (digit < 0) return '';
  const cx = col.cx + rng.normal() * 1.5;
  const cy = col.cy0 + digit * col.pitch + rng.normal() * 1.5;
  const rx = col.r * (0.8 + rng.next() * 0.3);
  const ry = col.r * (0.8 + rng.next() * 0.3);
  return `<ellipse cx="${f(cx)}" cy="${f(cy)}" rx="${f(rx)}" ry="${f(ry)}" fill="${w.ink}" fill-opacity="${f(0.8 + rng.next() * 0.2)}" stroke="none"/>`;
}

function tally(grid: Rect, votes: number, w: Writer, rng: Rng): string {
  const cw = grid.w / 12;
  const ch = grid.h / 5;
  const cells = tallyStrokes(votes);
  const parts: string[] = [];
  cells.forEach((n, i) => {
    const x = grid.x + (i % 12) * cw;
    const y = grid.y + Math.floor(i / 12) * ch;
    for (let k = 0; k < Math.min(n, 4); k++) {
      const bx = x + cw * (0.2 + 0.18 * k) + rng.normal();
      parts.push(
        stroke(
          [
            [bx, y + ch * 0.18],
            [bx + rng.normal(), y + ch * 0.82],
          ],
          w.width * 0.8,
          rng,
        ),
      );
    }
    if (n === 5)
      parts.push(
        stroke(
          [
            [x + cw * 0.1, y + ch * 0.78],
            [x + cw * 0.9, y + ch * 0.22],
          ],
          w.width * 0.8,
          rng,
        ),
      );
  });
  const firstUnused = cells.findIndex((n) => n === 0);
  if (firstUnused >= 0 && rng.next() < w.strikeUnused) parts.push(strikeUnused(grid, firstUnused, w, rng));
  return parts.join('');
}

/** Unused cells are struck through so nothing can be added: a Z over the empty rows, a line for the rest. */
function strikeUnused(grid: Rect, first: number, w: Writer, rng: Rng): string {
  const cw = grid.w / 12;
  const ch = grid.h / 5;
  const row = Math.floor(first / 12);
  const parts: string[] = [];
  if (first % 12 !== 0) {
    const y = grid.y + (row + 0.5) * ch;
    parts.push(
      stroke(
        [
          [grid.x + (first % 12) * cw + 5, y],
          [grid.x + grid.w - 5, y],
        ],
        w.width,
        rng,
      ),
    );
  }
  const top = grid.y + (first % 12 === 0 ? row : row + 1) * ch;
  if (top < grid.y + grid.h - 5) {
    const [l, r, b] = [grid.x + 8, grid.x + grid.w - 8, grid.y + grid.h - 6];
    parts.push(
      stroke(
        [
          [l, top + 6],
          [r, top + 6],
          [l, b],
          [r, b],
        ],
        w.width,
        rng,
      ),
    );
  }
  return parts.join('');
}

/** Joined-up "writing": loops along a baseline, with word gaps. */
function scribble(line: Rect, w: Writer, rng: Rng): string {
  let x = line.x;
  const base = line.y + line.h;
  let d = 'M';
  while (x < line.x + line.w) {
    const word = 30 + rng.next() * 90;
    const end = Math.min(x + word, line.x + line.w);
    d += `${f(x)} ${f(base)}`;
    for (let cx = x; cx < end; cx += 9 + rng.next() * 6) {
      const up = base - line.h * (0.4 + rng.next() * (rng.chance(0.2) ? 0.9 : 0.4));
      d += ` Q${f(cx + 4)} ${f(up)} ${f(cx + 8)} ${f(base - rng.next() * 4)}`;
    }
    x = end + 12 + rng.next() * 18;
    d += ' M';
  }
  return `<path d="${d.replace(/ M$/, '')}" stroke-width="${f(w.width * 0.7)}"/>`;
}

function f(v: number): string {
  return v.toFixed(1);
}
