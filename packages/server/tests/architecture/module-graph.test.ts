import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatGraph, findCycle, importSpecifiers, moduleGraph } from './module-graph.ts';

/**
 * The dependency direction between server modules (issue #10, item 3), checked by scanning the imports of
 * packages/server/src/modules: pages composes the read models one layer up, so no module imports pages, and
 * the modules below do not decorate each other's views (regions and official never reach the comparison).
 */
const MODULES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/modules');

const RULES: { module: string; mayNotImport: string[]; why: string }[] = [
  { module: '*', mayNotImport: ['pages'], why: 'page assembly is the layer above every module' },
  {
    module: 'regions',
    mayNotImport: ['*'],
    why: 'the registry is the bottom layer: every module may read it, it reads none',
  },
  {
    module: 'official',
    mayNotImport: ['comparison', 'submissions', 'moderation', 'official-sync'],
    why: "KPU's figures are an input of the comparison, never decorated by it",
  },
  {
    module: 'comparison',
    mayNotImport: ['official', 'moderation', 'official-sync'],
    why: 'the comparison is refreshed by them through hooks and ports',
  },
  {
    module: 'submissions',
    mayNotImport: ['comparison', 'moderation', 'official'],
    why: 'a confirm tells the comparison through its onCrowdChanged hook',
  },
];

function violations(graph: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const found: string[] = [];
  for (const [from, targets] of graph) {
    for (const to of targets) {
      for (const r of RULES) {
        if ((r.module === '*' || r.module === from) && (r.mayNotImport.includes('*') || r.mayNotImport.includes(to)))
          found.push(`${from} -> ${to}: ${r.why}`);
      }
    }
  }
  return found;
}

test('no module imports one it must not, and the modules form no cycle', () => {
  const graph = moduleGraph(MODULES);
  assert.deepEqual(violations(graph), [], `module graph:\n${formatGraph(graph)}`);
  assert.equal(findCycle(graph), null, `module graph:\n${formatGraph(graph)}`);
});

test('the scan sees the imports it checks: pages composes regions, official and comparison', () => {
  const graph = moduleGraph(MODULES);
  assert.deepEqual([...(graph.get('pages') ?? [])].sort(), ['comparison', 'official', 'regions']);
  assert.ok(graph.get('moderation')?.has('accounts'));
});

test('the rules catch a module decorating another (regions -> comparison), a module importing pages, and a cycle', () => {
  const bad = new Map([
    ['regions', new Set(['comparison'])],
    ['comparison', new Set(['regions'])],
    ['official', new Set(['pages'])],
    ['pages', new Set<string>()],
  ]);
  assert.deepEqual(violations(bad), [
    'regions -> comparison: the registry is the bottom layer: every module may read it, it reads none',
    'official -> pages: page assembly is the layer above every module',
  ]);
  assert.deepEqual(findCycle(bad), ['comparison', 'regions', 'comparison']);
});

const SPECIFIER_CASES: { name: string; source: string; expect: string[] }[] = [
  {
    name: 'type-only import',
    source: "import type { ComparisonService } from '../comparison/comparison.service.ts';",
    expect: ['../comparison/comparison.service.ts'],
  },
  {
    name: 'named import over several lines',
    source: 'import {\n  a,\n  type B,\n} from "../pages/pages.service.ts";',
    expect: ['../pages/pages.service.ts'],
  },
  {
    name: 're-export',
    source: "export * from '../regions/regions.service.ts';\nexport { x } from './x.ts';",
    expect: ['../regions/regions.service.ts', './x.ts'],
  },
  {
    name: 'side-effect and dynamic import',
    source: "import './setup.ts';\nconst m = await import('../comparison/comparison.service.ts');",
    expect: ['./setup.ts', '../comparison/comparison.service.ts'],
  },
  {
    name: 'commented-out import is not one',
    source: "// import { a } from '../comparison/a.ts';\n/* import { b } from '../pages/b.ts'; */",
    expect: [],
  },
  { name: 'a string mentioning from is not an import', source: "const s = 'data from the registry';", expect: [] },
];

for (const c of SPECIFIER_CASES) {
  test(`importSpecifiers: ${c.name}`, () => assert.deepEqual(importSpecifiers(c.source), c.expect));
}
