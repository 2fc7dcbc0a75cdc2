import { beforeEach, describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { closeRequest, getRequest, upsertRequest } from '../../electron/core/collection/requests-repo';
import { requireWorkspace } from '../../electron/core/context';
import { writeCatalog } from '../helpers/catalog';
import { collectionWorkspace, SMALL_CATALOG, type CollectionWorkspace } from '../helpers/collection-workspace';
import { errorOf } from '../helpers/errors';

let w: CollectionWorkspace;
beforeEach(async () => {
  w = await collectionWorkspace();
});

const list = async (month?: string) => (await call('request:list', { month }, w.ctx)).requests;
const auditActions = async () => (await call('log:list', {}, w.ctx)).rows.map((r) => r.action);

describe('要账 met by their materials', () => {
  it('attaching the photos turns a request met; deleting one reopens it', async () => {
    const r = await call(
      'request:add',
      { criterionCode: '1.1', text: '5月宣讲活动图片不少于2张', kind: 'photo', min: 2, assignee: '张三' },
      w.ctx,
    );
    // Defaults on 2026-05-20: the current collection month, due on the collection day of the month after it.
    expect(r).toMatchObject({ source: 'unit', month: '2026-05', due: '2026-06-05', state: 'open', overdue: false });
    expect(r.id).toMatch(/^[0-9a-f-]{36}$/u);
    const ids = await w.attachPhotos('1.1', 2, { month: '2026-05' });
    const met = (await list('2026-05')).find((q) => q.id === r.id)!;
    expect(met).toMatchObject({ state: 'met', have: 2 });
    expect([...met.materialIds].sort()).toEqual([...ids].sort());
    // Photos of another month count for nothing.
    await w.attachPhotos('1.1', 2, { month: '2026-04' });
    await call('materials:delete', { ids: [ids[0]!], deleted: true }, w.ctx);
    expect((await list()).find((q) => q.id === r.id)).toMatchObject({ state: 'open', have: 1 });
    expect(await auditActions()).toContain('request.add');
  });

  it('a per-event requirement counts distinct event dates', async () => {
    const r = await call('request:add', { criterionCode: '1.4', text: '两场志愿服务', kind: 'photo', min: 2 }, w.ctx);
    await w.attachPhotos('1.4', 3, { month: '2026-05', date: '2026-05-08' });
    expect((await list()).find((q) => q.id === r.id)).toMatchObject({ state: 'open', have: 1 });
    await w.attachPhotos('1.4', 1, { month: '2026-05', date: '2026-05-15' });
    expect((await list()).find((q) => q.id === r.id)).toMatchObject({ state: 'met', have: 2 });
  });

  it('a free-text request is met by hand only; one with a kind is refused that', async () => {
    const free = await call('request:add', { criterionCode: '1.3', text: '请提交年度总结' }, w.ctx);
    expect(free).toMatchObject({ state: 'open', byHand: true, kind: null, min: null });
    await w.attachPhotos('1.3', 1, { month: '2026-05' });
    expect((await list()).find((q) => q.id === free.id)!.state).toBe('open');
    expect(await call('request:setMet', { id: free.id, met: true }, w.ctx)).toMatchObject({ state: 'met' });
    expect(await call('request:setMet', { id: free.id, met: false }, w.ctx)).toMatchObject({ state: 'open' });
    const counted = await call('request:add', { criterionCode: '1.1', text: '图片', kind: 'photo' }, w.ctx);
    expect((await errorOf(call('request:setMet', { id: counted.id, met: true }, w.ctx))).code).toBe('input-refused');
    expect(await auditActions()).toContain('request.setMet');
  });

  it('销号 needs a note, is logged, and only the unit’s own closing can be taken back', async () => {
    const r = await call('request:add', { criterionCode: '1.1', text: '图片', kind: 'photo', min: 3 }, w.ctx);
    expect((await errorOf(call('request:close', { id: r.id, note: '  ' }, w.ctx))).code).toBe('invalid-args');
    const closed = await call('request:close', { id: r.id, note: '已当面收到' }, w.ctx);
    expect(closed).toMatchObject({ state: 'closed', note: '已当面收到', overdue: false });
    expect(closed.closedAt).not.toBeNull();
    expect((await errorOf(call('request:close', { id: r.id, note: '再次' }, w.ctx))).code).toBe('input-refused');
    expect(await call('request:reopen', { id: r.id }, w.ctx)).toMatchObject({ state: 'open', closedAt: null });
    expect((await errorOf(call('request:reopen', { id: r.id }, w.ctx))).code).toBe('input-refused');
    // The office's closing (its `closed` list) stays.
    const db = requireWorkspace(w.ctx).db;
    const now = new Date();
    upsertRequest(
      db,
      {
        id: 'office-1',
        source: 'office',
        criterionCode: '1.2',
        month: '2026-03',
        text: '一季度讲评照片',
        kind: 'photo',
        min: 1,
        assignee: null,
        phone: null,
        due: '2026-04-05',
      },
      now,
    );
    closeRequest(db, 'office-1', 'office', '2026-04-06T09:00:00+08:00', '已收到', now);
    expect((await errorOf(call('request:reopen', { id: 'office-1' }, w.ctx))).code).toBe('input-refused');
    expect(getRequest(db, 'office-1')!.closedBy).toBe('office');
    const actions = await auditActions();
    expect(actions).toContain('request.close');
    expect(actions).toContain('request.reopen');
  });

  it('refuses an unknown criterion, a parent, a month outside the period and a due date in the past', async () => {
    const bad = async (a: Record<string, unknown>) =>
      (await errorOf(call('request:add', { criterionCode: '1.1', text: '图片', ...a } as never, w.ctx))).code;
    expect(await bad({ criterionCode: '9.9' })).toBe('unknown-criterion');
    expect(await bad({ criterionCode: '1' })).toBe('input-refused');
    expect(await bad({ month: '2026-11' })).toBe('invalid-args');
    expect(await bad({ due: '2026-05-19' })).toBe('input-refused');
    // A criterion the current catalog edition removed (kept, marked 已移除).
    const edition = [{ ...SMALL_CATALOG[0]!, children: SMALL_CATALOG[0]!.children.filter((c) => c.code !== '1.5') }];
    await call('catalog:import', { file: writeCatalog(w.base, edition, '2026', 'next.json') }, w.ctx);
    expect(await bad({ criterionCode: '1.5' })).toBe('input-refused');
    expect(await list()).toEqual([]); // nothing written
    // Due today is fine; codes are normalised like the catalog's.
    expect(
      await call('request:add', { criterionCode: '１．１', text: '图片', due: '2026-05-20' }, w.ctx),
    ).toMatchObject({
      criterionCode: '1.1',
      due: '2026-05-20',
    });
  });

  it('the list: by month, only the open ones, overdue first', async () => {
    const a = await call(
      'request:add',
      { criterionCode: '1.1', text: 'a', kind: 'photo', month: '2026-04', due: '2026-05-25' },
      w.ctx,
    );
    const b = await call(
      'request:add',
      { criterionCode: '1.2', text: 'b', kind: 'photo', month: '2026-05', due: '2026-05-21' },
      w.ctx,
    );
    const c = await call(
      'request:add',
      { criterionCode: '1.3', text: 'c', month: '2026-05', due: '2026-06-01' },
      w.ctx,
    );
    await call('request:close', { id: c.id, note: '已收到' }, w.ctx);
    w.setNow('2026-05-22T10:00:00+08:00'); // b is now overdue
    const open = (await call('request:list', { open: true }, w.ctx)).requests;
    expect(open.map((r) => [r.id, r.overdue])).toEqual([
      [b.id, true],
      [a.id, false],
    ]);
    expect((await list('2026-05')).map((r) => r.id).sort()).toEqual([b.id, c.id].sort());
  });
});

describe('the month view and the year grid on a small catalog', () => {
  it('lists what is owed by rhythm, date and 要账, with states, overdue and counters', async () => {
    await w.attachPhotos('1.1', 3, { month: '2026-04' });
    await w.attachPhotos('1.2', 1, { month: '2026-03' });
    const r = await call(
      'request:add',
      { criterionCode: '1.1', text: '补充图片', kind: 'photo', min: 4, month: '2026-04', due: '2026-05-25' },
      w.ctx,
    );
    const v = await call('collection:month', { month: '2026-04' }, w.ctx);
    expect(v).toMatchObject({ month: '2026-04', collectionDay: 5, currentMonth: '2026-05' });
    expect(v.months).toHaveLength(12);
    expect(v.owed.map((o) => [o.source, o.criterionCode, o.state, o.overdue, o.materials, o.due])).toEqual([
      ['request', '1.1', 'partly', false, 3, '2026-05-25'],
      ['frequency', '1.1', 'met', false, 3, '2026-05-05'],
      ['frequency', '1.4', 'missing', true, 0, '2026-05-05'],
    ]);
    expect(v.owed[0]!.requestId).toBe(r.id);
    expect(v.owed[1]!.materialIds).toHaveLength(3);
    expect(v.counts).toEqual({ owed: 3, met: 1, overdue: 1 });
    // Default: the current collection month; June owes 1.2 (quarter end) and 1.3 (its date) too.
    expect((await call('collection:month', {}, w.ctx)).month).toBe('2026-05');
    const june = await call('collection:month', { month: '2026-06' }, w.ctx);
    expect(june.owed.map((o) => [o.source, o.criterionCode])).toEqual([
      ['frequency', '1.1'],
      ['frequency', '1.2'],
      ['deadline', '1.3'],
      ['frequency', '1.4'],
    ]);
    expect(june.owed.find((o) => o.criterionCode === '1.3')!.due).toBe('2026-06-30');
    expect((await errorOf(call('collection:month', { month: '2026-11' }, w.ctx))).code).toBe('invalid-args');
  });

  it('the year grid: the unit’s owed leaves × the period’s months', async () => {
    await w.attachPhotos('1.1', 3, { month: '2026-04' });
    await w.attachPhotos('1.2', 1, { month: '2026-03' });
    const g = await call('collection:year', {}, w.ctx);
    expect(g.months[0]).toBe('2025-11');
    expect(g.rows.map((r) => r.code)).toEqual(['1.1', '1.2', '1.3', '1.4']); // 1.5 is another unit's
    const cell = (code: string, month: string) => g.rows.find((r) => r.code === code)!.cells[g.months.indexOf(month)];
    expect(cell('1.1', '2026-03')).toBe('overdue');
    expect(cell('1.1', '2026-04')).toBe('met');
    expect(cell('1.1', '2026-05')).toBe('missing');
    expect(cell('1.1', '2026-07')).toBe('not-due');
    expect(cell('1.2', '2026-03')).toBe('met');
    expect(cell('1.2', '2026-04')).toBe('not-due');
    expect(cell('1.3', '2026-06')).toBe('not-due');
  });
});

describe('materials:setMonth', () => {
  it('moves a selection into another month of the period, logged; refuses outside months and gone materials', async () => {
    const ids = await w.attachPhotos('1.1', 3, { month: '2026-04' });
    expect((await call('collection:month', { month: '2026-05' }, w.ctx)).owed[0]!.state).toBe('missing');
    expect(await call('materials:setMonth', { ids, month: '2026-05' }, w.ctx)).toEqual({ changed: ids });
    expect((await call('collection:month', { month: '2026-05' }, w.ctx)).owed[0]!.state).toBe('met');
    expect(await call('materials:setMonth', { ids, month: '2026-05' }, w.ctx)).toEqual({ changed: [] });
    expect((await errorOf(call('materials:setMonth', { ids, month: '2026-11' }, w.ctx))).code).toBe('invalid-args');
    await call('materials:delete', { ids: [ids[0]!], deleted: true }, w.ctx);
    expect((await errorOf(call('materials:setMonth', { ids, month: '2026-03' }, w.ctx))).code).toBe('input-refused');
    const months = (await call('materials:list', {}, w.ctx)).materials.map((m) => m.month);
    expect(months).toEqual(['2026-05', '2026-05']); // nothing partial
    const logged = (await call('log:list', {}, w.ctx)).rows.filter((r) => r.action === 'materials.month');
    expect(logged).toHaveLength(1);
    expect(logged[0]!.criteria).toEqual(['1.1']);
  });
});
