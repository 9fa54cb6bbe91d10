/**
 * Run by `npm start`: builds the web app when packages/web/dist is missing or older than any file under
 * packages/web or the shared rules (packages/domain), so a fresh clone starts with one command and a rebuilt tree is never stale.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { REPO_ROOT, WEB_DIR, WEB_DIST_DIR } from '@cocok/server';

const distIndex = path.join(WEB_DIST_DIR, 'index.html');
const sources = [WEB_DIR, path.join(REPO_ROOT, 'packages/domain')];

function newestMtime(p: string): number {
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  if (path.basename(p) === 'dist' || path.basename(p) === 'node_modules') return 0;
  return Math.max(0, ...fs.readdirSync(p).map((e) => newestMtime(path.join(p, e))));
}

const built = fs.existsSync(distIndex) ? fs.statSync(distIndex).mtimeMs : 0;
if (built < Math.max(...sources.map(newestMtime))) {
  console.log(built ? 'Web app changed: rebuilding...' : 'Building the web app (first start)...');
  execFileSync('npx', ['vite', 'build', '--config', path.join(WEB_DIR, 'vite.config.ts'), '--logLevel', 'warn'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
}
