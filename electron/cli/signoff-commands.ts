import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { displayFingerprint, REVIEW_DECISIONS, REVIEW_LEVELS, type ReviewLevel } from '@shared/domain/signoff';
import { AppError } from '@shared/ipc/errors';
import { call } from '../core/dispatch';
import type { Ctx } from '../core/context';
import { str, type Flags, type Outcome } from './commands';
import { EXIT } from './exit-codes';
import { usage, wrongUsage } from './messages';

/**
 * The 口令 from `--passphrase-file`: the file's first line, or standard input's when the file is `-`. Never an
 * argument, which other users of the machine could read in the process list and which stays in the shell history.
 */
export function passphraseFrom(flags: Flags): string {
  const file = str(flags, 'passphrase-file');
  if (file === undefined) throw usage('请用 --passphrase-file 指定口令文件（第一行为口令；- 表示从标准输入读取）。');
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : resolve(file), 'utf8');
  } catch (e) {
    throw new AppError('io', `无法读取口令文件：${file}`, `passphrase file ${file}: ${(e as Error).message}`);
  }
  const line = text.replace(/^\uFEFF/u, '').split(/\r?\n/u)[0] ?? '';
  if (line === '') throw usage('口令文件的第一行是空的。');
  return line;
}

const LEVELS = Object.keys(REVIEW_LEVELS) as ReviewLevel[];

/** `wangbao signer add <ws> --name N --level leader|principal --passphrase-file F` */
export async function signerAdd(ctx: Ctx, pos: string[], flags: Flags): Promise<Outcome> {
  const [ws] = pos;
  const name = str(flags, 'name');
  const level = str(flags, 'level') as ReviewLevel | undefined;
  if (!ws || pos.length > 1 || !name) throw wrongUsage();
  if (!level || !LEVELS.includes(level)) throw usage('--level 应为 leader（分管领导）或 principal（主要负责同志）。');
  const passphrase = passphraseFrom(flags);
  await call('workspace:open', { dir: resolve(ws) }, ctx);
  const r = await call('signer:add', { name, level, passphrase }, ctx);
  return {
    json: { name: r.name, level: r.level, fingerprint: r.fingerprint },
    human: `已添加审核人：${r.name}（${REVIEW_LEVELS[r.level]}），密钥指纹 ${displayFingerprint(r.fingerprint)}`,
    exit: EXIT.ok,
  };
}

/** `wangbao signer list <ws> --json` */
export async function signerList(ctx: Ctx, pos: string[]): Promise<Outcome> {
  const [ws] = pos;
  if (!ws || pos.length > 1) throw wrongUsage();
  await call('workspace:open', { dir: resolve(ws), access: 'read' }, ctx);
  const { signers } = await call('signer:list', {}, ctx);
  return {
    json: {
      signers: signers.map((s) => ({ name: s.name, level: s.level, fingerprint: s.fingerprint, retired: s.retired })),
    },
    human:
      signers.length === 0
        ? '还没有审核人。'
        : signers
            .map(
              (s) =>
                `${s.name}  ${REVIEW_LEVELS[s.level]}  ${displayFingerprint(s.fingerprint)}${s.retired ? '  已停用' : ''}`,
            )
            .join('\n'),
    exit: EXIT.ok,
  };
}

/** `wangbao review <ws> <code>... --approve|--return --signer N --passphrase-file F [--comment C]` */
export async function review(ctx: Ctx, pos: string[], flags: Flags): Promise<Outcome> {
  const [ws, ...codes] = pos;
  const signer = str(flags, 'signer');
  if (!ws || codes.length === 0 || flags.approve === flags.return || !signer) throw wrongUsage();
  const decision = flags.approve === true ? 'approve' : 'return';
  const passphrase = passphraseFrom(flags);
  await call('workspace:open', { dir: resolve(ws) }, ctx);
  const { reviews } = await call(
    'review:decide',
    { codes, decision, comment: str(flags, 'comment') ?? '', signer, passphrase },
    ctx,
  );
  return {
    json: { reviews },
    human: reviews
      .map((r) => `${r.criterionCode}  ${REVIEW_LEVELS[r.level]}  ${REVIEW_DECISIONS[r.decision]}`)
      .join('\n'),
    exit: EXIT.ok,
  };
}

/** `wangbao log verify <ws> --json`: exit 1 when the chain is broken. */
export async function logVerify(ctx: Ctx, pos: string[]): Promise<Outcome> {
  const [ws] = pos;
  if (!ws || pos.length > 1) throw wrongUsage();
  await call('workspace:open', { dir: resolve(ws), access: 'read' }, ctx);
  const r = await call('log:verify', {}, ctx);
  return {
    json: r,
    human: r.valid
      ? `操作记录完整：共 ${r.rows} 条，逐条验证无误。`
      : `操作记录已被改动：第 ${r.firstBrokenRow} 条起验证不通过（共 ${r.rows} 条）。`,
    exit: r.valid ? EXIT.ok : EXIT.refused,
  };
}

/** `wangbao review request <ws> <out.zip> <code>... --level leader|principal`: a 送审包 for a leader on another PC. */
export async function reviewRequest(ctx: Ctx, pos: string[], flags: Flags): Promise<Outcome> {
  const [ws, out, ...codes] = pos;
  const level = str(flags, 'level') as ReviewLevel | undefined;
  if (!ws || !out || codes.length === 0) throw wrongUsage();
  if (!level || !LEVELS.includes(level)) throw usage('--level 应为 leader（分管领导）或 principal（主要负责同志）。');
  await call('workspace:open', { dir: resolve(ws) }, ctx);
  const r = (await call('review:exportRequest', { codes, level, out: resolve(out) }, ctx))!;
  return {
    json: r,
    human: `已导出送审包（${r.criteria} 条标准，${r.materials} 份材料，请${REVIEW_LEVELS[r.level]}审核）：${r.path}`,
    exit: EXIT.ok,
  };
}

/** `wangbao review import <ws> <审核结果.json>`: records a leader's answer (exit 1 when refused). */
export async function reviewImport(ctx: Ctx, pos: string[]): Promise<Outcome> {
  const [ws, file] = pos;
  if (!ws || !file || pos.length > 2) throw wrongUsage();
  await call('workspace:open', { dir: resolve(ws) }, ctx);
  const r = (await call('review:importAnswer', { file: resolve(file) }, ctx))!;
  return {
    json: r,
    human:
      `已记录 ${r.recorded} 条审核。` +
      (r.current.length > 0 ? `有效：${r.current.join('、')}。` : '') +
      (r.stale.length > 0 ? `送审后材料有变动、已失效：${r.stale.join('、')}。` : ''),
    exit: EXIT.ok,
  };
}
