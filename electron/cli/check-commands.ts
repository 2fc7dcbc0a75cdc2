import { resolve } from 'node:path';
import { RULES } from '../../shared/domain/rules/rule-ids';
import { SEVERITIES } from '../../shared/domain/value-sets';
import { AppError } from '../../shared/ipc/errors';
import { call } from '../core/dispatch';
import type { Ctx } from '../core/context';
import type { Flags, Outcome } from './commands';
import { EXIT } from './exit-codes';

const usage = (msg: string): AppError => new AppError('invalid-args', msg);

/** `wangbao check <ws>`: exit 0 without error findings, 1 with. */
export async function check(ctx: Ctx, pos: string[]): Promise<Outcome> {
  const [ws] = pos;
  if (!ws || pos.length > 1) throw usage('用法：wangbao check <工作区> [--json]');
  await call('workspace:open', { dir: resolve(ws), access: 'read' }, ctx);
  const r = await call('check:run', {}, ctx);
  const s = r.summary;
  const lines = r.findings.map(
    (f) =>
      `${SEVERITIES[f.severity]}  ${f.criterionCode}  ${RULES[f.ruleId].label}${f.file ? `  ${f.file}` : ''}` +
      `${f.pointsAtRisk ? `  预计失分 ${f.pointsAtRisk}` : ''}\n    ${f.message}`,
  );
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
    human: [...lines, `错误 ${s.errors}，警告 ${s.warnings}，提示 ${s.infos}；预计失分 ${s.pointsAtRisk} 分`].join(
      '\n',
    ),
    exit: s.errors > 0 ? EXIT.refused : EXIT.ok,
  };
}

/**
 * `wangbao reference import <ws> <folder|earlier-package.zip> [--year YYYY]` (the year defaults to a package's own,
 * or for a folder to the one before the workspace's).
 */
export async function referenceImport(ctx: Ctx, pos: string[], flags: Flags): Promise<Outcome> {
  const [ws, source] = pos;
  if (!ws || !source || pos.length > 2)
    throw usage('用法：wangbao reference import <工作区> <往年材料文件夹或往年申报包.zip> [--year 年度]');
  const year = flags.year === undefined ? undefined : Number(flags.year);
  if (year !== undefined && (!Number.isInteger(year) || year < 2000 || year > 2100))
    throw usage(`年度不正确：${String(flags.year)}（应为四位数字，如 2025）`);
  await call('workspace:open', { dir: resolve(ws) }, ctx);
  const r = (await call('reference:import', { source: resolve(source), year }, ctx))!;
  return {
    json: r,
    human:
      `往年材料（${r.year}年）：新增 ${r.added} 个，已有 ${r.known} 个，跳过 ${r.skipped.length} 个` +
      r.skipped.map((s) => `\n  ${s.file}：${s.reason}`).join(''),
    exit: EXIT.ok,
  };
}

/** `wangbao declare <ws> <code> --not-responsible --statement TEXT` (or `--withdraw`). */
export async function declare(ctx: Ctx, pos: string[], flags: Flags): Promise<Outcome> {
  const [ws, code] = pos;
  const withdraw = flags.withdraw === true;
  const statement = typeof flags.statement === 'string' ? flags.statement : undefined;
  if (!ws || !code || pos.length > 2 || withdraw === (flags['not-responsible'] === true) || (!withdraw && !statement))
    throw usage(
      '用法：wangbao declare <工作区> <标准编号> --not-responsible --statement 说明\n      或 wangbao declare <工作区> <标准编号> --withdraw',
    );
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
