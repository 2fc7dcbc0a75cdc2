import { randomUUID } from 'node:crypto';
import {
  clampMonth,
  collectionDate,
  collectionMonth,
  monthInPeriod,
  monthOutsidePeriod,
  nextMonth,
} from '@shared/domain/collection';
import { isFreeText } from '@shared/domain/monthly/request-state';
import { localIsoDate } from '@shared/domain/period';
import type { ArgsOut } from '@shared/ipc/contract';
import type { RequestView } from '@shared/ipc/collection-types';
import { AppError } from '@shared/ipc/errors';
import { requireCriterion } from '../catalog/criteria-repo';
import { appendAudit } from '../workspace/audit';
import { collectionDayOf, type Workspace } from '../workspace/workspace';
import { readCollectionFacts } from './collection-facts';
import { closeRequest, getRequest, reopenRequest, setMetByHand, upsertRequest, type RequestRow } from './requests-repo';

/** A request as it stands now (its materials counted), or the error a vanished id deserves. */
export function requestNow(ws: Workspace, id: string, now: Date): RequestView {
  const r = readCollectionFacts(ws, now).requests.find((q) => q.id === id);
  if (!r) throw new AppError('input-refused', '找不到这条要账（可能已删除）。', `no request ${id}`);
  return r;
}

function requireRequest(ws: Workspace, id: string): RequestRow {
  const r = getRequest(ws.db, id);
  if (!r) throw new AppError('input-refused', '找不到这条要账（可能已删除）。', `no request ${id}`);
  return r;
}

/**
 * The unit's own 要账 (source `unit`, a UUID): on a leaf of the catalog (`unknown-criterion` else); its month
 * defaults to the current collection month clamped into the period and must lie in it; its due date defaults to the
 * collection day of the month after it, and may not be a day already past (a new request due yesterday is a typo).
 */
export function addRequest(ws: Workspace, a: ArgsOut<'request:add'>, now: Date): RequestView {
  const c = requireCriterion(ws.db, a.criterionCode);
  const settings = ws.settings();
  const { period } = settings;
  const removed = ws.db.prepare('SELECT removed FROM criteria WHERE code = ?').pluck().get(c.code) === 1;
  if (removed)
    throw new AppError(
      'input-refused',
      `“${c.code}”已从当前测评体系中移除，不能再为它要账。`,
      `request on removed criterion ${c.code}`,
    );
  const leaf = ws.db.prepare('SELECT 1 FROM criteria WHERE parent_code = ? AND removed = 0').get(c.code) === undefined;
  if (!leaf)
    throw new AppError(
      'input-refused',
      `“${c.code}”下面还有子标准：要账须针对具体的测评标准。`,
      `request on parent criterion ${c.code}`,
    );
  const today = localIsoDate(now);
  const month = a.month ?? clampMonth(collectionMonth(today, collectionDayOf(settings)), period);
  if (!monthInPeriod(month, period))
    throw new AppError(
      'invalid-args',
      `${monthOutsidePeriod(month, period)}要账的月份须在测评周期内。`,
      `request month ${month} outside ${period.start}..${period.end}`,
    );
  const due = a.due ?? collectionDate(nextMonth(month), collectionDayOf(settings));
  if (due < today)
    throw new AppError(
      'input-refused',
      `截止日期 ${due} 已经过去（今天是 ${today}）：请填写今天或以后的日期。`,
      `request due ${due} before today ${today}`,
    );
  const id = randomUUID();
  ws.db.transaction(() => {
    upsertRequest(
      ws.db,
      {
        id,
        source: 'unit',
        criterionCode: c.code,
        month,
        text: a.text,
        kind: a.kind ?? null,
        min: a.min ?? null,
        assignee: a.assignee ?? null,
        phone: a.phone ?? null,
        due,
      },
      now,
    );
    appendAudit(ws.db, now, 'request.add', { id, criterionCode: c.code, month, due, kind: a.kind ?? null });
  })();
  return requestNow(ws, id, now);
}

/** 销号 by hand, with a note; a request already closed is refused. */
export function closeByHand(ws: Workspace, id: string, note: string, now: Date): RequestView {
  const r = requireRequest(ws, id);
  if (r.closedAt !== null)
    throw new AppError('input-refused', `这条要账已于 ${r.closedAt.slice(0, 10)} 销号。`, `request ${id} closed`);
  ws.db.transaction(() => {
    closeRequest(ws.db, id, 'unit', now.toISOString(), note, now);
    appendAudit(ws.db, now, 'request.close', { id, criterionCode: r.criterionCode, note });
  })();
  return requestNow(ws, id, now);
}

/** Takes back the unit's own closing; the office's closing (its `closed` list) is the office's to take back. */
export function reopenByHand(ws: Workspace, id: string, now: Date): RequestView {
  const r = requireRequest(ws, id);
  if (r.closedAt === null)
    throw new AppError('input-refused', '这条要账没有销号，无需撤销。', `request ${id} not closed`);
  if (r.closedBy !== 'unit')
    throw new AppError('input-refused', '这条要账是创城办销号的，本单位不能撤销。', `request ${id} closed by office`);
  ws.db.transaction(() => {
    reopenRequest(ws.db, id, now);
    appendAudit(ws.db, now, 'request.reopen', { id, criterionCode: r.criterionCode });
  })();
  return requestNow(ws, id, now);
}

/** Marks a free-text request met (or not) by hand; one with a kind or a count is met by its materials alone. */
export function setMet(ws: Workspace, id: string, met: boolean, now: Date): RequestView {
  const r = requireRequest(ws, id);
  if (!isFreeText(r))
    throw new AppError(
      'input-refused',
      '这条要账按材料自动判断是否已交（指定了材料类型或数量），不能手动标记。',
      `request ${id} has kind/min`,
    );
  ws.db.transaction(() => {
    setMetByHand(ws.db, id, met, now);
    appendAudit(ws.db, now, 'request.setMet', { id, criterionCode: r.criterionCode, met });
  })();
  return requestNow(ws, id, now);
}
