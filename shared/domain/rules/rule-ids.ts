import type { Severity } from '../value-sets';

/**
 * Every rule of the lost-point checker: its Chinese name, its default severity and the default share of its
 * criterion's points a finding puts at risk (the rule profile can change both). Ids are a contract (CLI, packages).
 */
export const RULES = {
  'requirement-unmet': { label: '材料数量不足', severity: 'error', fraction: 0.5 },
  'no-materials': { label: '没有材料', severity: 'error', fraction: 1 },
  'date-outside-period': { label: '日期不在测评周期内', severity: 'error', fraction: 0.25 },
  'date-missing': { label: '缺少日期', severity: 'warning', fraction: 0.1 },
  'caption-missing': { label: '缺少图片说明', severity: 'error', fraction: 0.1 },
  'caption-incomplete': { label: '图片说明不完整', severity: 'warning', fraction: 0.05 },
  'caption-date-mismatch': { label: '说明日期与拍摄日期不符', severity: 'warning', fraction: 0.1 },
  'photo-too-small': { label: '图片尺寸过小', severity: 'warning', fraction: 0.05 },
  'photo-blurry': { label: '图片模糊', severity: 'warning', fraction: 0.1 },
  'photo-overcompressed': { label: '图片压缩过度', severity: 'warning', fraction: 0.05 },
  'screenshot-as-photo': { label: '截图当作实景图片', severity: 'warning', fraction: 0.1 },
  'duplicate-across-criteria': { label: '同一文件用于多条标准', severity: 'warning', fraction: 0.1 },
  'near-duplicate': { label: '近似重复图片', severity: 'warning', fraction: 0.1 },
  'reused-from-earlier-year': { label: '使用往年材料', severity: 'error', fraction: 0.25 },
  'pdf-encrypted': { label: 'PDF 已加密', severity: 'error', fraction: 0.25 },
  'pdf-unreadable': { label: 'PDF 无法打开', severity: 'error', fraction: 0.25 },
  'pdf-active-content': { label: 'PDF 含脚本或附件', severity: 'warning', fraction: 0.1 },
  'scan-without-text': { label: '扫描件无文字层', severity: 'info', fraction: 0 },
  'statement-too-short': { label: '情况说明过短', severity: 'warning', fraction: 0.2 },
  'statement-without-figures': { label: '情况说明缺少数据', severity: 'warning', fraction: 0.2 },
  'file-type-not-accepted': { label: '文件类型不被接受', severity: 'error', fraction: 0.25 },
  'file-too-large': { label: '文件过大', severity: 'warning', fraction: 0.1 },
  'name-invalid': { label: '文件名需调整', severity: 'warning', fraction: 0 },
  'not-reviewed': { label: '未经领导审核', severity: 'warning', fraction: 0.1 },
  'review-stale': { label: '审核后材料有变动', severity: 'warning', fraction: 0.1 },
  'review-returned': { label: '领导退回修改', severity: 'warning', fraction: 0.1 },
  'unreadable-format': { label: '无法自动检查的格式', severity: 'info', fraction: 0 },
} as const satisfies Record<string, { label: string; severity: Severity; fraction: number }>;

export type RuleId = keyof typeof RULES;
export const RULE_IDS = Object.keys(RULES) as RuleId[];
