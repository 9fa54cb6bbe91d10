import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const webDir = path.dirname(fileURLToPath(import.meta.url));

/**
 * One config for `npm run build` (writes packages/web/dist, which the server serves) and for the server's
 * dev mode (vite in middleware mode). Paths are absolute so the result does not depend on the
 * working directory either is started from. The shared rules (@cocok/domain) are a workspace package
 * outside this root; vite's default `server.fs.allow` (the workspace root, found from the root
 * package.json's `workspaces`) already serves them in dev mode.
 */
export default defineConfig({
  root: webDir,
  plugins: [react()],
  build: {
    outDir: path.join(webDir, 'dist'),
    emptyOutDir: true,
    sourcemap: true,
  },
});
