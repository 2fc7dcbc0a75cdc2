import { describe, expect, it } from 'vitest';
import type { Criterion } from '@shared/ipc/types';
import { DEFAULT_FILTER, visibleCodes, type DueClock } from '../../renderer/src/features/ledger/filter';

const node = (code: string, parentCode: string | null, over: Partial<Criterion> = {}): Criterion => ({
  code,
  parentCode,
  label: null,
  seq: null,
  level: code.split('.').length,
  position: 0,
  title: `标题${code}`,
  text: '',
  methods: ['online'],
  points: 1,
  needsMaterial: true,
  requirements: [],
  leadUnit: null,
  responsibleUnits: [],
  deadline: null,
  dueDate: null,
  frequency: null,
  leaf: true,
  mine: true,
  mineSetByUser: false,
  scopeReason: null,
  removed: false,
  status: 'not-started',
  counts: {},
  progress: [],
  declaration: null,
  review: null,
  reviewState: null,
  ...over,
});

/** 2025-06-01 in the 2025 test year (2024-11-01 .. 2025-10-31). */
const JUNE: DueClock = { today: '2025-06-01', period: { start: '2024-11-01', end: '2025-10-31' } };

const all = [
  node('1', null, { leaf: false }),
  node('1.1', '1', { title: '心理健康教育', dueDate: '2025-01-01' }),
  node('1.2', '1', { mine: false, methods: ['field'], needsMaterial: false, status: 'not-applicable' }),
  node('2', null, { leaf: false }),
  node('2.1', '2', { status: 'complete', leadUnit: '市卫健委' }),
  node('3', null, { removed: true, title: '旧标准' }),
];

describe('ledger filter', () => {
  it('shows mine by default, with ancestors', () =>
    expect([...visibleCodes(all, DEFAULT_FILTER, JUNE)].sort()).toEqual(['1', '1.1', '2', '2.1']));
  it('filters by method and status', () => {
    expect([...visibleCodes(all, { ...DEFAULT_FILTER, scope: 'all', method: 'field' }, JUNE)].sort()).toEqual([
      '1',
      '1.2',
    ]);
    expect([...visibleCodes(all, { ...DEFAULT_FILTER, status: 'complete' }, JUNE)].sort()).toEqual(['2', '2.1']);
  });
  it('filters by the next due date: passed, within three days, within two weeks; only what still owes material', () => {
    const due = [
      node('1', null, { leaf: false }),
      node('1.1', '1', { dueDate: '2025-05-31', status: 'in-progress' }), // passed
      node('1.2', '1', { dueDate: '2025-05-31', status: 'complete' }), // passed but complete: owes nothing
      // Up to date with the months passed: its next collection, 06-05, is in four days.
      node('1.3', '1', { deadline: '每月5日前', frequency: 'monthly', status: 'complete' }),
      node('1.4', '1', { dueDate: '2025-06-03' }), // in two days
      node('1.5', '1', { deadline: '常态', frequency: 'ongoing' }), // by the period's end, 10-31
      // Owing a month already collected: overdue since the last collection day passed, not "next on 06-05".
      node('1.6', '1', { deadline: '每月5日前', frequency: 'monthly', status: 'in-progress' }),
    ];
    const codes = (f: (typeof DEFAULT_FILTER)['due']) =>
      [...visibleCodes(due, { ...DEFAULT_FILTER, due: f }, JUNE)].filter((c) => c !== '1').sort();
    expect(codes('overdue')).toEqual(['1.1', '1.6']);
    expect(codes('soon')).toEqual(['1.4']);
    expect(codes('fortnight')).toEqual(['1.3', '1.4']);
    expect(codes(null)).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5', '1.6']);
  });
  it('本月应交 shows what 月收集 owes this month, complete or not, and nothing while that is unknown', () => {
    const f = { ...DEFAULT_FILTER, due: 'month' as const };
    const owed = new Set(['1.1', '2.1']); // 2.1 is complete: still owed this month, and shown
    expect([...visibleCodes(all, f, { ...JUNE, owed })].sort()).toEqual(['1', '1.1', '2', '2.1']);
    expect([...visibleCodes(all, f, { ...JUNE, owed: null })]).toEqual([]);
  });
  it('searches title and units; removed criteria only show up in a search', () => {
    expect([...visibleCodes(all, { ...DEFAULT_FILTER, query: '心理' }, JUNE)].sort()).toEqual(['1', '1.1']);
    expect([...visibleCodes(all, { ...DEFAULT_FILTER, query: '卫健委' }, JUNE)].sort()).toEqual(['2', '2.1']);
    expect([...visibleCodes(all, { ...DEFAULT_FILTER, query: '旧标准' }, JUNE)]).toEqual(['3']);
  });
});
