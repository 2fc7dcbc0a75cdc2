import type { RuleId } from '@shared/domain/rules/rule-ids';
import type { Finding } from '@shared/domain/rules/types';
import type { Severity } from '@shared/domain/value-sets';

export interface FindingGroup {
  key: string;
  /** The group's findings of the severities shown. */
  findings: Finding[];
  /** All of the group's findings, whatever is shown: what its points at risk are totalled over. */
  all: Finding[];
  errors: number;
  warnings: number;
}

/**
 * Groups findings for the 体检 and 导出 views, keeping the report's order (catalog order, errors first): by
 * criterion, or by rule with rules with errors first. A group none of whose findings is shown is left out.
 */
export function groupFindings(findings: Finding[], by: 'criterion' | 'rule', shown: Set<Severity>): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const f of findings) {
    const key = by === 'criterion' ? f.criterionCode : f.ruleId;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, findings: [], all: [], errors: 0, warnings: 0 }));
    g.all.push(f);
    if (!shown.has(f.severity)) continue;
    g.findings.push(f);
    if (f.severity === 'error') g.errors++;
    if (f.severity === 'warning') g.warnings++;
  }
  const list = [...groups.values()].filter((g) => g.findings.length > 0);
  if (by === 'rule')
    list.sort((a, b) => Number(b.errors > 0) - Number(a.errors > 0) || b.findings.length - a.findings.length);
  return list;
}

export const ruleOf = (g: FindingGroup): RuleId => g.key as RuleId;
