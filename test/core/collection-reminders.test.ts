import { beforeEach, describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { replaceOfficeKeyDates } from '../../electron/core/collection/key-dates-repo';
import { requireWorkspace } from '../../electron/core/context';
import { collectionWorkspace, type CollectionWorkspace } from '../helpers/collection-workspace';

let w: CollectionWorkspace;
beforeEach(async () => {
  w = await collectionWorkspace();
  replaceOfficeKeyDates(requireWorkspace(w.ctx).db, [
    { date: '2026-06-05', title: '世界环境日', criterionCodes: ['1.1'], note: null },
    { date: '2026-06-20', title: '志愿服务日', criterionCodes: ['1.4'], note: '活动当天留存现场照片' },
  ]);
});

const listed = async (notify = false) => (await call('reminders:list', { notify }, w.ctx)).items;

describe('reminders', () => {
  it('due within 3 days, overdue and key dates, in one Chinese line each', async () => {
    w.setNow('2026-06-03T09:00:00+08:00');
    await w.attachPhotos('1.1', 3, { month: '2026-05' });
    const items = await listed();
    expect(items.map((i) => [i.type, i.criterionCode, i.text])).toEqual([
      ['keyDate', '1.1', '6月5日 世界环境日：1.1 需要实景图片不少于3张'],
      ['due', '1.4', '6月5日截止：1.4 志愿服务（5月材料）'],
      ['overdue', '1.2', '已逾期（4月5日截止）：1.2 季度讲评（3月材料）'],
      ['overdue', '1.1', '已逾期（5月5日截止）：1.1 理论宣讲（4月材料）'],
      ['overdue', '1.4', '已逾期（5月5日截止）：1.4 志愿服务（4月材料）'],
    ]);
    expect(items.find((i) => i.type === 'keyDate')!.key).toBe('keyDate:2026-06-05:世界环境日');
    // `days` widens the window: the 20th's key date, with its note.
    const wide = (await call('reminders:list', { days: 20 }, w.ctx)).items;
    expect(wide.filter((i) => i.type === 'keyDate').at(-1)!.text).toBe('6月20日 志愿服务日：1.4 活动当天留存现场照片');
  });

  it('notifies once a day, leaves out what was dismissed today, and a clock going back does not re-notify', async () => {
    w.setNow('2026-06-03T09:00:00+08:00');
    const first = await listed(true);
    expect(w.notified).toHaveLength(1);
    expect(w.notified[0]!.body).toContain(first[0]!.text);
    await listed(true);
    expect(w.notified).toHaveLength(1); // nothing new today
    const keyDate = first.find((i) => i.type === 'keyDate')!;
    expect(await call('reminders:dismiss', { keys: [keyDate.key] }, w.ctx)).toEqual({ dismissed: 1 });
    expect((await listed()).map((i) => i.key)).not.toContain(keyDate.key);
    // The next day it may come again, once.
    w.setNow('2026-06-04T08:00:00+08:00');
    const next = await listed(true);
    expect(next.map((i) => i.key)).toContain(keyDate.key);
    expect(w.notified).toHaveLength(2);
    // The clock jumps back to the 3rd (already notified): nothing is shown again, and the 3rd's dismissal holds.
    w.setNow('2026-06-03T15:00:00+08:00');
    const back = await listed(true);
    expect(w.notified).toHaveLength(2);
    expect(back.map((i) => i.key)).not.toContain(keyDate.key);
  });

  it('met things never remind; a request met by its photos drops out', async () => {
    w.setNow('2026-06-03T09:00:00+08:00');
    const r = await call(
      'request:add',
      { criterionCode: '1.2', text: '5月讲评照片', kind: 'photo', min: 1, month: '2026-05', due: '2026-06-05' },
      w.ctx,
    );
    expect((await listed()).map((i) => i.requestId)).toContain(r.id);
    await w.attachPhotos('1.2', 1, { month: '2026-05' });
    expect((await listed()).map((i) => i.requestId)).not.toContain(r.id);
  });
});
