import type Database from 'better-sqlite3';
import { AppError } from '@shared/ipc/errors';
import type { Declaration } from '@shared/ipc/types';
import { appendAudit } from '../workspace/audit';
import type { CriterionRef } from '../catalog/criteria-repo';

/** A statement shorter than this does not say why the criterion is outside the unit's duties. */
export const MIN_STATEMENT = 10;

/**
 * Declares a leaf criterion 不属本单位职责 with a written statement (or replaces the statement), logged. A parent
 * criterion is refused: each standard is declared on its own, since the 创城办 reads each statement.
 */
export function declareNotResponsible(db: Database.Database, c: CriterionRef, statement: string, now: Date): void {
  const text = statement.trim();
  if ([...text].length < MIN_STATEMENT)
    throw new AppError(
      'input-refused',
      `请写明不属于本单位职责的理由（至少 ${MIN_STATEMENT} 个字），这段说明会随申报包交给创城办。`,
      `statement too short: ${text.length}`,
    );
  const isParent = db.prepare('SELECT 1 FROM criteria WHERE parent_code = ? AND removed = 0').get(c.code) !== undefined;
  if (isParent)
    throw new AppError(
      'input-refused',
      `“${c.code}”下面还有具体的测评标准，请对其中不属本单位职责的每一条分别声明。`,
      `not a leaf: ${c.code}`,
    );
  db.transaction(() => {
    db.prepare(
      `INSERT INTO declarations (criterion_id, statement, declared_at) VALUES (?, ?, ?)
       ON CONFLICT(criterion_id) DO UPDATE SET statement = excluded.statement, declared_at = excluded.declared_at`,
    ).run(c.id, text, now.toISOString());
    appendAudit(db, now, 'criterion.declare', { code: c.code, statement: text });
  })();
}

/** Withdraws a declaration (logged); false when there was none. */
export function withdrawDeclaration(db: Database.Database, c: CriterionRef, now: Date): boolean {
  return db.transaction(() => {
    const gone = db.prepare('DELETE FROM declarations WHERE criterion_id = ?').run(c.id).changes > 0;
    if (gone) appendAudit(db, now, 'criterion.withdrawDeclaration', { code: c.code });
    return gone;
  })();
}

/** The declaration in force on a criterion, if any. */
export function declarationOf(db: Database.Database, c: CriterionRef): Declaration | null {
  const r = db.prepare('SELECT statement, declared_at FROM declarations WHERE criterion_id = ?').get(c.id) as
    { statement: string; declared_at: string } | undefined;
  return r ? { statement: r.statement, declaredAt: r.declared_at } : null;
}
