import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { groupFindings } from '../../renderer/src/features/check/group-findings';
import { effectivePoints } from '@shared/domain/rules/points';
import { riskTotals } from '@shared/domain/rules/totals';
import { FIXTURES } from '../helpers/ctx';
import { useDemoWorkspace } from '../helpers/demo-workspace';
import { readZip } from '../helpers/zips';

const demo = useDemoWorkspace();
const ALL = new Set(['error', 'warning', 'info'] as const);

describe('points at risk agree on every screen and in the package', () => {
  it('the detail, 体检 and 导出 show one capped total per criterion and the same overall sum', async () => {
    const { ctx, base } = demo;
    // Corpus photos and PDFs on 3.1.2 (worth 1.5): many lines, adding up to far more than the criterion is worth.
    await demo.attach('3.1.2', [join(FIXTURES, 'photos'), join(FIXTURES, 'pdfs')]);
    const report = await call('check:run', {}, ctx);
    const { criteria } = await call('catalog:list', {}, ctx);
    // What the renderer totals with: the criteria as 台账 lists them, their points shared as core shares them.
    const points = effectivePoints(criteria);
    const pointsOf = (code: string) => points.get(code);
    const lines = report.findings.filter((f) => f.criterionCode === '3.1.2');
    expect(lines.reduce((a, f) => a + f.pointsAtRisk, 0)).toBeGreaterThan(1.5);

    // 标准详情 (CriterionFindings): the criterion's findings totalled.
    expect(riskTotals(lines, pointsOf).total).toBe(1.5);
    // 体检 by criterion (CheckScreen): each group's total, and the summary.
    const groups = groupFindings(report.findings, 'criterion', ALL);
    expect(groups.length).toBe(Object.keys(report.criteria).length);
    for (const g of groups) {
      const detail = riskTotals(
        report.findings.filter((f) => f.criterionCode === g.key),
        pointsOf,
      ).total;
      expect(riskTotals(g.all, pointsOf).total, g.key).toBe(detail);
      expect(report.criteria[g.key]!.pointsAtRisk, g.key).toBe(detail);
      expect(detail, g.key).toBeLessThanOrEqual(points.get(g.key) ?? 0);
    }
    const sum = groups.reduce((a, g) => a + report.criteria[g.key]!.pointsAtRisk, 0);
    expect(report.summary.pointsAtRisk).toBeCloseTo(sum, 9);
    // 体检 by rule: a rule's total is capped per criterion too, so none exceeds the overall total.
    for (const g of groupFindings(report.findings, 'rule', ALL))
      expect(riskTotals(g.all, pointsOf).total, g.key).toBeLessThanOrEqual(report.summary.pointsAtRisk);

    // 导出: the preview (monthly and final), every blocking error listed, and the package written.
    for (const kind of ['monthly', 'final'] as const) {
      const preview = await call('package:preview', { kind }, ctx);
      expect(preview.check).toEqual(report.summary);
      expect(preview.blocking.length).toBe(report.summary.errors);
    }
    const written = (await call('package:export', { kind: 'monthly', out: join(base, 'p.zip') }, ctx))!;
    expect(written.check.pointsAtRisk).toBe(report.summary.pointsAtRisk);
    const items = await readZip(written.path);
    const json = (name: string) => JSON.parse(items.find((i) => i.name === name)!.bytes.toString('utf8')) as unknown;
    const checked = json('校验报告.json') as {
      summary: { pointsAtRisk: number };
      criteria: { criterionCode: string; pointsAtRisk: number }[];
    };
    expect(checked.summary.pointsAtRisk).toBe(report.summary.pointsAtRisk);
    expect(Object.fromEntries(checked.criteria.map((k) => [k.criterionCode, k.pointsAtRisk]))).toEqual(
      Object.fromEntries(Object.entries(report.criteria).map(([code, k]) => [code, k.pointsAtRisk])),
    );
    expect((json('manifest.json') as { check: { pointsAtRisk: number } }).check.pointsAtRisk).toBe(
      report.summary.pointsAtRisk,
    );
  });
});
