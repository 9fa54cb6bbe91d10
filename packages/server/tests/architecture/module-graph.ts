import fs from 'node:fs';
import path from 'node:path';

/** Every module-specifier an import or re-export of this source names (static, type-only, side-effect and dynamic). */
export function importSpecifiers(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const out: string[] = [];
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?[^'";]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of code.matchAll(re)) out.push(m[1]);
  return out;
}

/** The import graph between the folders of `modulesDir`: module -> the other modules its files import. */
export function moduleGraph(modulesDir: string): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const mod of fs
    .readdirSync(modulesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)) {
    const edges = new Set<string>();
    for (const file of filesUnder(path.join(modulesDir, mod))) {
      for (const spec of importSpecifiers(fs.readFileSync(file, 'utf8'))) {
        if (!spec.startsWith('.')) continue;
        const rel = path.relative(modulesDir, path.resolve(path.dirname(file), spec));
        const target = rel.split(path.sep)[0];
        if (!rel.startsWith('..') && target !== mod && rel.includes(path.sep)) edges.add(target);
      }
    }
    graph.set(mod, edges);
  }
  return graph;
}

/** The first cycle found, as the modules along it (first repeated at the end); null when there is none. */
export function findCycle(graph: ReadonlyMap<string, ReadonlySet<string>>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  function visit(node: string): string[] | null {
    if (state.get(node) === 'done') return null;
    if (state.get(node) === 'open') return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node, 'done');
    return null;
  }
  for (const node of [...graph.keys()].sort()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

export function formatGraph(graph: ReadonlyMap<string, ReadonlySet<string>>): string {
  return [...graph]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([m, to]) => `${m} -> ${[...to].sort().join(', ') || '(none)'}`)
    .join('\n');
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return filesUnder(p);
    return /\.(ts|tsx|mts|cts)$/.test(d.name) ? [p] : [];
  });
}
