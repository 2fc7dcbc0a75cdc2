import type Database from 'better-sqlite3';
import type { Caption } from '../../../shared/domain/caption';
import { runCheck } from '../../../shared/domain/rules/check';
import { effectivePoints } from '../../../shared/domain/rules/points';
import type { CheckFacts, CheckInput, CheckMaterial } from '../../../shared/domain/rules/types';
import type { CheckReport } from '../../../shared/ipc/types';
import type { MaterialKind } from '../../../shared/domain/value-sets';
import { listCriteria } from '../catalog/criteria-repo';
import type { Workspace } from '../workspace/workspace';
import { profileInForce } from './profile-repo';
import { loadReferences } from './references';

/** Runs the lost-point check over the workspace as it is now (authoritative: the CLI, the 体检 view, export). */
export function checkWorkspace(ws: Workspace): CheckReport {
  const { input, profile } = loadCheckInput(ws);
  return {
    ...runCheck(input),
    ruleProfile: { name: profile.profile.name, sha256: profile.sha256, origin: profile.origin },
  };
}

/**
 * Reads the rules' plain facts from the workspace in a few queries: the leaf criteria with their effective points
 * and declarations, every live material with its blob's facts (and the text of 情况说明), the stored
 * near-duplicate pairs within the profile's distance, and the 往年材料.
 */
export function loadCheckInput(ws: Workspace) {
  const db = ws.db;
  const profile = profileInForce(db);
  const criteria = listCriteria(db);
  const points = effectivePoints(criteria);
  const input: CheckInput = {
    period: ws.settings().period,
    profile: profile.profile,
    criteria: criteria
      .filter((c) => c.leaf)
      .map((c) => ({
        code: c.code,
        title: c.title,
        points: points.get(c.code) ?? null,
        mine: c.mine,
        needsMaterial: c.needsMaterial,
        removed: c.removed,
        requirements: c.requirements,
        declared: c.declaration !== null,
      })),
    materials: loadMaterials(db),
    nearDuplicates: db
      .prepare('SELECT a, b, distance FROM near_duplicates WHERE distance <= ?')
      .all(profile.profile.thresholds.nearDuplicateMaxDistance) as CheckInput['nearDuplicates'],
    references: loadReferences(db),
    signOffAvailable: false, // leader sign-off is not built yet: every criterion with materials is not-reviewed
  };
  return { input, profile };
}

interface MaterialRow {
  id: string;
  code: string;
  kind: MaterialKind;
  title: string;
  file_name: string;
  caption: string | null;
  event_date: string | null;
  sha256: string;
  bytes: number;
  facts: string | null;
  text: string | null;
}

function loadMaterials(db: Database.Database): CheckMaterial[] {
  const rows = db
    .prepare(
      `SELECT m.id, c.code, m.kind, m.title, m.file_name, m.caption, m.event_date, m.sha256, b.bytes, f.facts, t.text
       FROM materials m JOIN criteria c ON c.id = m.criterion_id JOIN blobs b ON b.sha256 = m.sha256
       LEFT JOIN blob_facts f ON f.sha256 = m.sha256
       LEFT JOIN blob_text t ON m.kind = 'statement' AND t.sha256 = m.sha256
       WHERE m.deleted_at IS NULL ORDER BY c.removed, c.position, m.position`,
    )
    .all() as MaterialRow[];
  return rows.map((r) => ({
    id: r.id,
    criterionCode: r.code,
    kind: r.kind,
    title: r.title,
    fileName: r.file_name,
    caption: r.caption === null ? null : (JSON.parse(r.caption) as Caption),
    eventDate: r.event_date,
    sha256: r.sha256,
    bytes: r.bytes,
    facts: r.facts === null ? { mime: 'application/octet-stream' } : (JSON.parse(r.facts) as CheckFacts),
    text: r.text,
  }));
}
