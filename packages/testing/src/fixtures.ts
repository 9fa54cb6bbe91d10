import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The real and hostile input files shared by the packages' tests (photos, bad, uploads; see their READMEs). */
export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** Absolute path of a fixture, e.g. `fixture('bad/truncated.jpg')`. */
export function fixture(name: string): string {
  return path.join(FIXTURES_DIR, name);
}
