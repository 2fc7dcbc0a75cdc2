import { monthInPeriod, monthOutsidePeriod } from '@shared/domain/collection';
import { AppError } from '@shared/ipc/errors';
import { appendAudit } from '../workspace/audit';
import type { Workspace } from '../workspace/workspace';

/**
 * Sets the collection month of several materials at once (a selection in the ledger): the month must lie in the
 * period; ids of materials that are gone (deleted, never there) are refused as a whole — nothing is written. Returns
 * the ids whose month changed; one audit row (`materials.month`) lists them.
 */
export function setMaterialsMonth(ws: Workspace, ids: string[], month: string, now: Date): { changed: string[] } {
  const { period } = ws.settings();
  if (!monthInPeriod(month, period))
    throw new AppError(
      'invalid-args',
      `${monthOutsidePeriod(month, period)}材料计入的月份须在测评周期内。`,
      `month ${month} outside ${period.start}..${period.end}`,
    );
  const wanted = [...new Set(ids)];
  return ws.db.transaction(() => {
    const rows = ws.db
      .prepare(
        `SELECT m.id, m.month, c.code FROM materials m JOIN criteria c ON c.id = m.criterion_id
         WHERE m.deleted_at IS NULL AND m.id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(wanted)) as { id: string; month: string | null; code: string }[];
    if (rows.length !== wanted.length) {
      const found = new Set(rows.map((r) => r.id));
      const missing = wanted.filter((id) => !found.has(id));
      throw new AppError(
        'input-refused',
        `有 ${missing.length} 份材料已不存在（可能已删除），未做任何修改。`,
        `setMonth: no live material ${missing.join(', ')}`,
      );
    }
    const byId = new Map(rows.map((r) => [r.id, r]));
    // In the order given (the selection's), not the table's.
    const changed = wanted.map((id) => byId.get(id)!).filter((r) => r.month !== month);
    const set = ws.db.prepare('UPDATE materials SET month = ? WHERE id = ?');
    for (const r of changed) set.run(month, r.id);
    if (changed.length > 0)
      appendAudit(ws.db, now, 'materials.month', {
        month,
        ids: changed.map((r) => r.id),
        codes: [...new Set(changed.map((r) => r.code))],
      });
    return { changed: changed.map((r) => r.id) };
  })();
}
