import { resolve } from 'node:path';
import { call } from '../core/dispatch';
import type { Ctx } from '../core/context';
import { str, type Flags, type Outcome } from './commands';
import { EXIT } from './exit-codes';
import { forTerminal, monthFlag, usage, wrongUsage } from './messages';
import { passphraseFrom } from './signoff-commands';

/**
 * `wangbao export <ws> <out.zip> [--month YYYY-MM] [--final --signer N --passphrase-file F]`: exit 0 written and
 * verified, 1 refused (a wrong 口令 too).
 */
export async function exportCommand(ctx: Ctx, pos: string[], flags: Flags): Promise<Outcome> {
  const [ws, out] = pos;
  if (!ws || !out || pos.length > 2) throw wrongUsage();
  const month = monthFlag('--month', str(flags, 'month'));
  const kind = flags.final === true ? 'final' : 'monthly';
  if (kind === 'final' && month !== undefined) throw usage('正式申报包的月份是生成当月，不能用 --month 指定。');
  const signer = str(flags, 'signer');
  if (kind === 'monthly' && (signer !== undefined || flags['passphrase-file'] !== undefined))
    throw usage('月报不签名：--signer 与 --passphrase-file 只用于 --final。');
  if (kind === 'final' && signer === undefined)
    throw usage('正式申报包须由主要负责同志签名：请用 --signer 指定其姓名，--passphrase-file 指定口令文件。');
  const passphrase = kind === 'final' ? passphraseFrom(flags) : undefined;
  await call('workspace:open', { dir: resolve(ws) }, ctx);
  const r = (await call('package:export', { kind, month, out: resolve(out), signer, passphrase }, ctx))!;
  return {
    json: r,
    human:
      `已生成并校验${r.kind === 'final' ? '正式申报包' : `${r.month} 月报`}：${r.path}\n${r.files} 个文件，${(r.bytes / 2 ** 20).toFixed(1)} MB，SHA-256 ${r.sha256}\n` +
      `体检：错误 ${r.check.errors}，警告 ${r.check.warnings}，预计失分 ${r.check.pointsAtRisk} 分`,
    exit: EXIT.ok,
  };
}

/** `wangbao verify <pkg.zip>`: the result is printed whatever the outcome; exit 0 valid, 1 invalid, 2 unreadable. */
export async function verifyCommand(ctx: Ctx, pos: string[]): Promise<Outcome> {
  const [file] = pos;
  if (!file || pos.length > 1) throw wrongUsage();
  const verified = (await call('package:verify', { file: resolve(file) }, ctx))!;
  // The contract's output: the result without the path the app adds.
  const r = {
    valid: verified.valid,
    kind: verified.kind,
    unit: verified.unit,
    month: verified.month,
    problems: verified.problems,
  };
  const unreadable = r.problems.some((p) => p.code === 'zip-unreadable');
  const lines = r.problems.map(
    (p) =>
      `${p.severity === 'error' ? '错误' : '警告'}  ${p.code}${p.path ? `  ${p.path}` : ''}\n    ${forTerminal(p.message, ctx.log)}`,
  );
  return {
    json: r,
    human: [
      r.valid ? `校验通过：${file}` : `校验未通过：${file}`,
      r.unit ? `单位：${r.unit.name}  月份：${r.month}  类型：${r.kind === 'final' ? '正式' : '月报'}` : '',
      ...lines,
    ]
      .filter(Boolean)
      .join('\n'),
    exit: unreadable ? EXIT.usage : r.valid ? EXIT.ok : EXIT.refused,
  };
}
