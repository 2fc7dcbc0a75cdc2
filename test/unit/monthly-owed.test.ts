import { describe, expect, it } from 'vitest';
import { collectionDate, collectionMonth, periodMonths } from '@shared/domain/collection';
import { monthOwed } from '@shared/domain/monthly/month-view';
import { indexMaterials, owedIn, owedSource, type MonthMaterial, type OwedLeaf } from '@shared/domain/monthly/owed';
import { yearGrid } from '@shared/domain/monthly/year-grid';
import type { Requirement } from '@shared/domain/requirements';

const period = { start: '2025-11-01', end: '2026-10-31' };
const months = periodMonths(period);
const ctxOn = (today: string, collectionDay = 5) => ({ today, collectionDay, periodMonths: months });

function leaf(code: string, extra: Partial<OwedLeaf> = {}): OwedLeaf {
  return {
    code,
    title: `标准 ${code}`,
    leaf: true,
    mine: true,
    removed: false,
    needsMaterial: true,
    declaration: null,
    frequency: null,
    dueDate: null,
    requirements: [],
    ...extra,
  };
}

let n = 0;
function mat(code: string, month: string, extra: Partial<MonthMaterial> = {}): MonthMaterial {
  return { id: `m${++n}`, criterionCode: code, kind: 'photo', month, eventDate: null, scores: true, ...extra };
}

const photos3: Requirement[] = [{ kind: 'photo', min: 3, text: '实景图片不少于3张' }];

