import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const webDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(webDir, '..');

/**
 * One config for `npm run build` (writes web/dist, which the server serves) and for the server's
 * dev mode (vite in middleware mode). Paths are absolute so the result does not depend on the
 * working directory either is started from.
 */
export default defineConfig({
  root: webDir,
  plugins: [react()],
  build: {
    outDir: path.join(webDir, 'dist'),
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    // The web imports field names, checks and types from server/src, outside the web root.
    fs: { allow: [repoRoot] },
  },
});
