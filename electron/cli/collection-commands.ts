import { extname, resolve } from 'node:path';
import { parseKind } from '@shared/domain/requirements';
import { MATERIAL_KINDS } from '@shared/domain/value-sets';
import type { RequestView } from '@shared/ipc/collection-types';
import { call } from '../core/dispatch';
import type { Ctx } from '../core/context';
import { str, type Flags, type Outcome } from './commands';
import { EXIT } from './exit-codes';
import { dateFlag, forTerminal, monthFlag, textFlag, usage, wrongUsage } from './messages';

/** 月收集 in the terminal (issue 16): `month`, `request add`, `requests`, `chase-list`, `request close`, `due`. */

const STATE = { met: '已交', partly: '部分', missing: '未交' } as const;
const REQUEST_STATE = { open: '未交', met: '已交', closed: '已销号' } as const;

/** A request as `requests --json` lists it (the issue's fields; `text`/`assignee` null where absent). */
function requestJson(r: RequestView) {
  return {
    id: r.id,
    source: r.source,
    criterionCode: r.criterionCode,
    text: r.text,
    kind: r.kind,
    min: r.min,
    assignee: r.assignee,
    month: r.month,
    due: r.due,
    state: r.state,
    overdue: r.overdue,
    closedAt: r.closedAt,
    note: r.note,
  };
}

function requestLine(r: RequestView, log: Ctx['log']): string {
  const who = r.assignee ? `  ${r.assignee}` : '';
  const late = r.overdue ? '，逾期' : '';
  return `${REQUEST_STATE[r.state]}${late}  ${r.criterionCode}  ${forTerminal(r.text ?? '', log)}  ${r.month}  截止 ${r.due}${who}  （${r.source === 'office' ? '创城办' : '本单位'}，${r.id}）`;
}

/** `wangbao month <ws> [--month YYYY-MM]` */
export async function monthCommand(ctx: Ctx, pos: string[], flags: Flags): Promise<Outcome> {
  const [ws] = pos;
  if (!ws || pos.length > 1) throw wrongUsage();
  const month = monthFlag('--month', str(flags, 'month'));
  await call('workspace:open', { dir: resolve(ws), access: 'read' }, ctx);
  const v = await call('collection:month', { month }, ctx);
  const json = {
    month: v.month,
    collectionDay: v.collectionDay,
    owed: v.owed.map((o) => ({
      criterionCode: o.criterionCode,
      source: o.source,
      requestId: o.requestId,
      due: o.due,
      state: o.state,
      overdue: o.overdue,
      materials: o.materials,
    })),
    keyDates: v.keyDates.map((k) => ({ date: k.date, title: k.title, criterionCodes: k.criterionCodes })),
    counts: v.counts,
  };
  const source = { frequency: '按频次', deadline: '按时限', request: '要账' } as const;
  const lines = v.owed.map(
    (o) =>
      `${STATE[o.state]}${o.overdue ? '，逾期' : ''}  ${o.criterionCode} ${o.title}  ${source[o.source]}  截止 ${o.due}  材料 ${o.materials} 份`,
  );
  const dates = v.keyDates.map(
    (k) => `${k.date} ${k.title}${k.criterionCodes.length ? `（${k.criterionCodes.join('、')}）` : ''}`,
  );
  return {
    json,
    human: [
      `${v.month} 月收集：本月应交 ${v.counts.owed} 项，已交 ${v.counts.met} 项，逾期 ${v.counts.overdue} 项`,
      ...lines,
      ...(dates.length ? ['重要时间节点：', ...dates.map((d) => `  ${d}`)] : []),
    ].join('\n'),
    exit: EXIT.ok,
  };
}

/** `wangbao request add <ws> <code> --text T [--kind K --min N] [--assignee A] [--phone P] [--month M] [--due D]` */
export async function requestAdd(ctx: Ctx, pos: string[], flags: Flags): Promise<Outcome> {
  const [ws, code] = pos;
  const text = textFlag('--text', '要求', str(flags, 'text'), 500);
  if (!ws || !code || pos.length > 2 || text === undefined) throw wrongUsage();
  const kind = typeof flags.kind === 'string' ? parseKind(flags.kind) : undefined;
  if (typeof flags.kind === 'string' && !kind)
    throw usage(`材料类型不正确：${flags.kind}（可用：${Object.values(MATERIAL_KINDS).join('、')}）`);
  const minText = str(flags, 'min');
  if (minText !== undefined && !/^[1-9]\d{0,3}$/u.test(minText))
    throw usage(`--min ${minText} 不是有效的数量：应为 1 至 1000 之间的整数。`);
  const args = {
    criterionCode: code,
    text,
    kind,
    min: minText === undefined ? undefined : Number(minText),
    assignee: textFlag('--assignee', '责任人', str(flags, 'assignee'), 100),
    phone: textFlag('--phone', '电话', str(flags, 'phone'), 40),
    month: monthFlag('--month', str(flags, 'month')),
    due: dateFlag('--due', str(flags, 'due')),
  };
  await call('workspace:open', { dir: resolve(ws) }, ctx);
  const r = await call('request:add', args, ctx);
  return {
    json: { ...requestJson(r), phone: r.phone },
    human: `已新增要账：${r.criterionCode}  ${r.month}  截止 ${r.due}${r.assignee ? `  责任人 ${r.assignee}` : ''}\n编号：${r.id}`,
    exit: EXIT.ok,
  };
}

