import { describe, expect, it } from 'vitest';
import { parseDeadline } from '@shared/domain/deadline';
import { homeSummary, type HomeCriterion, type MonthlyMaterial } from '@shared/domain/home-summary';
import type { Period } from '@shared/domain/period';
import type { CriterionStatus } from '@shared/domain/value-sets';

/** The 2026 test year as many cities set it. */
const P2026: Period = { start: '2025-11-01', end: '2026-10-31' };

/** A leaf of the unit's own, due as its 完成时限 says, in the state given; `more` overrides the rest. */
function leaf(
  code: string,
  deadline: string | null,
  status: CriterionStatus = 'in-progress',
  more: Partial<HomeCriterion> = {},
): HomeCriterion {
  return {
    code,
    parentCode: 'P',
    title: `标准${code}`,
    leaf: true,
    mine: true,
    removed: false,
    needsMaterial: true,
    points: 1,
    status,
    deadline,
    ...(deadline === null ? { dueDate: null, frequency: null } : parseDeadline(deadline)),
    ...more,
  };
}

/** The 测评内容 above the leaves: its 4 points are shared by the leaves that carry none of their own. */
const PARENT: HomeCriterion = {
  ...leaf('P', null),
  parentCode: null,
  leaf: false,
  points: 4,
};

/** 首页 over the 2026 period on `today`, with the 体检 at 3.5 points at risk. */
const summary = (criteria: HomeCriterion[], today: string, materials: MonthlyMaterial[] | null = null) =>
  homeSummary({ criteria: [PARENT, ...criteria], pointsAtRisk: 3.5, materials, today, period: P2026 });

describe('homeSummary: completion', () => {
  it('counts the unit’s current leaves, leaves out 不适用, rounds the percentage down', () => {
    const done = Array.from({ length: 14 }, (_, i) => leaf(`d${i}`, null, 'complete'));
    const s = summary(
      [
        ...done,
        leaf('open', null, 'not-started'),
        leaf('na', null, 'not-applicable'),
        leaf('others', null, 'not-started', { mine: false }),
        leaf('gone', null, 'not-started', { removed: true }),
      ],
      '2026-06-15',
    );
    expect(s.progress.byStatus.complete).toBe(14);
    expect(s.applicable).toBe(15);
    expect(s.percent).toBe(93); // 14/15 = 93.3 %, never a premature 100 %
  });

  it('passes the 体检’s points at risk through as they are, and null before it has run', () => {
    expect(summary([leaf('a', null)], '2026-06-15').pointsAtRisk).toBe(3.5);
    const notRun = homeSummary({
      criteria: [],
      pointsAtRisk: null,
      materials: null,
      today: '2026-06-15',
      period: P2026,
    });
    expect(notRun.pointsAtRisk).toBeNull();
    expect(notRun.percent).toBeNull();
  });
});