describe('what a leaf owes in a month', () => {
  it('monthly and ongoing every month, quarterly at the quarter end, yearly and once by their due date', () => {
    expect(months.map((m) => owedSource({ frequency: 'monthly', dueDate: null }, m))).toEqual(
      months.map(() => 'frequency'),
    );
    expect(owedSource({ frequency: 'ongoing', dueDate: null }, '2026-02')).toBe('frequency');
    expect(months.filter((m) => owedSource({ frequency: 'quarterly', dueDate: null }, m))).toEqual([
      '2025-12',
      '2026-03',
      '2026-06',
      '2026-09',
    ]);
    expect(months.filter((m) => owedSource({ frequency: 'yearly', dueDate: '2026-06-30' }, m))).toEqual(['2026-06']);
    expect(months.filter((m) => owedSource({ frequency: 'once', dueDate: '2026-03-01' }, m))).toEqual(['2026-03']);
    expect(months.filter((m) => owedSource({ frequency: 'yearly', dueDate: null }, m))).toEqual([]);
    // Any criterion whose due date falls in the month, whatever its rhythm (or none).
    expect(owedSource({ frequency: null, dueDate: '2026-05-31' }, '2026-05')).toBe('deadline');
    // A rhythm item is listed once even when its due date falls in the same month.
    expect(owedSource({ frequency: 'monthly', dueDate: '2026-05-31' }, '2026-05')).toBe('frequency');
  });

  it('only the unit leaves that need material and are not declared or removed', () => {
    const index = indexMaterials([]);
    const ctx = ctxOn('2026-05-20');
    const all = [
      leaf('a', { frequency: 'monthly' }),
      leaf('b', { frequency: 'monthly', mine: false }),
      leaf('c', { frequency: 'monthly', removed: true }),
      leaf('d', { frequency: 'monthly', needsMaterial: false }),
      leaf('e', { frequency: 'monthly', declaration: { statement: 'x', declaredAt: 'y' } }),
      leaf('f', { frequency: 'monthly', leaf: false }),
    ];
    expect(monthOwed(all, index, [], [], '2026-05', ctx).owed.map((o) => o.criterionCode)).toEqual(['a']);
  });

  it('a rhythm item is due on the collection day of the following month; a deadline item on its date', () => {
    const index = indexMaterials([]);
    const ctx = ctxOn('2026-01-01');
    expect(owedIn(leaf('a', { frequency: 'monthly' }), '2026-05', index, months, ctx.today, 5)!.due).toBe('2026-06-05');
    expect(owedIn(leaf('a', { frequency: 'monthly' }), '2025-12', index, months, ctx.today, 5)!.due).toBe('2026-01-05');
    expect(owedIn(leaf('a', { dueDate: '2026-05-12' }), '2026-05', index, months, ctx.today, 5)!.due).toBe(
      '2026-05-12',
    );
    // A collection day of 31: January is due on the last day of February, in a leap year too.
    expect(owedIn(leaf('a', { frequency: 'monthly' }), '2026-01', index, months, ctx.today, 31)!.due).toBe(
      '2026-02-28',
    );
    expect(collectionDate('2028-02', 31)).toBe('2028-02-29');
    expect(collectionDate('2026-04', 31)).toBe('2026-04-30');
  });

  it('met / partly / missing count that month’s scoring materials against the requirements', () => {
    const c = leaf('a', { frequency: 'monthly', requirements: photos3 });
    const index = indexMaterials([
      mat('a', '2026-04'),
      mat('a', '2026-04'),
      mat('a', '2026-04'),
      mat('a', '2026-05'),
      mat('a', '2026-05', { scores: false }),
      mat('a', '2026-06', { scores: false }),
    ]);
    const at = (m: string) => owedIn(c, m, index, months, '2026-05-20', 5)!;
    expect(at('2026-04').state).toBe('met');
    expect(at('2026-05').state).toBe('partly');
    expect(at('2026-05').counted).toHaveLength(1);
    expect(at('2026-06').state).toBe('missing'); // a material that cannot score counts for nothing
    expect(at('2026-03').state).toBe('missing');
  });

  it('a criterion without typed requirements is met by one scoring material', () => {
    const c = leaf('a', { frequency: 'monthly' });
    const index = indexMaterials([mat('a', '2026-04', { kind: 'document' })]);
    expect(owedIn(c, '2026-04', index, months, '2026-05-20', 5)!.state).toBe('met');
    expect(owedIn(c, '2026-03', index, months, '2026-05-20', 5)!.state).toBe('missing');
  });

  it('a quarterly item counts its quarter’s months; a deadline item every month up to its own', () => {
    const q = leaf('q', { frequency: 'quarterly', requirements: photos3 });
    const d = leaf('d', { dueDate: '2026-06-30', requirements: photos3 });
    const index = indexMaterials([
      mat('q', '2026-04'),
      mat('q', '2026-05'),
      mat('q', '2026-06'),
      mat('q', '2026-03'),
      mat('d', '2025-11'),
      mat('d', '2026-02'),
      mat('d', '2026-06'),
      mat('d', '2026-07'),
    ]);
    expect(owedIn(q, '2026-06', index, months, '2026-05-20', 5)!.counted).toHaveLength(3);
    expect(owedIn(q, '2026-06', index, months, '2026-05-20', 5)!.state).toBe('met');
    expect(owedIn(q, '2026-03', index, months, '2026-05-20', 5)!.state).toBe('partly');
    const dl = owedIn(d, '2026-06', index, months, '2026-05-20', 5)!;
    expect(dl.counted.map((m) => m.month)).toEqual(['2025-11', '2026-02', '2026-06']);
    expect(dl.state).toBe('met');
  });

  it('overdue: not met past its due date, read against the given day only (a clock that jumps back)', () => {
    const c = leaf('a', { frequency: 'monthly', requirements: photos3 });
    const index = indexMaterials([mat('a', '2026-04')]);
    expect(owedIn(c, '2026-04', index, months, '2026-05-05', 5)!.overdue).toBe(false); // due today
    expect(owedIn(c, '2026-04', index, months, '2026-05-06', 5)!.overdue).toBe(true);
    // The same question asked with an earlier day (the clock went back) answers for that day.
    expect(owedIn(c, '2026-04', index, months, '2026-04-30', 5)!.overdue).toBe(false);
  });
});

