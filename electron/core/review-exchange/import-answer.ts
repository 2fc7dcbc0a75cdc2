import { createHash } from 'node:crypto';
import { REVIEW_LEVELS } from '@shared/domain/signoff';
import { AppError } from '@shared/ipc/errors';
import { REVIEW_ANSWER_FORMAT, ReviewAnswer, ReviewedContentSchema } from '@shared/schemas/review-exchange';
import { listCriteria } from '../catalog/criteria-repo';
import { liveMaterials } from '../materials/live-materials';
import { appendAudit } from '../workspace/audit';
import type { Workspace } from '../workspace/workspace';
import { canonicalJson, type JsonValue } from '../signoff/canonical-json';
import { contentSha256s } from '../signoff/content';
import { verifyReview } from '../signoff/review';
import { allReviews, insertReviews, lastChangedAt } from '../signoff/reviews-repo';
import { listSignerRows } from '../signoff/signers-repo';
import { readExchangeFile } from './exchange-files';

export interface AnswerImport {
  /** Reviews newly recorded (one already on record, the same signature, is not recorded twice). */
  recorded: number;
  /** Criteria whose content is still what the leader signed: the review counts now. */
  current: string[];
  /** Criteria changed since the 送审包 was made: recorded, and shown 已失效 like any approval overtaken. */
  stale: string[];
}

const ANSWER = '审核结果';

/**
 * Imports a leader's 审核结果. The whole file is checked before anything is recorded, and refused whole
 * (`input-refused`) if any review fails: the key must be one of this workspace's active signers (an unknown key
 * is refused), at that signer's level; every signature must verify for this unit's id (a review copied from another
 * unit does not); each review's content must hash to its `contentSha256` and be of its criterion, a leaf here.
 * Then every review is recorded (append-only, logged) and reported current or stale against the workspace now.
 */
export async function importAnswer(ws: Workspace, path: string, now: Date): Promise<AnswerImport> {
  const answer = await readExchangeFile(path, REVIEW_ANSWER_FORMAT, ReviewAnswer, ANSWER);
  const db = ws.db;
  const settings = ws.settings();
  const refuse = (message: string, details: string): never => {
    throw new AppError('input-refused', `${message}未记录任何审核。`, `${path}: ${details}`);
  };
  if (answer.unit.id !== settings.unitId)
    refuse(`这个审核结果是“${answer.unit.name}”的，不是本单位的。`, `unit ${answer.unit.id} != ${settings.unitId}`);
  const signer = listSignerRows(db).find((s) => s.fingerprint === answer.signer.fingerprint);
  if (!signer || signer.publicKey !== answer.signer.publicKey)
    return refuse(
      `签批密钥“${answer.signer.name}”不是本工作区的审核人，无法确认是谁签的。请先在“设置 → 审核人”中导入其密钥。`,
      `unknown key ${answer.signer.fingerprint}`,
    );
  if (signer.retiredAt !== null) refuse(`审核人“${signer.name}”已停用。`, `signer ${signer.fingerprint} retired`);
  if (answer.signer.level !== signer.level)
    refuse(`审核结果中的审核层级与本工作区记录的“${signer.name}”不一致。`, `level ${answer.signer.level}`);
  const leaves = listCriteria(db).filter((c) => c.leaf && !c.removed);
  const codes = answer.reviews.map((r) => r.criterionCode);
  const unknown = codes.filter((code) => !leaves.some((c) => c.code === code));
  if (unknown.length > 0) refuse(`本工作区没有这些末级标准：${unknown.join('、')}。`, `unknown ${unknown}`);
  for (const r of answer.reviews) {
    if (r.level !== signer.level || r.fingerprint !== signer.fingerprint)
      refuse(`标准 ${r.criterionCode} 的审核不是由该审核人以${REVIEW_LEVELS[signer.level]}身份签的。`, `level/key`);
    if (!verifyReview({ ...r, unitId: settings.unitId }, r.signature, signer.publicKey))
      refuse(`标准 ${r.criterionCode} 的签名无效（文件被改动，或不是为本单位签的）。`, `signature ${r.criterionCode}`);
    if (!contentMatches(r.content, r.criterionCode, r.contentSha256))
      refuse(`标准 ${r.criterionCode} 的审核内容与其摘要不符。`, `content ${r.criterionCode}`);
  }
  // A review of the content now, dated before that content took its form, would never count (a clock set back, or
  // the leader's PC's clock behind the officer's): refused with what to do, rather than recorded as invalid.
  const wanted = leaves.filter((c) => codes.includes(c.code));
  const live = liveMaterials(db);
  const shas = contentSha256s(wanted, live);
  const isCurrent = (r: { criterionCode: string; contentSha256: string }) =>
    shas.get(r.criterionCode) === r.contentSha256;
  const changed = lastChangedAt(
    db,
    live.filter((m) => codes.includes(m.criterionCode)).map((m) => m.id),
  );
  const early = answer.reviews.filter((r) => {
    if (!isCurrent(r)) return false;
    const formed = Math.max(
      0,
      ...live.filter((m) => m.criterionCode === r.criterionCode).map((m) => changed.get(m.id) ?? 0),
    );
    return Date.parse(r.at) < formed;
  });
  if (early.length > 0)
    refuse(
      `标准 ${early.map((r) => r.criterionCode).join('、')} 的签批时间早于材料最后修改的时间，` +
        '可能是领导电脑的时间不准。请校正领导电脑的时间后重新签批。',
      `reviews dated before their content: ${early.map((r) => `${r.criterionCode}@${r.at}`).join(', ')}`,
    );
  const known = new Set(allReviews(db).map((r) => r.signature));
  const fresh = answer.reviews.filter((r) => !known.has(r.signature));
  db.transaction(() => {
    insertReviews(
      db,
      fresh.map((r) => ({
        criterionCode: r.criterionCode,
        level: r.level,
        decision: r.decision,
        comment: r.comment,
        signer: signer.name,
        fingerprint: r.fingerprint,
        at: r.at,
        contentSha256: r.contentSha256,
        content: r.content,
        signature: r.signature,
        recordedAt: now.toISOString(),
      })),
      now,
    );
    appendAudit(db, now, 'review.importAnswer', {
      requestId: answer.requestId,
      fingerprint: signer.fingerprint,
      codes,
      recorded: fresh.length,
    });
  })();
  return {
    recorded: fresh.length,
    current: answer.reviews.filter(isCurrent).map((r) => r.criterionCode),
    stale: answer.reviews.filter((r) => !isCurrent(r)).map((r) => r.criterionCode),
  };
}

/** The content a review carries is canonical JSON of its criterion's content, hashing to `contentSha256`. */
function contentMatches(content: string, code: string, sha: string): boolean {
  if (createHash('sha256').update(content, 'utf8').digest('hex') !== sha) return false;
  try {
    const parsed = ReviewedContentSchema.safeParse(JSON.parse(content));
    return (
      parsed.success &&
      parsed.data.criterionCode === code &&
      canonicalJson(parsed.data as JsonValue).toString('utf8') === content
    );
  } catch {
    return false;
  }
}
