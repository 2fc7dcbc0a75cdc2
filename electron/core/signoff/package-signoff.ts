import type Database from 'better-sqlite3';
import type { PackageSignoff } from '@shared/domain/package/content';
import type { Review } from '@shared/schemas/signoff';
import { auditHead } from '../workspace/audit';
import type { LeafReview } from './review-states';
import type { StoredReview } from './reviews-repo';
import { listSignerRows, type SignerRow } from './signers-repo';

/** A stored review as the manifest's `reviews[]` carries it (PACKAGE-FORMAT.md), and a 送审包 its leader approval. */
export function manifestReview(r: StoredReview): Review {
  return {
    criterionCode: r.criterionCode,
    level: r.level,
    decision: r.decision,
    comment: r.comment,
    signer: r.signer,
    fingerprint: r.fingerprint,
    at: r.at,
    contentSha256: r.contentSha256,
    signature: r.signature,
  };
}

/**
 * The manifest's sign-off (PACKAGE-FORMAT.md): per criterion of the package and level, its latest valid review;
 * every key that signed one of them, or will sign `manifest.sig`; and the audit log's head.
 */
export function packageSignoff(
  db: Database.Database,
  reviews: ReadonlyMap<string, LeafReview>,
  codes: readonly string[],
  manifestSigner: SignerRow | null,
): PackageSignoff {
  const out: Review[] = [];
  for (const code of codes)
    for (const r of [reviews.get(code)?.latest.leader, reviews.get(code)?.latest.principal])
      if (r) out.push(manifestReview(r));
  const used = new Set([...out.map((r) => r.fingerprint), ...(manifestSigner ? [manifestSigner.fingerprint] : [])]);
  const signers = listSignerRows(db)
    .filter((s) => used.has(s.fingerprint))
    .map((s) => ({ name: s.name, level: s.level, publicKey: s.publicKey, fingerprint: s.fingerprint }));
  return { signers, reviews: out, audit: auditHead(db) };
}
