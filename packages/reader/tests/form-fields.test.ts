import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { FORM_DIR } from '../src/page-layout.ts';
import { PAGE_FIELDS } from '@cocok/domain';

test('the field list matches layout.json page by page, in form order', () => {
  const layout = JSON.parse(fs.readFileSync(path.join(FORM_DIR, 'layout.json'), 'utf8')) as {
    pages: { page: 1 | 2 | 3; fields: { field: string }[] }[];
  };
  for (const page of layout.pages) {
    assert.deepEqual(
      page.fields.map((f) => f.field),
      [...PAGE_FIELDS[page.page]],
      `page ${page.page}`,
    );
  }
});
