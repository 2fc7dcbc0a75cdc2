import { describe, expect, it } from 'vitest';
import type { Criterion } from '../../shared/ipc/types';
import { DEFAULT_FILTER, visibleCodes } from '../../renderer/src/features/ledger/filter';

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
  removed: false,
  status: 'not-started',
  counts: {},
  progress: [],
  declaration: null,
  ...over,
});

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
    expect([...visibleCodes(all, DEFAULT_FILTER, '2025-06-01')].sort()).toEqual(['1', '1.1', '2', '2.1']));
  it('filters by method, status and overdue', () => {
    expect([...visibleCodes(all, { ...DEFAULT_FILTER, scope: 'all', method: 'field' }, '2025-06-01')].sort()).toEqual([
      '1',
      '1.2',
    ]);
    expect([...visibleCodes(all, { ...DEFAULT_FILTER, status: 'complete' }, '2025-06-01')].sort()).toEqual([
      '2',
      '2.1',
    ]);
    expect([...visibleCodes(all, { ...DEFAULT_FILTER, overdueOnly: true }, '2025-06-01')].sort()).toEqual(['1', '1.1']);
  });
  it('searches title and units; removed criteria only show up in a search', () => {
    expect([...visibleCodes(all, { ...DEFAULT_FILTER, query: '心理' }, '2025-06-01')].sort()).toEqual(['1', '1.1']);
    expect([...visibleCodes(all, { ...DEFAULT_FILTER, query: '卫健委' }, '2025-06-01')].sort()).toEqual(['2', '2.1']);
    expect([...visibleCodes(all, { ...DEFAULT_FILTER, query: '旧标准' }, '2025-06-01')]).toEqual(['3']);
  });
});
