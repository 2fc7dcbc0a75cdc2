import { createHash } from 'node:crypto';
import { z } from 'zod';
import { CatalogFile } from '../../../shared/schemas/catalog-file';
import { AppError } from '../../../shared/ipc/errors';

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
