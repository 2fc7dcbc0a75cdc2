import { basename } from 'node:path';
import { DEFAULT_COLLECTION_DAY } from '@shared/domain/collection';
import { normalizeCode } from '@shared/domain/codes';
import { isValidPeriod, type Period } from '@shared/domain/period';
import { preselectMine } from '@shared/domain/scope';
import type { AppError } from '@shared/ipc/errors';
import type { HandoutPreview, KeyDate } from '@shared/ipc/collection-types';
import { listCriteria, mineFromAssignments, userScopeChoices } from '../catalog/criteria-repo';
import { latestCatalogVersion } from '../catalog/versions-repo';
import { scopeUnitOf, type Workspace } from '../workspace/workspace';
import { catalogChange, readHandoutCatalog, type HandoutCatalog } from './handout-catalog';
import { planRequests, type RequestsPlan } from './handout-requests';
import { lastHandout, type HandoutRecord, type UnitAssignment } from './handouts-repo';
import { HANDOUT_MESSAGES as M, refused } from './messages';
import type { VerifiedHandout } from './read-handout';
import { chooseUnit, type ListedUnit } from './unit-match';

/** Everything importing a verified hand-out would do, computed without writing: the preview, and what to apply. */
export interface HandoutPlan {
  preview: HandoutPreview;
  /** The same hand-out (same sequence, same bytes) is the last one on record: nothing to change. */
  same: boolean;
  /** Why the import must refuse though the preview could be shown (no unit chosen; a new key not accepted). */
  refusal: AppError | null;
  catalog: HandoutCatalog & { inForce: boolean };
  unit: ListedUnit | null;
  assignments: UnitAssignment[];
  /** Codes whose assignment to this unit changed, and all below them: the officer's own scope choice yields there. */
  reassigned: string[];
  requests: RequestsPlan;
  keyDates: Omit<KeyDate, 'source'>[];
  settings: { period: Period; collectionDay: number };
  previous: HandoutRecord | undefined;
}

/**
 * Plans the import of a verified hand-out into the workspace (HANDOUT-FORMAT.md "Import on the unit side"). Refused
 * outright: another year, a period that is not one, a sequence lower than the last one imported, or the same
 * sequence with other bytes. The preview still shows a hand-out whose unit is not chosen or whose key changed; the
 * import refuses those (`refusal`) until the officer chooses a unit (`unitId`) or accepts the key (`acceptNewKey`).
 */
export function planHandout(
  ws: Workspace,
  h: VerifiedHandout,
  args: { unitId?: string | undefined; acceptNewKey: boolean },
): HandoutPlan {
  const { db } = ws;
  const { json } = h;
  const settings = ws.settings();
  const previous = lastHandout(db);
  const fail = (message: string, details: string) => refused(message, `${h.file}: ${details}`);
  if (json.year !== settings.year)
    throw fail(M.otherYear(json.year, settings.year), `year ${json.year}, workspace ${settings.year}`);
  const period = { start: json.period.start, end: json.period.end };
  if (!isValidPeriod(period))
    throw fail(M.badPeriod(period.start, period.end), `period ${period.start}..${period.end}`);
  const same = previous !== undefined && previous.sequence === json.sequence && previous.sha256 === h.sha256;
  if (previous !== undefined && json.sequence < previous.sequence)
    throw fail(M.sequenceBack(json.sequence, previous.sequence), `sequence ${json.sequence} < ${previous.sequence}`);
  if (previous !== undefined && json.sequence === previous.sequence && !same)
    throw fail(M.sequenceReused(json.sequence), `sequence ${json.sequence} again with other bytes`);

  const catalog = readHandoutCatalog(db, json.catalog, h.file);
  const inForce = latestCatalogVersion(db)?.sha256 === catalog.sha256;
  const unit = chooseUnit(json.units, {
    unitId: args.unitId,
    recorded: previous?.unitId,
    names: scopeUnitOf(settings).names,
  });
  const nodes = catalog.built.nodes;
  const codes = new Set(nodes.map((n) => n.code));
  const parents = new Set(nodes.map((n) => n.parentCode));
  const leaves = new Set(nodes.filter((n) => !parents.has(n.code)).map((n) => n.code));
  const collectionDay = json.collectionDay ?? DEFAULT_COLLECTION_DAY;

  const assignments = unit === null ? [] : unitAssignments(json.assignments, unit.id);
  const reassigned = unit === null ? [] : below(nodes, changedCodes(previous?.assignments ?? [], assignments));
  const requests =
    unit === null || same
      ? { asks: [], counts: { new: 0, updated: 0, closed: 0 }, closes: [], skipped: [] }
      : planRequests(db, json, unit.id, { leaves, codes }, period, collectionDay);
  const scope = unit === null || same ? { added: [], removed: [] } : scopeChange(ws, nodes, assignments, reassigned);
  const change =
    same || inForce ? { added: [], changed: [], removed: [], removedWithMaterials: [] } : catalogChange(db, nodes);

  const keyChanged = previous !== undefined && previous.fingerprint !== h.sig.fingerprint;
  const preview: HandoutPreview = {
    file: h.file,
    office: {
      id: json.office.id,
      name: json.office.name,
      fingerprint: h.sig.fingerprint,
      firstSight: previous === undefined,
      keyChanged,
      previousFingerprint: previous?.fingerprint ?? null,
    },
    sequence: json.sequence,
    issuedAt: json.issuedAt,
    year: json.year,
    collectionDay,
    unit: unit && { id: unit.id, name: unit.name },
    units: json.units.map((u) => ({ id: u.id, name: u.name, aliases: u.aliases })),
    catalog: { sha256: catalog.sha256, edition: catalog.built.edition, ...change },
    scope,
    requests: { ...requests.counts, skipped: requests.skipped },
    keyDates: json.keyDates.length,
    files: h.files.map((f) => ({ path: f.path, bytes: f.bytes })),
  };
  return {
    preview,
    same,
    refusal: importRefusal(preview, args.acceptNewKey),
    catalog: { ...catalog, inForce },
    unit,
    assignments,
    reassigned,
    requests,
    keyDates: json.keyDates.map((d) => ({
      date: d.date,
      title: d.title,
      criterionCodes: d.criterionCodes.map(normalizeCode),
      note: d.note ?? null,
    })),
    settings: { period, collectionDay },
    previous,
  };
}

