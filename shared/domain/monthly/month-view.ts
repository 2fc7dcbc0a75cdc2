import type { KeyDate, OwedItem, OwedState } from '../../ipc/collection-types';
import { isOwingLeaf, owedIn, OWED_THUMBS, type MaterialIndex, type Owed, type OwedLeaf } from './owed';
import type { RequestCount } from './request-state';

/** A 要账 with its count, as the month view and the reminders read it. */
export interface CountedRequest extends RequestCount {
  id: string;
  criterionCode: string;
  month: string;
  due: string;
  text: string | null;
}

/** The calendar facts every 月收集 computation shares. */
export interface MonthContext {
  today: string;
  collectionDay: number;
  /** The period's months, in order. */
  periodMonths: string[];
}

/** A leaf's 材料要求 in one line (what an owed item asks), or null when it names none. */
export function requirementsLine(c: OwedLeaf): string | null {
  const line = c.requirements
    .map((r) => r.text.trim())
    .filter(Boolean)
    .join('；');
  return line === '' ? null : line;
}

/** Every owed item of the unit's leaves in one month, in catalog order. */
export function owedOfMonth(leaves: OwedLeaf[], index: MaterialIndex, month: string, ctx: MonthContext): Owed[] {
  const out: Owed[] = [];
  for (const c of leaves) {
    if (!isOwingLeaf(c)) continue;
    const o = owedIn(c, month, index, ctx.periodMonths, ctx.today, ctx.collectionDay);
    if (o) out.push(o);
  }
  return out;
}

/** A request's state read as an owed item's: met (or closed) is met, open with something counted is partly. */
function requestOwedState(r: CountedRequest): OwedState {
  if (r.state !== 'open') return 'met';
  return r.have > 0 ? 'partly' : 'missing';
}

/**
 * The 月收集 list of a month: its 要账 (the office's and the unit's, by due date) and then what the unit's leaves owe
 * by rhythm or date (catalog order); the month's key dates; the counters 本月应交 / 已交 / 逾期.
 */
export function monthOwed(
  leaves: OwedLeaf[],
  index: MaterialIndex,
  requests: CountedRequest[],
  keyDates: KeyDate[],
  month: string,
  ctx: MonthContext,
): { owed: OwedItem[]; keyDates: KeyDate[]; counts: { owed: number; met: number; overdue: number } } {
  const byCode = new Map(leaves.map((c) => [c.code, c]));
  const fromRequests: OwedItem[] = requests
    .filter((r) => r.month === month)
    .sort((a, b) => a.due.localeCompare(b.due) || a.id.localeCompare(b.id))
    .map((r) => ({
      criterionCode: r.criterionCode,
      title: byCode.get(r.criterionCode)?.title ?? '',
      source: 'request',
      requestId: r.id,
      due: r.due,
      state: requestOwedState(r),
      overdue: r.overdue,
      materials: r.have,
      materialIds: r.materialIds.slice(0, OWED_THUMBS),
      text: r.text,
    }));
  const fromLeaves: OwedItem[] = owedOfMonth(leaves, index, month, ctx).map((o) => ({
    criterionCode: o.criterionCode,
    title: o.title,
    source: o.source,
    requestId: null,
    due: o.due,
    state: o.state,
    overdue: o.overdue,
    materials: o.counted.length,
    materialIds: o.counted.slice(0, OWED_THUMBS).map((m) => m.id),
    text: requirementsLine(byCode.get(o.criterionCode)!),
  }));
  const owed = [...fromRequests, ...fromLeaves];
  return {
    owed,
    keyDates: keyDates.filter((k) => k.date.startsWith(month)),
    counts: {
      owed: owed.length,
      met: owed.filter((o) => o.state === 'met').length,
      overdue: owed.filter((o) => o.overdue).length,
    },
  };
}
