/**
 * Which criteria are the unit's own (`mine`): preselected where the unit's name or one of its aliases appears among
 * a criterion's 牵头/责任单位; when nothing in the whole catalog matches (a catalog without unit columns, or a unit
 * named differently), every criterion is preselected so nothing is silently left out. The user edits it after.
 */

const canon = (s: string): string => s.normalize('NFKC').replace(/[\s（）()]/gu, '');

/** True when a listed unit names the workspace's unit: equal, or one contains the other (`教育局` ~ `市教育局`). */
export function unitMatches(listed: string, names: string[]): boolean {
  const l = canon(listed);
  if (l.length < 2) return false;
  return names.some((n) => {
    const c = canon(n);
    return c.length >= 2 && (l === c || l.includes(c) || c.includes(l));
  });
}

/** The preselected `mine` of each node, parents included (a parent is mine when any descendant is). */
export function preselectMine(
  nodes: { code: string; parentCode: string | null; leadUnit: string | null; responsibleUnits: string[] }[],
  unitNames: string[],
): Map<string, boolean> {
  const own = new Map<string, boolean>();
  for (const n of nodes) {
    const listed = [n.leadUnit ?? '', ...n.responsibleUnits];
    own.set(
      n.code,
      listed.some((u) => unitMatches(u, unitNames)),
    );
  }
  if (![...own.values()].some(Boolean)) return new Map(nodes.map((n) => [n.code, true]));
  const parentOf = new Map(nodes.map((n) => [n.code, n.parentCode]));
  for (const [code, mine] of [...own]) {
    if (!mine) continue;
    for (let p = parentOf.get(code) ?? null; p !== null && own.get(p) === false; p = parentOf.get(p) ?? null)
      own.set(p, true);
  }
  return own;
}
