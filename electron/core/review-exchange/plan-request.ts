import { randomUUID } from 'node:crypto';
import { normalizeCode } from '@shared/domain/codes';
import { extensionOf, planPackagePaths } from '@shared/domain/naming/package-paths';
import { localIsoTimestamp } from '@shared/domain/period';
import { REVIEW_LEVELS, type ReviewLevel } from '@shared/domain/signoff';
import { AppError } from '@shared/ipc/errors';
import { REVIEW_REQUEST_FORMAT, ReviewRequest, type LeaderReview } from '@shared/schemas/review-exchange';
import { listCriteria } from '../catalog/criteria-repo';
import { listMaterials } from '../materials/materials-repo';
import { liveMaterials } from '../materials/live-materials';
import type { Workspace } from '../workspace/workspace';
import { manifestReview } from '../signoff/package-signoff';
import { leafReviews } from '../signoff/review-states';
import { publicKeys } from '../signoff/signers-repo';

/** What a 送审包 holds: the request and, per material, the blob its bytes are read from. */
export interface RequestPlan {
  request: ReviewRequest;
  files: { path: string; blob: string; bytes: number; store: boolean }[];
}

/** Content types already compressed: stored in the zip as they are (as in a package). */
const STORED = /^(image\/(jpeg|png)|application\/pdf|video\/.*)$/u;

/**
 * Decides what a 送审包 for `codes` at `level` holds, from the workspace now: each criterion's standard, its
 * declaration, its `contentSha256` (hashed exactly as `leafReviews` hashes it for a decision made here) and, for the
 * 主要负责同志, the 分管领导's current approval with its key; the materials at their package paths. Refused: an
 * unknown code, a criterion with nothing to approve, a principal request before the leader's current approval.
 */
export function planReviewRequest(ws: Workspace, given: string[], level: ReviewLevel, now: Date): RequestPlan {
  const db = ws.db;
  const settings = ws.settings();
  const leaves = listCriteria(db).filter((c) => c.leaf && !c.removed);
  const codes = [...new Set(given.map(normalizeCode))];
  const unknown = codes.filter((code) => !leaves.some((c) => c.code === code));
  if (unknown.length > 0)
    throw new AppError(
      'unknown-criterion',
      `找不到这些末级测评标准：${unknown.join('、')}`,
      `review request: unknown leaf codes ${unknown.join(', ')}`,
    );
  const wanted = leaves.filter((c) => codes.includes(c.code));
  const states = leafReviews(db, settings.unitId, wanted, liveMaterials(db));
  const empty = codes.filter((code) => {
    const c = states.get(code)!.content;
    return c.materials.length === 0 && c.declaration === null;
  });
  if (empty.length > 0)
    throw new AppError('input-refused', `这些标准还没有材料，无需送审：${empty.join('、')}`, `empty ${empty}`);
  const keys = publicKeys(db);
  const leaderReviews = new Map<string, LeaderReview>();
  if (level === 'principal') {
    for (const code of codes) {
      const s = states.get(code)!;
      const r = s.latest.leader;
      if (r?.decision === 'approve' && r.contentSha256 === s.contentSha256)
        leaderReviews.set(code, { ...manifestReview(r), publicKey: keys.get(r.fingerprint)!.publicKey });
    }
    const early = codes.filter((code) => !leaderReviews.has(code));
    if (early.length > 0)
      throw new AppError(
        'input-refused',
        `以下标准的当前材料还没有经${REVIEW_LEVELS.leader}审改通过，不能送${REVIEW_LEVELS.principal}审阅把关：${early.join('、')}`,
        `principal request before leader approval: ${early.join(', ')}`,
      );
  }
  const materials = listMaterials(db).filter((m) => codes.includes(m.criterionCode));
  const titles = new Map(wanted.map((c) => [c.code, c.title]));
  const paths = planPackagePaths(
    materials.map((m) => ({
      id: m.id,
      criterionCode: m.criterionCode,
      criterionTitle: titles.get(m.criterionCode) ?? '',
      title: m.title,
      ext: extensionOf(m.fileName, String(m.facts.mime ?? '')),
    })),
  );
  const request = ReviewRequest.parse({
    format: REVIEW_REQUEST_FORMAT,
    formatVersion: 1,
    id: randomUUID(),
    createdAt: localIsoTimestamp(now),
    unit: { id: settings.unitId, name: settings.unit.name },
    year: settings.year,
    level,
    criteria: wanted.map((c) => ({
      code: c.code,
      title: c.title,
      text: c.text,
      requirements: c.requirements.map((r) => r.text),
      points: c.points,
      declaration: c.declaration ? { statement: c.declaration.statement } : null,
      contentSha256: states.get(c.code)!.contentSha256,
      leaderReview: leaderReviews.get(c.code) ?? null,
    })),
    materials: materials.map((m) => ({
      id: m.id,
      criterionCode: m.criterionCode,
      kind: m.kind,
      title: m.title,
      caption: m.caption ? { text: m.caption.text } : null,
      eventDate: m.eventDate,
      month: m.month,
      sha256: m.sha256,
      bytes: m.bytes,
      path: paths.get(m.id)!.path,
    })),
  });
  return {
    request,
    files: materials.map((m) => ({
      path: paths.get(m.id)!.path,
      blob: ws.store.path(m.sha256),
      bytes: m.bytes,
      store: STORED.test(String(m.facts.mime ?? '')),
    })),
  };
}
