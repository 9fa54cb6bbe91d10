import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import sharp from 'sharp';
import { sniffFormat, type SniffedFormat } from '@cocok/reader';
import { fixture as fixturePath } from '@cocok/testing';
import { sniffImageType } from '../../src/modules/photos/photos.logic.ts';

/**
 * One sniffer for the upload and the reader (they once had different HEIC rules, so an upload could be
 * accepted as HEIC and then refused by the reader, or the other way round). Each case is the start of a
 * real file: fixtures, files sharp writes, and ISO-BMFF `ftyp` boxes as phones and encoders write them.
 */
const fixture = (p: string) => fs.readFileSync(fixturePath(p));
const ascii = (text: string) => Buffer.from(text, 'latin1');

/** An ISO-BMFF `ftyp` box (size, 'ftyp', major brand, minor version, compatible brands) and a `meta` box after it. */
function ftyp(major: string, ...compatible: string[]): Buffer {
  const body = Buffer.concat([ascii(major), Buffer.alloc(4), ...compatible.map(ascii)]);
  const size = Buffer.alloc(4);
  size.writeUInt32BE(8 + body.length);
  return Buffer.concat([size, ascii('ftyp'), body, Buffer.from([0, 0, 0, 0x21]), ascii('meta'), Buffer.alloc(8)]);
}

type Case = { name: string; bytes: () => Buffer; expect: SniffedFormat };
const made: Record<string, Buffer> = {};

before(async () => {
  const base = sharp({ create: { width: 64, height: 48, channels: 3, background: '#c33' } });
  made.webp = await base.clone().webp().toBuffer();
  made.avif = await base.clone().avif().toBuffer();
  made.gif = await base.clone().gif().toBuffer();
  made.tiff = await base.clone().tiff().toBuffer();
});

const cases: Case[] = [
  { name: 'JPEG (fixture drawing)', bytes: () => fixture('bad/cat-drawing.jpg'), expect: 'jpeg' },
  { name: 'JPEG phone photo of a page', bytes: () => fixture('photos/page-2-on-screen.jpg'), expect: 'jpeg' },
  {
    name: 'truncated JPEG: the header is whole, the decoder finds the cut',
    bytes: () => fixture('bad/truncated.jpg'),
    expect: 'jpeg',
  },
  { name: 'PNG 1 x 1', bytes: () => fixture('bad/one-pixel.png'), expect: 'png' },
  {
    name: 'PNG decompression bomb (refused later, by its size)',
    bytes: () => fixture('bad/bomb-30000x30000.png'),
    expect: 'png',
  },
  { name: 'WebP written by sharp', bytes: () => made.webp, expect: 'webp' },
  { name: 'iPhone HEIC (heic major, mif1 heic miaf)', bytes: () => fixture('bad/iphone.heic'), expect: 'heic' },
  { name: 'HEIC written by heif-enc', bytes: () => fixture('uploads/pattern-320x240.heic'), expect: 'heic' },
  { name: 'Samsung HEIC (heix major)', bytes: () => ftyp('heix', 'mif1', 'heix'), expect: 'heic' },
  { name: 'HEIF with mif1 major and heic compatible', bytes: () => ftyp('mif1', 'mif1', 'heic'), expect: 'heic' },
  {
    name: 'HEIF image without a codec brand (miaf major, mif1 compatible)',
    bytes: () => ftyp('miaf', 'miaf', 'mif1'),
    expect: 'heic',
  },
  {
    name: 'HEIF sequence (msf1 major, hevc compatible)',
    bytes: () => ftyp('msf1', 'msf1', 'hevc', 'iso8'),
    expect: 'heic',
  },
  {
    name: 'HEIF sequence without a codec brand (msf1 only)',
    bytes: () => ftyp('msf1', 'msf1', 'iso8'),
    expect: 'heic',
  },
  { name: 'HEVC sequence brand as major (hevc)', bytes: () => ftyp('hevc', 'msf1', 'hevc'), expect: 'heic' },
  {
    name: 'a long ftyp box with heic past the 64th byte',
    bytes: () => ftyp('mp42', ...Array(14).fill('iso2'), 'heic'),
    expect: 'heic',
  },
  { name: 'AVIF written by sharp', bytes: () => made.avif, expect: 'avif' },
  { name: 'AVIF (avif major, mif1 miaf)', bytes: () => ftyp('avif', 'avif', 'mif1', 'miaf'), expect: 'avif' },
  {
    name: 'HEIF container holding AVIF (mif1 major, avif compatible)',
    bytes: () => ftyp('mif1', 'mif1', 'avif'),
    expect: 'avif',
  },
  { name: 'MP4 video', bytes: () => ftyp('isom', 'isom', 'iso2', 'mp41'), expect: 'unknown' },
  { name: 'GIF written by sharp', bytes: () => made.gif, expect: 'gif' },
  { name: 'TIFF written by sharp', bytes: () => made.tiff, expect: 'tiff' },
  { name: 'a text file renamed .jpg', bytes: () => fixture('bad/text-renamed.jpg'), expect: 'unknown' },
  {
    name: 'PNG sent in text mode (CR dropped from the signature)',
    bytes: () => Buffer.concat([ascii('\x89PNG\n\x1a\n'), fixture('bad/one-pixel.png').subarray(8)]),
    expect: 'unknown',
  },
  { name: 'empty file', bytes: () => Buffer.alloc(0), expect: 'unknown' },
  { name: 'JPEG cut after 2 bytes', bytes: () => fixture('bad/cat-drawing.jpg').subarray(0, 2), expect: 'unknown' },
  { name: 'PNG cut after 7 bytes', bytes: () => fixture('bad/one-pixel.png').subarray(0, 7), expect: 'unknown' },
  { name: 'WebP cut after 11 bytes', bytes: () => made.webp.subarray(0, 11), expect: 'unknown' },
  {
    name: 'HEIC cut inside its ftyp box (10 bytes)',
    bytes: () => fixture('bad/iphone.heic').subarray(0, 10),
    expect: 'unknown',
  },
];

const UPLOADABLE: readonly SniffedFormat[] = ['jpeg', 'png', 'webp', 'heic'];

for (const c of cases) {
  test(`sniff ${c.name}: reader ${c.expect}, upload ${UPLOADABLE.includes(c.expect) ? c.expect : 'refused'}`, () => {
    const bytes = c.bytes();
    assert.equal(sniffFormat(bytes), c.expect, 'the reader');
    assert.equal(sniffImageType(bytes), UPLOADABLE.includes(c.expect) ? c.expect : null, 'the upload');
  });
}
