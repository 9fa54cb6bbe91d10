import sharp from 'sharp';
import type { FieldName } from '@cocok/domain';
import { snapBoxes } from './box-snap.ts';
import { inkContrast, inkVerdict } from '@cocok/domain';
import { boxCropRect, type DigitClassifier } from './digit-classifier.ts';
import { combineBoxes, type FieldReading } from '@cocok/domain';
import { measureBaseline, readColumn, type BubbleBaseline } from './bubble-reading.ts';
import { boxDistributions, boxesAlone, valueCandidates, type FieldCandidates } from '@cocok/domain';
import { failedIn, readSheet } from '@cocok/domain';
import { applyHomography, type Homography } from './homography.ts';
import { FORM_DIR, loadFormLayout, pageLayout, type FieldLayout } from './page-layout.ts';
import { createPageLocator } from './page-locator.ts';
import type { GrayImage } from './gray-image.ts';
import { warpRegion } from './warp.ts';
import type { FormReading } from '@cocok/domain';

/** Decoding is an adapter: photo bytes to upright grayscale, and how many working px per original px. */
export type DecodePhoto = (
  bytes: Buffer,
) => Promise<{ ok: true; image: GrayImage; scale: number } | { ok: false; reason: string; message: string }>;

export type FormReaderDeps = { classifier: DigitClassifier; decode: DecodePhoto };

/**
 * The reading pipeline: decode -> find the page (tag, corner marks) -> homography to layout.json ->
 * cut each field's three boxes -> classify -> on page 2 read the bubbles -> combine per field -> the
 * page's most probable values under its sums (sheet-reading.logic.ts, as a sheet of one page): every
 * field of a failed check, and every value chosen over its boxes' own best reading, goes to review.
 */
export async function createFormReader({ classifier, decode }: FormReaderDeps) {
  const layout = loadFormLayout();
  const locator = createPageLocator({ layout });
  const baselines = await page2Baselines();

  async function read(bytes: Buffer): Promise<FormReading> {
    const started = performance.now();
    const ms = () => Math.round(performance.now() - started);
    const decoded = await decode(bytes);
    if (!decoded.ok)
      return { page: null, fields: {}, review: true, reason: decoded.reason, message: decoded.message, ms: ms() };
    const located = locator.locate(decoded.image);
    if (!located.ok)
      return { page: null, fields: {}, review: true, reason: located.reason, message: located.message, ms: ms() };

    const page = pageLayout(located.page, layout);
    const { readings, candidates } = await readFields(decoded.image, located.homography, page.fields, baselines);
    const kept = Object.fromEntries(
      candidates.map((c) => [
        c.field,
        c.candidates
          .filter((v) => v.probability >= 1e-6)
          .map((v) => ({ value: v.value, probability: floor6(v.probability) })),
      ]),
    );
    // The page is read as a sheet of one page: its boxes' own best readings, searched under its sums.
    const asRead = Object.fromEntries(
      [...readings].map(([name, r]) => [
        name,
        {
          value: r.value,
          confidence: boxesAlone(candidates, name, r.value),
          review: r.reasons.length > 0,
          reasons: r.reasons,
        },
      ]),
    );
    const fields = readSheet([{ page: located.page, fields: asRead, candidates: kept }]);
    const checks = failedIn(new Map(Object.entries(fields).map(([name, f]) => [name as FieldName, f!.value])), {
      overseas: false,
    });
    return {
      page: located.page,
      fields,
      review: Object.values(fields).some((f) => f!.review),
      checks: [...checks],
      boxesInPhoto: boxOutlines(page.fields, located.homography, decoded.scale),
      candidates: kept,
      ms: ms(),
    };
  }

  async function readFields(
    image: GrayImage,
    h: Homography,
    fields: readonly FieldLayout[],
    baseline: Map<string, BubbleBaseline>,
  ) {
    // The page-wide map leaves interior boxes a few px off on a curled sheet: each field's boxes are
    // cut where their printed borders really are, so the ink test sees only the inside of the box.
    const crops = fields.flatMap((f) => {
      const shift = snapBoxes(image, h, f.boxes);
      return f.boxes.map((b) => warpRegion(image, h, boxCropRect({ ...b, x: b.x + shift.dx, y: b.y + shift.dy })));
    });
    const predictions = await classifier.classify(crops);
    const ink = crops.map((c) => inkVerdict(inkContrast(c)));
    const readings = new Map<FieldName, FieldReading>();
    const candidates: FieldCandidates[] = fields.map((f, i) => {
      const bubbles = f.bubbles?.map((col, c) => readColumn(image, h, col, baseline.get(f.field)![c]));
      const boxes = predictions.slice(i * 3, i * 3 + 3);
      const boxInk = ink.slice(i * 3, i * 3 + 3);
      readings.set(f.field as FieldName, combineBoxes(boxes, bubbles, boxInk));
      return { field: f.field as FieldName, candidates: valueCandidates(boxDistributions(boxes, boxInk, bubbles)) };
    });
    return { readings, candidates };
  }

  async function page2Baselines(): Promise<Map<string, BubbleBaseline>> {
    const { data, info } = await sharp(`${FORM_DIR}page-2.png`).greyscale().raw().toBuffer({ resolveWithObject: true });
    const blank: GrayImage = {
      data: new Uint8Array(data.buffer, data.byteOffset, data.length),
      width: info.width,
      height: info.height,
    };
    const out = new Map<string, BubbleBaseline>();
    for (const f of pageLayout(2, layout).fields) if (f.bubbles) out.set(f.field, measureBaseline(blank, f.bubbles));
    return out;
  }

  return { read };
}

/** Each field's box outline in the original photo's pixels (for cut-outs shown to witnesses). */
function boxOutlines(
  fields: readonly FieldLayout[],
  h: Homography,
  scale: number,
): Partial<Record<FieldName, [number, number][]>> {
  const out: Partial<Record<FieldName, [number, number][]>> = {};
  for (const f of fields) {
    const first = f.boxes[0];
    const last = f.boxes[f.boxes.length - 1];
    const corners = [
      { x: first.x, y: first.y },
      { x: last.x + last.w, y: last.y },
      { x: last.x + last.w, y: last.y + last.h },
      { x: first.x, y: first.y + first.h },
    ];
    out[f.field as FieldName] = corners.map((c) => {
      const p = applyHomography(h, c);
      return [Math.round(p.x / scale), Math.round(p.y / scale)];
    });
  }
  return out;
}

/** Candidates are stored with each reading: six decimals are plenty, and keep the JSON small. */
const floor6 = (v: number) => Math.floor(v * 1e6) / 1e6;

export type FormReaderInstance = Awaited<ReturnType<typeof createFormReader>>;
