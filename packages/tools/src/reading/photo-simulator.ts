import sharp from 'sharp';
import { PAGE_FIELDS, type FieldValues } from '@cocok/domain';
import type { CropLibrary } from './handwriting-crops.ts';
import type { Homography } from '@cocok/reader/tooling';
import { FORM_DIR, loadFormLayout, pageLayout, type FormLayout, type PageLayout } from '@cocok/reader/tooling';
import { photograph, type RgbImage } from './photo-simulator-camera.ts';
import { planPageInk, randomWriter, type Writer } from './photo-simulator-ink.ts';
import { createRng, generateTpsValues, injectInconsistency, photoGeometry, type Rng } from './photo-simulator.logic.ts';

/**
 * Simulated phone photos of filled C.HASIL-PPWP pages, with their truth. Photos come in sets of three
 * (pages 1, 2, 3 of one TPS, consistent across pages unless an inconsistency is injected), each
 * deterministic from (seed, index) alone.
 */
export type TruthEntry = {
  page: 1 | 2 | 3;
  fields: Record<string, number | null>;
  tps: string;
  /**
   * layout.json pixels -> pixels of the photo as displayed (EXIF orientation applied), for the flat
   * sheet. With `photo.bend` > 0 the sheet bulges: layout point p shows at homography(bentPoint(p, bend)).
   */
  homography: Homography;
  photo: {
    width: number;
    height: number;
    orientation: number;
    quality: number;
    blur: number;
    noise: number;
    bend: number;
  };
  /** The field changed so that the sheet's checks fail, when one was. */
  inconsistent?: string;
};
export type SimulatedPhoto = { name: string; jpeg: Buffer; truth: TruthEntry };
export type SimulationOptions = {
  seed: number;
  /** Range of photo sizes in megapixels (default 2-12). */
  megapixels?: [number, number];
  /** Share of TPS whose sheet is made inconsistent (default 0). */
  inconsistentRate?: number;
};
export type SimulatorDeps = {
  crops: CropLibrary;
  layout?: FormLayout;
  loadRender?: (page: number) => Promise<RgbImage>;
};

export function createPhotoSimulator(deps: SimulatorDeps) {
  const layout = deps.layout ?? loadFormLayout();
  const loadRender = deps.loadRender ?? loadBlankRender;
  const renders = new Map<number, Promise<RgbImage>>();
  const render = (page: number) => renders.get(page) ?? renders.set(page, loadRender(page)).get(page)!;

  /** Photo number `index` (0-based) of the series for `options.seed`. */
  async function simulate(index: number, options: SimulationOptions): Promise<SimulatedPhoto> {
    const tpsIndex = Math.floor(index / 3);
    const page = pageLayout(((index % 3) + 1) as 1 | 2 | 3, layout);
    const sheet = tpsSheet(options.seed, tpsIndex, options.inconsistentRate ?? 0);
    const rng = createRng(mix(options.seed, index, 2));
    const filled = await fillPage(page, sheet.values, sheet.writer, rng, await render(page.page), deps.crops);
    const geometry = photoGeometry(rng, page, options.megapixels);
    const shot = await photograph(filled, geometry, rng);
    const fields = Object.fromEntries(PAGE_FIELDS[page.page].map((f) => [f, sheet.values[f]]));
    const truth: TruthEntry = {
      page: page.page,
      fields,
      tps: `SIM-${options.seed}-${String(tpsIndex + 1).padStart(4, '0')}`,
      homography: geometry.homography.map((v) => Number(v.toPrecision(10))),
      photo: {
        width: geometry.width,
        height: geometry.height,
        orientation: shot.orientation,
        quality: shot.quality,
        blur: shot.blur,
        noise: shot.noise,
        bend: Math.round(geometry.bend * 100) / 100,
      },
      ...(sheet.inconsistent && PAGE_FIELDS[page.page].some((f) => f === sheet.inconsistent)
        ? { inconsistent: sheet.inconsistent }
        : {}),
    };
    return { name: `${String(index + 1).padStart(4, '0')}-page${page.page}.jpg`, jpeg: shot.jpeg, truth };
  }

  return { simulate };
}

export type Sheet = { values: FieldValues; writer: Writer; inconsistent?: string };

/** One TPS's figures and hand, the same for its three pages (photos 3t, 3t+1, 3t+2). */
export function tpsSheet(seed: number, tpsIndex: number, inconsistentRate: number): Sheet {
  const rng = createRng(mix(seed, tpsIndex, 1));
  const values = generateTpsValues(rng);
  const writer = randomWriter(rng);
  const inconsistent = rng.chance(inconsistentRate) ? injectInconsistency(values, rng) : undefined;
  // Rows people skip when there is nothing to report: left blank, read as unknown.
  for (const f of [
    'disabilitas_l',
    'disabilitas_p',
    'disabilitas_j',
    'pengguna_non_dpt_l',
    'pengguna_non_dpt_p',
    'pengguna_non_dpt_j',
  ] as const) {
    if (values[f] === 0 && rng.chance(0.3)) values[f] = null;
  }
  return { values, writer, inconsistent };
}

async function fillPage(
  page: PageLayout,
  values: FieldValues,
  writer: Writer,
  rng: Rng,
  blank: RgbImage,
  crops: CropLibrary,
): Promise<RgbImage> {
  const plan = planPageInk(page, values, writer, rng);
  const placed: {
    entry: NonNullable<Awaited<ReturnType<CropLibrary['pick']>>>;
    left: number;
    top: number;
    w: number;
    h: number;
  }[] = [];
  // One at a time: picking draws from rng, and the draws must not depend on which file loads first.
  for (const { box, mark } of plan.crops) {
    const entry = await crops.pick(
      mark.kind === 'cross' ? mark : { kind: 'digit', digit: mark.kind === 'digit' ? mark.digit : 0 },
      rng,
    );
    if (!entry) continue;
    // Handwriting goes inside the printed border (crops come without theirs, see inkTile).
    const inside = {
      x: box.x + BORDER_INSET,
      y: box.y + BORDER_INSET,
      w: box.w - 2 * BORDER_INSET,
      h: box.h - 2 * BORDER_INSET,
    };
    const grow = 1 + rng.normal() * 0.03;
    const w = Math.round(inside.w * grow);
    const h = Math.round(inside.h * grow);
    placed.push({
      entry,
      left: Math.round(inside.x + (inside.w - w) / 2 + rng.normal()),
      top: Math.round(inside.y + (inside.h - h) / 2 + rng.normal()),
      w,
      h,
    });
  }
  const tiles = await Promise.all(placed.map((p) => crops.tile(p.entry, p.w, p.h)));
  const data = await sharp(blank.data, { raw: { width: blank.width, height: blank.height, channels: 3 } })
    .composite([
      ...tiles.map((t, i) => ({
        input: t.data,
        raw: { width: t.width, height: t.height, channels: 3 as const },
        left: placed[i].left,
        top: placed[i].top,
        blend: 'multiply' as const,
      })),
      { input: Buffer.from(plan.svg), left: 0, top: 0 },
    ])
    .removeAlpha()
    .raw()
    .toBuffer();
  return { data, width: blank.width, height: blank.height };
}

/** Layout px from a layout.json box's edge to the inside of its printed ~4 px border. */
const BORDER_INSET = 4;

async function loadBlankRender(page: number): Promise<RgbImage> {
  const { data, info } = await sharp(`${FORM_DIR}page-${page}.png`)
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** A 32-bit seed from a few integers (so photo i does not depend on photos before it). */
function mix(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) {
    h = Math.imul(h ^ (p >>> 0), 0x01000193);
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  }
  return h >>> 0;
}
