import type { KeyObject } from 'node:crypto';
import { normalizeCode } from '@shared/domain/codes';
import { localIsoTimestamp } from '@shared/domain/period';
import { REVIEW_LEVELS, reviewCommentProblem, type ReviewDecision } from '@shared/domain/signoff';
import { AppError } from '@shared/ipc/errors';
import type { ReviewResult } from '@shared/ipc/types';
import { listCriteria } from '../catalog/criteria-repo';
import { liveMaterials } from '../materials/live-materials';
import { lastAuditAt } from '../workspace/audit';
import type { Workspace } from '../workspace/workspace';
import { canonicalJson } from './canonical-json';
import { signReview, type ReviewFields } from './review';
import { leafReviews } from './review-states';
import { insertReviews } from './reviews-repo';
import { requireSigner, type SignerRow } from './signers-repo';
import { unlockSigner } from './unlock';

export interface Decision {
  codes: string[];
  decision: ReviewDecision;
  /** Required for a return; an approval's is `""`. */
  comment: string;
  /** The signer's name or fingerprint. */
  signer: string;
  passphrase: string;
}

/** What a decision will sign, once everything about it was found right: each statement and the content it covers. */
export interface PlannedDecision {
  signer: SignerRow;
  statements: { fields: ReviewFields; content: string }[];
}

/**
 * A leader's decision on criteria, each signed separately with one unlock of their key and recorded together (all
 * or none). Everything that can refuse it is checked before the 口令 is tried (`planDecision`), so a refused
 * decision costs no try.
 */
export async function decide(ws: Workspace, d: Decision, now: Date): Promise<ReviewResult[]> {
  const plan = planDecision(ws, d, now);
  const { key } = await unlockSigner(ws.db, plan.signer.fingerprint, d.passphrase, now);
  return recordDecision(ws, plan, key, now);
}

/**
 * Checks a decision and states what it will sign, at the signer's level: unknown codes (`unknown-criterion`), a
 * return without a comment, a clock behind the workspace's last change, an approval of nothing (no materials, no
 * declaration), a 主要负责同志's approval without the 分管领导's approval of the same content now.
 */
export function planDecision(ws: Workspace, d: Omit<Decision, 'passphrase'>, now: Date): PlannedDecision {
  const db = ws.db;
  const leaves = listCriteria(db).filter((c) => c.leaf);
  const codes = [...new Set(d.codes.map(normalizeCode))];
  const unknown = codes.filter((code) => !leaves.some((c) => c.code === code));
  if (unknown.length > 0)
    throw new AppError(
      'unknown-criterion',
      `找不到这些末级测评标准：${unknown.join('、')}`,
      `review: unknown leaf codes ${unknown.join(', ')}`,
    );
  const comment = d.decision === 'approve' ? d.comment.trim() : d.comment;
  const problem = reviewCommentProblem(d.decision, comment);
  if (problem) throw new AppError('input-refused', problem, `review ${d.decision}: comment`);
  const last = lastAuditAt(db);
  if (last !== null && now.getTime() < Date.parse(last))
    throw new AppError(
      'input-refused',
      '电脑的时间早于工作区最近一次修改的时间，签批时间将不可信。请先校正电脑时间。',
      `clock ${now.toISOString()} behind last audit row ${last}`,
    );
  const signer = requireSigner(db, d.signer);
  const wanted = leaves.filter((c) => codes.includes(c.code));
  const states = leafReviews(db, ws.settings().unitId, wanted, liveMaterials(db));
  if (d.decision === 'approve') {
    const empty = codes.filter((code) => {
      const c = states.get(code)!.content;
      return c.materials.length === 0 && c.declaration === null;
    });
    if (empty.length > 0)
      throw new AppError('input-refused', `这些标准还没有材料，无法审核通过：${empty.join('、')}`, `empty ${empty}`);
    if (signer.level === 'principal') {
      const early = codes.filter((code) => {
        const status = states.get(code)!.reviewState.status;
        return status !== 'leader-approved' && status !== 'approved';
      });
      if (early.length > 0)
        throw new AppError(
          'input-refused',
          `以下标准的当前材料还没有经${REVIEW_LEVELS.leader}审改通过，${REVIEW_LEVELS.principal}暂不能审阅把关：${early.join('、')}`,
          `principal approval before leader: ${early.join(', ')}`,
        );
    }
  }
  const at = localIsoTimestamp(now);
  const unitId = ws.settings().unitId;
  return {
    signer,
    statements: codes.map((code) => {
      const s = states.get(code)!;
      return {
        fields: {
          unitId,
          criterionCode: code,
          level: signer.level,
          decision: d.decision,
          comment,
          at,
          contentSha256: s.contentSha256,
          fingerprint: signer.fingerprint,
        },
        content: canonicalJson(s.content).toString('utf8'),
      };
    }),
  };
}

/** Signs each planned statement with the unlocked key and records them all in one transaction. */
export function recordDecision(ws: Workspace, plan: PlannedDecision, key: KeyObject, now: Date): ReviewResult[] {
  const rows = plan.statements.map(({ fields, content }) => ({
    ...fields,
    signer: plan.signer.name,
    content,
    signature: signReview(fields, key),
    recordedAt: now.toISOString(),
  }));
  insertReviews(ws.db, rows, now);
  return rows.map((r) => ({
    criterionCode: r.criterionCode,
    level: r.level,
    decision: r.decision,
    contentSha256: r.contentSha256,
  }));
}
