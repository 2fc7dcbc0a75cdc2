import { sign, type KeyObject } from 'node:crypto';
import { reviewCommentProblem, SIGNOFF_MESSAGES } from '@shared/domain/signoff';
import { AppError } from '@shared/ipc/errors';
import { REVIEW_FORMAT, ReviewStatement } from '@shared/schemas/signoff';
import { canonicalJson } from './canonical-json';
import { fingerprintOf, publicKeyInfo, readPublicKey, verifySignature, verifySignatureAsync } from './public-keys';

/**
 * A review's signature (PACKAGE-FORMAT.md, "A review"): Ed25519 over the canonical JSON of the review statement.
 * The statement binds the unit, the criterion, the level, the decision and comment, the time, the content the
 * leader saw (`contentSha256`) and the signing key's fingerprint; change any of them and the signature fails.
 */

/** The fields a review signs besides its format marker. A manifest review plus `unitId` has them all. */
export type ReviewFields = Omit<ReviewStatement, 'format' | 'formatVersion'>;

/**
 * The statement's exact bytes. The fields are picked one by one, so a manifest review (which also carries `signer`
 * and `signature`) can be passed as it is.
 */
export function reviewStatementBytes(f: ReviewFields): Buffer {
  return canonicalJson(statementOf(f));
}

/**
 * Signs a review with an unlocked key; the signature as base64. Refuses (`input-refused`) a return without a
 * comment or an approval with one, and (`internal`) fields of the wrong shape or a fingerprint not the key's:
 * those are mistakes of the caller, and a signature over them would never verify.
 */
export function signReview(fields: ReviewFields, privateKey: KeyObject): string {
  const problem = reviewCommentProblem(fields.decision, fields.comment);
  if (problem) throw new AppError('input-refused', problem, `review ${fields.decision} comment`);
  const statement = statementOf(fields);
  const checked = ReviewStatement.safeParse(statement);
  if (!checked.success) throw new AppError('internal', SIGNOFF_MESSAGES.reviewIncomplete, checked.error.message);
  if (publicKeyInfo(privateKey).fingerprint !== fields.fingerprint)
    throw new AppError('internal', SIGNOFF_MESSAGES.keyNotSigner, 'fingerprint is not the key’s');
  // The statement as built (members in canonical order), now known to be well formed.
  return sign(null, canonicalJson(statement), privateKey).toString('base64');
}

/**
 * Whether `signatureBase64` is the signature of `fields` by the key `publicKeyBase64`, and that key is the one the
 * statement names. Never throws: it reads packages from anywhere, and anything malformed is simply not valid.
 */
export function verifyReview(fields: ReviewFields, signatureBase64: string, publicKeyBase64: string): boolean {
  const signed = signedBytes(fields, publicKeyBase64);
  return signed !== null && verifySignature(signed.bytes, signed.key, signatureBase64);
}

/** `verifyReview` with the signature checked in libuv's threadpool (`verifySignatureAsync`). Never rejects. */
export async function verifyReviewAsync(
  fields: ReviewFields,
  signatureBase64: string,
  publicKeyBase64: string,
): Promise<boolean> {
  const signed = signedBytes(fields, publicKeyBase64);
  return signed !== null && verifySignatureAsync(signed.bytes, signed.key, signatureBase64);
}

/** The statement's bytes and the key that must have signed them; null when either is not well formed. */
function signedBytes(fields: ReviewFields, publicKeyBase64: string): { bytes: Buffer; key: KeyObject } | null {
  try {
    const statement = statementOf(fields);
    const checked = ReviewStatement.safeParse(statement);
    if (!checked.success || reviewCommentProblem(statement.decision, statement.comment)) return null;
    const key = readPublicKey(publicKeyBase64);
    if (!key || fingerprintOf(publicKeyBase64) !== statement.fingerprint) return null;
    return { bytes: canonicalJson(statement), key };
  } catch {
    return null;
  }
}

/** The statement, its members in canonical (sorted) order so canonicalJson writes it with JSON.stringify alone. */
function statementOf(f: ReviewFields): ReviewStatement {
  return {
    at: f.at,
    comment: f.comment,
    contentSha256: f.contentSha256,
    criterionCode: f.criterionCode,
    decision: f.decision,
    fingerprint: f.fingerprint,
    format: REVIEW_FORMAT,
    formatVersion: 1,
    level: f.level,
    unitId: f.unitId,
  };
}
