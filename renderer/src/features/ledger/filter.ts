import { isOverdue } from '../../../../shared/domain/progress';
import type { CriterionStatus, Method } from '../../../../shared/domain/value-sets';
import type { Criterion } from '../../../../shared/ipc/types';

export interface LedgerFilter {
  query: string;
  scope: 'mine' | 'all';
  method: Method | null;
  status: CriterionStatus | null;
  overdueOnly: boolean;
}

export const DEFAULT_FILTER: LedgerFilter = {
  query: '',
  scope: 'mine',
  method: null,
  status: null,
  overdueOnly: false,
};

/** True when a leaf passes every filter (search matches code, title, text and units). */
export function leafMatches(c: Criterion, f: LedgerFilter, today: string): boolean {
  if (f.scope === 'mine' && !c.mine) return false;
  if (f.method !== null && !c.methods.includes(f.method)) return false;
  if (f.status !== null && c.status !== f.status) return false;
  if (f.overdueOnly && !isOverdue(c, today)) return false;
  const q = f.query.trim().toLowerCase();
  if (q === '') return true;
  const hay = `${c.code} ${c.title} ${c.text} ${c.leadUnit ?? ''} ${c.responsibleUnits.join(' ')}`.toLowerCase();
  return q.split(/\s+/u).every((w) => hay.includes(w));
}

/**
 * The codes to show in the tree: every matching leaf and its ancestors (so the 项目 → 内容 → 标准 path stays
 * visible). Removed criteria are shown only when they match a search, so nothing disappears for good.
 */
export function visibleCodes(all: Criterion[], f: LedgerFilter, today: string): Set<string> {
  const parent = new Map(all.map((c) => [c.code, c.parentCode]));
  const out = new Set<string>();
  for (const c of all) {
    if (!c.leaf || (c.removed && f.query.trim() === '') || !leafMatches(c, f, today)) continue;
    out.add(c.code);
    for (let p = parent.get(c.code) ?? null; p !== null && !out.has(p); p = parent.get(p) ?? null) out.add(p);
  }
  return out;
}
