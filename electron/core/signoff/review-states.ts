import type Database from 'better-sqlite3';
import {
  contentChanges,
  reviewState,
  type CriterionReview,
  type ReviewedContent,
  type ReviewState,
} from '@shared/domain/review-state';
import type { ReviewLevel } from '@shared/domain/signoff';
import type { ContentCriterion, ContentMaterial } from './content';
import { contentSha256, criterionContent } from './content';
import { verifyReview } from './review';
import { allReviews, lastChangedAt, type StoredReview } from './reviews-repo';
import { publicKeys } from './signers-repo';

/** A leaf's review as the ledger, the checker and the package see it, with the content it holds now. */
export interface LeafReview {
  review: CriterionReview;
  reviewState: ReviewState;
  content: ReviewedContent;
  contentSha256: string;
  /** The latest valid review at each level (the package's `reviews`). */
  latest: Partial<Record<ReviewLevel, StoredReview>>;
}

/**
 * Every given leaf's review state, from its materials now (read once by the caller) and the recorded reviews. A
 * review counts only when its signature verifies over the row as stored, by the key of the signer it names, for
 * this unit, and it is not dated before the content it approves took its form (a clock set back): the others are
 * counted as invalid and the one before them is taken. Leaves no one reviewed are `unreviewed` without hashing.
 */
export function leafReviews(
  db: Database.Database,
  unitId: string,
  leaves: readonly ContentCriterion[],
  materials: readonly ContentMaterial[],
): Map<string, LeafReview> {
  const byCode = groupByCriterion(materials);
  const rows = groupByCriterion(allReviews(db));
  const keys = publicKeys(db);
  const changed = lastChangedAt(
    db,
    [...rows.keys()].flatMap((code) => (byCode.get(code) ?? []).map((m) => m.id)),
  );
  const out = new Map<string, LeafReview>();
  for (const leaf of leaves) {
    const content = criterionContent(leaf, byCode.get(leaf.code) ?? []);
    const reviews = rows.get(leaf.code) ?? [];
    const current = reviews.length > 0 ? contentSha256(content) : '';
    // A review at this content cannot predate the newest of its materials' changes.
    const formedAt = Math.max(0, ...content.materials.map((m) => changed.get(m.id) ?? 0));
    let invalid = 0;
    const latest: Partial<Record<ReviewLevel, StoredReview>> = {};
    for (const r of [...reviews].reverse()) {
      if (latest[r.level]) continue;
      const key = keys.get(r.fingerprint);
      const signed = key !== undefined && key.name === r.signer && key.level === r.level;
      const ok =
        signed &&
        verifyReview({ ...r, unitId }, r.signature, key.publicKey) &&
        !(r.contentSha256 === current && Date.parse(r.at) < formedAt);
      if (ok) latest[r.level] = r;
      else invalid++;
    }
    const state = reviewState(latest, current);
    const staleApproval = [latest.principal, latest.leader].find(
      (r) => r?.decision === 'approve' && r.contentSha256 !== current,
    );
    let hash = current;
    out.set(leaf.code, {
      review: state.review,
      reviewState: {
        status: state.status,
        comment: state.comment,
        changes:
          state.status === 'stale' && staleApproval
            ? contentChanges(JSON.parse(staleApproval.content) as ReviewedContent, content)
            : [],
        invalid,
      },
      content,
      // Hashed only when asked (a decision, a package): the ledger and the 体检 of 250 unreviewed leaves need none.
      get contentSha256() {
        return (hash ||= contentSha256(content));
      },
      latest,
    });
  }
  return out;
}

function groupByCriterion<T extends { criterionCode: string }>(items: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const it of items) {
    const list = out.get(it.criterionCode);
    if (list) list.push(it);
    else out.set(it.criterionCode, [it]);
  }
  return out;
}
