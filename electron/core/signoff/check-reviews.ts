import { Review } from '@shared/schemas/signoff';
import { contentSha256s, type ContentCriterion, type ContentMaterial } from './content';
import { listedSigners } from './manifest-sig';
import { inLanes } from '../lanes';
import { verifyReviewAsync } from './review';

/** What `checkReviewSignatures` reads of a manifest: `signers` and `reviews` as they came (anything). */
export interface ReviewedManifest {
  unit: { id: string };
  criteria: readonly ContentCriterion[];
  materials: readonly ContentMaterial[];
  signers?: unknown;
  reviews?: unknown;
}

/** One review of a manifest, checked. */
export interface ReviewCheck {
  /** Its index in `reviews`. */
  index: number;
  /** As the review says (null when the entry is unreadable). */
  criterionCode: string | null;
  level: string | null;
  /** `signers` has its key (by fingerprint) under the review's `signer` name and `level`. */
  listed: boolean;
  /** Listed, and its signature verifies over the statement with this unit's id. */
  valid: boolean;
  /** Its `contentSha256` equals the criterion's content recomputed from this manifest (false: stale). */
  current: boolean;
}

/**
 * Checks every review of a manifest with the manifest alone (PACKAGE-FORMAT.md: `review-signature-invalid`,
 * `review-stale`). `unitId` defaults to the manifest's own `unit.id`; the office passes the id it has on record, so
 * a review signed for another unit — copied in, statement and all — fails. Never throws.
 */
export async function checkReviewSignatures(
  manifest: ReviewedManifest,
  unitId: string = manifest.unit.id,
): Promise<ReviewCheck[]> {
  const reviews: unknown[] = Array.isArray(manifest.reviews) ? manifest.reviews : [];
  const signers = listedSigners(manifest.signers);
  const parsed = reviews.map((r) => Review.safeParse(r));
  const codes = new Set(parsed.flatMap((p) => (p.success ? [p.data.criterionCode] : [])));
  const content = contentSha256s(
    manifest.criteria.filter((c) => codes.has(c.code)),
    manifest.materials,
  );
  // The signatures are verified in libuv's threadpool while the caller reads the package, two at a time: the
  // pool's other threads stay free for the package's file reads, which would otherwise queue behind 500 of them.
  return inLanes(
    parsed,
    async (p, index): Promise<ReviewCheck> => {
      if (!p.success) {
        const raw = reviews[index] as { criterionCode?: unknown; level?: unknown } | null;
        const text = (v: unknown) => (typeof v === 'string' ? v : null);
        return {
          index,
          criterionCode: text(raw?.criterionCode),
          level: text(raw?.level),
          listed: false,
          valid: false,
          current: false,
        };
      }
      const r = p.data;
      const signer = signers.find((s) => s.fingerprint === r.fingerprint && s.name === r.signer && s.level === r.level);
      return {
        index,
        criterionCode: r.criterionCode,
        level: r.level,
        listed: signer !== undefined,
        valid: signer !== undefined && (await verifyReviewAsync({ ...r, unitId }, r.signature, signer.publicKey)),
        current: content.get(r.criterionCode) === r.contentSha256,
      };
    },
    VERIFY_LANES,
  );
}

/** Signatures in the threadpool at once (libuv has four threads by default; the rest read the package). */
const VERIFY_LANES = 2;
