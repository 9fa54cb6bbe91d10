/**
 * Run by `npm start`: builds the web app when web/dist is missing or older than any file under web/ or
 * the shared form types, so a fresh clone starts with one command and a rebuilt tree is never stale.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { REPO_ROOT } from '../server/src/core/paths.ts';

const distIndex = path.join(REPO_ROOT, 'web/dist/index.html');
const sources = [path.join(REPO_ROOT, 'web'), path.join(REPO_ROOT, 'server/src/modules/form')];

function newestMtime(p: string): number {
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  if (path.basename(p) === 'dist' || path.basename(p) === 'node_modules') return 0;
  return Math.max(0, ...fs.readdirSync(p).map((e) => newestMtime(path.join(p, e))));
}

const built = fs.existsSync(distIndex) ? fs.statSync(distIndex).mtimeMs : 0;
if (built < Math.max(...sources.map(newestMtime))) {
  console.log(built ? 'Web app changed: rebuilding...' : 'Building the web app (first start)...');
  execFileSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: REPO_ROOT, stdio: 'inherit' });
}
