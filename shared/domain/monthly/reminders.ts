import type { KeyDate, ReminderItem } from '../../ipc/collection-types';
import { owedOfMonth, requirementsLine, type CountedRequest, type MonthContext } from './month-view';
import type { MaterialIndex, Owed, OwedLeaf } from './owed';

/** How many days ahead the reminders look unless told (issue 16: "what is due within 3 days"). */
export const REMINDER_DAYS = 3;

/** `date` + `days` (`YYYY-MM-DD`), across months and leap days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** `2026-06-05` → `6月5日`. */
export function monthDay(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/**
 * What the reminders show on `today` (a banner, a desktop notification, `wangbao due`), with a key stable for the
 * day (what dismissing records):
 * - `overdue`: open 要账 past their due date, and for each leaf the latest month whose material is still missing or
 *   partly there past its due date (one line a criterion, not one per month missed);
 * - `due`: owed items and open 要账 due from today to `days` days on;
 * - `keyDate`: key dates from today to `days` days on, with the key date's note or else the criteria's 材料要求.
 * Overdue first, then by date. Met and closed things never remind.
 */
export function reminders(
  leaves: OwedLeaf[],
  index: MaterialIndex,
  requests: CountedRequest[],
  keyDates: KeyDate[],
  days: number,
  ctx: MonthContext,
): ReminderItem[] {
  const { today } = ctx;
  const until = addDays(today, days);
  const soon = (d: string): boolean => d >= today && d <= until;
  const byCode = new Map(leaves.map((c) => [c.code, c]));
  const out: ReminderItem[] = [];
  for (const r of requests) {
    if (r.state !== 'open' || (!r.overdue && !soon(r.due))) continue;
    const type = r.overdue ? 'overdue' : 'due';
    const what = `要账 ${r.criterionCode} ${r.text ?? byCode.get(r.criterionCode)?.title ?? ''}`.trim();
    out.push({
      key: `${type}:${r.due}:request:${r.id}`,
      type,
      date: r.due,
      criterionCode: r.criterionCode,
      requestId: r.id,
      text: type === 'overdue' ? `已逾期（${monthDay(r.due)}截止）：${what}` : `${monthDay(r.due)}截止：${what}`,
    });
  }
  const latestOverdue = new Map<string, Owed>();
  for (const month of ctx.periodMonths)
    for (const o of owedOfMonth(leaves, index, month, ctx)) {
      if (o.overdue) latestOverdue.set(o.criterionCode, o);
      else if (o.state !== 'met' && soon(o.due)) out.push(owedReminder('due', o));
    }
  for (const o of latestOverdue.values()) out.push(owedReminder('overdue', o));
  for (const k of keyDates) {
    if (!soon(k.date)) continue;
    const asks =
      k.note ??
      k.criterionCodes
        .map((c) => byCode.get(c))
        .map((c) => (c ? requirementsLine(c) : null))
        .filter((t): t is string => t !== null)
        .join('；');
    const about = [k.criterionCodes.join('、'), asks ? (k.note ? asks : `需要${asks}`) : ''].filter(Boolean).join(' ');
    out.push({
      key: `keyDate:${k.date}:${k.title}`,
      type: 'keyDate',
      date: k.date,
      criterionCode: k.criterionCodes[0] ?? null,
      requestId: null,
      text: `${monthDay(k.date)} ${k.title}${about ? `：${about}` : ''}`,
    });
  }
  // One order for the banner and the notification: a key date first (an activity's photos can only be taken on its
  // day), then what falls due within days, then what is already late (月收集 and its badge keep that in view too).
  const rank = { keyDate: 0, due: 1, overdue: 2 } as const;
  return out.sort((a, b) => rank[a.type] - rank[b.type] || a.date.localeCompare(b.date) || a.key.localeCompare(b.key));
}

function owedReminder(type: 'due' | 'overdue', o: Owed): ReminderItem {
  const what = `${o.criterionCode} ${o.title}（${Number(o.month.slice(5, 7))}月${o.source === 'deadline' ? '截止' : '材料'}）`;
  return {
    key: `${type}:${o.due}:${o.criterionCode}:${o.month}`,
    type,
    date: o.due,
    criterionCode: o.criterionCode,
    requestId: null,
    text: type === 'overdue' ? `已逾期（${monthDay(o.due)}截止）：${what}` : `${monthDay(o.due)}截止：${what}`,
  };
}
