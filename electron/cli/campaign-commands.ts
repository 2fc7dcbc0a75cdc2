import { resolve } from 'node:path';
import { campaignYear, localIsoDate, parsePeriod } from '@shared/domain/period';
import { displayFingerprint } from '@shared/domain/signoff';
import { UNIT_KIND_LABELS } from '@shared/domain/unit-kind';
import { call } from '../core/dispatch';
import type { Ctx } from '../core/context';
import { str, type Flags, type Outcome } from './commands';
import { EXIT } from './exit-codes';
import { monthFlag, textFlag, usage, wrongUsage, yearFlag } from './messages';
import { passphraseFrom } from './signoff-commands';

/**
 * `wangbao office init <dir> --name N --passphrase-file F [--year YYYY] [--period START..END] [--demo]`: an office
 * workspace with the office's key sealed under the 口令. JSON: `{"dir", "name", "fingerprint", "year", "period"}`.
 */
export async function officeInit(ctx: Ctx, pos: string[], flags: Flags): Promise<Outcome> {
  const [dir] = pos;
  if (!dir || pos.length > 1) throw wrongUsage();
  const name = textFlag('--name', '创城办名称', str(flags, 'name'), 100);
  if (name === undefined) throw usage('请用 --name 指定创城办的名称，例如 --name 示例市创城办。');
  const passphrase = passphraseFrom(flags);
  const year = yearFlag('--year', str(flags, 'year')) ?? campaignYear(localIsoDate(ctx.platform.now()));
  let period;
  if (typeof flags.period === 'string') {
    period = parsePeriod(flags.period);
    if (!period)
      throw usage(
        `测评周期不正确：${flags.period}。应为“开始..结束”，两个日期都是 YYYY-MM-DD，开始不晚于结束，相隔不超过两年，例如 2025-11-01..2026-10-31。`,
      );
  }
  const r = await call(
    'office:init',
    { dir: resolve(dir), name, passphrase, year, period, demo: flags.demo === true },
    ctx,
  );
  return {
    json: r,
    human:
      `已创建创城办工作区：${r.dir}\n创城办：${r.name}  年度：${r.year}  测评周期：${r.period.start} 至 ${r.period.end}\n` +
      `签名密钥指纹：${displayFingerprint(r.fingerprint)}（完整指纹 ${r.fingerprint}），各单位初次导入下发包时请与之核对。`,
    exit: EXIT.ok,
  };
}

/** `wangbao office units import <office> <台账.xlsx|units.json>`: JSON `{"units": [{"id", "name", "aliases", "assigned"}]}`. */
export async function officeUnitsImport(ctx: Ctx, pos: string[]): Promise<Outcome> {
  const [ws, file] = pos;
  if (!ws || !file || pos.length > 2) throw wrongUsage();
  await call('workspace:open', { dir: resolve(ws) }, ctx);
  const r = await call('office:unitsImport', { file: resolve(file) }, ctx);
  return {
    json: { units: r.units.map((u) => ({ id: u.id, name: u.name, aliases: u.aliases, assigned: u.assigned })) },
    human: [
      `已导入 ${r.units.length} 个单位：`,
      ...r.units.map(
        (u) =>
          `  ${u.name}${u.aliases.length ? `（${u.aliases.join('、')}）` : ''}  ${UNIT_KIND_LABELS[u.kind]}  负责标准 ${u.assigned} 条`,
      ),
    ].join('\n'),
    exit: EXIT.ok,
  };
}

/**
 * `wangbao office handout <office> <out-dir> [--unit NAME] [--month M] --passphrase-file F`: JSON `{"files": [{"path",
 * "unit", "requests"}]}`.
 */
export async function officeHandout(ctx: Ctx, pos: string[], flags: Flags): Promise<Outcome> {
  const [ws, out] = pos;
  if (!ws || !out || pos.length > 2) throw wrongUsage();
  const unit = textFlag('--unit', '单位名称', str(flags, 'unit'), 100);
  const month = monthFlag('--month', str(flags, 'month'));
  const passphrase = passphraseFrom(flags);
  await call('workspace:open', { dir: resolve(ws) }, ctx);
  const r = await call('office:handout', { out: resolve(out), unit, month, passphrase }, ctx);
  return {
    json: r,
    human: [
      `已写出 ${r.files.length} 个下发包：`,
      ...r.files.map((f) => `  ${f.unit}：要账 ${f.requests} 条  ${f.path}`),
    ].join('\n'),
    exit: EXIT.ok,
  };
}

/**
 * `wangbao office import <office> <pkg-or-folder>... [--accept-new-key UNIT]`: JSON `{"packages": [{"file", "unit",
 * "month", "kind", "sha256", "accepted", "duplicate", "current", "problems"}]}`; exit 0 all accepted, 1 some refused.
 */
export async function officeImport(ctx: Ctx, pos: string[], flags: Flags): Promise<Outcome> {
  const [ws, ...paths] = pos;
  if (!ws || paths.length === 0) throw wrongUsage();
  const acceptNewKey = Array.isArray(flags['accept-new-key-of']) ? flags['accept-new-key-of'] : [];
  await call('workspace:open', { dir: resolve(ws) }, ctx);
  const r = await call('office:import', { paths: paths.map((p) => resolve(p)), acceptNewKey }, ctx);
  const refused = r.packages.filter((p) => !p.accepted);
  const lines = r.packages.map((p) => {
    const what = p.accepted ? (p.duplicate ? '已收取过' : '已收取') : '未收取';
    const issues = p.problems
      .filter((q) => q.severity !== 'info' || !p.accepted)
      .map(
        (q) => `\n    ${q.severity === 'error' ? '错误' : q.severity === 'warning' ? '注意' : '提示'}：${q.message}`,
      );
    return `  ${what}  ${p.unit ?? '未知单位'} ${p.month ?? ''}  ${p.file}${issues.join('')}`;
  });
  return {
    json: r,
    human: [
      `收件 ${r.packages.length} 个，收取 ${r.packages.length - refused.length} 个，未收取 ${refused.length} 个：`,
      ...lines,
    ].join('\n'),
    exit: refused.length > 0 ? EXIT.refused : EXIT.ok,
  };
}

/**
 * `wangbao office status <office> [--month M]`: JSON `{"units": [{"unit", "assigned", "complete", "missing", "signed",
 * "pointsAtRisk", "lastPackage"}], "criteria": [{"code", "units": {"<unit name>": status}}]}`.
 */
export async function officeStatusCommand(ctx: Ctx, pos: string[], flags: Flags): Promise<Outcome> {
  const [ws] = pos;
  if (!ws || pos.length > 1) throw wrongUsage();
  const month = monthFlag('--month', str(flags, 'month'));
  await call('workspace:open', { dir: resolve(ws), access: 'read' }, ctx);
  const r = await call('office:status', { month }, ctx);
  const lines = r.units.map(
    (u) =>
      `  ${u.unit}：负责 ${u.assigned} 条，齐全 ${u.complete}，未报 ${u.missing}，已签批 ${u.signed}，失分风险 ${u.pointsAtRisk} 分` +
      (u.lastPackage ? `（最近申报包 ${u.lastPackage.month}）` : '（未收到申报包）'),
  );
  return {
    json: { units: r.units, criteria: r.criteria },
    human: [
      `完成情况${month ? `（${month}）` : ''}：全市失分风险 ${r.pointsAtRisk} 分（每条标准只计一次）`,
      ...lines,
    ].join('\n'),
    exit: EXIT.ok,
  };
}
