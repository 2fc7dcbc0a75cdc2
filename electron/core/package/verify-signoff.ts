import { problem, type VerifyProblem } from '@shared/domain/package/verify-problems';
import { MANIFEST_SIG_REASONS, REVIEW_LEVELS } from '@shared/domain/signoff';
import { Review } from '@shared/schemas/signoff';
import type { Manifest } from '@shared/schemas/package-manifest';
import type { ReviewCheck } from '../signoff/check-reviews';
import { checkManifestSig } from '../signoff/manifest-sig';

type Add = (p: VerifyProblem) => void;

/** `manifest.sig` as read from the zip: absent, unreadable (why), or its bytes. */
export type SigRead = null | { ok: false; reason: string } | { ok: true; bytes: Buffer };

/**
 * The sign-off checks of PACKAGE-FORMAT.md with the package alone: `manifest.sig` by a listed 主要负责同志 over the
 * exact manifest bytes; every review's signature (by a listed key, for this unit) and whether it still matches the
 * criterion's content recomputed from the manifest; and for a final package, a current approval at both levels of
 * every criterion that is not `not-applicable`. A package made before sign-off (no `signers`) keeps its missing
 * signature and approvals as warnings. `reviews`: `checkReviewSignatures` of the manifest (started by the caller
 * before the files are read, so the signatures are verified meanwhile).
 */
export function checkSignoff(
  manifest: Manifest,
  manifestBytes: Buffer,
  sig: SigRead,
  reviews: ReviewCheck[],
  add: Add,
): void {
  const strict = manifest.kind === 'final' && manifest.signers !== undefined;
  const finalSeverity = manifest.kind === 'final' ? 'error' : 'warning';
  if (sig === null) add(problem('signature-missing', 'manifest.sig', undefined, strict ? 'error' : 'warning'));
  else if (!sig.ok) add(problem('signature-invalid', 'manifest.sig', `（${sig.reason}）`));
  else {
    const checked = checkManifestSig(manifestBytes, sig.bytes, manifest.signers);
    if (!checked.ok) add(problem('signature-invalid', 'manifest.sig', `（${MANIFEST_SIG_REASONS[checked.reason]}）`));
  }

  for (const r of reviews) {
    const which = `（${r.criterionCode ?? '?'} ${r.level && r.level in REVIEW_LEVELS ? REVIEW_LEVELS[r.level as keyof typeof REVIEW_LEVELS] : '?'}）`;
    if (!r.valid) add(problem('review-signature-invalid', null, which));
    else if (!r.current) add(problem('review-stale', null, which, finalSeverity));
  }
  if (!strict) return;

  // Approvals that count: valid and of the content now, at both levels (both current: the same content).
  const valid = new Set(reviews.filter((r) => r.valid && r.current).map((r) => r.index));
  const approved = { leader: new Set<string>(), principal: new Set<string>() };
  const raw: unknown[] = manifest.reviews;
  raw.forEach((entry, i) => {
    const r = valid.has(i) ? Review.safeParse(entry) : null;
    if (r?.success && r.data.decision === 'approve') approved[r.data.level].add(r.data.criterionCode);
  });
  for (const c of manifest.criteria)
    if (c.status !== 'not-applicable' && !(approved.leader.has(c.code) && approved.principal.has(c.code)))
      add(problem('review-missing', null, `（${c.code} ${c.title}）`));
}
