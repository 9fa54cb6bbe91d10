import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The real phone photos of the form used across reading, API and browser tests. */
export const PHOTOS_DIR = fileURLToPath(new URL('../fixtures/photos/', import.meta.url));

/** What is on each of them (`fixtures/photos/truth.json`): the page and every figure written on it. */
export const PHOTO_TRUTH = JSON.parse(fs.readFileSync(`${PHOTOS_DIR}truth.json`, 'utf8')) as Record<
  string,
  { page: 1 | 2 | 3; fields: Record<string, number>; notes: string }
>;
