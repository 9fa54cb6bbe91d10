/**
 * `npm run screenshots [-- --out DIR]`: the screenshots the docs show (docs/screenshots/*.png by default), made
 * on purpose rather than as a side effect of `npm test`, which must leave tracked files alone. Each group
 * starts the real server on a fresh database with the registry and the demo data (and the real reader where
 * photos are read), makes its data over the API, and captures its pages at 1280 and 360 px in Debian's
 * chromium (/usr/bin/chromium) through playwright-core. Needs the built web app (the npm script builds it).
 */
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '@cocok/server';
import { comparisonPages } from './screenshots/comparison-pages.ts';
import { publicPages } from './screenshots/public-pages.ts';
import { witnessPages } from './screenshots/witness-pages.ts';

const at = process.argv.indexOf('--out');
const out = path.resolve(at > 0 ? process.argv[at + 1] : path.join(REPO_ROOT, 'docs/screenshots'));
fs.mkdirSync(out, { recursive: true });
await publicPages(out);
await witnessPages(out);
await comparisonPages(out);
