import { inPeriod, type Period } from './period';

/** The day of the month by which the previous month's materials are collected (the 创城办's 月收集; seed 000). */
export const DEFAULT_COLLECTION_DAY = 5;

/** `2026-05` → `2026-06`. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The months of a period, in order (`2025-11` … `2026-10`). */
export function periodMonths(period: Period): string[] {
  const out: string[] = [];
  for (let m = period.start.slice(0, 7); m <= period.end.slice(0, 7); m = nextMonth(m)) out.push(m);
  return out;
}

/**
 * The months of the period whose collection is due by `today` (`YYYY-MM-DD`): a month's materials are collected by
 * the collection day of the month after it, so on 2026-05-20 every month up to April is due, on 2026-05-03 up to
 * March. A collection day past a short month's end means its last day.
 */
export function monthsDue(period: Period, today: string, collectionDay = DEFAULT_COLLECTION_DAY): string[] {
  return periodMonths(period).filter((m) => collectionDate(nextMonth(m), collectionDay) <= today);
}

/** The number of days of a month (`2028-02` → 29). */
export function lastDayOfMonth(month: string): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** `month`'s collection day as a date: the day itself, or the month's last day when the month is shorter. */
export function collectionDate(month: string, collectionDay = DEFAULT_COLLECTION_DAY): string {
  return `${month}-${String(Math.min(collectionDay, lastDayOfMonth(month))).padStart(2, '0')}`;
}

/** The quarter a month falls in (`2026-05` → `2026-Q2`). */
export function quarterOf(month: string): string {
  return `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;
}

/**
 * The month being collected on `today`: the month before until the collection day (on 2026-05-03 the 创城办 is still
 * collecting April), then this one. A collection day past the month's end means its last day (31 in February: the
 * 28th or 29th), as in `monthsDue`.
 */
export function collectionMonth(today: string, collectionDay = DEFAULT_COLLECTION_DAY): string {
  const month = today.slice(0, 7);
  if (Number(today.slice(8, 10)) >= Math.min(collectionDay, lastDayOfMonth(month))) return month;
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** `month` moved into the period's months (its first or last when outside). */
export function clampMonth(month: string, period: Period): string {
  const first = period.start.slice(0, 7);
  const last = period.end.slice(0, 7);
  return month < first ? first : month > last ? last : month;
}

/**
 * The month a material counts for when none is given: its event date's month when that date lies in the period,
 * else the current collection month moved into the period — never a month outside it.
 */
export function defaultMonth(
  eventDate: string | null,
  period: Period,
  today: string,
  collectionDay = DEFAULT_COLLECTION_DAY,
): string {
  if (eventDate !== null && inPeriod(eventDate, period)) return eventDate.slice(0, 7);
  return clampMonth(collectionMonth(today, collectionDay), period);
}

/** Whether a collection month (`YYYY-MM`) lies within the period's months. */
export function monthInPeriod(month: string, period: Period): boolean {
  return month >= period.start.slice(0, 7) && month <= period.end.slice(0, 7);
}

/** What a month outside the period is told, in one wording for the package, intake and editing alike. */
export function monthOutsidePeriod(month: string, period: Period): string {
  return `月份 ${month} 不在测评周期（${period.start} 至 ${period.end}）内。`;
}
