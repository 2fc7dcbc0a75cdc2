import type Database from 'better-sqlite3';
import type { RequirementKindChoice } from '@shared/domain/requirements';
import type { MaterialKind } from '@shared/domain/value-sets';

/** The officer's kinds for 材料要求 phrases, kept across imports (migration 0080). */
export function readRequirementKinds(db: Database.Database): RequirementKindChoice[] {
  const rows = db.prepare('SELECT criterion_code, phrase, kind FROM requirement_kinds').all() as {
    criterion_code: string;
    phrase: string;
    kind: MaterialKind;
  }[];
  return rows.map((r) => ({ code: r.criterion_code, text: r.phrase, kind: r.kind }));
}

export function saveRequirementKinds(db: Database.Database, choices: RequirementKindChoice[], now: Date): void {
  const put = db.prepare(
    `INSERT INTO requirement_kinds (criterion_code, phrase, kind, set_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(criterion_code, phrase) DO UPDATE SET kind = excluded.kind, set_at = excluded.set_at`,
  );
  for (const c of choices) put.run(c.code, c.text, c.kind, now.toISOString());
}
