import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file's place so scripts work from any working directory. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const SERVER_DIR = path.join(REPO_ROOT, 'packages/server');
export const ASSETS_DIR = path.join(SERVER_DIR, 'assets');
export const REGIONS_DIR = path.join(ASSETS_DIR, 'regions');
export const DEMO_SIREKAP_DIR = path.join(ASSETS_DIR, 'sirekap');
/** The web app's package: the server serves its build and, in dev mode, runs its vite config. */
export const WEB_DIR = path.join(REPO_ROOT, 'packages/web');
export const WEB_DIST_DIR = path.join(WEB_DIR, 'dist');
