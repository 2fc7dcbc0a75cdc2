import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Assignment, AssignableUnit } from '@shared/domain/campaign/assign-units';
import { canonUnit, guessUnitKind, type UnitKind } from '@shared/domain/unit-kind';

/** A unit of the office: who it is, whom to call, and the principal signer's fingerprint on record. */
export interface OfficeUnit extends AssignableUnit {
  leader: string | null;
  liaison: string | null;
  phone: string | null;
  principalFingerprint: string | null;
}

/** What a units file or the 台账 says of a unit (the rest is kept as it is). */
export interface UnitInput {
  name: string;
  aliases?: string[] | undefined;
  kind?: UnitKind | undefined;
  leader?: string | undefined;
  liaison?: string | undefined;
  phone?: string | undefined;
}

interface Row {
  id: string;
  name: string;
  aliases: string;
  kind: string;
  leader: string | null;
  liaison: string | null;
  phone: string | null;
  principal_fingerprint: string | null;
}

const fromRow = (r: Row): OfficeUnit => ({
  id: r.id,
  name: r.name,
  aliases: JSON.parse(r.aliases) as string[],
  kind: r.kind as UnitKind,
  leader: r.leader,
  liaison: r.liaison,
  phone: r.phone,
  principalFingerprint: r.principal_fingerprint,
});

export function listUnits(db: Database.Database): OfficeUnit[] {
  return (db.prepare('SELECT * FROM office_units ORDER BY created_at, rowid').all() as Row[]).map(fromRow);
}

export function unitById(db: Database.Database, id: string): OfficeUnit | undefined {
  const r = db.prepare('SELECT * FROM office_units WHERE id = ?').get(id) as Row | undefined;
  return r && fromRow(r);
}

/**
 * Adds the units not yet known (matched by name or alias after NFKC, spaces and brackets removed) and updates the
 * known ones with what the input says; ids never change, so hand-outs and packages keep pointing at the same unit.
 * Returns every input's unit, in input order. Runs inside the caller's transaction.
 */
export function upsertUnits(db: Database.Database, inputs: UnitInput[], now: Date): OfficeUnit[] {
  const known = listUnits(db);
  const byName = new Map<string, OfficeUnit>();
  for (const u of known) for (const n of [u.name, ...u.aliases]) byName.set(canonUnit(n), u);
  const insert = db.prepare(
    `INSERT INTO office_units (id, name, aliases, kind, leader, liaison, phone, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const update = db.prepare(
    `UPDATE office_units SET aliases = ?, kind = ?, leader = ?, liaison = ?, phone = ? WHERE id = ?`,
  );
  const out: OfficeUnit[] = [];
  for (const input of inputs) {
    const prior = [input.name, ...(input.aliases ?? [])].map((n) => byName.get(canonUnit(n))).find(Boolean);
    if (prior) {
      const aliases = [...new Set([...prior.aliases, ...(input.aliases ?? [])])].filter(
        (a) => canonUnit(a) !== canonUnit(prior.name),
      );
      const next: OfficeUnit = {
        ...prior,
        aliases,
        kind: input.kind ?? prior.kind,
        leader: input.leader ?? prior.leader,
        liaison: input.liaison ?? prior.liaison,
        phone: input.phone ?? prior.phone,
      };
      update.run(JSON.stringify(next.aliases), next.kind, next.leader, next.liaison, next.phone, next.id);
      out.push(next);
      for (const n of [next.name, ...next.aliases]) byName.set(canonUnit(n), next);
      continue;
    }
    const unit: OfficeUnit = {
      id: randomBytes(16).toString('hex'),
      name: input.name.trim(),
      aliases: input.aliases ?? [],
      kind: input.kind ?? guessUnitKind(input.name),
      leader: input.leader ?? null,
      liaison: input.liaison ?? null,
      phone: input.phone ?? null,
      principalFingerprint: null,
    };
    insert.run(
      unit.id,
      unit.name,
      JSON.stringify(unit.aliases),
      unit.kind,
      unit.leader,
      unit.liaison,
      unit.phone,
      now.toISOString(),
    );
    out.push(unit);
    for (const n of [unit.name, ...unit.aliases]) byName.set(canonUnit(n), unit);
  }
  return out;
}

/** Replaces every assignment with these (the 台账 is the office's word; the matrix edits come later). */
export function replaceAssignments(db: Database.Database, assignments: Assignment[]): void {
  db.prepare('DELETE FROM office_assignments').run();
  const put = db.prepare('INSERT OR REPLACE INTO office_assignments (unit_id, criterion_code, role) VALUES (?, ?, ?)');
  for (const a of assignments) put.run(a.unitId, a.criterionCode, a.role);
}

export function listAssignments(db: Database.Database): Assignment[] {
  return (
    db
      .prepare('SELECT unit_id, criterion_code, role FROM office_assignments ORDER BY unit_id, criterion_code')
      .all() as {
      unit_id: string;
      criterion_code: string;
      role: Assignment['role'];
    }[]
  ).map((r) => ({ unitId: r.unit_id, criterionCode: r.criterion_code, role: r.role }));
}

/** The principal signer's fingerprint on record for a unit (first sight, or a change the office accepted). */
export function setPrincipalFingerprint(db: Database.Database, unitId: string, fingerprint: string): void {
  db.prepare('UPDATE office_units SET principal_fingerprint = ? WHERE id = ?').run(fingerprint, unitId);
}

/** A short, stable id for new units (exported for tests that build units by hand). */
export const newUnitId = (): string => randomBytes(16).toString('hex');
