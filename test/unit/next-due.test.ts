import { describe, expect, it } from 'vitest';
import { parseDeadline } from '@shared/domain/deadline';
import { daysBetween, dueOf, dueSeries, dueUrgency, nextDue, type Schedule } from '@shared/domain/next-due';
import type { Period } from '@shared/domain/period';

/** The 2026 test year as many cities set it. */
const P2026: Period = { start: '2025-11-01', end: '2026-10-31' };
/** A period with a leap February in it. */
const P2028: Period = { start: '2027-11-01', end: '2028-10-31' };

/** A schedule as the catalog import stores it: the text plus what `parseDeadline` read from it. */
const as = (deadline: string): Schedule => ({ deadline, ...parseDeadline(deadline) });

describe('nextDue', () => {
  it('a named day is the due date, before and after it passes', () => {
    expect(nextDue(as('2026年6月30日前'), '2026-05-20', P2026)).toBe('2026-06-30');
    expect(nextDue(as('2026年6月30日前'), '2026-07-01', P2026)).toBe('2026-06-30');
  });

  it('每月5日前: the next 5th, today included', () => {
    expect(nextDue(as('每月5日前'), '2026-05-03', P2026)).toBe('2026-05-05');
    expect(nextDue(as('每月5日前'), '2026-05-05', P2026)).toBe('2026-05-05');
    expect(nextDue(as('每月5日前'), '2026-05-06', P2026)).toBe('2026-06-05');
    expect(nextDue(as('每月5日前'), '2025-12-31', P2026)).toBe('2026-01-05');
  });

  it('每月底 and a day past a short month fall on its last day, 2-29 in a leap year', () => {
    expect(nextDue(as('每月底前'), '2026-02-10', P2026)).toBe('2026-02-28');
    expect(nextDue(as('每月底前'), '2028-02-10', P2028)).toBe('2028-02-29');
    expect(nextDue(as('每月底前'), '2026-04-30', P2026)).toBe('2026-04-30');
    expect(nextDue(as('每月31日前'), '2026-04-02', P2026)).toBe('2026-04-30');
  });

  it('a plain monthly rhythm is due on the collection day', () => {
    const monthly: Schedule = { deadline: null, dueDate: null, frequency: 'monthly' };
    expect(nextDue(monthly, '2026-03-06', P2026)).toBe('2026-04-05');
    expect(nextDue(monthly, '2026-03-06', P2026, 10)).toBe('2026-03-10');
    expect(nextDue(monthly, '2026-02-01', P2026, 31)).toBe('2026-02-28');
  });

  it('每季度末: the quarter ends; other quarterly texts: the month after the quarter', () => {
    expect(nextDue(as('每季度末'), '2025-11-10', P2026)).toBe('2025-12-31');
    expect(nextDue(as('每季度末'), '2026-04-01', P2026)).toBe('2026-06-30');
    expect(nextDue(as('每季度末'), '2026-09-30', P2026)).toBe('2026-09-30');
    expect(nextDue(as('每季度首月10日前'), '2026-02-01', P2026)).toBe('2026-04-10');
    expect(nextDue(as('每季度报送'), '2026-07-06', P2026)).toBe('2026-10-05');
  });

  it('recurring series end with the final collection after the period; once passed it stays the due date', () => {
    expect(nextDue(as('每季度末'), '2026-10-01', P2026)).toBe('2026-11-05');
    expect(nextDue(as('每月5日前'), '2026-10-06', P2026)).toBe('2026-11-05');
    expect(nextDue(as('每月底前'), '2026-11-01', P2026)).toBe('2026-11-05');
    expect(nextDue(as('每月5日前'), '2026-11-29', P2026)).toBe('2026-11-05');
  });

  it('yearly: half-year ends, a day of the year within the period, the year end', () => {
    expect(nextDue(as('每半年'), '2026-01-10', P2026)).toBe('2026-06-30');
    expect(nextDue(as('每年6月30日前'), '2026-05-01', P2026)).toBe('2026-06-30');
    // Passed and no other in the period: it stays, and reads as overdue while the criterion is open.
    expect(nextDue(as('每年6月30日前'), '2026-07-10', P2026)).toBe('2026-06-30');
    expect(nextDue(as('每年年底前'), '2025-11-20', P2026)).toBe('2025-12-31');
  });

  it('a rhythm with no day of its own is due by the end of the period; no deadline, no date', () => {
    expect(nextDue(as('常态'), '2026-03-01', P2026)).toBe('2026-10-31');
    expect(nextDue(as('每年'), '2026-03-01', P2026)).toBe('2026-10-31');
    expect(nextDue({ deadline: null, dueDate: null, frequency: null }, '2026-03-01', P2026)).toBeNull();
    expect(nextDue(as('按要求报送'), '2026-03-01', P2026)).toBeNull();
  });

  it('full-width digits in the text are read like ASCII', () =>
    expect(nextDue(as('每月１０日前'), '2026-03-11', P2026)).toBe('2026-04-10'));
});

