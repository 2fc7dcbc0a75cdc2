import { createHash } from 'node:crypto';
import type { ReviewedContent } from '@shared/domain/review-state';
import { canonicalJson } from './canonical-json';

/**
 * A criterion's content: what a leader saw and approved (PACKAGE-FORMAT.md, "A criterion's content"). The same
 * functions serve the workspace (the checker's `CheckMaterial`s, the listed criteria) and `verify` (a manifest's
 * `criteria` and `materials`): both shapes satisfy the inputs below, so an approval made in the app and the
 * check of it at the 创城办 hash the same bytes.
 */

/** A criterion as either side has it: its code and its 不属本单位职责 declaration, if any. */
export interface ContentCriterion {
  code: string;
  declaration?: { statement: string } | null | undefined;
}

/** A material as either side has it; only these fields count. */
export interface ContentMaterial {
  id: string;
  criterionCode: string;
  kind: string;
  title: string;
  /** Only the words count (`text`): a better caption parser must not turn approvals stale. */
  caption: { text: string } | null;
  eventDate: string | null;
  month: string | null;
  sha256: string;
}

/** The object whose canonical JSON is hashed (the shared type: the renderer tells what changed since an approval). */
export type CriterionContent = ReviewedContent;

/**
 * The content of `criterion`: its declaration's statement and its materials sorted by id (UTF-16 code units, the
 * order canonical JSON sorts keys in). `materials` may hold other criteria's too; only `criterion.code`'s count.
 */
export function criterionContent(criterion: ContentCriterion, materials: readonly ContentMaterial[]): CriterionContent {
  return {
    criterionCode: criterion.code,
    declaration: criterion.declaration?.statement ?? null,
    materials: materials
      .filter((m) => m.criterionCode === criterion.code)
      // Members in canonical (sorted) order, so canonicalJson writes them with JSON.stringify alone.
      .map((m) => ({
        captionText: m.caption?.text ?? null,
        eventDate: m.eventDate ?? null,
        id: m.id,
        kind: m.kind,
        month: m.month ?? null,
        sha256: m.sha256,
        title: m.title,
      }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  };
}

/** `contentSha256`: lowercase hex SHA-256 of the content's canonical JSON. */
export function contentSha256(content: CriterionContent): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/**
 * Every criterion's `contentSha256` at once, by code: the materials are grouped in one pass (a workspace has
 * thousands; filtering them for each criterion would not scale).
 */
export function contentSha256s(
  criteria: readonly ContentCriterion[],
  materials: readonly ContentMaterial[],
): Map<string, string> {
  const byCode = new Map<string, ContentMaterial[]>();
  for (const m of materials) {
    const list = byCode.get(m.criterionCode);
    if (list) list.push(m);
    else byCode.set(m.criterionCode, [m]);
  }
  return new Map(criteria.map((c) => [c.code, contentSha256(criterionContent(c, byCode.get(c.code) ?? []))]));
}

/**
 * A criterion's content recomputed from a package's manifest alone, as `verify` needs it; null when the manifest
 * does not list the criterion (a review of it cannot be current).
 */
export function contentOfManifest(
  manifest: { criteria: readonly ContentCriterion[]; materials: readonly ContentMaterial[] },
  code: string,
): CriterionContent | null {
  const criterion = manifest.criteria.find((c) => c.code === code);
  return criterion ? criterionContent(criterion, manifest.materials) : null;
}
