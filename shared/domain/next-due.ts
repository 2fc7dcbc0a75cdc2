import { DEFAULT_COLLECTION_DAY, nextMonth, periodMonths } from './collection';
import type { Period } from './period';
import type { CriterionStatus, Frequency } from './value-sets';

/** The schedule fields of a criterion (as imported: the 完成时限 text and what `parseDeadline` read from it). */
export interface Schedule {
  deadline: string | null;
  dueDate: string | null;
  frequency: Frequency | null;
}

/**
 * How far ahead 首页 lists what comes due and the ledger's 14天内到期 filter looks: two weeks — long enough to plan
 * the materials of an activity, short enough that the list stays a to-do list rather than the year.
 */
export const DUE_WINDOW_DAYS = 14;

/** Days before a due date from which it is shown as coming up (orange). */
export const SOON_DAYS = 3;

/** How pressing a criterion's next due date is; null when nothing is owed (complete, not applicable) or no date. */
export type DueUrgency = 'overdue' | 'soon' | 'later';

/**
 * The date a criterion's materials are next due, on or after `today` (`YYYY-MM-DD`), or the last one when all have
 * passed — so a passed date stays visible and reads as overdue:
 * - a 完成时限 naming a day (`2026年6月30日前`) is that day, passed or not;
 * - `每月5日前` every month on that day, `每月底` on its last day, plain `每月` on the collection day;
 * - `每季度末` on the quarter's last day, other quarterly texts on that day (or the collection day) of the month
 *   after the quarter, when the 创城办 collects it;
 * - `每半年` on 6-30 and 12-31; `每年6月30日前` and `每年年底前` on that day within the 测评周期;
 * - monthly, quarterly and half-yearly series end with the final collection (the collection day of the month after
 *   the period): what the last month gathered is handed in then;
 * - a rhythm with no day of its own (`常态`, `每年`, `一次性`) is due by the end of the period.
 * Null when the criterion names no deadline at all.
 */
export function nextDue(
  s: Schedule,
  today: string,
  period: Period,
  collectionDay = DEFAULT_COLLECTION_DAY,
): string | null {
  if (s.dueDate !== null) return s.dueDate;
  if (s.frequency === null) return null;
  const series = dueSeries(s, period, collectionDay);
  if (series.length === 0) return period.end;
  return series.find((d) => d >= today) ?? series[series.length - 1]!;
}

/**
 * A criterion's due date as the ledger shows and filters it, and how pressing it is; null without a date. A
 * recurring criterion (每月5日前) is counted as the 体检 counts it, month by month: still owing material once a
 * collection day has passed, it is overdue since the last one passed, rather than quietly moving on to next
 * month's date; up to date, its next collection is still to come (soon or later), since each month asks anew.
 */
export function dueOf(
  c: Schedule & { status: CriterionStatus },
  today: string,
  period: Period,
): { date: string; urgency: DueUrgency | null } | null {
  const date = nextDue(c, today, period);
  if (date === null) return null;
  const series = c.dueDate === null ? dueSeries(c, period) : [];
  if (series.length === 0 || c.status === 'not-applicable') return { date, urgency: dueUrgency(date, c.status, today) };
  const missed = series.filter((d) => d < today).at(-1);
  const owing = c.status === 'not-started' || c.status === 'in-progress';
  if (owing && missed !== undefined) return { date: missed, urgency: 'overdue' };
  // Up to date (or nothing due yet): the next collection, pressing as its date comes; past the last one, nothing.
  return { date, urgency: date < today ? null : dueUrgency(date, 'in-progress', today) };
}

/** `nextDue` read against a criterion's status: passed, within `SOON_DAYS`, or later. */
export function dueUrgency(due: string | null, status: CriterionStatus, today: string): DueUrgency | null {
  if (due === null || status === 'complete' || status === 'not-applicable') return null;
  if (due < today) return 'overdue';
  return daysBetween(today, due) <= SOON_DAYS ? 'soon' : 'later';
}

/** Whole days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

/**
 * Every due date of a recurring schedule that falls in the period (from its start to the final collection), in
 * order; empty when the schedule names no day.
 */
export function dueSeries(s: Schedule, period: Period, collectionDay = DEFAULT_COLLECTION_DAY): string[] {
  const rhythm = rhythmOf(s, collectionDay);
  if (rhythm === null) return [];
  const final = dayIn(nextMonth(period.end.slice(0, 7)), collectionDay);
  const out: string[] = [];
  for (const month of periodMonths({ start: period.start, end: final })) {
    const day = rhythm.dayIn(Number(month.slice(5, 7)));
    const date = day === null ? null : dayIn(month, day);
    if (date !== null && date >= period.start && date <= final) out.push(date);
  }
  if (rhythm.collected && out[out.length - 1] !== final) out.push(final);
  return out;
}

/** The day a schedule is due in a month (1–12) or null, and whether the 创城办's final collection closes it. */
interface Rhythm {
  dayIn(month: number): number | null;
  collected: boolean;
}

/** A day past a month's end (31 in April) means its last day. */
const LAST_DAY = 31;

function rhythmOf(s: Schedule, collectionDay: number): Rhythm | null {
  const text = (s.deadline ?? '').normalize('NFKC').replace(/\s+/gu, '');
  const named = /(\d{1,2})[日号]/u.exec(text);
  const day = named && Number(named[1]) >= 1 && Number(named[1]) <= 31 ? Number(named[1]) : null;
  const atEnd = /[末底]/u.test(text);
  const every = (months: number[] | null, d: number): Rhythm => ({
    dayIn: (m) => (months === null || months.includes(m) ? d : null),
    collected: true,
  });
  switch (s.frequency) {
    case 'monthly':
      return every(null, day ?? (atEnd ? LAST_DAY : collectionDay));
    case 'quarterly':
      return atEnd ? every([3, 6, 9, 12], day ?? LAST_DAY) : every([1, 4, 7, 10], day ?? collectionDay);
    case 'yearly':
      return yearlyRhythm(text, atEnd);
    default:
      return null;
  }
}

function yearlyRhythm(text: string, atEnd: boolean): Rhythm | null {
  if (/半年/u.test(text)) return { dayIn: (m) => (m === 6 || m === 12 ? LAST_DAY : null), collected: true };
  const date = /(\d{1,2})月(?:(\d{1,2})[日号])?/u.exec(text);
  if (date) {
    const month = Number(date[1]);
    const day = date[2] === undefined ? LAST_DAY : Number(date[2]);
    return { dayIn: (m) => (m === month ? day : null), collected: false };
  }
  if (atEnd) return { dayIn: (m) => (m === 12 ? LAST_DAY : null), collected: false };
  return null;
}

/** `month` (`YYYY-MM`) on `day`, moved to the month's last day when the month is shorter. */
function dayIn(month: string, day: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(Math.min(day, last)).padStart(2, '0')}`;
}
