import { z } from 'zod';
import { REVIEW_DECISIONS, REVIEW_LEVELS, type ReviewDecision, type ReviewLevel } from '../domain/signoff';

/**
 * The sign-off JSON that crosses machines, with PACKAGE-FORMAT.md's field names: the manifest's `signers`,
 * `reviews` and `audit`, `manifest.sig`, and the sealed signing key (the DB row and the exported key file).
 * Objects are loose where the package format may add fields; the sealed key is ours alone and strict.
 */

/** Lowercase hex SHA-256: every hash and fingerprint. */
export const HexSha256 = z.string().regex(/^[0-9a-f]{64}$/u);
/** Standard base64 with padding: every key and signature. */
export const Base64 = z
  .string()
  .min(4)
  .regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/u);
/** ISO 8601 with its offset (`2025-06-03T09:12:00+08:00`): when a review was made, as the signer's clock read. */
export const OffsetTimestamp = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/u);

export const ReviewLevelSchema = z.enum(Object.keys(REVIEW_LEVELS) as [ReviewLevel, ...ReviewLevel[]]);
export const ReviewDecisionSchema = z.enum(Object.keys(REVIEW_DECISIONS) as [ReviewDecision, ...ReviewDecision[]]);

/** `manifest.signers[]`: every key that signed a review or `manifest.sig` in the package. */
export const Signer = z.looseObject({
  name: z.string().min(1),
  level: ReviewLevelSchema,
  publicKey: Base64,
  fingerprint: HexSha256,
});
export type Signer = z.infer<typeof Signer>;

/** `manifest.reviews[]`: per criterion and level, the latest review. */
export const Review = z.looseObject({
  criterionCode: z.string().min(1),
  level: ReviewLevelSchema,
  decision: ReviewDecisionSchema,
  comment: z.string(),
  signer: z.string().min(1),
  fingerprint: HexSha256,
  at: OffsetTimestamp,
  contentSha256: HexSha256,
  signature: Base64,
});
export type Review = z.infer<typeof Review>;

export const REVIEW_FORMAT = 'wangbao-review';

/**
 * What a review's `signature` signs, as canonical JSON: the review with its unit, so a review copied into another
 * unit's package does not verify. Strict: one more or one fewer member would be other bytes.
 */
export const ReviewStatement = z.strictObject({
  format: z.literal(REVIEW_FORMAT),
  formatVersion: z.literal(1),
  unitId: z.string().min(1),
  criterionCode: z.string().min(1),
  level: ReviewLevelSchema,
  decision: ReviewDecisionSchema,
  comment: z.string(),
  at: OffsetTimestamp,
  contentSha256: HexSha256,
  fingerprint: HexSha256,
});
export type ReviewStatement = z.infer<typeof ReviewStatement>;

/** `manifest.audit`: the length of the workspace's hash-chained log and the hash of its last row. */
export const Audit = z.looseObject({ rows: z.number().int().min(0), headSha256: HexSha256 });
export type Audit = z.infer<typeof Audit>;

/** `manifest.sig`: Ed25519 over the exact bytes of manifest.json. */
export const ManifestSig = z.looseObject({
  alg: z.literal('Ed25519'),
  publicKey: Base64,
  fingerprint: HexSha256,
  signer: z.looseObject({ name: z.string().min(1), level: ReviewLevelSchema }),
  signature: Base64,
});
export type ManifestSig = z.infer<typeof ManifestSig>;

export const SEALED_KEY_FORMAT = 'wangbao-signing-key';

/**
 * The scrypt cost a key was sealed with, kept in the record so it can be raised later without breaking old keys.
 * The bounds refuse a key file whose parameters would exhaust memory (128·N·r bytes: at most 512 MiB, four times
 * today's cost) or time before the 口令 is even tried.
 */
export const ScryptParams = z
  .strictObject({
    alg: z.literal('scrypt'),
    N: z
      .number()
      .int()
      .min(2 ** 14)
      .max(2 ** 20)
      .refine((n) => (n & (n - 1)) === 0, 'N must be a power of 2'),
    r: z.number().int().min(1).max(16),
    p: z.number().int().min(1).max(4),
    salt: Base64,
  })
  .refine((k) => 128 * k.N * k.r <= 2 ** 29, 'scrypt would need more than 512 MiB');
export type ScryptParams = z.infer<typeof ScryptParams>;

/**
 * A signer's Ed25519 private key sealed under their 口令 (scrypt, then AES-256-GCM): stored in the workspace and
 * exported as the key file (导出密钥). The public half is in clear so a key can be listed without its 口令.
 */
export const SealedKey = z.strictObject({
  format: z.literal(SEALED_KEY_FORMAT),
  formatVersion: z.literal(1),
  alg: z.literal('Ed25519'),
  publicKey: Base64,
  fingerprint: HexSha256,
  kdf: ScryptParams,
  cipher: z.literal('aes-256-gcm'),
  iv: Base64,
  tag: Base64,
  ciphertext: Base64,
});
export type SealedKey = z.infer<typeof SealedKey>;
