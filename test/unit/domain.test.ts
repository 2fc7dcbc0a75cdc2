import { describe, expect, it } from 'vitest';
import { parseDeadline } from '@shared/domain/deadline';
import { defaultPeriod, isIsoDate, localIsoDate, parsePeriod } from '@shared/domain/period';
import { isOverdue, summarizeProgress, type ProgressInput } from '@shared/domain/progress';
import { parseRequirementsText } from '@shared/domain/requirements';
import { preselectMine, unitMatches } from '@shared/domain/scope';
import { aggregateStatus, leafStatus } from '@shared/domain/status';
import { METHODS, parseValue } from '@shared/domain/value-sets';

describe('value sets', () => {
  it('accept id, label or alias', () => {
    expect(parseValue(METHODS, 'field')).toBe('field');
    expect(parseValue(METHODS, '问卷调查')).toBe('survey');
    expect(parseValue(METHODS, '材料审核')).toBe('online');
    expect(parseValue(METHODS, 'photo')).toBeUndefined();
  });
});

describe('periods', () => {
  it('defaults to 11-01 of the year before .. 10-31', () =>
    expect(defaultPeriod(2025)).toEqual({ start: '2024-11-01', end: '2025-10-31' }));
  it('parses START..END and refuses bad windows', () => {
    expect(parsePeriod('2024-11-01..2025-10-31')).toEqual({ start: '2024-11-01', end: '2025-10-31' });
    expect(parsePeriod('2025-10-31..2024-11-01')).toBeUndefined();
    expect(parsePeriod('2025-02-30..2025-10-31')).toBeUndefined();
    expect(parsePeriod('2020-01-01..2025-01-01')).toBeUndefined();
    expect(parsePeriod('2025-01-01')).toBeUndefined();
  });
  it('checks calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(localIsoDate(new Date(2025, 0, 5))).toBe('2025-01-05');
  });
});

describe('parseDeadline', () => {
  it.each([
    ['每月5日前', null, 'monthly'],
    ['2025年10月31日前', '2025-10-31', null],
    ['每季度末', null, 'quarterly'],
    ['常态', null, 'ongoing'],
    ['２０２５年６月３０日', '2025-06-30', null],
    ['2025年2月30日', null, null],
    ['每年年底前', null, 'yearly'],
  ])('%s', (text, dueDate, frequency) => expect(parseDeadline(text)).toEqual({ dueDate, frequency }));
});

describe('parseRequirementsText', () => {
  it('reads kinds and minimum counts', () => {
    expect(parseRequirementsText('实景图片不少于10张；情况说明；统计表2份').map((r) => [r.kind, r.min])).toEqual([
      ['photo', 10],
      ['statement', 1],
      ['table', 2],
    ]);
  });
  it('reads bare kind words', () => expect(parseRequirementsText('图片').map((r) => r.kind)).toEqual(['photo']));
  it.each(['（无需网报）', '——', '', '无'])('%j means no requirement', (t) =>
    expect(parseRequirementsText(t)).toEqual([]),
  );
});

describe('status', () => {
  const c = { needsMaterial: true, requirements: [{ kind: 'photo' as const, min: 3, text: '' }] };
  it('computes leaf status from counts', () => {
    expect(leafStatus({ ...c, needsMaterial: false }, { photo: 9 })).toBe('not-applicable');
    expect(leafStatus(c, {})).toBe('not-started');
    expect(leafStatus(c, { photo: 2 })).toBe('in-progress');
    expect(leafStatus(c, { photo: 3 })).toBe('complete');
    expect(leafStatus({ needsMaterial: true, requirements: [] }, { document: 1 })).toBe('complete');
  });
  it('aggregates children', () => {
    expect(aggregateStatus(['not-applicable', 'not-applicable'])).toBe('not-applicable');
    expect(aggregateStatus(['complete', 'not-applicable'])).toBe('complete');
    expect(aggregateStatus(['not-started', 'not-applicable'])).toBe('not-started');
    expect(aggregateStatus(['complete', 'not-started'])).toBe('in-progress');
  });
});

describe('progress', () => {
  const period = { start: '2024-11-01', end: '2025-10-31' };
  const base: ProgressInput = {
    leaf: true,
    mine: true,
    removed: false,
    status: 'not-started',
    dueDate: null,
    deadline: null,
    frequency: null,
  };
  it('counts only mine, current leaves', () => {
    const s = summarizeProgress(
      [
        { ...base, status: 'complete' },
        { ...base, dueDate: '2025-01-01' },
        { ...base, status: 'not-applicable' },
        { ...base, mine: false },
        { ...base, removed: true },
        { ...base, leaf: false },
      ],
      '2025-06-01',
      period,
    );
    expect(s.total).toBe(3);
    expect(s.overdue).toBe(1);
    expect(s.ratio).toBe(0.5);
  });
  it('overdue only when due and not done', () => {
    const on = (status: ProgressInput['status'], dueDate: string) => ({ ...base, status, dueDate });
    expect(isOverdue(on('complete', '2025-01-01'), '2025-06-01', period)).toBe(false);
    expect(isOverdue(on('in-progress', '2025-06-01'), '2025-06-01', period)).toBe(false);
    expect(isOverdue(on('in-progress', '2025-05-31'), '2025-06-01', period)).toBe(true);
    // A monthly 每月5日前 whose last date (the final collection) has passed is overdue too.
    const monthly = { ...base, status: 'in-progress' as const, deadline: '每月5日前', frequency: 'monthly' as const };
    expect(isOverdue(monthly, '2025-12-20', period)).toBe(true);
    expect(isOverdue(monthly, '2024-11-03', period)).toBe(false); // before the first collection day
  });
});

describe('scope preselection', () => {
  const nodes = [
    { code: '1', parentCode: null, leadUnit: null, responsibleUnits: [] },
    { code: '1.1', parentCode: '1', leadUnit: '市教育局', responsibleUnits: [] },
    { code: '1.2', parentCode: '1', leadUnit: '市卫健委', responsibleUnits: ['各区人民政府'] },
    { code: '2', parentCode: null, leadUnit: '市文明办', responsibleUnits: ['教育局'] },
  ];
  it('matches names and aliases, either way round', () => {
    expect(unitMatches('教育局', ['市教育局'])).toBe(true);
    expect(unitMatches('市教育局（市教体局）', ['市教体局'])).toBe(true);
    expect(unitMatches('市卫健委', ['市教育局'])).toBe(false);
    expect(unitMatches('局', ['市教育局'])).toBe(false);
  });
  it('marks matching criteria and their parents', () => {
    const m = preselectMine(nodes, { names: ['市教育局'], kind: 'city' });
    expect(Object.fromEntries(m)).toEqual({ '1': true, '1.1': true, '1.2': false, '2': true });
  });
  it('marks everything when nothing matches', () => {
    expect([...preselectMine(nodes, { names: ['市财政局'], kind: 'city' }).values()].every(Boolean)).toBe(true);
  });
});