describe('homeSummary: late and due soon', () => {
  const criteria = [
    leaf('may', '2026年5月31日前'),
    leaf('march', '2026年3月31日前', 'not-started', { points: 3 }),
    leaf('today', '2026年6月15日前'),
    leaf('edge', '2026年6月29日前', 'not-started'),
    leaf('after', '2026年6月30日前'),
    leaf('done', '2026年5月31日前', 'complete'),
    leaf('na', '2026年5月31日前', 'not-applicable'),
    leaf('others', '2026年5月1日前', 'not-started', { mine: false }),
    leaf('gone', '2026年5月1日前', 'not-started', { removed: true }),
    leaf('monthly', '每月5日前'),
  ];
  const s = summary(criteria, '2026-06-15');

  it('lists what is past its due date and not done, most days late first, as the header counts it', () => {
    expect(s.late.map((i) => [i.code, i.due, i.days])).toEqual([
      ['march', '2026-03-31', 76],
      ['may', '2026-05-31', 15],
      ['monthly', '2026-06-05', 10], // owing since June's collection day, not "next on 07-05"
    ]);
    expect(s.late.length).toBe(s.progress.overdue);
    expect(s.late.every((i) => i.urgency === 'overdue')).toBe(true);
  });

  it('lists what comes due within 14 days, today and the 14th day included, soonest first', () => {
    expect(s.soon.map((i) => [i.code, i.due, i.days, i.urgency])).toEqual([
      ['today', '2026-06-15', 0, 'soon'],
      ['edge', '2026-06-29', 14, 'later'],
    ]);
  });

  it('names the first date after the two weeks and how many are owed by it', () => {
    expect(s.next).toEqual({ due: '2026-06-30', count: 1 });
    const mixed = summary(
      [leaf('a', '2026年7月31日前'), leaf('b', '每季度末', 'complete'), leaf('c', '2026年8月31日前')],
      '2026-06-15',
    );
    expect(mixed.next).toEqual({ due: '2026-06-30', count: 1 });
    expect(summary([leaf('a', '每季度末', 'complete'), leaf('b', '2026年6月30日前')], '2026-06-15').next).toEqual({
      due: '2026-06-30',
      count: 2,
    });
  });

  it('gives each item its points: its own, or its share of the parent’s', () => {
    expect(s.late[0]!.points).toBe(3);
    // x carries no points of its own: it takes P's 4, shared with no other leaf (y has its own 1).
    const shared = summary(
      [leaf('x', '2026年6月20日前', 'in-progress', { points: null }), leaf('y', null)],
      '2026-06-15',
    );
    expect(shared.soon[0]).toMatchObject({ code: 'x', title: '标准x', points: 4, days: 5 });
  });

  it('reads month ends: 每月底 on the 31st is due today, on the 1st next month at its end', () => {
    // Up to date with what was collected: each one's next date is what comes due.
    const eom = [
      leaf('eom', '每月底前', 'complete'),
      leaf('fifth', '每月5日前', 'complete'),
      leaf('quarter', '每季度末', 'complete'),
    ];
    expect(summary(eom, '2026-01-31').soon.map((i) => [i.code, i.days])).toEqual([
      ['eom', 0],
      ['fifth', 5],
    ]);
    expect(summary(eom, '2026-02-01').soon.map((i) => [i.code, i.due])).toEqual([['fifth', '2026-02-05']]);
    // February is short: on the 20th its end is 8 days away and the 5th of March 13.
    expect(summary(eom, '2026-02-20').soon.map((i) => [i.code, i.due, i.days])).toEqual([
      ['eom', '2026-02-28', 8],
      ['fifth', '2026-03-05', 13],
    ]);
    expect(summary(eom, '2026-03-20').soon.map((i) => [i.code, i.due])).toEqual([
      ['eom', '2026-03-31'],
      ['quarter', '2026-03-31'],
    ]);
  });

  it('once the period is over, what is still owed is late from its last due date', () => {
    const over = summary(
      [leaf('monthly', '每月5日前'), leaf('named', '2026年10月31日前'), leaf('done', '每月5日前', 'complete')],
      '2026-11-20',
    );
    expect(over.late.map((i) => [i.code, i.due, i.days])).toEqual([
      ['named', '2026-10-31', 20],
      ['monthly', '2026-11-05', 15], // the final collection after the period
    ]);
    expect(over.soon).toEqual([]);
  });

  it('nothing due: all complete, or every date beyond the window, or no date at all', () => {
    const calm = summary(
      [leaf('done', '2026年6月20日前', 'complete'), leaf('later', '2026年8月31日前'), leaf('undated', null)],
      '2026-06-15',
    );
    expect(calm.late).toEqual([]);
    expect(calm.soon).toEqual([]);
    expect(calm.next).toEqual({ due: '2026-08-31', count: 1 });
    expect(summary([leaf('done', '2026年8月31日前', 'complete')], '2026-06-15').next).toBeNull();
  });
});

describe('homeSummary: the trend by collection month', () => {
  const criteria = [
    leaf('a', null),
    leaf('b', null),
    leaf('na', null, 'not-applicable'),
    leaf('others', null, 'not-started', { mine: false }),
  ];
  const on = (criterionCode: string, ...months: string[]): MonthlyMaterial[] =>
    months.map((month) => ({ criterionCode, month, materials: 1 }));
  const materials = [
    ...on('a', '2025-11', '2025-11', '2026-06', '2026-09'), // September is still ahead: not shown yet
    ...on('b', '2025-11', '2026-01'),
    ...on('na', '2026-01'),
    ...on('others', '2026-01'),
  ];

  it('counts, per month up to today’s, the unit’s applicable criteria with material and the files', () => {
    const trend = summary(criteria, '2026-06-15', materials).trend!;
    expect(trend.map((m) => m.month).join(' ')).toBe('2025-11 2025-12 2026-01 2026-02 2026-03 2026-04 2026-05 2026-06');
    expect(trend[0]).toEqual({ month: '2025-11', criteria: 2, materials: 3, current: false });
    expect(trend[1]).toEqual({ month: '2025-12', criteria: 0, materials: 0, current: false });
    expect(trend[2]).toMatchObject({ criteria: 1, materials: 1 });
    expect(trend[7]).toEqual({ month: '2026-06', criteria: 1, materials: 1, current: true });
  });

  it('shows every month once the period is over, none before it starts, and waits for the materials', () => {
    const over = summary(criteria, '2026-12-01', materials).trend!;
    expect(over).toHaveLength(12);
    expect(over.some((m) => m.current)).toBe(false);
    expect(over[10]).toMatchObject({ month: '2026-09', criteria: 1 });
    expect(summary(criteria, '2025-10-20', materials).trend).toEqual([]);
    expect(summary(criteria, '2026-06-15', null).trend).toBeNull();
  });
});
