import type Database from 'better-sqlite3';
import { normalizeCode } from '@shared/domain/codes';
import { preselectMine, type ScopeUnit } from '@shared/domain/scope';
import type { Requirement } from '@shared/domain/requirements';
import { progressFromCounts, type RequirementProgress } from '@shared/domain/requirement-progress';
import { aggregateStatus, leafStatus, type KindCounts } from '@shared/domain/status';
import type { CriterionStatus, Frequency, Method } from '@shared/domain/value-sets';
import { AppError } from '@shared/ipc/errors';
import type { Criterion, ScopeResult } from '@shared/ipc/types';
import { appendAudit } from '../workspace/audit';

interface Row {
  code: string;
  parent_code: string | null;
  label: string | null;
  seq: string | null;
  level: number;
  position: number;
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
  mine_auto: number;
  mine_user: number | null;
  removed: number;
  statement: string | null;
  declared_at: string | null;
}

/**
 * Every criterion with its computed fields: `leaf` (no current children), `mine` (leaves: the user's choice or the
 * preselection; parents: any leaf below is mine) and `status` (leaves from their material counts, parents
 * aggregated; a declared 不属本单位职责 leaf is not-applicable). Current criteria come in catalog order, removed ones
 * after them. `counts` gives the materials per kind of a criterion; `progress` its requirements' progress as the
 * 体检 counts it (checker/ledger-progress.ts; without it, from the counts alone).
 */
export function listCriteria(
  db: Database.Database,
  counts: (code: string) => KindCounts = () => ({}),
  progress?: (c: Criterion) => RequirementProgress[],
): Criterion[] {
  const rows = db
    .prepare(
      `SELECT c.*, d.statement, d.declared_at FROM criteria c LEFT JOIN declarations d ON d.criterion_id = c.id
       ORDER BY c.removed, c.position`,
    )
    .all() as Row[];
  const list = rows.map(fromRow);
  const children = new Map<string, Criterion[]>();
  for (const c of list) {
    if (c.removed || c.parentCode === null) continue;
    const siblings = children.get(c.parentCode);
    if (siblings) siblings.push(c);
    else children.set(c.parentCode, [c]);
  }
  const visit = (c: Criterion): void => {
    const kids = children.get(c.code) ?? [];
    if (kids.length === 0 || c.removed) {
      c.leaf = true;
      c.counts = counts(c.code);
      c.progress = progress ? progress(c) : progressFromCounts(c.requirements, c.counts);
      c.status = leafStatus(c, c.counts, c.progress);
      return;
    }
    kids.forEach(visit);
    c.leaf = false;
    c.mine = kids.some((k) => k.mine);
    c.status = aggregateStatus(kids.map((k) => k.status));
  };
  const current = new Set(list.filter((c) => !c.removed).map((c) => c.code));
  for (const c of list) if (c.removed || c.parentCode === null || !current.has(c.parentCode)) visit(c);
  return list;
}

function fromRow(r: Row): Criterion {
  return {
    code: r.code,
    parentCode: r.parent_code,
    label: r.label,
    seq: r.seq,
    level: r.level,
    position: r.position,
    title: r.title,
    text: r.text,
    methods: JSON.parse(r.methods) as Method[],
    points: r.points,
    needsMaterial: r.needs_material === 1,
    requirements: JSON.parse(r.requirements) as Requirement[],
    leadUnit: r.lead_unit,
    responsibleUnits: JSON.parse(r.responsible_units) as string[],
    deadline: r.deadline,
    dueDate: r.due_date,
    frequency: r.frequency as Frequency | null,
    leaf: true,
    mine: (r.mine_user ?? r.mine_auto) === 1,
    mineSetByUser: r.mine_user !== null,
    scopeReason: null,
    removed: r.removed === 1,
    status: 'not-started' as CriterionStatus,
    counts: {},
    progress: [],
    declaration: r.statement === null ? null : { statement: r.statement, declaredAt: r.declared_at! },
    review: null,
    reviewState: null,
  };
}

/**
 * Sets `mine` on the given criteria and everything below them. Codes are matched after normalisation; when any is
 * unknown nothing is changed and the unknown ones are returned.
 */
export function setScope(db: Database.Database, codes: string[], mine: boolean, now: Date): ScopeResult {
  const wanted = [...new Set(codes.map(normalizeCode))];
  const exists = db.prepare('SELECT 1 FROM criteria WHERE code = ?').pluck();
  const unknown = wanted.filter((c) => exists.get(c) === undefined);
  if (unknown.length > 0) return { updated: [], unknown };
  const updated = db.transaction(() => {
    const rows = db
      .prepare(
        `WITH RECURSIVE sub(code) AS (SELECT value FROM json_each(?)
           UNION SELECT c.code FROM criteria c JOIN sub ON c.parent_code = sub.code)
         UPDATE criteria SET mine_user = ? WHERE code IN (SELECT code FROM sub) RETURNING code`,
      )
      .pluck()
      .all(JSON.stringify(wanted), mine ? 1 : 0) as string[];
    appendAudit(db, now, 'criteria.scope', { codes: wanted, mine });
    return rows;
  })();
  return { updated, unknown: [] };
}

/** The criteria whose `mine` the user set by hand (their choice outlives re-imports and renames). */
export function userScopeChoices(db: Database.Database): Map<string, boolean> {
  const rows = db.prepare('SELECT code, mine_user FROM criteria WHERE mine_user IS NOT NULL').all() as {
    code: string;
    mine_user: number;
  }[];
  return new Map(rows.map((r) => [r.code, r.mine_user === 1]));
}

