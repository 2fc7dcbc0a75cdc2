import type Database from 'better-sqlite3';
import { AppError } from '@shared/ipc/errors';
import type { OfficeRequestView } from '@shared/ipc/campaign-types';
import { appendAudit } from '../workspace/audit';
import { requestById, setClosed, type OfficeRequest } from './office-requests-repo';
import { unitById } from './units-repo';

/** 销号 by hand with a note (an already closed request is refused: reopen it first). One transaction with its log. */
export function closeByHand(db: Database.Database, id: string, note: string, now: Date): OfficeRequestView {
  const r = requireRequest(db, id);
  if (r.closedAt !== null)
    throw new AppError('input-refused', `这条要账已于 ${r.closedAt.slice(0, 10)} 销号。`, `request ${id} closed`);
  db.transaction(() => {
    setClosed(db, id, { at: now.toISOString(), by: 'office', note });
    appendAudit(db, now, 'office.request.close', { id, criterionCode: r.criterionCode, note });
  })();
  return view(db, requireRequest(db, id));
}

/** Reopens a closed request (closed by hand or by itself); the next hand-out sends it as open again. */
export function reopenByHand(
  db: Database.Database,
  id: string,
  note: string | undefined,
  now: Date,
): OfficeRequestView {
  const r = requireRequest(db, id);
  if (r.closedAt === null) throw new AppError('input-refused', '这条要账尚未销号。', `request ${id} open`);
  db.transaction(() => {
    setClosed(db, id, null);
    appendAudit(db, now, 'office.request.reopen', { id, criterionCode: r.criterionCode, note: note ?? null });
  })();
  return view(db, requireRequest(db, id));
}

function requireRequest(db: Database.Database, id: string): OfficeRequest {
  const r = requestById(db, id);
  if (!r) throw new AppError('input-refused', `没有编号为 ${id} 的要账。`, `no office request ${id}`);
  return r;
}

function view(db: Database.Database, r: OfficeRequest): OfficeRequestView {
  return {
    id: r.id,
    unit: unitById(db, r.unitId)?.name ?? '',
    criterionCode: r.criterionCode,
    month: r.month,
    text: r.text,
    closedAt: r.closedAt,
    closedBy: r.closedBy,
    note: r.note,
  };
}
