import type { RuleId } from '../../../../shared/domain/rules/rule-ids';
import type { Finding, RiskCount } from '../../../../shared/domain/rules/types';
import type { Severity } from '../../../../shared/domain/value-sets';

export interface FindingGroup {
  key: string;
  findings: Finding[];
  errors: number;
  warnings: number;
  /** By criterion: its capped total; by rule: the sum of the lines. */
  pointsAtRisk: number;
}

/**
 * Groups findings for the 体检 view, keeping the report's order (catalog order, errors first): by criterion with
 * each criterion's capped points at risk, or by rule, rules with errors first.
 */
export function groupFindings(
  findings: Finding[],
  by: 'criterion' | 'rule',
  shown: Set<Severity>,
  criteria: Record<string, RiskCount>,
): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const f of findings) {
    if (!shown.has(f.severity)) continue;
    const key = by === 'criterion' ? f.criterionCode : f.ruleId;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, findings: [], errors: 0, warnings: 0, pointsAtRisk: 0 }));
    g.findings.push(f);
    if (f.severity === 'error') g.errors++;
    if (f.severity === 'warning') g.warnings++;
    g.pointsAtRisk += f.pointsAtRisk;
  }
  const list = [...groups.values()];
  if (by === 'criterion') for (const g of list) g.pointsAtRisk = criteria[g.key]?.pointsAtRisk ?? 0;
  else list.sort((a, b) => Number(b.errors > 0) - Number(a.errors > 0) || b.findings.length - a.findings.length);
  for (const g of list) g.pointsAtRisk = Math.round(g.pointsAtRisk * 100) / 100;
  return list;
}

export const ruleOf = (g: FindingGroup): RuleId => g.key as RuleId;
