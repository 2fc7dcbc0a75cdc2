import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { clampMonth, collectionDate, collectionMonth, nextMonth } from '@shared/domain/collection';
import { campaignYear, defaultPeriod, localIsoDate } from '@shared/domain/period';
import { writeCatalog } from '../helpers/catalog';
import { cli } from '../helpers/cli';
import { SMALL_CATALOG } from '../helpers/collection-workspace';
import { tmpDir } from '../helpers/tmp';

/**
 * The CLI runs on the real clock: the workspace is of the campaign year holding today, and what depends on the day
 * (the current collection month, default due dates) is computed here with the same shared functions.
 */
let base: string;
let ws: string;
const today = localIsoDate(new Date());
const period = defaultPeriod(campaignYear(today));
const current = clampMonth(collectionMonth(today), period);

beforeEach(() => {
  base = tmpDir();
  ws = join(base, 'ws');
  expect(cli(['init', ws, '--unit', '市教育局'], base).code).toBe(0);
  const catalog = SMALL_CATALOG.map((p) => ({
    ...p,
    children: p.children.map((c) => ('dueDate' in c ? { ...c, dueDate: `${period.end.slice(0, 7)}-15` } : c)),
  }));
  const imported = cli(['catalog', 'import', ws, writeCatalog(base, catalog)], base);
  expect(imported.code, imported.stderr).toBe(0);
});

const REQUEST_KEYS = [
  'id',
  'source',
  'criterionCode',
  'text',
  'kind',
  'min',
  'assignee',
  'month',
  'due',
  'state',
  'overdue',
  'closedAt',
  'note',
];

describe('wangbao month, request add, requests, chase-list, request close, due', () => {
  it('the documented JSON, to the letter, and exit codes', () => {
    const added = cli(
      [
        'request',
        'add',
        ws,
        '1.1',
        '--text',
        '宣讲活动图片',
        '--kind',
        '实景图片',
        '--min',
        '2',
        '--assignee',
        '张三',
        '--phone',
        '13800138000',
        '--json',
      ],
      base,
    );
    expect(added.code).toBe(0);
    const r = added.json();
    expect(Object.keys(r)).toEqual([...REQUEST_KEYS, 'phone']);
    expect(r).toMatchObject({
      source: 'unit',
      criterionCode: '1.1',
      kind: 'photo',
      min: 2,
      assignee: '张三',
      month: current,
      due: collectionDate(nextMonth(current)),
      state: 'open',
      overdue: false,
      closedAt: null,
      note: null,
    });
    const free = cli(['request', 'add', ws, '1.3', '--text', '年度总结', '--json'], base).json();
    expect(free).toMatchObject({ kind: null, min: null, assignee: null });

    const listed = cli(['requests', ws, '--json'], base);
    expect(listed.code).toBe(0);
    const requests = listed.json().requests as Record<string, unknown>[];
    expect(requests).toHaveLength(2);
    for (const q of requests) expect(Object.keys(q)).toEqual(REQUEST_KEYS);

    const month = cli(['month', ws, '--json'], base);
    expect(month.code).toBe(0);
    const m = month.json();
    expect(Object.keys(m)).toEqual(['month', 'collectionDay', 'owed', 'keyDates', 'counts']);
    expect(m).toMatchObject({ month: current, collectionDay: 5, keyDates: [] });
    const owed = m.owed as Record<string, unknown>[];
    expect(Object.keys(owed[0]!)).toEqual([
      'criterionCode',
      'source',
      'requestId',
      'due',
      'state',
      'overdue',
      'materials',
    ]);
    expect(owed.filter((o) => o.source === 'request').map((o) => o.requestId)).toContain(r.id);
    expect(owed.filter((o) => o.source === 'frequency').map((o) => o.criterionCode)).toEqual(
      expect.arrayContaining(['1.1', '1.4']),
    );
    expect(Object.keys(m.counts as object)).toEqual(['owed', 'met', 'overdue']);
    expect(cli(['month', ws], base).stdout).toMatch(/^\d{4}-\d{2} 月收集：本月应交 \d+ 项，已交 \d+ 项，逾期 \d+ 项/u);

    const xlsx = join(base, '要账单.xlsx');
    const chase = cli(['chase-list', ws, xlsx, '--json'], base);
    expect(chase.code).toBe(0);
    expect(chase.json()).toEqual({ path: xlsx, requests: 2 });
    expect(existsSync(xlsx)).toBe(true);

    const closed = cli(['request', 'close', ws, r.id as string, '--note', '已收到照片', '--json'], base);
    expect(closed.code).toBe(0);
    expect(Object.keys(closed.json())).toEqual(['id', 'state', 'closedAt', 'note']);
    expect(closed.json()).toMatchObject({ id: r.id, state: 'closed', note: '已收到照片' });
    const open = cli(['requests', ws, '--open', '--json'], base).json().requests as { id: string }[];
    expect(open.map((q) => q.id)).toEqual([free.id]);
    expect(cli(['chase-list', ws, join(base, 'b.pdf'), '--month', current, '--json'], base).json()).toMatchObject({
      requests: 1,
    });

    const due = cli(['due', ws, '--days', '40', '--json'], base);
    expect(due.code).toBe(0);
    const items = due.json().items as Record<string, unknown>[];
    expect(items.length).toBeGreaterThan(0);
    for (const i of items) expect(Object.keys(i)).toEqual(['type', 'date', 'criterionCode', 'requestId', 'text']);
    expect(items.map((i) => i.requestId)).toContain(free.id);
  });

  it('exit 1 for refused input, 2 for usage errors and unknown codes, with {"error"} in --json', () => {
    const err = (args: string[]) => {
      const run = cli([...args, '--json'], base);
      return [run.code, (run.json().error as { code: string } | undefined)?.code];
    };
    expect(err(['request', 'add', ws, '9.9', '--text', 'x'])).toEqual([2, 'unknown-criterion']);
    expect(err(['request', 'add', ws, '1.1'])).toEqual([2, 'invalid-args']); // no --text
    expect(err(['request', 'add', ws, '1.1', '--text', 'x', '--min', '0'])).toEqual([2, 'invalid-args']);
    expect(err(['request', 'add', ws, '1.1', '--text', 'x', '--month', `${period.end.slice(0, 4)}-12`])).toEqual([
      2,
      'invalid-args',
    ]);
    expect(err(['request', 'add', ws, '1.1', '--text', 'x', '--due', '2000-01-01'])).toEqual([1, 'input-refused']);
    expect(err(['request', 'add', ws, '1', '--text', 'x'])).toEqual([1, 'input-refused']);
    expect(err(['request', 'close', ws, 'no-such-id', '--note', 'x'])).toEqual([1, 'input-refused']);
    expect(err(['request', 'close', ws, 'no-such-id'])).toEqual([2, 'invalid-args']); // no --note
    expect(err(['chase-list', ws, join(base, 'x.txt')])).toEqual([2, 'invalid-args']);
    expect(err(['month', ws, '--month', '2026-13'])).toEqual([2, 'invalid-args']);
    expect(err(['due', ws, '--days', '99'])).toEqual([2, 'invalid-args']);
    const human = cli(['request', 'add', ws, '9.9', '--text', 'x'], base);
    expect(human.code).toBe(2);
    expect(human.stderr).toContain('找不到测评标准');
  });
});
