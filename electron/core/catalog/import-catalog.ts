import type Database from 'better-sqlite3';
import { countLeaves, type BuiltCatalog, type CatalogNode } from '@shared/domain/catalog';
import type { RequirementKindChoice } from '@shared/domain/requirements';
import { AppError } from '@shared/ipc/errors';
import type { CatalogImportResult } from '@shared/ipc/types';
import type { RuleProfile } from '@shared/schemas/rule-profile';
import { saveProfile } from './profile-repo';
import { appendAudit } from '../workspace/audit';
import { scopeUnitOf, type WorkspaceSettings } from '../workspace/workspace';
import { saveRequirementKinds } from './requirement-kinds-repo';
import { autoMine } from './criteria-repo';

export interface ImportInput {
  built: BuiltCatalog;
  name: string | null;
  sourceName: string;
  sha256: string;
  /** The catalog's own rule profile, put in force with it. */
  ruleProfile?: RuleProfile | null;
  /** The officer's scope choices from the preview, kept as theirs (like `criteria:scope`). */
  scope?: { code: string; mine: boolean }[];
  /** The officer's kinds for 材料要求 phrases (already applied to `built`), kept for later imports. */
  requirementKinds?: RequirementKindChoice[];
}

/**
 * Imports a built catalog (refused whole when it has errors) into the workspace in one transaction: criteria are
 * upserted by code (so what hangs on a code survives a new edition, and a user's `mine` choice is kept); codes that
 * vanished are kept and marked removed. The officer's choices in the preview (scope, kinds of 材料要求 phrases) are
 * written with it. A rule profile shipped with the catalog replaces the one in force (the
 * 创城办's thresholds apply to every unit alike).
 */
export function importCatalog(
  db: Database.Database,
  settings: WorkspaceSettings,
  input: ImportInput,
  now: Date,
): Omit<CatalogImportResult, 'warnings'> {
  const { built } = input;
  if (built.errors.length > 0) {
    const shown = built.errors
      .slice(0, 5)
      .map((e) => e.replace(/。$/u, ''))
      .join('；');
    const more = built.errors.length > 5 ? `等 ${built.errors.length} 处` : '';
    throw new AppError('catalog-invalid', `测评体系有错误，未导入：${shown}${more}。`, built.errors.join('\n'));
  }
  if (built.nodes.length === 0) throw new AppError('catalog-invalid', '测评体系中没有可导入的标准。', 'no nodes');
  const edition = built.edition;
  const leaves = countLeaves(built.nodes);
  // From the 创城办's assignments while a hand-out is on record, else by the unit's names.
  const mine = autoMine(db, built.nodes, scopeUnitOf(settings));
  let removedCodes: string[] = [];
  db.transaction(() => {
    const versionId = db
      .prepare(
        `INSERT INTO catalog_versions (edition, name, source_name, sha256, imported_at, node_count, leaf_count)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(edition, input.name, input.sourceName, input.sha256, now.toISOString(), built.nodes.length, leaves)
      .lastInsertRowid as number;
    const upsert = db.prepare(UPSERT);
    for (const n of built.nodes) upsert.run(toRow(n, versionId, mine.get(n.code) ?? false));
    const choose = db.prepare('UPDATE criteria SET mine_user = ? WHERE code = ?');
    for (const c of input.scope ?? []) choose.run(c.mine ? 1 : 0, c.code);
    saveRequirementKinds(db, input.requirementKinds ?? [], now);
    removedCodes = db
      .prepare('SELECT code FROM criteria WHERE catalog_version_id <> ? AND removed = 0 ORDER BY position')
      .pluck()
      .all(versionId) as string[];
    db.prepare('UPDATE criteria SET removed = 1 WHERE catalog_version_id <> ?').run(versionId);
    if (input.ruleProfile) saveProfile(db, input.ruleProfile, 'catalog', now, versionId);
    appendAudit(db, now, 'catalog.import', {
      edition,
      source: input.sourceName,
      sha256: input.sha256,
      nodes: built.nodes.length,
      removedCodes,
      scopeChoices: input.scope?.length ?? 0,
      requirementKinds: input.requirementKinds?.length ?? 0,
    });
  })();
  return { edition, nodes: built.nodes.length, leaves, skipped: built.skipped, removedCodes };
}

const UPSERT = `
  INSERT INTO criteria (code, parent_code, catalog_version_id, label, seq, level, position, title, text, methods, points,
    needs_material, requirements, lead_unit, responsible_units, deadline, due_date, frequency, mine_auto, removed)
  VALUES (@code, @parent_code, @catalog_version_id, @label, @seq, @level, @position, @title, @text, @methods, @points,
    @needs_material, @requirements, @lead_unit, @responsible_units, @deadline, @due_date, @frequency, @mine_auto, 0)
  ON CONFLICT(code) DO UPDATE SET
    parent_code = excluded.parent_code, catalog_version_id = excluded.catalog_version_id, label = excluded.label,
    seq = excluded.seq, level = excluded.level, position = excluded.position, title = excluded.title,
    text = excluded.text, methods = excluded.methods, points = excluded.points,
    needs_material = excluded.needs_material, requirements = excluded.requirements, lead_unit = excluded.lead_unit,
    responsible_units = excluded.responsible_units, deadline = excluded.deadline, due_date = excluded.due_date,
    frequency = excluded.frequency, mine_auto = excluded.mine_auto, removed = 0`;

function toRow(n: CatalogNode, versionId: number, mine: boolean): Record<string, unknown> {
  return {
    code: n.code,
    parent_code: n.parentCode,
    catalog_version_id: versionId,
    label: n.label,
    seq: n.seq,
    level: n.level,
    position: n.position,
    title: n.title,
    text: n.text,
    methods: JSON.stringify(n.methods),
    points: n.points,
    needs_material: n.needsMaterial ? 1 : 0,
    requirements: JSON.stringify(n.requirements),
    lead_unit: n.leadUnit,
    responsible_units: JSON.stringify(n.responsibleUnits),
    deadline: n.deadline,
    due_date: n.dueDate,
    frequency: n.frequency,
    mine_auto: mine ? 1 : 0,
  };
}
