import sharp from 'sharp';
import { applyHomography, invertHomography, localScale, type Homography } from '@cocok/reader/tooling';
import { bentPoint, type PhotoGeometry, type Rng } from './photo-simulator.logic.ts';

/**
 * "Photograph" a filled page: put it on a busy table under uneven light, seen through `geometry`,
 * then add the camera's blur, sensor noise and JPEG, and sometimes store it sideways with an EXIF
 * orientation tag as phones do. The page-to-photo map of the upright picture is `geometry.homography`.
 */
export type RgbImage = { data: Buffer; width: number; height: number };
export type Shot = { jpeg: Buffer; orientation: 1 | 3 | 6 | 8; quality: number; blur: number; noise: number };

export async function photograph(page: RgbImage, geometry: PhotoGeometry, rng: Rng): Promise<Shot> {
  const { width, height } = geometry;
  const { image: scaled, toScaled } = await prescale(page, geometry.homography);
  const background = await table(geometry, rng);
  const light = lighting(rng, width, height);
  const noise = 2 + rng.next() * 6;
  const out = Buffer.alloc(width * height * 3);
  const toPage = {
    photoToLayout: invertHomography(geometry.homography),
    toScaled,
    bend: geometry.bend,
    layout: { width: page.width, height: page.height },
  };
  render(out, scaled, background, toPage, light, { width, height, noise, seed: rng.int(1, 2 ** 30) });
  const blur = rng.chance(0.7) ? 0.4 + rng.next() * 1.4 : 0;
  const quality = rng.int(60, 95);
  const orientation = rng.chance(0.75) ? 1 : rng.pick([3, 6, 8] as const);
  let img = sharp(out, { raw: { width, height, channels: 3 } });
  if (blur > 0) img = img.blur(blur);
  // Stored pixels are the upright picture turned the other way, so a viewer applying the tag shows it upright.
  const storedTurn = { 1: 0, 3: 180, 6: 270, 8: 90 }[orientation];
  const upright = await img.raw().toBuffer();
  let stored = sharp(upright, { raw: { width, height, channels: 3 } });
  if (storedTurn) stored = stored.rotate(storedTurn);
  const jpeg = await stored.jpeg({ quality, chromaSubsampling: '4:2:0' }).withMetadata({ orientation }).toBuffer();
  return { jpeg, orientation, quality, blur: Math.round(blur * 100) / 100, noise: Math.round(noise * 100) / 100 };
}

/**
 * Shrink the page to about the size it will have in the photo first (area averaging by sharp):
 * sampling a 2363 px page straight into a 1200 px one would alias its thin lines into moire.
 */
async function prescale(page: RgbImage, h: Homography): Promise<{ image: RgbImage; toScaled: Homography }> {
  const k = Math.min(1, localScale(h, { x: page.width / 2, y: page.height / 2 }) * 1.25);
  if (k >= 0.95) return { image: page, toScaled: [1, 0, 0, 0, 1, 0, 0, 0, 1] };
  const width = Math.round(page.width * k);
  const height = Math.round(page.height * k);
  const data = await sharp(page.data, { raw: { width: page.width, height: page.height, channels: 3 } })
    .resize(width, height, { fit: 'fill' })
    .raw()
    .toBuffer();
  const kx = width / page.width;
  const ky = height / page.height;
  return { image: { data, width, height }, toScaled: [kx, 0, 0.5 * kx - 0.5, 0, ky, 0.5 * ky - 0.5, 0, 0, 1] };
}

/**
 * A table or floor: a base colour, wood-like streaks, some objects (papers, a phone, a pen) and the
 * page's shadow. Drawn at a quarter size and blurred up (the table is out of focus anyway): an SVG
 * blur filter at 12 MP takes librsvg over ten seconds.
 */
