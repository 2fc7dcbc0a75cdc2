import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { buildCatalog, type BuiltCatalog, type CatalogNode } from '@shared/domain/catalog';
import { withRequirementKinds } from '@shared/domain/requirements';
import { AppError } from '@shared/ipc/errors';
import type { CatalogFile } from '@shared/schemas/catalog-file';
import { resolveProfile, type RuleProfile } from '@shared/schemas/rule-profile';
import { listCriteria } from '../catalog/criteria-repo';
import { parseCatalogJson } from '../catalog/parse-catalog-json';
import { readRequirementKinds } from '../catalog/requirement-kinds-repo';
import { canonicalJson, type JsonValue } from '../signoff/canonical-json';
import { HANDOUT_MESSAGES as M, refused } from './messages';

/** The hand-out's catalog, read exactly as a catalog file is, with its canonical hash. */
export interface HandoutCatalog {
  built: BuiltCatalog;
  name: string | null;
  ruleProfile: RuleProfile | null;
  /** Lowercase hex SHA-256 of the RFC 8785 canonical JSON of the `catalog` object (HANDOUT-FORMAT.md). */
  sha256: string;
}

/**
 * Validates and builds the hand-out's `catalog` through the catalog file's own path (limits, schema, builder), so
 * a hand-out's catalog is held to exactly what a catalog file is; the officer's kinds for 材料要求 phrases are put on
 * it as a catalog import does. A catalog with faults refuses the whole hand-out.
 */
export function readHandoutCatalog(db: Database.Database, catalog: unknown, where: string): HandoutCatalog {
  let file: CatalogFile;
  try {
    file = parseCatalogJson(JSON.stringify(catalog), `${where}: catalog`);
  } catch (e) {
    if (e instanceof AppError) throw refused(M.catalogInvalid(e.message), e.details ?? e.message);
    throw e;
  }
  const built = buildCatalog(file);
  if (built.errors.length > 0)
    throw refused(M.catalogInvalid(built.errors.slice(0, 3).join('；')), `${where}: ${built.errors.join('; ')}`);
  if (built.nodes.length === 0) throw refused(M.catalogInvalid('没有可导入的测评标准'), `${where}: no nodes placed`);
  let canonical: Buffer;
  try {
    canonical = canonicalJson(catalog as JsonValue);
  } catch (e) {
    throw refused(M.catalogNotCanonical, `${where}: ${String(e)}`);
  }
  return {
    built: { ...built, nodes: withRequirementKinds(built.nodes, readRequirementKinds(db)) },
    name: file.name ?? null,
    ruleProfile: file.ruleProfile ? resolveProfile(file.ruleProfile) : null,
    sha256: createHash('sha256').update(canonical).digest('hex'),
  };
}

/** What importing `nodes` changes in the workspace's current criteria. */
export interface CatalogChange {
  added: string[];
  /** Same code, a field the ledger shows differs (title, text, methods, points, 材料要求, units, schedule, place). */
  changed: string[];
  removed: string[];
  /** Removed codes holding live materials: kept under 已删除的标准, never lost. */
  removedWithMaterials: string[];
}

/** The fields of a criterion the ledger shows: a hand-out that changes one of them changes the criterion. */
function shown(n: CatalogNode): string {
  return JSON.stringify([
    n.parentCode,
    n.label,
    n.title,
    n.text,
    n.methods,
    n.points,
    n.needsMaterial,
    n.requirements,
    n.leadUnit,
    n.responsibleUnits,
    n.deadline,
    n.dueDate,
    n.frequency,
  ]);
}

export function catalogChange(db: Database.Database, nodes: CatalogNode[]): CatalogChange {
  const current = listCriteria(db).filter((c) => !c.removed);
  const before = new Map(current.map((c) => [c.code, c]));
  const next = new Set(nodes.map((n) => n.code));
  const added: string[] = [];
  const changed: string[] = [];
  for (const n of nodes) {
    const old = before.get(n.code);
    if (!old) added.push(n.code);
    else if (shown(n) !== shown(old)) changed.push(n.code);
  }
  const removed = current.filter((r) => !next.has(r.code)).map((r) => r.code);
  const holding = new Set(
    db
      .prepare(
        `SELECT DISTINCT c.code FROM materials m JOIN criteria c ON c.id = m.criterion_id WHERE m.deleted_at IS NULL`,
      )
      .pluck()
      .all() as string[],
  );
  return { added, changed, removed, removedWithMaterials: removed.filter((c) => holding.has(c)) };
}
