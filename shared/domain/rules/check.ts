import { captionRules } from './captions';
import { dateRules } from './dates';
import { documentRules } from './documents';
import { duplicateRules, referenceRules } from './duplicates';
import { fileRules } from './files';
import { photoRules } from './photos';
import { roundPoints } from './points';
import { requirementRules } from './requirements';
import { reviewRules } from './review';
import { RULE_IDS } from './rule-ids';
import { riskTotals } from './totals';
import type { CheckInput, CheckMaterial, CheckResult, Finding, Prepared, RiskCount, Rule } from './types';

const ALL_RULES: Rule[] = [
  requirementRules,
  dateRules,
  captionRules,
  photoRules,
  duplicateRules,
  referenceRules,
  documentRules,
  fileRules,
  reviewRules,
];

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;
const RULE_ORDER = new Map(RULE_IDS.map((id, i) => [id, i]));

/**
 * The lost-point check: runs every rule over the facts, applies the profile (disabled rules dropped, severities
 * and point shares from it) and totals the points at risk. A finding takes its rule's share of its criterion's
 * points (`full` findings all of them); the totals are `riskTotals`' (a criterion's capped at its points, the
 * summary adding the criteria's). Findings come in catalog order, errors first within a criterion. Pure.
 */
export function runCheck(input: CheckInput): CheckResult {
  const x = prepare(input);
  const order = new Map(input.criteria.map((c, i) => [c.code, i]));
  const sorted: { key: number; finding: Finding }[] = [];
  for (const rule of ALL_RULES)
    for (const d of rule(x)) {
      const settings = input.profile.rules[d.ruleId];
      if (!settings.enabled) continue;
      const points = x.byCode.get(d.criterionCode)?.points ?? 0;
      const finding: Finding = {
        ruleId: d.ruleId,
        severity: settings.severity,
        criterionCode: d.criterionCode,
        materialId: d.materialId,
        file: d.file,
        message: d.message,
        fix: d.fix,
        pointsAtRisk: roundPoints(points * (d.full ? 1 : settings.fraction)),
      };
      // Catalog order, then severity, then rule order (a stable sort keeps the materials' order within).
      const key =
        ((order.get(d.criterionCode) ?? 0) * 4 + SEVERITY_ORDER[finding.severity]) * 64 + RULE_ORDER.get(d.ruleId)!;
      sorted.push({ key, finding });
    }
  sorted.sort((a, b) => a.key - b.key);
  return totals(
    sorted.map((s) => s.finding),
    x,
  );
}

function prepare(input: CheckInput): Prepared {
  const byCriterion = new Map<string, CheckMaterial[]>();
  for (const m of input.materials) {
    const list = byCriterion.get(m.criterionCode);
    if (list) list.push(m);
    else byCriterion.set(m.criterionCode, [m]);
  }
  return {
    ...input,
    t: input.profile.thresholds,
    byCode: new Map(input.criteria.map((c) => [c.code, c])),
    byCriterion,
  };
}

const zero = (): RiskCount => ({ errors: 0, warnings: 0, infos: 0, pointsAtRisk: 0 });

function totals(findings: Finding[], x: Prepared): CheckResult {
  const criteria: Record<string, RiskCount> = {};
  const summary = zero();
  for (const f of findings) {
    const c = (criteria[f.criterionCode] ??= zero());
    const key = f.severity === 'error' ? 'errors' : f.severity === 'warning' ? 'warnings' : 'infos';
    c[key]++;
    summary[key]++;
  }
  const points = riskTotals(findings, (code) => x.byCode.get(code)?.points);
  for (const [code, p] of points.byCriterion) criteria[code]!.pointsAtRisk = p;
  summary.pointsAtRisk = points.total;
  return { summary, findings, criteria };
}
