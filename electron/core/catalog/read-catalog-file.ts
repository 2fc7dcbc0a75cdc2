import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { z } from 'zod';
import { CatalogFile } from '../../../shared/schemas/catalog-file';
import { AppError } from '../../../shared/ipc/errors';
import { fsError } from '../fs-errors';

/** A catalog file larger than this is not a 测评体系 (250 standards take ~200 KB). */
const MAX_BYTES = 64 * 1024 * 1024;

export interface LoadedCatalogFile {
  file: CatalogFile;
  sourceName: string;
  sha256: string;
}

/** Reads and validates a catalog JSON file; every fault becomes a Chinese message saying where it is. */
export async function readCatalogFile(path: string): Promise<LoadedCatalogFile> {
  const info = await stat(path).catch((e: unknown) => {
    throw fsError(e, '读取测评体系文件', path);
  });
  if (!info.isFile()) throw new AppError('catalog-invalid', `这不是一个文件：${path}`, `not a file: ${path}`);
  if (info.size > MAX_BYTES)
    throw new AppError(
      'catalog-invalid',
      '测评体系文件过大（超过 64 MB），不像是测评体系。',
      `${path}: ${info.size} bytes`,
    );
  const bytes = await readFile(path).catch((e: unknown) => {
    throw fsError(e, '读取测评体系文件', path);
  });
  if (/\.(xlsx|xls|et|csv|docx?|wps)$/iu.test(path))
    throw new AppError(
      'catalog-invalid',
      '这是表格或文档文件。此处导入的是网报通的测评体系 JSON 文件；Excel 台账的导入请使用“导入台账”。',
      `${path}: spreadsheet/document extension`,
    );
  return { file: parseCatalogJson(bytes.toString('utf8'), path), sourceName: basename(path), sha256: sha256(bytes) };
}

/** Parses and validates catalog JSON text. */
export function parseCatalogJson(text: string, where: string): CatalogFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/u, ''));
  } catch (e) {
    throw new AppError(
      'catalog-invalid',
      '测评体系文件不是有效的 JSON，可能已损坏或不是网报通的格式。',
      `${where}: ${(e as Error).message}`,
    );
  }
  const parsed = CatalogFile.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues.slice(0, 3).map(describeIssue).join('；');
    throw new AppError(
      'catalog-invalid',
      `测评体系文件的格式不对：${first}。`,
      `${where}: ${z.prettifyError(parsed.error)}`,
    );
  }
  return parsed.data;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map((p) => (typeof p === 'number' ? `第 ${p + 1} 项` : String(p))).join(' → ');
  return path === '' ? issue.message : `${path}：${issue.message}`;
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
