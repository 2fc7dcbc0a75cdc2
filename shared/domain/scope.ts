/**
 * Which criteria are the unit's own (`mine`): preselected where the unit's name or one of its aliases appears among
 * a criterion's 牵头/责任单位, or a collective term there reaches the unit's kind (各成员单位 → every unit, 各市直单位
 * → 市直单位; shared/domain/unit-kind.ts). A collective we cannot place (各执法部门) is not preselected but listed
 * for the officer. When nothing in the whole catalog reaches the unit, by name or by kind (a catalog without unit
 * columns, or a unit named differently), every criterion is preselected so nothing is silently left out. The user
 * edits it after; the import preview's scope step lists every leaf with its reason, so any can be ticked there.
 */
import { canonUnit as canon, collectiveReaches, reachOf, type UnitKind } from './unit-kind';

/** The unit as scope sees it: its names (name and aliases) and its kind. */
export interface ScopeUnit {
  names: string[];
  kind: UnitKind;
}

/** True when a listed unit names the workspace's unit: equal, or one contains the other (`教育局` ~ `市教育局`). */
export function unitMatches(listed: string, names: string[]): boolean {
  if (reachOf(listed).type !== 'named') return false; // 各部门 is a collective, never a name containing 部门
  const l = canon(listed);
  if (l.length < 2) return false;
  return names.some((n) => {
    const c = canon(n);
    return c.length >= 2 && (l === c || l.includes(c) || c.includes(l));
  });
}

/** Why a criterion is (or may be) the unit's: `term` is the listed 牵头/责任单位 that says so. */
export interface ScopeReason {
  reason: 'named' | 'collective' | 'unplaced';
  term: string;
}

interface ScopedNode {
  code: string;
  parentCode: string | null;
  leadUnit: string | null;
  responsibleUnits: string[];
}

/** The strongest reason among a node's listed units (its name over a collective over an unplaced collective). */
export function scopeReason(n: ScopedNode, unit: ScopeUnit): ScopeReason | null {
  const listed = [n.leadUnit ?? '', ...n.responsibleUnits].filter((u) => u.trim() !== '');
  const named = listed.find((u) => unitMatches(u, unit.names));
  if (named) return { reason: 'named', term: named };
  const collective = listed.find((u) => collectiveReaches(u, unit.kind));
  if (collective) return { reason: 'collective', term: collective };
  const unplaced = listed.find((u) => reachOf(u).type === 'unplaced');
  return unplaced ? { reason: 'unplaced', term: unplaced } : null;
}

/**
 * The preselected `mine` of each node, parents included (a parent is mine when any descendant is). A street office
 * or a school is seldom named in a city's 台账: the collectives reaching its kind are its scope. When nothing reaches
 * the unit at all, everything is preselected.
 */
export function preselectMine(nodes: ScopedNode[], unit: ScopeUnit): Map<string, boolean> {
  const own = new Map<string, boolean>();
  for (const n of nodes) {
    const r = scopeReason(n, unit);
    own.set(n.code, r !== null && r.reason !== 'unplaced');
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

/** A leaf of the import preview's scope step (`ScopeProposal` in shared/ipc/types.ts). */
export interface ScopeStepRow {
  /** `none`: neither its name nor a collective reaches the unit (still listed, so the officer can tick it). */
  reason: ScopeReason['reason'] | 'none';
  term: string;
  code: string;
  title: string;
  mine: boolean;
  setByUser: boolean;
}

/**
 * The scope step of an import: every leaf with why it may be the unit's (its name, a collective reaching the unit's
 * kind, a collective the officer must judge, or nothing) and what is preselected; a leaf the officer set by hand
 * before keeps their choice. `all` is true when nothing reaches the unit and everything is preselected.
 */
export function scopeStep(
  nodes: (ScopedNode & { title: string })[],
  unit: ScopeUnit,
  userChoices: Map<string, boolean>,
): { rows: ScopeStepRow[]; all: boolean } {
  const mine = preselectMine(nodes, unit);
  const parents = new Set(nodes.map((n) => n.parentCode));
  const rows: ScopeStepRow[] = [];
  let reached = false;
  for (const n of nodes) {
    if (parents.has(n.code)) continue;
    const r = scopeReason(n, unit) ?? { reason: 'none' as const, term: '' };
    if (r.reason === 'named' || r.reason === 'collective') reached = true;
    const own = userChoices.get(n.code);
    rows.push({
      ...r,
      code: n.code,
      title: n.title,
      mine: own ?? mine.get(n.code) ?? false,
      setByUser: own !== undefined,
    });
  }
  return { rows, all: !reached };
}