describe('the month view and its counters', () => {
  it('lists the month’s 要账 first, then the leaves; counts owed, met and overdue', () => {
    const leaves = [leaf('a', { frequency: 'monthly' }), leaf('b', { dueDate: '2026-04-15' })];
    const index = indexMaterials([mat('a', '2026-04')]);
    const request = {
      id: 'r1',
      criterionCode: 'b',
      month: '2026-04',
      due: '2026-05-05',
      text: '图片不少于4张',
      state: 'open' as const,
      overdue: true,
      byHand: false,
      have: 1,
      materialIds: ['x'],
    };
    const keyDates = [
      { date: '2026-04-22', title: '世界地球日', criterionCodes: ['a'], note: null, source: 'office' as const },
      { date: '2026-06-05', title: '世界环境日', criterionCodes: ['a'], note: null, source: 'office' as const },
    ];
    const v = monthOwed(leaves, index, [request], keyDates, '2026-04', ctxOn('2026-05-20'));
    expect(v.owed.map((o) => [o.source, o.criterionCode, o.state, o.overdue])).toEqual([
      ['request', 'b', 'partly', true],
      ['frequency', 'a', 'met', false],
      ['deadline', 'b', 'missing', true],
    ]);
    expect(v.counts).toEqual({ owed: 3, met: 1, overdue: 2 });
    expect(v.keyDates.map((k) => k.title)).toEqual(['世界地球日']);
  });
});

describe('the collection month', () => {
  it('a collection day past the month’s end means its last day (31 in February, leap years)', () => {
    expect(collectionMonth('2026-02-27', 31)).toBe('2026-01');
    expect(collectionMonth('2026-02-28', 31)).toBe('2026-02');
    expect(collectionMonth('2028-02-28', 31)).toBe('2028-01');
    expect(collectionMonth('2028-02-29', 31)).toBe('2028-02');
    expect(collectionMonth('2026-04-30', 31)).toBe('2026-04');
    expect(collectionMonth('2026-03-30', 31)).toBe('2026-02');
    expect(collectionMonth('2026-01-04')).toBe('2025-12');
  });
});

describe('the year grid', () => {
  it('rows are the leaves owed in some month; cells met, partly, missing, overdue, not-due', () => {
    const leaves = [
      leaf('m', { frequency: 'monthly', requirements: photos3 }),
      leaf('q', { frequency: 'quarterly' }),
      leaf('y', { frequency: 'yearly' }), // no due date: owed in no month, no row
    ];
    const index = indexMaterials([
      mat('m', '2026-03'),
      mat('m', '2026-03'),
      mat('m', '2026-03'),
      mat('m', '2026-04'),
      mat('m', '2026-05'),
    ]);
    const g = yearGrid(leaves, index, ctxOn('2026-05-20'));
    expect(g.months).toEqual(months);
    expect(g.rows.map((r) => r.code)).toEqual(['m', 'q']);
    const m = Object.fromEntries(months.map((mm, i) => [mm, g.rows[0]!.cells[i]]));
    expect(m['2026-02']).toBe('overdue'); // missing past 03-05
    expect(m['2026-03']).toBe('met');
    expect(m['2026-04']).toBe('overdue'); // partly past 05-05
    expect(m['2026-05']).toBe('partly'); // due 06-05
    expect(m['2026-06']).toBe('not-due'); // a month not begun yet is not missing
    expect(m['2026-07']).toBe('not-due');
    const q = Object.fromEntries(months.map((mm, i) => [mm, g.rows[1]!.cells[i]]));
    expect(q['2026-01']).toBe('not-due');
    expect(q['2026-03']).toBe('overdue');
    expect(q['2026-06']).toBe('not-due');
    // Today's month with nothing in is missing (its collection is still ahead, not overdue).
    const n = yearGrid([leaf('n', { frequency: 'monthly' })], index, ctxOn('2026-05-20')).rows[0]!.cells;
    expect(n[months.indexOf('2026-05')]).toBe('missing');
    expect(n[months.indexOf('2026-04')]).toBe('overdue');
  });
});
