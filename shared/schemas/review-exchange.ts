import { z } from 'zod';
import {
  Base64,
  HexSha256,
  OffsetTimestamp,
  ReviewDecisionSchema,
  ReviewLevelSchema,
  SealedKey,
  Signer,
  Review,
} from './signoff';

/**
 * The three files of 送审 (a leader reviewing on another PC), as REVIEW-EXCHANGE-FORMAT.md beside this file says:
 * the signer's key file (导出密钥), the review request (送审包's `review-request.json`) and the answer (审核结果).
 * They cross machines and app versions: fields may be added to a version, never renamed, so the objects let
 * unknown fields through; the sealed key inside a key file is ours alone and stays strict.
 */

export const KEY_FILE_FORMAT = 'wangbao-signer-key';
export const REVIEW_REQUEST_FORMAT = 'wangbao-review-request';
export const REVIEW_ANSWER_FORMAT = 'wangbao-review-answer';

/** The file names' endings and the request's name inside its zip. */
export const KEY_FILE_EXTENSION = 'wbkey';
export const REVIEW_REQUEST_ENTRY = 'review-request.json';

/** Just enough to tell a newer version of a file from a broken one (`formatVersion` above 1: 版本较新). */
export const ExchangeHead = z.looseObject({ format: z.string(), formatVersion: z.number().int() });

const Unit = z.looseObject({ id: z.string().min(1).max(200), name: z.string().min(1).max(200) });
const Name = z.string().trim().min(1).max(50);

/** `{姓名}_签批密钥.wbkey`: a signer's key, the private half sealed under their 口令 (never in clear). */
export const SignerKeyFile = z.looseObject({
  format: z.literal(KEY_FILE_FORMAT),
  formatVersion: z.literal(1),
  name: Name,
  level: ReviewLevelSchema,
  unit: Unit,
  publicKey: Base64,
  fingerprint: HexSha256,
  sealed: SealedKey,
});
export type SignerKeyFile = z.infer<typeof SignerKeyFile>;

/** A path inside the 送审包: relative, forward slashes, no `..` (the zip reader also refuses unsafe names). */
const EntryPath = z
  .string()
  .min(1)
  .max(400)
  .refine((p) => !p.startsWith('/') && !p.includes('\\') && !p.split('/').includes('..'), 'unsafe path');

/** A material of the request: the content fields a review covers, plus where its bytes are in the zip. */
export const RequestMaterial = z.looseObject({
  id: z.string().min(1).max(200),
  criterionCode: z.string().min(1).max(100),
  kind: z.string().min(1).max(50),
  title: z.string().max(1_000),
  caption: z.looseObject({ text: z.string().max(10_000) }).nullable(),
  eventDate: z.string().max(20).nullable(),
  month: z.string().max(20).nullable(),
  sha256: HexSha256,
  bytes: z.number().int().min(0),
  path: EntryPath,
});
export type RequestMaterial = z.infer<typeof RequestMaterial>;

/** For a principal request: the leader's current approval, as in a manifest's `reviews[]`, with the key it names. */
export const LeaderReview = Review.extend({ publicKey: Base64 });
export type LeaderReview = z.infer<typeof LeaderReview>;

export const RequestCriterion = z.looseObject({
  code: z.string().min(1).max(100),
  title: z.string().max(1_000),
  text: z.string().max(20_000),
  requirements: z.array(z.string().max(5_000)).max(50),
  points: z.number().nullable(),
  declaration: z.looseObject({ statement: z.string().max(20_000) }).nullable(),
  contentSha256: HexSha256,
  leaderReview: LeaderReview.nullable(),
});
export type RequestCriterion = z.infer<typeof RequestCriterion>;

/** `review-request.json`, at the root of a 送审包. */
export const ReviewRequest = z.looseObject({
  format: z.literal(REVIEW_REQUEST_FORMAT),
  formatVersion: z.literal(1),
  id: z.string().uuid(),
  createdAt: OffsetTimestamp,
  unit: Unit,
  year: z.number().int(),
  level: ReviewLevelSchema,
  criteria: z.array(RequestCriterion).min(1).max(10_000),
  materials: z.array(RequestMaterial).max(50_000),
});
export type ReviewRequest = z.infer<typeof ReviewRequest>;

/** One signed review of an answer, with the canonical JSON its `contentSha256` hashes (what the leader saw). */
export const AnswerReview = z.looseObject({
  criterionCode: z.string().min(1).max(100),
  level: ReviewLevelSchema,
  decision: ReviewDecisionSchema,
  comment: z.string().max(2_000),
  at: OffsetTimestamp,
  contentSha256: HexSha256,
  fingerprint: HexSha256,
  signature: Base64,
  content: z.string().max(10 * 2 ** 20),
});
export type AnswerReview = z.infer<typeof AnswerReview>;

/** `审核结果_{unit}_{姓名}_{YYYYMMDDHHmm}.json`: what the leader signed, carried back to the officer. */
export const ReviewAnswer = z.looseObject({
  format: z.literal(REVIEW_ANSWER_FORMAT),
  formatVersion: z.literal(1),
  requestId: z.string().uuid(),
  unit: Unit,
  signer: Signer,
  createdAt: OffsetTimestamp,
  reviews: z.array(AnswerReview).min(1).max(10_000),
});
export type ReviewAnswer = z.infer<typeof ReviewAnswer>;

/** A criterion's content as a review covers it (PACKAGE-FORMAT.md "A criterion's content"), strict: it is hashed. */
export const ReviewedContentSchema = z.strictObject({
  criterionCode: z.string().min(1),
  declaration: z.string().nullable(),
  materials: z.array(
    z.strictObject({
      id: z.string(),
      kind: z.string(),
      title: z.string(),
      captionText: z.string().nullable(),
      eventDate: z.string().nullable(),
      month: z.string().nullable(),
      sha256: HexSha256,
    }),
  ),
});
