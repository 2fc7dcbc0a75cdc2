import { waitsFor } from '@shared/domain/review-state';
import type { ReviewLevel } from '@shared/domain/signoff';
import type { Criterion, SignerInfo } from '@shared/ipc/types';

/** Materials attached to a criterion, all kinds together. */
export function materialCount(c: Criterion): number {
  return Object.values(c.counts).reduce((a, n) => a + (n ?? 0), 0);
}

/**
 * Whether the leaders review a criterion: a leaf of the current catalog with materials, not declared 不属本单位职责
 * (the 体检's review rules ask the same of it).
 */
export function isReviewable(c: Criterion): boolean {
  return c.leaf && !c.removed && c.declaration === null && c.reviewState !== null && materialCount(c) > 0;
}

/** The criteria waiting for `level` now, in catalog order. */
export function reviewQueue(criteria: Criterion[], level: ReviewLevel): Criterion[] {
  return criteria.filter((c) => isReviewable(c) && waitsFor(level, c.reviewState!.status));
}

/** How many wait for each level, and how many are approved at both. */
export function reviewCounts(criteria: Criterion[]): { leader: number; principal: number; approved: number } {
  const out = { leader: 0, principal: 0, approved: 0 };
  for (const c of criteria) {
    if (!isReviewable(c)) continue;
    const s = c.reviewState!.status;
    if (s === 'approved') out.approved++;
    else if (waitsFor('leader', s)) out.leader++;
    else if (waitsFor('principal', s)) out.principal++;
  }
  return out;
}

/** Signers who can sign on this computer now: not retired, their key here. */
export function signersHere(signers: SignerInfo[], level?: ReviewLevel): SignerInfo[] {
  return signers.filter((s) => !s.retired && s.keyHere && (level === undefined || s.level === level));
}
