/**
 * The fixed value sets of DOMAIN.md. Ids are what data, JSON and code use; labels are what the UI shows.
 * Input accepts either (see `parseValue`).
 */

export const MATERIAL_KINDS = {
  document: '规范文件',
  statement: '情况说明',
  photo: '实景图片',
  table: '统计表格',
  ledger: '台账',
  video: '视频',
  screenshot: '媒体截图',
  other: '其他',
} as const;
export type MaterialKind = keyof typeof MATERIAL_KINDS;

export const METHODS = {
  online: '网上申报',
  field: '实地考察',
  survey: '问卷调查',
  web: '网络调查',
  data: '数据采集',
  other: '其他',
} as const;
export type Method = keyof typeof METHODS;

export const CRITERION_STATUSES = {
  'not-applicable': '不适用',
  'not-started': '未开始',
  'in-progress': '进行中',
  complete: '已齐全',
} as const;
export type CriterionStatus = keyof typeof CRITERION_STATUSES;

export const FREQUENCIES = {
  monthly: '每月',
  quarterly: '每季度',
  yearly: '每年',
  once: '一次性',
  ongoing: '常态',
} as const;
export type Frequency = keyof typeof FREQUENCIES;

export const SEVERITIES = { error: '错误', warning: '警告', info: '提示' } as const;
export type Severity = keyof typeof SEVERITIES;

/** Extra Chinese spellings seen in real 台账 files, mapped to the id they mean. */
const ALIASES: Record<string, string> = {
  材料审核: 'online',
  网上申报材料: 'online',
  网报: 'online',
  '网上申报/材料审核': 'online',
  实地检查: 'field',
  实地察看: 'field',
  问卷: 'survey',
  网上调查: 'web',
  数据: 'data',
  图片: 'photo',
  照片: 'photo',
  文件: 'document',
  统计表: 'table',
  每季: 'quarterly',
  每年度: 'yearly',
  长期: 'ongoing',
};

/**
 * Reads a value of a set given as its id, its Chinese label or a known alias; `undefined` when it is none of these.
 * @example parseValue(METHODS, '实地考察') === 'field'
 */
export function parseValue<T extends Record<string, string>>(set: T, input: string): keyof T | undefined {
  const s = input.trim();
  if (Object.hasOwn(set, s)) return s as keyof T;
  for (const [id, label] of Object.entries(set)) if (label === s) return id as keyof T;
  const alias = ALIASES[s];
  if (alias !== undefined && Object.hasOwn(set, alias)) return alias as keyof T;
  return undefined;
}
