import { quarterOf } from './collection';
import { filesNeeded, type Requirement } from './requirements';
import type { MaterialKind } from './value-sets';

/** A material as the requirement count sees it. `scores`: it can earn points (see rules/scoring.ts). */
export interface CountedMaterial {
  kind: MaterialKind;
  month: string | null;
  eventDate: string | null;
  scores: boolean;
}

/** How far one requirement is met. `have`/`need` count files; `notScoring` the files of its kind that cannot score. */
export interface RequirementProgress {
  requirement: Requirement;
  have: number;
  need: number;
  met: boolean;
  notScoring: number;
}

/**
 * How far each requirement of a criterion is met — the one count behind the ledger's counters and status, the
 * checker's `requirement-unmet` and the documents. Only materials that can score count. A plain requirement needs
 * `min` (× its group size) files; several plain ones of the same kind share the files in order (会议纪要 and
 * 工作方案 need two documents, not one). A `per: 'month'` requirement needs that many in each month whose collection
 * is due (`dueMonths`; before the first, one month's worth), `per: 'quarter'` in each quarter of those months, and
 * `per: 'event'` in each distinct event date (at least one event).
 */
export function requirementProgress(
  requirements: Requirement[],
  materials: CountedMaterial[],
  dueMonths: string[],
): RequirementProgress[] {
  const pool = new Map<MaterialKind, number>();
  for (const m of materials) if (m.scores) pool.set(m.kind, (pool.get(m.kind) ?? 0) + 1);
  return requirements.map((r) => {
    const ofKind = materials.filter((m) => m.kind === r.kind);
    const scoring = ofKind.filter((m) => m.scores);
    const notScoring = ofKind.length - scoring.length;
    const each = filesNeeded(r);
    if (!r.per) {
      const left = pool.get(r.kind) ?? 0;
      const have = Math.min(left, each);
      pool.set(r.kind, left - have);
      return { requirement: r, have, need: each, met: have >= each, notScoring };
    }
    const buckets = bucketsOf(r.per, dueMonths, scoring);
    const need = each * Math.max(1, buckets.length);
    const have = buckets.reduce((a, b) => a + Math.min(b, each), 0);
    return { requirement: r, have, need, met: buckets.length > 0 && have >= need, notScoring };
  });
}

/** The files in each unit of repetition that must be met (months or quarters due, or the events there are). */
function bucketsOf(per: NonNullable<Requirement['per']>, dueMonths: string[], ms: CountedMaterial[]): number[] {
  const count = (key: (m: CountedMaterial) => string | null, keys: string[]): number[] =>
    keys.map((k) => ms.filter((m) => key(m) === k).length);
  if (per === 'event') {
    const dates = [...new Set(ms.map((m) => m.eventDate ?? ''))].sort();
    return count((m) => m.eventDate ?? '', dates);
  }
  const months = dueMonths.length > 0 ? dueMonths : [...new Set(ms.map((m) => m.month ?? ''))].slice(0, 1);
  if (per === 'month') return months.length > 0 ? count((m) => m.month, months) : [];
  const quarters = [...new Set(months.map(quarterOf))];
  return count((m) => (m.month ? quarterOf(m.month) : null), quarters);
}

/**
 * The same count from the ledger's per-kind totals (`counts`): every file taken as scoring and no month due, so a
 * 每月 requirement shows one month's worth. The 体检 counts what can score, month by month (`requirementProgress`
 * over the materials themselves).
 */
export function progressFromCounts(
  requirements: Requirement[],
  counts: Partial<Record<MaterialKind, number>>,
): RequirementProgress[] {
  const ms: CountedMaterial[] = [];
  for (const [kind, n] of Object.entries(counts) as [MaterialKind, number | undefined][])
    for (let i = 0; i < (n ?? 0); i++) ms.push({ kind, month: null, eventDate: null, scores: true });
  return requirementProgress(requirements, ms, []);
}
