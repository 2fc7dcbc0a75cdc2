import { inPeriod, type Period } from './period';

/**
 * Warnings for a 测评体系 that names another year than the workspace's: its edition (`2025`, `2025版`) and the dates
 * of its deadlines outside the 测评周期. Not errors — a city may reuse last year's 台账 on purpose — but never silent.
 */
export function yearWarnings(
  edition: string,
  dueDates: (string | null)[],
  workspace: { year: number; period: Period },
): string[] {
  const out: string[] = [];
  const named = /(?:19|20)\d{2}/u.exec(edition.normalize('NFKC'))?.[0];
  if (named !== undefined && Number(named) !== workspace.year)
    out.push(
      `台账的版本是 ${named} 年（“${edition}”），而本工作区是 ${workspace.year} 年度。请确认导入的是本年度的台账。`,
    );
  const outside = dueDates.filter((d): d is string => d !== null && !inPeriod(d, workspace.period));
  if (outside.length > 0) {
    const years = [...new Set(outside.map((d) => d.slice(0, 4)))].sort().join('、');
    out.push(
      `有 ${outside.length} 条完成时限的日期（${years} 年）不在测评周期（${workspace.period.start} 至 ${workspace.period.end}）内。`,
    );
  }
  return out;
}
