import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BLANK_BELOW, INK_FROM, INK_INSET, inkContrast, inkVerdict } from './box-ink.logic.ts';
import type { BoxImage } from './digit-classifier.logic.ts';

/** An 80 x 80 crop: paper, a dark frame in the outer inset (the printed border), and what `draw` adds inside. */
function box(paper: number, draw: (x: number, y: number) => number | null = () => null): BoxImage {
  const size = 80;
  const data = new Uint8Array(size * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const frame = x < INK_INSET - 4 || y < INK_INSET - 4 || x >= size - INK_INSET + 4 || y >= size - INK_INSET + 4;
      data[y * size + x] = frame ? 20 : (draw(x, y) ?? paper);
    }
  }
  return { data, width: size, height: size };
}

test('inkContrast and inkVerdict: strokes against paper, the frame outside the inset ignored', () => {
  const cases: { name: string; image: BoxImage; verdict: string }[] = [
    { name: 'untouched paper inside a black frame', image: box(220), verdict: 'blank' },
    {
      name: 'screen moire: stripes 12 levels deep',
      image: box(210, (x) => (x % 5 < 2 ? 198 : null)),
      verdict: 'blank',
    },
    { name: 'a pen stroke 3 px wide', image: box(220, (x) => (x >= 38 && x < 41 ? 60 : null)), verdict: 'ink' },
    {
      name: 'a faint pencil-like stroke, 45 levels deep',
      image: box(220, (x) => (x >= 38 && x < 41 ? 175 : null)),
      verdict: 'unclear',
    },
    {
      name: 'a dark photo: paper 120, ink 40',
      image: box(120, (x, y) => (Math.abs(x - y) < 2 ? 40 : null)),
      verdict: 'ink',
    },
    {
      name: 'one dust pixel is not a stroke',
      image: box(220, (x, y) => (x === 40 && y === 40 ? 0 : null)),
      verdict: 'blank',
    },
  ];
  for (const c of cases) assert.equal(inkVerdict(inkContrast(c.image)), c.verdict, c.name);
});

test('inkVerdict thresholds', () => {
  const cases: [number, string][] = [
    [0, 'blank'],
    [BLANK_BELOW - 1, 'blank'],
    [BLANK_BELOW, 'unclear'],
    [INK_FROM - 1, 'unclear'],
    [INK_FROM, 'ink'],
    [200, 'ink'],
  ];
  for (const [contrast, verdict] of cases) assert.equal(inkVerdict(contrast), verdict, String(contrast));
});

test('a crop smaller than twice the inset has no inside: contrast 0', () => {
  assert.equal(inkContrast({ data: new Uint8Array(20 * 20), width: 20, height: 20 }), 0);
});
