import { describe, expect, it } from 'vitest';
import { periodMonths } from '@shared/domain/collection';
import { chaseGroups, chaseTitle, NO_ASSIGNEE } from '@shared/domain/monthly/chase-list';
import { indexMaterials, type MonthMaterial } from '@shared/domain/monthly/owed';
import { addDays, monthDay, reminders } from '@shared/domain/monthly/reminders';
import { requestCount, type RequestAskFacts } from '@shared/domain/monthly/request-state';
import type { OwedLeaf } from '@shared/domain/monthly/owed';
import type { RequestView } from '@shared/ipc/collection-types';

let n = 0;
const mat = (extra: Partial<MonthMaterial> = {}): MonthMaterial => ({
  id: `m${++n}`,
  criterionCode: '3.3.4',
  kind: 'photo',
  month: '2026-06',
  eventDate: null,
  scores: true,
  ...extra,
});
const ask = (extra: Partial<RequestAskFacts> = {}): RequestAskFacts => ({
  criterionCode: '3.3.4',
  month: '2026-06',
  kind: 'photo',
  min: 4,
  due: '2026-07-05',
  metByHand: false,
  closedAt: null,
  ...extra,
});

describe('a request’s state, counted from its materials', () => {
  it('met once the month’s scoring materials of its kind reach min; open again when they are gone', () => {
    const four = [mat(), mat(), mat(), mat()];
    expect(requestCount(ask(), indexMaterials(four), [], '2026-06-20')).toMatchObject({ state: 'met', have: 4 });
    expect(requestCount(ask(), indexMaterials(four.slice(1)), [], '2026-06-20')).toMatchObject({
      state: 'open',
      have: 3,
      overdue: false,
    });
  });

  it('counts only its criterion, month and kind, and only what can score', () => {
    const index = indexMaterials([
      mat(),
      mat({ month: '2026-05' }),
      mat({ criterionCode: '1.1' }),
      mat({ kind: 'document' }),
      mat({ scores: false }),
    ]);
    const r = requestCount(ask({ min: 1 }), index, [], '2026-06-20');
    expect(r.have).toBe(1);
    expect(r.materialIds).toHaveLength(1);
    // No kind: any kind counts; no min: one is enough.
    expect(requestCount(ask({ kind: null, min: 2 }), index, [], '2026-06-20')).toMatchObject({ state: 'met', have: 2 });
    expect(requestCount(ask({ min: null }), index, [], '2026-06-20').state).toBe('met');
  });

  it('per-event requirements count distinct event dates', () => {
    const index = indexMaterials([
      mat({ eventDate: '2026-06-05' }),
      mat({ eventDate: '2026-06-05' }),
      mat({ eventDate: '2026-06-05' }),
      mat({ eventDate: '2026-06-12' }),
    ]);
    const perEvent = [{ kind: 'photo' as const, min: 3, text: '每场活动图片不少于3张', per: 'event' as const }];
    expect(requestCount(ask({ min: 2 }), index, perEvent, '2026-06-20')).toMatchObject({ state: 'met', have: 2 });
    expect(requestCount(ask({ min: 3 }), index, perEvent, '2026-06-20')).toMatchObject({ state: 'open', have: 2 });
    // Without a per-event requirement of that kind, files are counted.
    expect(requestCount(ask({ min: 3 }), index, [], '2026-06-20')).toMatchObject({ state: 'met', have: 4 });
  });

  it('free text is met only by hand; closed wins; open past due is overdue', () => {
    const index = indexMaterials([mat(), mat()]);
    const free = ask({ kind: null, min: null });
    expect(requestCount(free, index, [], '2026-06-20')).toMatchObject({ state: 'open', byHand: true, have: 0 });
    expect(requestCount({ ...free, metByHand: true }, index, [], '2026-06-20').state).toBe('met');
    expect(requestCount(ask({ closedAt: '2026-06-10T00:00:00Z' }), index, [], '2026-08-01')).toMatchObject({
      state: 'closed',
      overdue: false,
    });
    expect(requestCount(ask(), index, [], '2026-07-05').overdue).toBe(false);
    expect(requestCount(ask(), index, [], '2026-07-06').overdue).toBe(true);
  });
});

const period = { start: '2025-11-01', end: '2026-10-31' };
const leaf = (code: string, extra: Partial<OwedLeaf> = {}): OwedLeaf => ({
  code,
  title: `标准${code}`,
  leaf: true,
  mine: true,
  removed: false,
  needsMaterial: true,
  declaration: null,
  frequency: null,
  dueDate: null,
  requirements: [{ kind: 'photo', min: 1, text: '活动现场照片' }],
  ...extra,
});

