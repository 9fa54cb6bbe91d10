import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Rect } from './gray-image.ts';
import type { Point } from './homography.ts';

/** Where things are on each page of C.HASIL-PPWP, in pixels of the 100 dpi renders (layout.json). */
export type BubbleColumn = { cx: number; cy0: number; pitch: number; r: number; count: number };
export type FieldLayout = { field: string; boxes: Rect[]; bubbles?: BubbleColumn[] };
export type PageLayout = {
  page: 1 | 2 | 3;
  image: string;
  aprilTagId: number;
  width: number;
  height: number;
  aprilTag: { family: string; corners: [number, number][] };
  cornerMarks: Rect[];
  fields: FieldLayout[];
};
export type FormLayout = { form: string; pages: PageLayout[] };

export const FORM_DIR = fileURLToPath(new URL('../assets/form/c-hasil-ppwp-2024/', import.meta.url));

let cached: FormLayout | undefined;

export function loadFormLayout(): FormLayout {
  cached ??= JSON.parse(readFileSync(`${FORM_DIR}layout.json`, 'utf8')) as FormLayout;
  return cached;
}

export function pageLayout(page: 1 | 2 | 3, layout: FormLayout = loadFormLayout()): PageLayout {
  const found = layout.pages.find((p) => p.page === page);
  if (!found) throw new Error(`layout.json has no page ${page}`);
  return found;
}

/**
 * The point where a corner mark's two squares touch. Measured on all twelve marks of the renders
 * (see page-locator tests): one pixel above the centre of layout.json's 58 x 58 box, whose y is
 * rounded down a pixel relative to the printed squares.
 */
export function markCorner(mark: Rect): Point {
  return { x: mark.x + mark.w / 2, y: mark.y + mark.h / 2 - 1 };
}

export function tagCorners(page: PageLayout): Point[] {
  return page.aprilTag.corners.map(([x, y]) => ({ x, y }));
}
