import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PAGE_FIELDS } from '@cocok/domain';
import { createDigitClassifier } from '../src/digit-classifier.ts';
import { createFormReader } from '../src/form-reader.ts';
import { decodePhoto } from '../src/image-decode.ts';
import type { FormReading } from '@cocok/domain';
import { fixture } from '@cocok/testing';

/**
 * Hostile and odd photos through the whole reader (packages/testing/fixtures/bad, made by make-bad-fixtures.ts):
 * each ends in a clear reason or in review, never a crash, a hang or a confident made-up number.
 */
const reader = await createFormReader({
  classifier: await createDigitClassifier(),
  decode: (bytes) => decodePhoto(bytes),
});
const read = (name: string): Promise<FormReading> => reader.read(readFileSync(fixture(`bad/${name}`)));
const page3Truth: Record<string, number> = { suara_sah: 427, suara_tidak_sah: 3, suara_total: 430 };

const refusals: { file: string; reason: string; message: RegExp }[] = [
  { file: 'text-renamed.jpg', reason: 'not-an-image', message: /bukan foto/ },
  { file: 'truncated.jpg', reason: 'truncated', message: /rusak/ },
  { file: 'one-pixel.png', reason: 'too-small', message: /terlalu kecil/ },
  { file: 'bomb-30000x30000.png', reason: 'too-large', message: /terlalu besar/ },
  { file: 'not-a-form.jpg', reason: 'no-tag', message: /Kode halaman/ },
  { file: 'cat-drawing.jpg', reason: 'no-tag', message: /Kode halaman/ },
  { file: 'two-pages.jpg', reason: 'multiple-pages', message: /lebih dari satu halaman/ },
];

for (const { file, reason, message } of refusals) {
  test(`${file}: page null with reason ${reason} and an Indonesian message, no fields`, async () => {
    const r = await read(file);
    assert.equal(r.page, null);
    assert.equal(r.reason, reason);
    assert.match(r.message ?? '', message);
    assert.deepEqual(r.fields, {});
    assert.equal(r.review, true);
  });
}

test('the decompression bomb is refused from its header, long before its 900 megapixels could be decoded', async () => {
  const r = await read('bomb-30000x30000.png');
  assert.ok(r.ms < 1000, `${r.ms} ms`);
});

for (const file of ['upside-down.jpg', 'iphone.heic']) {
  test(`${file}: read as page 3, every field either right or sent to review (never a wrong confident number)`, async () => {
    const r = await read(file);
    assert.equal(r.page, 3, r.reason);
    assert.deepEqual(Object.keys(r.fields).sort(), [...PAGE_FIELDS[3]].sort());
    for (const [name, want] of Object.entries(page3Truth)) {
      const f = r.fields[name as keyof typeof r.fields]!;
      assert.ok(f.value === want || f.review, `${name}: read ${f.value} (truth ${want}) without review`);
    }
  });
}
