import { readFile, stat, writeFile } from 'node:fs/promises';
import { AppError } from '@shared/ipc/errors';
import { ExchangeHead } from '@shared/schemas/review-exchange';
import type { z } from 'zod';
import { fsError } from '../fs-errors';
import { writeAtomically } from '../store/atomic-write';
import { workspaceHolding } from '../workspace/write-targets';

/**
 * Reading and writing the small JSON files of 送审 (the key file and the 审核结果): each comes from another PC, so
 * it is read with a size limit and validated whole before anything is done with it, and written atomically where
 * the user chose — never inside a workspace, never over a file of another kind.
 */

/** A key file is ~1 KB and an answer of 250 criteria ~1 MB; anything far larger is not one of ours. */
const MAX_JSON_BYTES = 32 * 2 ** 20;

/** Reads `path` as `format` of `schema`; refused (`input-refused`) with `what`'s name when it is anything else. */
export async function readExchangeFile<S extends z.ZodType>(
  path: string,
  format: string,
  schema: S,
  what: string,
): Promise<z.output<S>> {
  const size = await stat(path).then(
    (s) => (s.isFile() ? s.size : -1),
    (e: unknown) => {
      throw fsError(e, `读取${what}`, path);
    },
  );
  if (size < 0 || size > MAX_JSON_BYTES)
    throw new AppError('input-refused', `这个文件不是网报通的${what}。`, `${path}: ${size} bytes`);
  let json: unknown;
  try {
    json = JSON.parse((await readFile(path)).toString('utf8'));
  } catch (e) {
    throw new AppError('input-refused', `这个文件不是网报通的${what}（无法读取其内容）。`, `${path}: ${String(e)}`);
  }
  const head = ExchangeHead.safeParse(json);
  if (!head.success || head.data.format !== format)
    throw new AppError('input-refused', `这个文件不是网报通的${what}。`, `${path}: format is not ${format}`);
  if (head.data.formatVersion > 1)
    throw new AppError(
      'input-refused',
      `这个${what}由较新版本的网报通生成，请先升级本软件。`,
      `${path}: ${format} version ${head.data.formatVersion}`,
    );
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw new AppError('input-refused', `这个${what}内容不完整或已损坏。`, `${path}: ${parsed.error.message}`);
  return parsed.data as z.output<S>;
}

/** Writes `value` as JSON at `path`, atomically; refused inside a workspace or over a file that is not a `format`. */
export async function writeExchangeFile(path: string, format: string, value: unknown, what: string): Promise<void> {
  if ((await workspaceHolding(path)) !== null)
    throw new AppError('input-refused', `不能把${what}保存在工作区文件夹里，请换一个位置。`, `${path} in a workspace`);
  const existing = await stat(path).catch(() => null);
  if (existing && (!existing.isFile() || !(await isFormat(path, format))))
    throw new AppError('input-refused', `已有同名的其他文件，不能覆盖：${path}`, `${path} exists and is not ${format}`);
  await writeAtomically(path, (tmp) => writeFile(tmp, `${JSON.stringify(value, null, 1)}\n`)).catch((e: unknown) => {
    throw fsError(e, `保存${what}`, path);
  });
}

async function isFormat(path: string, format: string): Promise<boolean> {
  try {
    const head = ExchangeHead.safeParse(JSON.parse((await readFile(path)).toString('utf8')));
    return head.success && head.data.format === format;
  } catch {
    return false;
  }
}