describe('dueSeries', () => {
  it('monthly: every month of the period up to the final collection', () => {
    const series = dueSeries(as('每月5日前'), P2026);
    expect(series[0]).toBe('2025-11-05');
    expect(series[series.length - 1]).toBe('2026-11-05');
    expect(series).toHaveLength(13);
  });
  it('quarter ends inside the period, then the final collection', () =>
    expect(dueSeries(as('每季度末'), P2026)).toEqual([
      '2025-12-31',
      '2026-03-31',
      '2026-06-30',
      '2026-09-30',
      '2026-11-05',
    ]));
});

describe('dueUrgency', () => {
  it('overdue once passed, soon within three days (today included), later after', () => {
    expect(dueUrgency('2026-05-04', 'in-progress', '2026-05-05')).toBe('overdue');
    expect(dueUrgency('2026-05-05', 'not-started', '2026-05-05')).toBe('soon');
    expect(dueUrgency('2026-05-08', 'not-started', '2026-05-05')).toBe('soon');
    expect(dueUrgency('2026-05-09', 'not-started', '2026-05-05')).toBe('later');
    // Across a month end.
    expect(dueUrgency('2026-03-02', 'not-started', '2026-02-27')).toBe('soon');
  });
  it('nothing is owed when complete or not applicable, or without a date', () => {
    expect(dueUrgency('2026-05-04', 'complete', '2026-05-05')).toBeNull();
    expect(dueUrgency('2026-05-04', 'not-applicable', '2026-05-05')).toBeNull();
    expect(dueUrgency(null, 'not-started', '2026-05-05')).toBeNull();
  });
  it('counts days across a year end', () => expect(daysBetween('2025-12-30', '2026-01-02')).toBe(3));
});

describe('dueOf', () => {
  it('joins the next date and its urgency for a criterion', () => {
    // Up to date: the next collection is coming. Owing a month already collected: overdue since that day.
    expect(dueOf({ ...as('每月5日前'), status: 'complete' }, '2026-06-03', P2026)).toEqual({
      date: '2026-06-05',
      urgency: 'soon',
    });
    expect(dueOf({ ...as('每月5日前'), status: 'not-started' }, '2026-06-03', P2026)).toEqual({
      date: '2026-05-05',
      urgency: 'overdue',
    });
    // Before the first collection day nothing is late yet.
    expect(dueOf({ ...as('每月5日前'), status: 'not-started' }, '2025-11-01', P2026)).toEqual({
      date: '2025-11-05',
      urgency: 'later',
    });
    expect(dueOf({ ...as('2026年3月31日前'), status: 'in-progress' }, '2026-06-03', P2026)).toEqual({
      date: '2026-03-31',
      urgency: 'overdue',
    });
    expect(dueOf({ ...as('2026年3月31日前'), status: 'complete' }, '2026-06-03', P2026)).toEqual({
      date: '2026-03-31',
      urgency: null,
    });
    expect(dueOf({ deadline: null, dueDate: null, frequency: null, status: 'not-started' }, '2026-06-03', P2026)).toBe(
      null,
    );
  });
});
