import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkDimensions,
  reasonForError,
  rejection,
  sniffFormat,
  type DecodeReason,
  type SniffedFormat,
} from './image-decode.logic.ts';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

const sniffCases: { name: string; input: Uint8Array; expect: SniffedFormat }[] = [
  { name: 'JPEG SOI', input: bytes([0xff, 0xd8, 0xff, 0xe0]), expect: 'jpeg' },
  { name: 'PNG signature', input: bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a]), expect: 'png' },
  { name: 'WebP', input: bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '), expect: 'webp' },
  { name: 'GIF', input: bytes('GIF89a'), expect: 'gif' },
  { name: 'TIFF little-endian', input: bytes('II*', [0]), expect: 'tiff' },
  { name: 'iPhone HEIC', input: bytes([0, 0, 0, 0x1c], 'ftypheic', [0, 0, 0, 0], 'mif1heicmiaf'), expect: 'heic' },
  {
    name: 'HEIF with mif1 major brand',
    input: bytes([0, 0, 0, 0x18], 'ftypmif1', [0, 0, 0, 0], 'mif1heic'),
    expect: 'heic',
  },
  { name: 'AVIF', input: bytes([0, 0, 0, 0x1c], 'ftypavif', [0, 0, 0, 0], 'avifmif1miaf'), expect: 'avif' },
  { name: 'MP4 video', input: bytes([0, 0, 0, 0x18], 'ftypisom', [0, 0, 0, 0], 'isomiso2'), expect: 'unknown' },
  { name: 'text', input: bytes('hello, this is a text file'), expect: 'unknown' },
  { name: 'PDF', input: bytes('%PDF-1.7\n'), expect: 'unknown' },
  { name: 'empty', input: bytes(), expect: 'unknown' },
];

for (const c of sniffCases) {
  test(`sniffFormat: ${c.name}`, () => assert.equal(sniffFormat(c.input), c.expect));
}

const sizeCases: { w: number; h: number; expect: DecodeReason | null }[] = [
  { w: 4032, h: 3024, expect: null },
  { w: 1600, h: 1200, expect: null },
  { w: 600, h: 800, expect: null },
  { w: 599, h: 4000, expect: 'too-small' },
  { w: 1, h: 1, expect: 'too-small' },
  { w: 10000, h: 10000, expect: null },
  { w: 10001, h: 10000, expect: 'too-large' },
  { w: 30000, h: 30000, expect: 'too-large' },
];

for (const c of sizeCases) {
  test(`checkDimensions ${c.w}x${c.h} -> ${c.expect}`, () => assert.equal(checkDimensions(c.w, c.h), c.expect));
}

const errorCases: { message: string; format: SniffedFormat; expect: DecodeReason }[] = [
  { message: 'Input buffer contains unsupported image format', format: 'unknown', expect: 'not-an-image' },
  { message: 'Input buffer contains unsupported image format', format: 'jpeg', expect: 'unreadable' },
  { message: 'Input image exceeds pixel limit', format: 'png', expect: 'too-large' },
  { message: 'VipsJpeg: premature end of JPEG image', format: 'jpeg', expect: 'truncated' },
  { message: 'pngload_buffer: libpng read error', format: 'png', expect: 'truncated' },
  {
    message: 'heif: Error while loading plugin: Support for this compression format has not been built in: HEVC',
    format: 'heic',
    expect: 'unsupported-heic',
  },
  { message: 'something else entirely', format: 'png', expect: 'unreadable' },
];

for (const c of errorCases) {
  test(`reasonForError "${c.message}" (${c.format}) -> ${c.expect}`, () =>
    assert.equal(reasonForError(c.message, c.format), c.expect));
}

test('every rejection carries an Indonesian and an English message', () => {
  for (const reason of [
    'empty',
    'not-an-image',
    'truncated',
    'too-small',
    'too-large',
    'unsupported-heic',
    'unreadable',
  ] as const) {
    const r = rejection(reason);
    assert.equal(r.ok, false);
    assert.equal(r.reason, reason);
    assert.ok(r.message.length > 20 && r.messageEn.length > 20);
    assert.notEqual(r.message, r.messageEn);
  }
});