/** `wangbao requests <ws> [--month M] [--open]` */
export async function requestsCommand(ctx: Ctx, pos: string[], flags: Flags): Promise<Outcome> {
  const [ws] = pos;
  if (!ws || pos.length > 1) throw wrongUsage();
  const month = monthFlag('--month', str(flags, 'month'));
  await call('workspace:open', { dir: resolve(ws), access: 'read' }, ctx);
  const { requests } = await call('request:list', { month, open: flags.open === true }, ctx);
  return {
    json: { requests: requests.map(requestJson) },
    human: requests.length === 0 ? '没有要账。' : requests.map((r) => requestLine(r, ctx.log)).join('\n'),
    exit: EXIT.ok,
  };
}

/** `wangbao chase-list <ws> <out.xlsx|out.pdf> [--month M]`: without a month, every open request. */
export async function chaseListCommand(ctx: Ctx, pos: string[], flags: Flags): Promise<Outcome> {
  const [ws, out] = pos;
  if (!ws || !out || pos.length > 2) throw wrongUsage();
  const ext = extname(out).toLowerCase();
  if (ext !== '.xlsx' && ext !== '.pdf') throw usage(`要账单的文件名应以 .xlsx 或 .pdf 结尾：${out}`);
  const month = monthFlag('--month', str(flags, 'month'));
  await call('workspace:open', { dir: resolve(ws), access: 'read' }, ctx);
  const r = (await call(
    'request:chaseList',
    { format: ext === '.pdf' ? 'pdf' : 'xlsx', out: resolve(out), month },
    ctx,
  ))!;
  return {
    json: { path: r.path, requests: r.requests },
    human: `已生成要账单（${r.requests} 项未交）：${r.path}`,
    exit: EXIT.ok,
  };
}

/** `wangbao request close <ws> <id> --note T` */
export async function requestClose(ctx: Ctx, pos: string[], flags: Flags): Promise<Outcome> {
  const [ws, id] = pos;
  const note = textFlag('--note', '销号说明', str(flags, 'note'), 500);
  if (!ws || !id || pos.length > 2) throw wrongUsage();
  if (note === undefined) throw usage('销号须写明说明：请用 --note 写上，例如 --note "已收到6月月报"。');
  await call('workspace:open', { dir: resolve(ws) }, ctx);
  const r = await call('request:close', { id, note }, ctx);
  return {
    json: { id: r.id, state: r.state, closedAt: r.closedAt, note: r.note },
    human: `已销号：${r.criterionCode}  ${r.month}（${r.note}）`,
    exit: EXIT.ok,
  };
}

/** `wangbao due <ws> [--days 3]`: what the reminders would show today. */
export async function dueCommand(ctx: Ctx, pos: string[], flags: Flags): Promise<Outcome> {
  const [ws] = pos;
  if (!ws || pos.length > 1) throw wrongUsage();
  const daysText = str(flags, 'days');
  if (daysText !== undefined && !/^\d{1,2}$/u.test(daysText))
    throw usage(`--days ${daysText} 不是有效的天数：应为 0 至 60 之间的整数。`);
  const days = daysText === undefined ? undefined : Number(daysText);
  if (days !== undefined && days > 60) throw usage(`--days ${daysText} 不是有效的天数：应为 0 至 60 之间的整数。`);
  await call('workspace:open', { dir: resolve(ws), access: 'read' }, ctx);
  const { items } = await call('reminders:list', { days, notify: false }, ctx);
  return {
    json: {
      items: items.map((i) => ({
        type: i.type,
        date: i.date,
        criterionCode: i.criterionCode,
        requestId: i.requestId,
        text: i.text,
      })),
    },
    human: items.length === 0 ? '近期没有需要提醒的事项。' : items.map((i) => i.text).join('\n'),
    exit: EXIT.ok,
  };
}
