/** The part of a catalog node the points model reads. */
export interface PointsNode {
  code: string;
  parentCode: string | null;
  points: number | null;
  leaf: boolean;
  needsMaterial: boolean;
}

/**
 * The points each leaf carries, for the points at risk. A leaf's own points when it has them; otherwise the
 * points of its nearest ancestor that has some, shared equally among that ancestor's leaves that need material and
 * carry no points of their own (a 测评内容 worth 4 points with two online standards: 2 each). null when nothing
 * above carries points either — its findings then put no points at risk, as nothing says what it is worth.
 */
export function effectivePoints(nodes: PointsNode[]): Map<string, number | null> {
  const byCode = new Map(nodes.map((n) => [n.code, n]));
  const owner = (n: PointsNode): PointsNode | undefined => {
    for (
      let p = n.parentCode === null ? undefined : byCode.get(n.parentCode);
      p;
      p = p.parentCode === null ? undefined : byCode.get(p.parentCode)
    )
      if (p.points !== null) return p;
    return undefined;
  };
  const sharing = new Map<string, string[]>();
  const out = new Map<string, number | null>();
  for (const n of nodes) {
    if (!n.leaf) continue;
    if (n.points !== null) {
      out.set(n.code, n.points);
      continue;
    }
    const o = owner(n);
    if (!o || !n.needsMaterial) {
      out.set(n.code, null);
      continue;
    }
    const list = sharing.get(o.code);
    if (list) list.push(n.code);
    else sharing.set(o.code, [n.code]);
  }
  for (const [ownerCode, leaves] of sharing) {
    const share = byCode.get(ownerCode)!.points! / leaves.length;
    for (const code of leaves) out.set(code, share);
  }
  return out;
}

/** Points rounded to hundredths, as shown. */
export function roundPoints(p: number): number {
  return Math.round(p * 100) / 100;
}
