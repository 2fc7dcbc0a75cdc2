import { daysBetween, dueOf, DUE_WINDOW_DAYS } from '@shared/domain/next-due';
import type { Period } from '@shared/domain/period';
import type { CriterionStatus, Method } from '@shared/domain/value-sets';
import type { Criterion } from '@shared/ipc/types';

/**
 * Due windows the ledger filters by: owed in the current collection month (本月应交, as 月收集 reads it), passed,
 * within `SOON_DAYS`, within two weeks (the last two not yet passed).
 */
export type DueFilter = 'month' | 'overdue' | 'soon' | 'fortnight';

export interface LedgerFilter {
  query: string;
  scope: 'mine' | 'all';
  method: Method | null;
  status: CriterionStatus | null;
  due: DueFilter | null;
}

export const DEFAULT_FILTER: LedgerFilter = {
  query: '',
  scope: 'mine',
  method: null,
  status: null,
  due: null,
};

/** What the next due dates are read against: the day, and the 测评周期 that ends recurring deadlines. */
export interface DueClock {
  today: string;
  period: Period;
  /** The codes owed in the current collection month (`collection:month`); null while unknown (本月应交 shows none). */
  owed?: ReadonlySet<string> | null;
}

/** True when a leaf passes every filter (search matches code, title, text and units). */
export function leafMatches(c: Criterion, f: LedgerFilter, clock: DueClock): boolean {
  if (f.scope === 'mine' && !c.mine) return false;
  if (f.method !== null && !c.methods.includes(f.method)) return false;
  if (f.status !== null && c.status !== f.status) return false;
  if (f.due !== null && !dueMatches(c, f.due, clock)) return false;
  const q = f.query.trim().toLowerCase();
  if (q === '') return true;
  const hay = `${c.code} ${c.title} ${c.text} ${c.leadUnit ?? ''} ${c.responsibleUnits.join(' ')}`.toLowerCase();
  return q.split(/\s+/u).every((w) => hay.includes(w));
}

/**
 * 本月应交: whatever 月收集 lists for the month, met or not. The other windows: only criteria still owing material
 * (not complete, not 不适用).
 */
function dueMatches(c: Criterion, window: DueFilter, { today, period, owed }: DueClock): boolean {
  if (window === 'month') return owed?.has(c.code) === true;
  const due = dueOf(c, today, period);
  if (due === null || due.urgency === null) return false;
  if (window === 'overdue' || window === 'soon') return due.urgency === window;
  return due.urgency !== 'overdue' && daysBetween(today, due.date) <= DUE_WINDOW_DAYS;
}

/**
 * The codes to show in the tree: every matching leaf and its ancestors (so the 项目 → 内容 → 标准 path stays
 * visible). Removed criteria are shown only when they match a search, so nothing disappears for good.
 */
export function visibleCodes(all: Criterion[], f: LedgerFilter, clock: DueClock): Set<string> {
  const parent = new Map(all.map((c) => [c.code, c.parentCode]));
  const out = new Set<string>();
  for (const c of all) {
    if (!c.leaf || (c.removed && f.query.trim() === '') || !leafMatches(c, f, clock)) continue;
    out.add(c.code);
    for (let p = parent.get(c.code) ?? null; p !== null && !out.has(p); p = parent.get(p) ?? null) out.add(p);
  }
  return out;
}
