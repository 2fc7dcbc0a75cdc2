import { describe, expect, it } from 'vitest';
import { riskTotals } from '@shared/domain/rules/totals';

const line = (criterionCode: string, pointsAtRisk: number) => ({ criterionCode, pointsAtRisk });
const POINTS = new Map<string, number | null>([
  ['3.1.2', 1.5],
  ['1.1', 2],
  ['9.9', null],
]);
const pointsOf = (code: string) => POINTS.get(code);

describe('riskTotals: the one sum of points at risk', () => {
  it('caps each criterion at its points and adds the capped totals', () => {
    // The case: lines adding up to 4.74 on a criterion worth 1.5.
    const t = riskTotals(
      [line('3.1.2', 1.5), line('3.1.2', 0.38), line('3.1.2', 2.86), line('1.1', 0.5), line('1.1', 0.2)],
      pointsOf,
    );
    expect([...t.byCriterion]).toEqual([
      ['3.1.2', 1.5],
      ['1.1', 0.7],
    ]);
    expect(t.total).toBe(2.2);
    expect([...t.capped]).toEqual(['3.1.2']);
  });

  it('a total exactly at the points is not reported as capped; sums are rounded to hundredths', () => {
    const t = riskTotals([line('1.1', 0.1), line('1.1', 0.2), line('1.1', 1.7)], pointsOf);
    expect(t.byCriterion.get('1.1')).toBe(2);
    expect(t.capped.size).toBe(0);
    expect(riskTotals([line('1.1', 0.1), line('1.1', 0.2)], pointsOf).total).toBe(0.3);
  });

  it('a criterion without points, or unknown, puts nothing at risk; no findings, nothing at all', () => {
    const t = riskTotals([line('9.9', 1), line('7.7', 1)], pointsOf);
    expect(t.byCriterion.get('9.9')).toBe(0);
    expect(t.byCriterion.get('7.7')).toBe(0);
    expect(t.total).toBe(0);
    expect(riskTotals([], pointsOf)).toEqual({ byCriterion: new Map(), capped: new Set(), total: 0 });
  });
});
