import { join } from 'node:path';
import { monthInPeriod, monthOutsidePeriod } from '@shared/domain/collection';
import { monthOwed } from '@shared/domain/monthly/month-view';
import { reminders, REMINDER_DAYS } from '@shared/domain/monthly/reminders';
import { yearGrid } from '@shared/domain/monthly/year-grid';
import { safeSegment } from '@shared/domain/naming/segment';
import { localIsoDate } from '@shared/domain/period';
import { AppError } from '@shared/ipc/errors';
import { allowPath, pickFolderGranted, requireWorkspace } from '../context';
import { fsError } from '../fs-errors';
import { readCollectionFacts } from '../collection/collection-facts';
import { listKeyDates } from '../collection/key-dates-repo';
import { dismissedOn, mark, notifiedSince } from '../collection/reminder-marks';
import { addRequest, closeByHand, reopenByHand, setMet } from '../collection/request-actions';
import { setMaterialsMonth } from '../collection/set-month';
import { workspaceHolding } from '../workspace/write-targets';
import type { HandlersOf } from './types';

type Channels =
  | 'collection:month'
  | 'collection:year'
  | 'request:add'
  | 'request:list'
  | 'request:close'
  | 'request:reopen'
  | 'request:setMet'
  | 'request:chaseList'
  | 'reminders:list'
  | 'reminders:dismiss'
  | 'materials:setMonth';

/** 月收集 (issue 16): what is owed when, the 要账, reminders and the 要账单. */
export const collectionHandlers: HandlersOf<Channels> = {
  'collection:month': ({ month }, ctx) => {
    const ws = requireWorkspace(ctx);
    const f = readCollectionFacts(ws, ctx.platform.now());
    const m = month ?? f.currentMonth;
    if (!monthInPeriod(m, f.period))
      throw new AppError(
        'invalid-args',
        `${monthOutsidePeriod(m, f.period)}请选择测评周期内的月份。`,
        `month ${m} outside ${f.period.start}..${f.period.end}`,
      );
    const view = monthOwed(f.criteria, f.index, f.requests, listKeyDates(ws.db), m, f.ctx);
    return {
      month: m,
      collectionDay: f.ctx.collectionDay,
      currentMonth: f.currentMonth,
      months: f.ctx.periodMonths,
      ...view,
    };
  },

  'collection:year': (_args, ctx) => {
    const f = readCollectionFacts(requireWorkspace(ctx), ctx.platform.now());
    return yearGrid(f.criteria, f.index, f.ctx);
  },

  'request:add': (args, ctx) => addRequest(requireWorkspace(ctx), args, ctx.platform.now()),

  'request:list': ({ month, open }, ctx) => {
    const f = readCollectionFacts(requireWorkspace(ctx), ctx.platform.now());
    const requests = f.requests
      .filter((r) => (month === undefined || r.month === month) && (!open || r.state === 'open'))
      .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.due.localeCompare(b.due) || a.id.localeCompare(b.id));
    return { requests };
  },

  'request:close': ({ id, note }, ctx) => closeByHand(requireWorkspace(ctx), id, note, ctx.platform.now()),
  'request:reopen': ({ id }, ctx) => reopenByHand(requireWorkspace(ctx), id, ctx.platform.now()),
  'request:setMet': ({ id, met }, ctx) => setMet(requireWorkspace(ctx), id, met, ctx.platform.now()),

  'request:chaseList': async ({ format, out, month }, ctx) => {
    const ws = requireWorkspace(ctx);
    const now = ctx.platform.now();
    const f = readCollectionFacts(ws, now);
    const open = f.requests.filter((r) => r.state === 'open' && (month === undefined || r.month === month));
    const unit = ws.settings().unit.name;
    const today = localIsoDate(now);
    let path: string;
    if (out !== undefined) path = allowPath(ctx, out);
    else {
      const folder = await pickFolderGranted(ctx, '选择要账单的保存位置');
      if (folder === null) return null;
      const name = `${unit}_要账单_${month ?? '全部'}_${today.replaceAll('-', '')}.${format}`;
      path = join(folder, safeSegment(name, 120).text);
    }
    const inside = await workspaceHolding(path);
    if (inside)
      throw new AppError(
        'input-refused',
        `不能把要账单保存在工作区文件夹里（${inside}）。请换一个文件夹，例如“桌面”。`,
        `chase list ${path} inside workspace ${inside}`,
      );
    // exceljs, pdf-lib and harfbuzz load on first use, not with every CLI command.
    const { writeChaseList } = await import('../collection/chase-list');
    const titles = new Map(f.criteria.map((c) => [c.code, c.title]));
    await writeChaseList(
      path,
      format,
      { unit, month: month ?? null, today },
      open,
      titles,
      ctx.platform.resourcesDir,
    ).catch((e: unknown) => {
      throw fsError(e, '保存要账单', path);
    });
    ctx.log.info(`chase list ${format}: ${open.length} requests → ${path}`);
    return { path, requests: open.length };
  },

  'reminders:list': ({ days, notify }, ctx) => {
    const ws = requireWorkspace(ctx);
    const now = ctx.platform.now();
    const f = readCollectionFacts(ws, now);
    const today = f.ctx.today;
    const dismissed = dismissedOn(ws.db, today);
    const items = reminders(f.criteria, f.index, f.requests, listKeyDates(ws.db), days ?? REMINDER_DAYS, f.ctx).filter(
      (i) => !dismissed.has(i.key),
    );
    if (notify && ctx.platform.notify && ws.writable) {
      const shown = notifiedSince(ws.db, today);
      const fresh = items.filter((i) => !shown.has(i.key));
      if (fresh.length > 0) {
        mark(
          ws.db,
          today,
          fresh.map((i) => i.key),
          'notified',
        );
        ctx.platform.notify(notification(fresh.map((i) => i.text)));
      }
    }
    return { items };
  },

  'reminders:dismiss': ({ keys }, ctx) => {
    const ws = requireWorkspace(ctx);
    return { dismissed: mark(ws.db, localIsoDate(ctx.platform.now()), keys, 'dismissed') };
  },

  'materials:setMonth': ({ ids, month }, ctx) =>
    setMaterialsMonth(requireWorkspace(ctx), ids, month, ctx.platform.now()),
};

/** One desktop notification for what is new today: the first lines, then how many more. */
function notification(lines: string[]): { title: string; body: string } {
  const shown = lines.slice(0, 3);
  const more = lines.length - shown.length;
  return {
    title: `网报通提醒：${lines.length} 项月收集事项`,
    body: [...shown, ...(more > 0 ? [`另有 ${more} 项，请在“月收集”中查看。`] : [])].join('\n'),
  };
}
