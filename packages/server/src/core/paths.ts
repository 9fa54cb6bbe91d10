import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file's place so scripts work from any working directory. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const ASSETS_DIR = path.join(REPO_ROOT, 'server/assets');
export const REGIONS_DIR = path.join(ASSETS_DIR, 'regions');
export const DEMO_SIREKAP_DIR = path.join(ASSETS_DIR, 'sirekap');
export const FORM_DIR = path.join(ASSETS_DIR, 'form/c-hasil-ppwp-2024');
export const WEB_DIST_DIR = path.join(REPO_ROOT, 'web/dist');