async function table(g: PhotoGeometry, rng: Rng): Promise<Buffer> {
  const q = 4;
  const w = Math.ceil(g.width / q);
  const h = Math.ceil(g.height / q);
  const base = rng.pick(['#6b4f36', '#8a6a4a', '#3c3f44', '#a39a8c', '#2f4a5e', '#5a5a52', '#7c2f2a']);
  const shapes: string[] = [];
  for (let i = 0; i < rng.int(10, 40); i++) {
    const y = rng.next() * h;
    shapes.push(
      `<path d="M0 ${y} C ${w / 3} ${y + rng.normal() * 8}, ${(2 * w) / 3} ${y + rng.normal() * 8}, ${w} ${y + rng.normal() * 8}" stroke="#000" stroke-opacity="${0.05 + rng.next() * 0.1}" stroke-width="${0.5 + rng.next() * 2}" fill="none"/>`,
    );
  }
  for (let i = 0; i < rng.int(4, 12); i++) {
    const [x, y, sw, sh] = [
      rng.next() * w,
      rng.next() * h,
      (0.05 + rng.next() * 0.3) * w,
      (0.02 + rng.next() * 0.3) * h,
    ];
    const fill = rng.pick(['#f2efe6', '#222', '#c33', '#2a5caa', '#e8d9a0', '#999', '#5b8c3a', '#fff']);
    shapes.push(
      `<rect x="${x}" y="${y}" width="${sw}" height="${sh}" rx="${rng.next() * 10}" fill="${fill}" opacity="${0.5 + rng.next() * 0.5}" transform="rotate(${rng.normal() * 25} ${x} ${y})"/>`,
    );
  }
  const corners = [
    { x: 0, y: 0 },
    { x: 2363, y: 0 },
    { x: 2363, y: 3544 },
    { x: 0, y: 3544 },
  ].map((p) => applyHomography(g.homography, p));
  const sx = (rng.normal() * 0.006 * g.width) / q;
  const sy = (Math.abs(rng.normal()) * 0.008 * g.height) / q;
  shapes.push(
    `<polygon points="${corners.map((p) => `${p.x / q + sx},${p.y / q + sy}`).join(' ')}" fill="#000" opacity="0.45"/>`,
  );
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect width="100%" height="100%" fill="${base}"/>${shapes.join('')}</svg>`;
  const small = await sharp(Buffer.from(svg))
    .removeAlpha()
    .blur(1 + rng.next() * 3)
    .raw()
    .toBuffer();
  return sharp(small, { raw: { width: w, height: h, channels: 3 } })
    .resize(g.width, g.height, { fit: 'fill' })
    .raw()
    .toBuffer();
}

type Light = {
  a: number;
  gx: number;
  gy: number;
  vignette: number;
  tint: [number, number, number];
  paper: [number, number, number];
  shade: { x: number; y: number; r: number; depth: number } | null;
};

/** Light falling unevenly: a gradient across the frame, darker corners, a warm or cool cast, sometimes a hand's shadow. */
function lighting(rng: Rng, w: number, h: number): Light {
  const warm = rng.normal() * 0.06;
  return {
    a: 0.75 + rng.next() * 0.3,
    gx: rng.normal() * 0.15,
    gy: rng.normal() * 0.15,
    vignette: rng.next() * 0.35,
    tint: [1 + warm, 1, 1 - warm],
    paper: [0.93 + rng.next() * 0.07, 0.92 + rng.next() * 0.07, 0.86 + rng.next() * 0.12],
    shade: rng.chance(0.35)
      ? {
          x: rng.next() * w,
          y: rng.next() * h,
          r: (0.15 + rng.next() * 0.3) * Math.max(w, h),
          depth: 0.2 + rng.next() * 0.3,
        }
      : null,
  };
}

type RenderOptions = { width: number; height: number; noise: number; seed: number };

type ToPage = {
  photoToLayout: Homography;
  toScaled: Homography;
  bend: number;
  layout: { width: number; height: number };
};

function render(out: Buffer, page: RgbImage, bg: Buffer, t: ToPage, L: Light, o: RenderOptions): void {
  const [a, b, c, d, e, f, g, hh, k] = t.photoToLayout;
  const [sx, , ox, , sy, oy] = t.toScaled;
  let seed = o.seed;
  const diag = Math.hypot(o.width, o.height) / 2;
  for (let y = 0; y < o.height; y++) {
    let nx = b * y + c;
    let ny = e * y + f;
    let nw = hh * y + k;
    for (let x = 0; x < o.width; x++, nx += a, ny += d, nw += g) {
      const i = (y * o.width + x) * 3;
      // Undo the bend to first order: sample the flat page where the bent sheet shows this point.
      const flat = bentPoint({ x: nx / nw, y: ny / nw }, -t.bend, t.layout);
      const px = flat.x * sx + ox;
      const py = flat.y * sy + oy;
      const onPage = px >= 0 && py >= 0 && px <= page.width - 1 && py <= page.height - 1;
      let gain =
        L.a *
        (1 + L.gx * (x / o.width - 0.5) + L.gy * (y / o.height - 0.5)) *
        (1 - (L.vignette * ((x - o.width / 2) ** 2 + (y - o.height / 2) ** 2)) / (diag * diag));
      if (L.shade) gain *= 1 - L.shade.depth * Math.max(0, 1 - Math.hypot(x - L.shade.x, y - L.shade.y) / L.shade.r);
      seed = (seed * 1664525 + 1013904223) >>> 0;
      const grain = ((seed >>> 8) / 16777216 + ((seed * 69069) >>> 8) / 16777216 - 1) * o.noise * 1.7;
      for (let ch = 0; ch < 3; ch++) {
        const v = onPage ? bilinear(page, px, py, ch) * L.paper[ch] : bg[i + ch];
        out[i + ch] = clamp(v * gain * L.tint[ch] + grain);
      }
    }
  }
}

function bilinear(img: RgbImage, x: number, y: number, ch: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const x1 = Math.min(x0 + 1, img.width - 1);
  const y1 = Math.min(y0 + 1, img.height - 1);
  const fx = x - x0;
  const fy = y - y0;
  const d = img.data;
  const w = img.width;
  const top = d[(y0 * w + x0) * 3 + ch] * (1 - fx) + d[(y0 * w + x1) * 3 + ch] * fx;
  const bottom = d[(y1 * w + x0) * 3 + ch] * (1 - fx) + d[(y1 * w + x1) * 3 + ch] * fx;
  return top * (1 - fy) + bottom * fy;
}

function clamp(v: number): number {
  return v < 0 ? 0 : v > 255 ? 255 : v;
}
