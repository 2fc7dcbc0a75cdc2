/** 测评周期: the date window materials must fall in. Dates are ISO `YYYY-MM-DD` strings throughout. */

export interface Period {
  start: string;
  end: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;
/** A date's shape, `YYYY-MM-DD`, before `isIsoDate` asks whether the day exists. */
export const ISO_DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/u;
/** A collection month, `YYYY-MM`: the one pattern the contract, the manifest, the CLI and the forms check. */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/u;
/** The 测评年度 the app accepts: one range for the contract, the CLI and the forms. */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

export const isMonth = (s: string): boolean => MONTH_PATTERN.test(s);
export const isValidYear = (y: number): boolean => Number.isInteger(y) && y >= MIN_YEAR && y <= MAX_YEAR;

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/** Whether a date (or a timestamp: its day counts) lies in the period, both ends included. */
export function inPeriod(date: string, period: Period): boolean {
  const day = date.slice(0, 10);
  return day >= period.start && day <= period.end;
}

/** The period many cities use: 11-01 of the year before to 10-31 of the test year. */
export function defaultPeriod(year: number): Period {
  return { start: `${year - 1}-11-01`, end: `${year}-10-31` };
}

/**
 * The 测评年度 a new workspace is for on `today` (`YYYY-MM-DD`): the year whose default period holds it — so from
 * November on it is next year's (the 2027 campaign's period starts 2026-11-01), never a period already over.
 */
export function campaignYear(today: string): number {
  const year = Number(today.slice(0, 4));
  return today > defaultPeriod(year).end ? year + 1 : year;
}

/** Reads `START..END`; `undefined` when either date is invalid or the window is empty or longer than two years. */
export function parsePeriod(text: string): Period | undefined {
  const [start, end, extra] = text.trim().split('..');
  if (start === undefined || end === undefined || extra !== undefined) return undefined;
  const p = { start: start.trim(), end: end.trim() };
  return isValidPeriod(p) ? p : undefined;
}

/** Both dates valid, start ≤ end, at most two years apart. */
export function isValidPeriod(p: Period): boolean {
  if (!isIsoDate(p.start) || !isIsoDate(p.end) || p.start > p.end) return false;
  const days = (Date.parse(p.end) - Date.parse(p.start)) / 86_400_000;
  return days <= 731;
}

/** A local date as `YYYY-MM-DD` (the clock is the caller's, so tests can fix it). */
export function localIsoDate(now: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A local timestamp with its UTC offset, as people read it: `2025-06-03T09:12:00+08:00`. */
export function localIsoTimestamp(now: Date): string {
  const pad = (n: number): string => String(Math.abs(n)).padStart(2, '0');
  const offset = -now.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const time = `${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}`;
  return `${localIsoDate(now)}T${time}${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}
