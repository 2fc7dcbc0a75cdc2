import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/ctx';

const CORE = join(REPO, 'electron', 'core');

/** Every `.ts` file under a folder. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** Core's folders and the other core folders each imports from. */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const folder of readdirSync(CORE).filter((n) => statSync(join(CORE, n)).isDirectory())) {
    const deps = new Set<string>();
    for (const file of sources(join(CORE, folder)))
      for (const [, spec] of readFileSync(file, 'utf8').matchAll(/from '(\.{1,2}\/[^']+)'/gu)) {
        // Resolved against the importing file, so a file in a sub-folder (`a/b/x.ts` importing `../../c/y`) counts.
        const dep = relative(CORE, resolve(dirname(file), spec!)).split(sep)[0]!;
        if (dep !== folder && statSync(join(CORE, dep), { throwIfNoEntry: false })?.isDirectory()) deps.add(dep);
      }
    graph.set(folder, deps);
  }
  return graph;
}

/** A cycle through the graph as a path of folders, or null. */
function cycleIn(graph: Map<string, Set<string>>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const visit = (n: string, path: string[]): string[] | null => {
    if (state.get(n) === 'open') return [...path.slice(path.indexOf(n)), n];
    if (state.get(n) === 'done') return null;
    state.set(n, 'open');
    for (const d of graph.get(n) ?? []) {
      const found = visit(d, [...path, n]);
      if (found) return found;
    }
    state.set(n, 'done');
    return null;
  };
  for (const n of graph.keys()) {
    const found = visit(n, []);
    if (found) return found;
  }
  return null;
}

describe('core’s folders', () => {
  it('depend on each other one way: no folder reaches back to one that imports it', () => {
    const graph = folderGraph();
    expect(graph.get('handlers')?.has('checker')).toBe(true); // the graph is read, not empty
    expect(cycleIn(graph)).toBeNull();
  });

  it('the cycle finder finds a cycle when there is one', () => {
    const graph = new Map([
      ['catalog', new Set(['checker'])],
      ['checker', new Set(['catalog'])],
    ]);
    expect(cycleIn(graph)).toEqual(['catalog', 'checker', 'catalog']);
  });
});
