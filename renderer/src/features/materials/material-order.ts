import type { Finding } from '@shared/domain/rules/types';
import { MATERIAL_KINDS, type MaterialKind, type Severity } from '@shared/domain/value-sets';
import type { Material } from '@shared/ipc/types';

/** A criterion's materials by kind, in the kinds' fixed order, each in attachment order: how the grid shows them. */
export function groupByKind(materials: Material[]): { kind: MaterialKind; items: Material[] }[] {
  return (Object.keys(MATERIAL_KINDS) as MaterialKind[])
    .map((kind) => ({ kind, items: materials.filter((m) => m.kind === kind) }))
    .filter((g) => g.items.length > 0);
}

/** The order ← → steps through in the preview: the grid's, so the keys go where the eye expects. */
export function inGridOrder(materials: Material[]): Material[] {
  return groupByKind(materials).flatMap((g) => g.items);
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Each material's own findings, the most serious first (findings about the criterion as a whole are left out). */
export function findingsByMaterial(findings: Finding[]): Map<string, Finding[]> {
  const map = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!f.materialId) continue;
    const list = map.get(f.materialId);
    if (list) list.push(f);
    else map.set(f.materialId, [f]);
  }
  for (const list of map.values()) list.sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  return map;
}
