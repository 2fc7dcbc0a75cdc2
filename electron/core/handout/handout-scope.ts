import type Database from 'better-sqlite3';
import { preselectMine, type ScopeUnit } from '@shared/domain/scope';
import { assignedCodes } from './handouts-repo';

interface TreeNode {
  code: string;
  parentCode: string | null;
  leadUnit: string | null;
  responsibleUnits: string[];
}

/**
 * `mine` from the 创城办's assignments (HANDOUT-FORMAT.md: "a unit's scope = the criteria assigned to it, plus their
 * ancestors"): an assigned code, everything below it (an office assigning a 测评内容 assigns its standards) and
 * every ancestor of those.
 */
export function mineFromAssignments(
  nodes: Pick<TreeNode, 'code' | 'parentCode'>[],
  assigned: Set<string>,
): Map<string, boolean> {
  const parentOf = new Map(nodes.map((n) => [n.code, n.parentCode]));
  const under = (code: string): boolean => {
    for (let c: string | null = code; c !== null; c = parentOf.get(c) ?? null) if (assigned.has(c)) return true;
    return false;
  };
  const mine = new Map(nodes.map((n) => [n.code, under(n.code)]));
  for (const n of nodes) {
    if (!mine.get(n.code)) continue;
    for (let p = n.parentCode; p !== null && mine.get(p) === false; p = parentOf.get(p) ?? null) mine.set(p, true);
  }
  return mine;
}

/**
 * The automatic `mine` of a catalog's nodes (`criteria.mine_auto`): from the last hand-out's assignments of this
 * unit while one is on record, else preselected by the unit's names and kind (shared/domain/scope.ts). The catalog
 * import and a renamed unit both go through here, so neither undoes the office's assignment.
 */
export function autoMine(db: Database.Database, nodes: TreeNode[], unit: ScopeUnit): Map<string, boolean> {
  const assigned = assignedCodes(db);
  return assigned === null ? preselectMine(nodes, unit) : mineFromAssignments(nodes, assigned);
}
