import { resolve } from 'node:path';
import { RULES } from '@shared/domain/rules/rule-ids';
import type { Finding, RiskCount } from '@shared/domain/rules/types';
import { SEVERITIES } from '@shared/domain/value-sets';
import type { CheckReport } from '@shared/ipc/types';
import { call } from '../core/dispatch';
import type { Ctx } from '../core/context';
import type { Logger } from '../core/log';
import { str, type Flags, type Outcome } from './commands';
import { EXIT } from './exit-codes';
import { forTerminal, textFlag, wrongUsage, yearFlag } from './messages';

/** `wangbao check <ws>`: exit 0 without error findings, 1 with. */
export async function check(ctx: Ctx, pos: string[]): Promise<Outcome> {
  const [ws] = pos;
  if (!ws || pos.length > 1) throw wrongUsage();
  await call('workspace:open', { dir: resolve(ws), access: 'read' }, ctx);
  const r = await call('check:run', {}, ctx);
  const s = r.summary;
  const { criteria } = await call('catalog:list', {}, ctx);
  const titles = new Map(criteria.map((c) => [c.code, c.title]));
  return {
    json: {
      summary: { errors: s.errors, warnings: s.warnings, infos: s.infos, pointsAtRisk: s.pointsAtRisk },
      findings: r.findings.map((f) => ({
        ruleId: f.ruleId,
        severity: f.severity,
        criterionCode: f.criterionCode,
        materialId: f.materialId,
        file: f.file,
        message: f.message,
        pointsAtRisk: f.pointsAtRisk,
      })),
    },
    human: checkText(r, titles, ctx.log),
    exit: s.errors > 0 ? EXIT.refused : EXIT.ok,
  };
}

/**
 * The check for a person: the summary first, then the findings grouped by criterion (in catalog order, as core
 * gives them), each criterion with its own counts and capped points at risk.
 */
export function checkText(r: CheckReport, titles: Map<string, string>, log?: Logger): string {
  const s = r.summary;
  const lines = [`体检结果：${counts(s)}；预计失分 ${s.pointsAtRisk} 分。`];
  if (r.findings.length === 0) return `${lines[0]}\n没有发现会失分的问题。`;
  lines.push(`涉及 ${new Set(r.findings.map((f) => f.criterionCode)).size} 条测评标准：`);
  const groups = new Map<string, Finding[]>();
  for (const f of r.findings) groups.set(f.criterionCode, [...(groups.get(f.criterionCode) ?? []), f]);
  for (const [code, findings] of groups) {
    const c = r.criteria[code];
    lines.push(
      '',
      `${code} ${titles.get(code) ?? ''}`.trimEnd() +
        (c ? `（${counts(c)}${c.pointsAtRisk ? `；预计失分 ${c.pointsAtRisk} 分` : ''}）` : ''),
    );
    for (const f of findings)
      lines.push(
        `  ${SEVERITIES[f.severity]}  ${RULES[f.ruleId].label}${f.file ? `  ${f.file}` : ''}`,
        `        ${forTerminal(f.message, log)}`,
      );
  }
  return lines.join('\n');
}

/** `错误 2 项，警告 1 项` — the kinds present (all three when none is). */
function counts(c: RiskCount): string {
  const parts: [string, number][] = [
    [SEVERITIES.error, c.errors],
    [SEVERITIES.warning, c.warnings],
    [SEVERITIES.info, c.infos],
  ];
  const present = parts.filter(([, n]) => n > 0);
  return (present.length > 0 ? present : parts).map(([label, n]) => `${label} ${n} 项`).join('，');
}

/**
 * `wangbao reference import <ws> <folder|earlier-package.zip> [--year YYYY]` (the year defaults to a package's own,
 * or for a folder to the one before the workspace's).
 */
export async function referenceImport(ctx: Ctx, pos: string[], flags: Flags): Promise<Outcome> {
  const [ws, source] = pos;
  if (!ws || !source || pos.length > 2) throw wrongUsage();
  const year = yearFlag('--year', str(flags, 'year'));
  await call('workspace:open', { dir: resolve(ws) }, ctx);
  const r = (await call('reference:import', { source: resolve(source), year }, ctx))!;
  return {
    json: r,
    human:
      `往年材料（${r.year}年）：新增 ${r.added} 个，已有 ${r.known} 个，跳过 ${r.skipped.length} 个` +
      r.skipped.map((s) => `\n  ${s.file}：${forTerminal(s.reason, ctx.log)}`).join(''),
    exit: EXIT.ok,
  };
}

/** `wangbao declare <ws> <code> --not-responsible --statement TEXT` (or `--withdraw`). */
export async function declare(ctx: Ctx, pos: string[], flags: Flags): Promise<Outcome> {
  const [ws, code] = pos;
  const withdraw = flags.withdraw === true;
  const statement = textFlag('--statement', '说明', str(flags, 'statement'), 2000);
  if (!ws || !code || pos.length > 2 || withdraw === (flags['not-responsible'] === true) || (!withdraw && !statement))
    throw wrongUsage();
  await call('workspace:open', { dir: resolve(ws) }, ctx);
  const r = await call('criteria:declare', { criterionCode: code, statement: withdraw ? null : statement! }, ctx);
  return {
    json: r,
    human: r.declaration
      ? `已声明 ${r.criterionCode} 不属本单位职责：${r.declaration.statement}`
      : `已撤销 ${r.criterionCode} 的“不属本单位职责”声明`,
    exit: EXIT.ok,
  };
}