/**
 * Why a hand-out that could be previewed may not be imported yet, or null: the 创城办's key changed and the officer
 * has not accepted it, or no unit of the hand-out is this one and none was chosen. The CLI's `--dry-run` asks this
 * of the preview too, so it refuses exactly what the import would.
 */
export function importRefusal(p: HandoutPreview, acceptNewKey: boolean): AppError | null {
  if (p.office.keyChanged && !acceptNewKey)
    return refused(
      M.keyChanged(p.office.fingerprint, p.office.previousFingerprint ?? ''),
      `${p.file}: office key ${p.office.fingerprint} differs from ${p.office.previousFingerprint} on record; not accepted`,
    );
  if (p.unit === null)
    return refused(M.chooseUnit, `${p.file}: no unit of the hand-out matches the workspace's; unitId needed`);
  return null;
}

/** The source name a catalog version from a hand-out records. */
export const catalogSourceName = (h: VerifiedHandout): string =>
  `${basename(h.file)}（${h.json.office.name}第 ${h.json.sequence} 号下发）`;

/** This unit's assignments, codes normalised, one per code (`lead` wins over `responsible`). */
function unitAssignments(
  all: { unitId: string; criterionCode: string; role: UnitAssignment['role'] }[],
  unitId: string,
) {
  const byCode = new Map<string, UnitAssignment['role']>();
  for (const a of all) {
    if (a.unitId !== unitId) continue;
    const code = normalizeCode(a.criterionCode);
    if (byCode.get(code) !== 'lead') byCode.set(code, a.role);
  }
  return [...byCode].map(([criterionCode, role]) => ({ criterionCode, role }));
}

/** Codes assigned before or now whose assignment (present, role) differs. */
function changedCodes(before: UnitAssignment[], now: UnitAssignment[]): Set<string> {
  const a = new Map(before.map((x) => [x.criterionCode, x.role]));
  const b = new Map(now.map((x) => [x.criterionCode, x.role]));
  return new Set([...a.keys(), ...b.keys()].filter((c) => a.get(c) !== b.get(c)));
}

/** The given codes and every node below them. */
function below(nodes: { code: string; parentCode: string | null }[], codes: Set<string>): string[] {
  const parentOf = new Map(nodes.map((n) => [n.code, n.parentCode]));
  const hit = (code: string): boolean => {
    for (let c: string | null = code; c !== null; c = parentOf.get(c) ?? null) if (codes.has(c)) return true;
    return false;
  };
  const out = new Set([...codes]);
  for (const n of nodes) if (hit(n.code)) out.add(n.code);
  return [...out];
}

/**
 * Leaves that become the unit's (`added`) or stop being so (`removed`): `mine` before as the ledger shows it, after
 * as the import will leave it — the officer's own choices, except where the office reassigned, over the automatic
 * scope (the assignments; the unit's names when the hand-out assigns it nothing). Codes the catalog removes are
 * reported there, not here.
 */
function scopeChange(
  ws: Workspace,
  nodes: { code: string; parentCode: string | null; leadUnit: string | null; responsibleUnits: string[] }[],
  assignments: UnitAssignment[],
  reassigned: string[],
): { added: string[]; removed: string[] } {
  const mineBefore = new Map(
    listCriteria(ws.db)
      .filter((c) => c.leaf && !c.removed)
      .map((c) => [c.code, c.mine]),
  );
  const auto =
    assignments.length > 0
      ? mineFromAssignments(nodes, new Set(assignments.map((a) => a.criterionCode)))
      : preselectMine(nodes, scopeUnitOf(ws.settings()));
  const user = userScopeChoices(ws.db);
  for (const c of reassigned) user.delete(c);
  const parents = new Set(nodes.map((n) => n.parentCode));
  const added: string[] = [];
  const removed: string[] = [];
  for (const n of nodes) {
    if (parents.has(n.code)) continue;
    const after = user.get(n.code) ?? auto.get(n.code) ?? false;
    const before = mineBefore.get(n.code);
    if (after && before !== true) added.push(n.code);
    if (!after && before === true) removed.push(n.code);
  }
  return { added, removed };
}
