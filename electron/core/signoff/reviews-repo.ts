import type Database from 'better-sqlite3';
import type { ReviewDecision, ReviewLevel } from '@shared/domain/signoff';
import { appendAudit } from '../workspace/audit';

/** A review row as stored: everything its signature covers, and the content it was made for. */
export interface StoredReview {
  seq: number;
  criterionCode: string;
  level: ReviewLevel;
  decision: ReviewDecision;
  comment: string;
  signer: string;
  fingerprint: string;
  at: string;
  contentSha256: string;
  /** The canonical JSON `contentSha256` hashes (what the leader saw). */
  content: string;
  signature: string;
  recordedAt: string;
}

/** Every review, oldest first (rows are append-only: the order they were recorded in). */
export function allReviews(db: Database.Database): StoredReview[] {
  return db
    .prepare(
      `SELECT id AS seq, criterion_code AS criterionCode, level, decision, comment, signer, fingerprint, at,
              content_sha256 AS contentSha256, content, signature, recorded_at AS recordedAt
       FROM reviews ORDER BY id`,
    )
    .all() as StoredReview[];
}

/** Records signed reviews and logs each, in one transaction (all of a batch, or none). */
export function insertReviews(db: Database.Database, reviews: Omit<StoredReview, 'seq'>[], now: Date): void {
  const insert = db.prepare(
    `INSERT INTO reviews (criterion_code, level, decision, comment, signer, fingerprint, at, content_sha256, content,
                          signature, recorded_at)
     VALUES (@criterionCode, @level, @decision, @comment, @signer, @fingerprint, @at, @contentSha256, @content,
             @signature, @recordedAt)`,
  );
  db.transaction(() => {
    for (const r of reviews) {
      insert.run(r);
      appendAudit(db, now, 'review.record', {
        criterionCode: r.criterionCode,
        level: r.level,
        decision: r.decision,
        signer: r.signer,
        fingerprint: r.fingerprint,
        contentSha256: r.contentSha256,
      });
    }
  })();
}

/**
 * When each of the given materials last took its current form: attached, or its file replaced (优化图片, HEIC to
 * JPEG). A review of that content dated before it was made with the clock set back.
 */
export function lastChangedAt(db: Database.Database, ids: string[]): Map<string, number> {
  const out = new Map<string, number>();
  if (ids.length === 0) return out;
  const wanted = new Set(ids);
  const later = (id: string, at: string) => {
    if (wanted.has(id)) out.set(id, Math.max(out.get(id) ?? 0, Date.parse(at)));
  };
  for (const [id, at] of db.prepare('SELECT id, created_at FROM materials').raw().all() as [string, string][])
    later(id, at);
  for (const [id, at] of db.prepare('SELECT material_id, replaced_at FROM material_versions').raw().all() as [
    string,
    string,
  ][])
    later(id, at);
  return out;
}
