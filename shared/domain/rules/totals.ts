import { roundPoints } from './points';
import type { Finding } from './types';

/** The points at risk of a set of findings, as every screen and document shows them. */
export interface RiskTotals {
  /** Per criterion code with findings: the sum of its lines, capped at the criterion's points. */
  byCriterion: Map<string, number>;
  /** The criteria whose lines add up to more than their points (what the cap cut). */
  capped: Set<string>;
  /** The criteria's capped totals added up. */
  total: number;
}

/**
 * The one place findings' points at risk are added up: per criterion capped at its points (a criterion cannot lose
 * more than it is worth, however many lines it has), and the total as the sum of those. The check's report, the 体检
 * screen, the criterion detail and the export all show totals from here, so they agree. `pointsOf` gives a
 * criterion's effective points (`effectivePoints`); none means nothing is at risk. Pure.
 */
export function riskTotals(
  findings: readonly Pick<Finding, 'criterionCode' | 'pointsAtRisk'>[],
  pointsOf: (code: string) => number | null | undefined,
): RiskTotals {
  const sums = new Map<string, number>();
  for (const f of findings) sums.set(f.criterionCode, (sums.get(f.criterionCode) ?? 0) + f.pointsAtRisk);
  const byCriterion = new Map<string, number>();
  const capped = new Set<string>();
  let total = 0;
  for (const [code, sum] of sums) {
    const points = pointsOf(code) ?? 0;
    if (roundPoints(sum) > points) capped.add(code);
    const p = roundPoints(Math.min(sum, points));
    byCriterion.set(code, p);
    total += p;
  }
  return { byCriterion, capped, total: roundPoints(total) };
}
