import { normalizeCode } from '@shared/domain/codes';
import { localIsoTimestamp } from '@shared/domain/period';
import { REVIEW_LEVELS, reviewCommentProblem, type ReviewDecision } from '@shared/domain/signoff';
import { AppError } from '@shared/ipc/errors';
import {
  REVIEW_ANSWER_FORMAT,
  ReviewAnswer,
  type AnswerReview,
  type SignerKeyFile,
} from '@shared/schemas/review-exchange';
import { canonicalJson } from '../signoff/canonical-json';
import { criterionContent, contentSha256 } from '../signoff/content';
import { unlockSigningKey } from '../signoff/keys';
import { signReview } from '../signoff/review';
import type { OpenedRequest } from './open-request';

/**
 * The leader's side of 送审 (no workspace open): the opened 送审包, the key file chosen, and the reviews signed so
 * far (one per criterion, the latest decision), kept in the session until they are saved as the 审核结果.
 */
export interface LeaderSession {
  opened: OpenedRequest;
  key: SignerKeyFile | null;
  signed: Map<string, AnswerReview>;
  /** Thumbnails made from the zip's entries, by material id (made once per session). */
  thumbs: Map<string, string>;
}

/** Refuses a key file that cannot sign this request: another unit's, or the other level's. */
export function checkKeyFits(opened: OpenedRequest, key: SignerKeyFile): void {
  const r = opened.request;
  if (key.unit.id !== r.unit.id)
    throw new AppError(
      'input-refused',
      `这个密钥属于“${key.unit.name}”，不能审核“${r.unit.name}”的送审包。`,
      `key unit ${key.unit.id} != request unit ${r.unit.id}`,
    );
  if (key.level !== r.level)
    throw new AppError(
      'input-refused',
      `这个送审包请${REVIEW_LEVELS[r.level]}审核；所选密钥是${REVIEW_LEVELS[key.level]}“${key.name}”的。`,
      `key level ${key.level} != request level ${r.level}`,
    );
}

/**
 * Signs a decision on criteria of the request with the key file, unlocked by its 口令 (wrong: `passphrase-wrong`);
 * each statement names the request's unit, the content recomputed from the request (checked at open) and the time
 * now with its offset. Kept in the session; a later decision on a criterion replaces the earlier one.
 */
export async function signRequest(
  s: LeaderSession,
  key: SignerKeyFile,
  d: { codes: string[]; decision: ReviewDecision; comment: string; passphrase: string },
  now: Date,
): Promise<AnswerReview[]> {
  checkKeyFits(s.opened, key);
  const request = s.opened.request;
  const codes = [...new Set(d.codes.map(normalizeCode))];
  const unknown = codes.filter((code) => !request.criteria.some((c) => c.code === code));
  if (unknown.length > 0)
    throw new AppError(
      'unknown-criterion',
      `送审包中没有这些标准：${unknown.join('、')}`,
      `not in request: ${unknown}`,
    );
  const comment = d.decision === 'approve' ? d.comment.trim() : d.comment;
  const problem = reviewCommentProblem(d.decision, comment);
  if (problem) throw new AppError('input-refused', problem, `review ${d.decision}: comment`);
  const privateKey = await unlockSigningKey(key.sealed, d.passphrase);
  const at = localIsoTimestamp(now);
  const out = codes.map((code) => {
    const criterion = request.criteria.find((c) => c.code === code)!;
    const content = criterionContent(criterion, request.materials);
    const fields = {
      unitId: request.unit.id,
      criterionCode: code,
      level: key.level,
      decision: d.decision,
      comment,
      at,
      contentSha256: contentSha256(content),
      fingerprint: key.fingerprint,
    };
    return {
      criterionCode: code,
      level: fields.level,
      decision: fields.decision,
      comment,
      at,
      contentSha256: fields.contentSha256,
      fingerprint: fields.fingerprint,
      signature: signReview(fields, privateKey),
      content: canonicalJson(content).toString('utf8'),
    };
  });
  for (const r of out) s.signed.set(r.criterionCode, r);
  return out;
}

/** The 审核结果 of what was signed, in the request's order of criteria. */
export function answerOf(s: LeaderSession, now: Date): ReviewAnswer {
  const key = s.key;
  if (!key || s.signed.size === 0)
    throw new AppError('input-refused', '还没有签批任何标准，没有可保存的审核结果。', 'nothing signed');
  const request = s.opened.request;
  return ReviewAnswer.parse({
    format: REVIEW_ANSWER_FORMAT,
    formatVersion: 1,
    requestId: request.id,
    unit: request.unit,
    signer: { name: key.name, level: key.level, publicKey: key.publicKey, fingerprint: key.fingerprint },
    createdAt: localIsoTimestamp(now),
    reviews: request.criteria
      .flatMap((c) => s.signed.get(c.code) ?? [])
      .filter((r) => r.fingerprint === key.fingerprint),
  });
}
