import { createHash } from 'node:crypto';
import { z } from 'zod';
import { CatalogFile } from '@shared/schemas/catalog-file';
import { AppError } from '@shared/ipc/errors';
import { catalogShapeProblem } from '@shared/domain/catalog-limits';

/**
 * Parses and validates catalog JSON text: within the catalog limits (checked before the recursive schema), with what
 * is wrong said in Chinese.
 */
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
  const tooLarge = catalogShapeProblem((raw as { nodes?: unknown } | null)?.nodes);
  if (tooLarge) throw new AppError('catalog-invalid', tooLarge, `${where}: over the catalog limits`);
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
  const what = inChinese(issue);
  return path === '' ? what : `${path}：${what}`;
}

const TYPES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: 'true 或 false',
  array: '列表（[…]）',
  object: '对象（{…}）',
};

/** What is wrong, in Chinese (zod's own messages are English): the file's keys stay as they are written. */
function inChinese(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_big':
      return issue.origin === 'string'
        ? `文字太长（最多 ${issue.maximum} 个字符）`
        : issue.origin === 'array'
          ? `条目太多（最多 ${issue.maximum} 项）`
          : `数值太大（最大 ${issue.maximum}）`;
    case 'too_small':
      return issue.origin === 'string'
        ? issue.minimum === 1
          ? '不能为空'
          : `文字太短（至少 ${issue.minimum} 个字符）`
        : issue.origin === 'array'
          ? `至少要有 ${issue.minimum} 项`
          : `数值太小（最小 ${issue.minimum}）`;
    case 'invalid_type':
      return `应为${TYPES[issue.expected] ?? '其他类型'}`;
    case 'invalid_value':
      return `应为 ${issue.values.map((v) => JSON.stringify(v)).join(' 或 ')}`;
    case 'invalid_format':
      return '格式不对';
    default:
      return '取值不符合要求';
  }
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
