import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { OwingLeaf } from '@shared/domain/campaign/owed-requests';
import { AppError } from '@shared/ipc/errors';
import type { Criterion } from '@shared/ipc/types';
import { listCriteria } from '../catalog/criteria-repo';
import { latestCatalogVersion } from '../catalog/versions-repo';
import { canonicalJson, type JsonValue } from '../signoff/canonical-json';
import { CAMPAIGN_MESSAGES } from './messages';

/** The current criteria (not removed), in catalog order, as the criteria table holds them. */
function currentCriteria(db: Database.Database): Criterion[] {
  return listCriteria(db).filter((c) => !c.removed);
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
  const rows = currentCriteria(db);
  if (!version || rows.length === 0) throw new AppError('input-refused', CAMPAIGN_MESSAGES.noCatalog, 'no catalog');
  const nodes = rows.map((c) => {
    const n: Record<string, JsonValue> = { code: c.code, title: c.title };
    if (c.parentCode !== null) n.parent = c.parentCode;
    if (c.label !== null) n.label = c.label;
    if (c.text !== '') n.text = c.text;
    n.methods = c.methods;
    if (c.points !== null) n.points = c.points;
    if (c.requirements.length > 0) n.requirements = c.requirements as unknown as JsonValue[];
    if (c.leadUnit !== null) n.leadUnit = c.leadUnit;
    if (c.responsibleUnits.length > 0) n.responsibleUnits = c.responsibleUnits;
    if (c.deadline !== null) n.deadline = c.deadline;
    if (c.dueDate !== null) n.dueDate = c.dueDate;
    if (c.frequency !== null) n.frequency = c.frequency;
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
    currentCriteria(db)
      .filter((c) => c.leaf && c.needsMaterial)
      .map((c) => [
        c.code,
        { code: c.code, title: c.title, frequency: c.frequency, dueDate: c.dueDate, requirements: c.requirements },
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
