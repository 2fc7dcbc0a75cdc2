/**
 * How large and how deep a 测评体系 may be. A real one has a few hundred standards over 3–4 levels; these limits
 * are far beyond any, and keep a hostile file from what it would otherwise cost: 100,000 nodes imported in 2 s but
 * then made every open, list and check of the workspace take 4 s (and a package of 100,000 criteria), and 5,000
 * levels overflowed the stack while validating. Depth also bounds the codes derived from the tree (`1.1.1…`), which
 * must stay within the 100 characters a criterion code may have.
 */
export const CATALOG_LIMITS = { nodes: 20_000, depth: 12 } as const;

/**
 * Counts a catalog's nodes and levels as parsed from a file — the `nodes` array and each node's `children`,
 * whatever else they hold — without recursion, and says in Chinese what is over the limits; null when nothing is.
 * Run before the schema's (recursive) validation.
 */
export function catalogShapeProblem(nodes: unknown): string | null {
  if (!Array.isArray(nodes)) return null; // the schema says what is wrong with it
  let count = 0;
  let deepest = 0;
  const stack: [unknown[], number][] = [[nodes, 1]];
  while (stack.length > 0) {
    const [list, depth] = stack.pop()!;
    count += list.length;
    if (list.length > 0) deepest = Math.max(deepest, depth);
    if (count > CATALOG_LIMITS.nodes)
      return `测评体系过大：至少有 ${count} 条（最多 ${CATALOG_LIMITS.nodes} 条），不像是测评体系。请检查导入的文件是否正确。`;
    if (deepest > CATALOG_LIMITS.depth)
      return `测评体系层级过深：至少有 ${deepest} 层（最多 ${CATALOG_LIMITS.depth} 层，测评体系一般为 3 至 4 层）。请检查导入的文件是否正确。`;
    for (const n of list) {
      const children = n !== null && typeof n === 'object' ? (n as { children?: unknown }).children : undefined;
      if (Array.isArray(children)) stack.push([children, depth + 1]);
    }
  }
  return null;
}