describe('reminders', () => {
  const ctx = (today: string) => ({ today, collectionDay: 5, periodMonths: periodMonths(period) });
  const keyDate = {
    date: '2026-06-05',
    title: '世界环境日',
    criterionCodes: ['3.3.4'],
    note: null,
    source: 'office' as const,
  };

  it('key dates within the days, in one Chinese line from the criterion’s 材料要求 or the note', () => {
    const leaves = [leaf('3.3.4')];
    const items = reminders(leaves, indexMaterials([]), [], [keyDate], 3, ctx('2026-06-02'));
    expect(items).toEqual([
      {
        key: 'keyDate:2026-06-05:世界环境日',
        type: 'keyDate',
        date: '2026-06-05',
        criterionCode: '3.3.4',
        requestId: null,
        text: '6月5日 世界环境日：3.3.4 需要活动现场照片',
      },
    ]);
    const noted = reminders(
      leaves,
      indexMaterials([]),
      [],
      [{ ...keyDate, note: '活动当天留存现场照片' }],
      3,
      ctx('2026-06-05'),
    );
    expect(noted[0]!.text).toBe('6月5日 世界环境日：3.3.4 活动当天留存现场照片');
    expect(reminders(leaves, indexMaterials([]), [], [keyDate], 3, ctx('2026-06-01'))).toEqual([]);
    expect(reminders(leaves, indexMaterials([]), [], [keyDate], 3, ctx('2026-06-06'))).toEqual([]);
  });

  it('owed items due within the days, and each criterion’s latest overdue month once', () => {
    const leaves = [leaf('a', { frequency: 'monthly' })];
    const index = indexMaterials([mat({ criterionCode: 'a', month: '2026-05' })]);
    const items = reminders(leaves, index, [], [], 3, ctx('2026-06-03'));
    // May is met; April and before are overdue: one line, for April. Nothing else is due by 06-06.
    expect(items.map((i) => [i.type, i.key])).toEqual([['overdue', 'overdue:2026-05-05:a:2026-04']]);
    expect(items[0]!.text).toBe('已逾期（5月5日截止）：a 标准a（4月材料）');
    const later = reminders(leaves, indexMaterials([]), [], [], 3, ctx('2026-07-02'));
    expect(later.map((i) => i.key)).toEqual(['due:2026-07-05:a:2026-06', 'overdue:2026-06-05:a:2026-05']);
  });

  it('open requests due soon or overdue; met and closed ones never remind', () => {
    const base: RequestView = {
      id: 'r1',
      source: 'office',
      criterionCode: 'a',
      text: '图片4张',
      kind: 'photo',
      min: 4,
      assignee: null,
      phone: null,
      month: '2026-06',
      due: '2026-07-05',
      state: 'open',
      overdue: false,
      closedAt: null,
      note: null,
      byHand: false,
      have: 0,
      materialIds: [],
    };
    const run = (rs: RequestView[], today: string) =>
      reminders([], indexMaterials([]), rs, [], 3, ctx(today)).map((i) => [i.type, i.requestId, i.text]);
    expect(run([base], '2026-07-02')).toEqual([['due', 'r1', '7月5日截止：要账 a 图片4张']]);
    expect(run([base], '2026-07-01')).toEqual([]);
    expect(run([{ ...base, overdue: true }], '2026-07-09')).toEqual([
      ['overdue', 'r1', '已逾期（7月5日截止）：要账 a 图片4张'],
    ]);
    expect(run([{ ...base, state: 'met' }], '2026-07-02')).toEqual([]);
    expect(run([{ ...base, state: 'closed' }], '2026-07-02')).toEqual([]);
  });

  it('dates across month ends and leap days', () => {
    expect(addDays('2028-02-27', 3)).toBe('2028-03-01');
    expect(addDays('2026-02-27', 3)).toBe('2026-03-02');
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(monthDay('2026-06-05')).toBe('6月5日');
  });
});

describe('the 要账单 model', () => {
  it('groups by assignee (none: 未指定), in due order, with the title naming unit, month and date', () => {
    const r = (id: string, assignee: string | null, due: string): RequestView => ({
      id,
      source: 'unit',
      criterionCode: '1.1',
      text: `要求${id}`,
      kind: null,
      min: null,
      assignee,
      phone: null,
      month: '2026-06',
      due,
      state: 'open',
      overdue: false,
      closedAt: null,
      note: null,
      byHand: true,
      have: 0,
      materialIds: [],
    });
    const groups = chaseGroups(
      [r('1', '张三', '2026-07-09'), r('2', null, '2026-07-01'), r('3', '张三', '2026-07-02')],
      new Map([['1.1', '标准一']]),
    );
    expect(groups.map((g) => [g.person, g.rows.map((x) => x[4])])).toEqual([
      [NO_ASSIGNEE, ['要求2']],
      ['张三', ['要求3', '要求1']],
    ]);
    expect(groups[0]!.rows[0]).toEqual(['未指定', '', '1.1', '标准一', '要求2', '2026年6月', '2026年7月1日', '未交']);
    expect(chaseTitle({ unit: '市教育局', month: '2026-06', today: '2026-07-03' })).toBe(
      '市教育局 要账单（2026年6月） 2026年7月3日',
    );
    expect(chaseTitle({ unit: '市教育局', month: null, today: '2026-07-03' })).toContain('全部未交');
  });
});