/**
 * Re-derives the preselected `mine` after the unit's names or kind change (the user's own choices stay); while a
 * hand-out is on record it comes from the office's assignments, which a rename does not change.
 */
export function refreshMineAuto(db: Database.Database, unit: ScopeUnit): void {
  const rows = db
    .prepare('SELECT code, parent_code, lead_unit, responsible_units FROM criteria WHERE removed = 0')
    .all() as Pick<Row, 'code' | 'parent_code' | 'lead_unit' | 'responsible_units'>[];
  const mine = autoMine(
    db,
    rows.map((r) => ({
      code: r.code,
      parentCode: r.parent_code,
      leadUnit: r.lead_unit,
      responsibleUnits: JSON.parse(r.responsible_units) as string[],
    })),
    unit,
  );
  const set = db.prepare('UPDATE criteria SET mine_auto = ? WHERE code = ?');
  for (const [code, m] of mine) set.run(m ? 1 : 0, code);
}

export interface CriterionRef {
  id: number;
  code: string;
  requirements: Requirement[];
}

/** The criterion of a code given by a user (normalised like the catalog), or undefined. */
export function findCriterion(db: Database.Database, code: string): CriterionRef | undefined {
  const r = db.prepare('SELECT id, code, requirements FROM criteria WHERE code = ?').get(normalizeCode(code)) as
    { id: number; code: string; requirements: string } | undefined;
  return r && { id: r.id, code: r.code, requirements: JSON.parse(r.requirements) as Requirement[] };
}

/** Like `findCriterion`, with the Chinese error an unknown code deserves. */
export function requireCriterion(db: Database.Database, code: string): CriterionRef {
  const c = findCriterion(db, code);
  if (!c) throw new AppError('unknown-criterion', `找不到测评标准“${code}”。`, `unknown criterion ${code}`);
  return c;
}

/**
 * The criterion materials may go on: a leaf (a 测评标准 without sub-standards). A 测评项目, a 测评内容 or a standard
 * with sub-standards is refused naming its leaves — a file there would be in no folder of the package.
 */
export function requireLeafCriterion(db: Database.Database, code: string): CriterionRef {
  const c = requireCriterion(db, code);
  const below = db
    .prepare(
      `WITH RECURSIVE sub(code) AS (SELECT code FROM criteria WHERE parent_code = ? AND removed = 0
         UNION ALL SELECT c.code FROM criteria c JOIN sub ON c.parent_code = sub.code WHERE c.removed = 0)
       SELECT s.code FROM sub s WHERE NOT EXISTS (SELECT 1 FROM criteria k WHERE k.parent_code = s.code AND k.removed = 0)
       ORDER BY s.code`,
    )
    .pluck()
    .all(c.code) as string[];
  if (below.length > 0)
    throw new AppError(
      'input-refused',
      `“${c.code}”下面还有具体的测评标准，材料要添加到末级标准上：${below.slice(0, 10).join('、')}${below.length > 10 ? ` 等 ${below.length} 条` : ''}。`,
      `not a leaf: ${c.code} (${below.length} leaves below)`,
    );
  return c;
}

/**
 * This unit's codes in the last hand-out's assignments (`handouts.assignments`, migration 0100), or null when no
 * hand-out is on record or it assigned the unit nothing (an office that hands out only 要账): then the scope is
 * preselected by the unit's names as before. Read here, not through core/handout, which builds on this folder.
 */
function officeAssignedCodes(db: Database.Database): Set<string> | null {
  const raw = db.prepare('SELECT assignments FROM handouts ORDER BY id DESC LIMIT 1').pluck().get() as
    string | undefined;
  const codes = raw === undefined ? [] : (JSON.parse(raw) as { criterionCode: string }[]).map((a) => a.criterionCode);
  return codes.length > 0 ? new Set(codes) : null;
}

/**
 * `mine` from the 创城办's assignments (HANDOUT-FORMAT.md: the criteria assigned to the unit plus their ancestors):
 * an assigned code, everything below it (assigning a 测评内容 assigns its standards) and every ancestor of those.
 */
export function mineFromAssignments(
  nodes: { code: string; parentCode: string | null }[],
  assigned: Set<string>,
): Map<string, boolean> {
  const parentOf = new Map(nodes.map((n) => [n.code, n.parentCode]));
  const under = (code: string): boolean => {
    for (let c: string | null = code; c !== null; c = parentOf.get(c) ?? null) if (assigned.has(c)) return true;
    return false;
  };
  const mine = new Map(nodes.map((n) => [n.code, under(n.code)]));
  for (const n of nodes) {
    if (!mine.get(n.code)) continue;
    for (let p = n.parentCode; p !== null && mine.get(p) === false; p = parentOf.get(p) ?? null) mine.set(p, true);
  }
  return mine;
}

/**
 * The automatic `mine` (`criteria.mine_auto`): from the last hand-out's assignments of this unit while one is on
 * record, else preselected by the unit's names and kind. Catalog imports and a renamed unit both come here, so
 * neither undoes the office's assignment.
 */
export function autoMine(
  db: Database.Database,
  nodes: Parameters<typeof preselectMine>[0],
  unit: ScopeUnit,
): Map<string, boolean> {
  const assigned = officeAssignedCodes(db);
  return assigned === null ? preselectMine(nodes, unit) : mineFromAssignments(nodes, assigned);
}
