import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The web app reaches other packages only through their names, and never the server, the reader or the
 * tools (the lead's ESLint boundary rule says the same; this is the check that needs no linter).
 */
const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FORBIDDEN_PACKAGES = /^@cocok\/(server|reader|tools)(\/|$)/;
const SPECIFIERS = /(?:\bfrom|\bimport)\s*\(?\s*['"]([^'"]+)['"]/g;

/** Why `specifier`, imported by `file`, crosses the boundary; null when it does not. */
function boundaryProblem(file: string, specifier: string): string | null {
  if (FORBIDDEN_PACKAGES.test(specifier)) return `${specifier}: the web app never imports this package`;
  if (!specifier.startsWith('.')) return null;
  const target = path.resolve(path.dirname(file), specifier);
  return path.relative(WEB_DIR, target).startsWith('..')
    ? `${specifier}: a path into another package (import it by its name)`
    : null;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : /\.(ts|tsx)$/.test(e.name) ? [full] : [];
  });
}

test('the boundary check refuses paths out of the package and the server, reader and tools packages', () => {
  const file = path.join(WEB_DIR, 'src/features/tps/tps-page.tsx');
  const cases: [specifier: string, refused: boolean][] = [
    ['../../../../server/index.ts', true],
    ['../../../../api/src/index.ts', true],
    ['../../../../../packages/web/src/lib/paths.ts', false], // out and back in: still this package
    ['../../lib/api-client.ts', false],
    ['./use-tps.ts', false],
    ['@cocok/server', true],
    ['@cocok/server/test-support/browser', true],
    ['@cocok/reader', true],
    ['@cocok/tools', true],
    ['@cocok/api', false],
    ['@cocok/domain', false],
    ['@cocok/serverless', false],
    ['react', false],
  ];
  for (const [specifier, refused] of cases) assert.equal(boundaryProblem(file, specifier) !== null, refused, specifier);
  const text =
    "import type { A } from '@cocok/server';\nexport * from \"../../../x.ts\";\nconst p = import( '@cocok/tools' );\nimport '../../../../reader/src/a.ts';";
  assert.deepEqual(
    [...text.matchAll(SPECIFIERS)].map((m) => m[1]),
    ['@cocok/server', '../../../x.ts', '@cocok/tools', '../../../../reader/src/a.ts'],
  );
});

test('packages/web/src imports no other package by path, and not the server, reader or tools', () => {
  const problems = sourceFiles(path.join(WEB_DIR, 'src')).flatMap((file) =>
    [...fs.readFileSync(file, 'utf8').matchAll(SPECIFIERS)].flatMap((m) => {
      const problem = boundaryProblem(file, m[1]);
      return problem ? [`${path.relative(WEB_DIR, file)}: ${problem}`] : [];
    }),
  );
  assert.deepEqual(problems, []);
});
