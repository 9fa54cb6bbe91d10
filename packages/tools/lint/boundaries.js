// Which package may import which: the dependency direction of the workspaces, as ESLint rules, so a wrong
// import fails `npm test` (packages/tools/tests/lint-boundaries.test.ts proves each rule bites).
//
//   web ──> api ──> domain        server ──> api, reader, domain        reader ──> domain
//   tools ──> server, reader, api, domain, testing        testing ──> (nothing)
//   nothing in the product imports tools; web never imports server or reader; domain and api have no node.

const PACKAGES = ['domain', 'api', 'reader', 'server', 'web', 'tools', 'testing'];

/** What each package's source may import of the others (tests may also import `testing`). */
export const ALLOWED = {
  domain: [],
  api: ['domain'],
  reader: ['domain'],
  server: ['domain', 'api', 'reader'],
  web: ['domain', 'api'],
  testing: [],
  tools: ['domain', 'api', 'reader', 'server', 'testing'],
};

/** Packages that run in the browser or in both places: no node built-ins. */
const NO_NODE = ['domain', 'api', 'web'];

function restrictions(pkg, { test }) {
  const allowed = new Set([...ALLOWED[pkg], ...(test ? ['testing'] : [])]);
  const forbidden = PACKAGES.filter((p) => p !== pkg && !allowed.has(p));
  const patterns = forbidden.map((p) => ({
    group: [`@cocok/${p}`, `@cocok/${p}/*`],
    message: `packages/${pkg} must not import @cocok/${p} (see packages/tools/lint/boundaries.js for the allowed direction)`,
  }));
  if (NO_NODE.includes(pkg) && !test) {
    patterns.push({ group: ['node:*'], message: `packages/${pkg} runs without node: no node built-ins` });
  }
  return ['error', { patterns }];
}

/** Files that run under node even in a browser package: tests and build configuration. */
const NODE_SIDE_GLOBS = (pkg) => [
  `packages/${pkg}/tests/**`,
  `packages/${pkg}/**/*.test.ts`,
  `packages/${pkg}/**/*.test.tsx`,
  `packages/${pkg}/*.config.ts`,
];

export const boundaryConfigs = PACKAGES.flatMap((pkg) => [
  { files: [`packages/${pkg}/**/*.{ts,tsx}`], rules: { 'no-restricted-imports': restrictions(pkg, { test: false }) } },
  { files: NODE_SIDE_GLOBS(pkg), rules: { 'no-restricted-imports': restrictions(pkg, { test: true }) } },
]);
