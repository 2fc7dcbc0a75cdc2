import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { OwingLeaf } from '@shared/domain/campaign/owed-requests';
import type { Requirement } from '@shared/domain/requirements';
import type { Frequency } from '@shared/domain/value-sets';
import { AppError } from '@shared/ipc/errors';
import { latestCatalogVersion } from '../catalog/versions-repo';
import { canonicalJson, type JsonValue } from '../signoff/canonical-json';
import { CAMPAIGN_MESSAGES } from './messages';

interface Row {
  code: string;
  parent_code: string | null;
  label: string | null;
  title: string;
  text: string;
  methods: string;
  points: number | null;
  needs_material: number;
  requirements: string;
  lead_unit: string | null;
  responsible_units: string;
  deadline: string | null;
  due_date: string | null;
  frequency: string | null;
  leaf: number;
}

function currentRows(db: Database.Database): Row[] {
  return db
    .prepare(
      `SELECT c.code, c.parent_code, c.label, c.title, c.text, c.methods, c.points, c.needs_material, c.requirements,
         c.lead_unit, c.responsible_units, c.deadline, c.due_date, c.frequency,
         NOT EXISTS (SELECT 1 FROM criteria k WHERE k.parent_code = c.code AND k.removed = 0) AS leaf
       FROM criteria c WHERE c.removed = 0 ORDER BY c.position`,
    )
    .all() as Row[];
}

/** The office's catalog as a hand-out carries it, with its RFC 8785 hash (a unit's package names it). */
export interface OfficeCatalog {
  object: JsonValue;
  sha256: string;
  edition: string;
}

/**
 * The office's catalog in force as a catalog file object (format 1): every current node, flat, each naming its
 * parent, with the fields the criteria table holds (requirements already typed, so a unit's import reads the same
 * kinds). The rule profile is not carried yet (optional in the format; the office's profile editing comes later).
 * Absent fields are left out, never null, so the object is what a catalog file would say.
 */
export function officeCatalog(db: Database.Database): OfficeCatalog {
  const version = latestCatalogVersion(db);
  const rows = currentRows(db);
  if (!version || rows.length === 0) throw new AppError('input-refused', CAMPAIGN_MESSAGES.noCatalog, 'no catalog');
  const nodes = rows.map((r) => {
    const n: Record<string, JsonValue> = { code: r.code, title: r.title };
    if (r.parent_code !== null) n.parent = r.parent_code;
    if (r.label !== null) n.label = r.label;
    if (r.text !== '') n.text = r.text;
    n.methods = JSON.parse(r.methods) as JsonValue;
    if (r.points !== null) n.points = r.points;
    const requirements = JSON.parse(r.requirements) as JsonValue[];
    if (requirements.length > 0) n.requirements = requirements;
    if (r.lead_unit !== null) n.leadUnit = r.lead_unit;
    const responsible = JSON.parse(r.responsible_units) as string[];
    if (responsible.length > 0) n.responsibleUnits = responsible;
    if (r.deadline !== null) n.deadline = r.deadline;
    if (r.due_date !== null) n.dueDate = r.due_date;
    if (r.frequency !== null) n.frequency = r.frequency;
    return n;
  });
  const object: Record<string, JsonValue> = {
    format: 'wangbao-catalog',
    formatVersion: 1,
    edition: version.edition,
    ...(version.name ? { name: version.name } : {}),
    nodes,
  };
  return {
    object,
    sha256: createHash('sha256').update(canonicalJson(object)).digest('hex'),
    edition: version.edition,
  };
}

/** The current leaves needing material, as the 要账 reads them. */
export function owingLeaves(db: Database.Database): Map<string, OwingLeaf> {
  return new Map(
    currentRows(db)
      .filter((r) => r.leaf === 1 && r.needs_material === 1)
      .map((r) => [
        r.code,
        {
          code: r.code,
          title: r.title,
          frequency: r.frequency as Frequency | null,
          dueDate: r.due_date,
          requirements: JSON.parse(r.requirements) as Requirement[],
        },
      ]),
  );
}

/** Records a catalog the office handed out (first time only): packages answering it are recognised by its hash. */
export function recordHandedCatalog(db: Database.Database, c: OfficeCatalog, now: Date): void {
  db.prepare('INSERT OR IGNORE INTO office_catalogs (sha256, edition, first_at) VALUES (?, ?, ?)').run(
    c.sha256,
    c.edition,
    now.toISOString(),
  );
}
