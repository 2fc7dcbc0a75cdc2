import type { RuleId } from '@shared/domain/rules/rule-ids';
import type { ProgressEvent } from '@shared/ipc/events';
import type { AttachResult } from '@shared/ipc/types';

/** The materials panel's Chinese text. */
export const M = {
  title: '材料',
  dropHere: '把照片或文件拖到这里',
  dropHint: '也可以拖入整个文件夹；系统文件和隐藏文件会自动跳过。',
  pick: '选择文件…',
  adding: (n: number) => `正在添加 ${n} 个文件…`,
  progress: (p: ProgressEvent) =>
    `已处理 ${p.done}/${p.total} · ${p.rate.toFixed(1)} 个/秒${p.remainingMs === null ? '' : ` · 约剩 ${Math.ceil(p.remainingMs / 1000)} 秒`}`,
  needs: '本条要求：',
  edit: '编辑材料',
  kind: '材料类型',
  itemTitle: '标题',
  caption: '图片说明',
  captionHint:
    '时间、地点、人物、主题、事由，如：时间：2025年5月12日；地点：市实验小学；人物：五年级学生；主题：劳动教育',
  eventDate: '形成日期 / 活动日期',
  month: '计入月份',
  save: '保存',
  moveTo: '移动或复制到另一条标准',
  move: '移动',
  copy: '复制',
  delete: '删除',
  optimize: (bytes: number) => `优化图片（${mb(bytes)}）`,
  optimized: (before: number, after: number) => `已优化：${mb(before)} → ${mb(after)}，原图已保留。`,
  deleted: (n: number) => `已删除 ${n} 份材料（已放入回收站）。`,
  undo: '撤销',
  moved: (done: number, skipped: number) =>
    `已处理 ${done} 份${skipped ? `，${skipped} 份因目标标准已有相同文件而跳过` : ''}。`,
  cancel: '取消',
  pages: (n: number) => `${n} 页`,
  /** The collection month as a card's tag ("6月"), the year in its tooltip. */
  monthTag: (month: string) => `${Number(month.slice(5, 7))}月`,
  monthLong: (month: string) => `计入 ${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`,
  noDate: '无日期',
  moreFindings: (n: number) => `+${n}`,
  addMore: '继续添加：把照片或文件拖到这里',
  selectOne: (title: string) => `选择“${title}”`,
  selectAll: '全选',
  selected: (n: number) => (n === 0 ? '勾选材料可批量修改计入月份' : `已选 ${n} 份`),
  setMonth: '修改月份…',
  setMonthTitle: (n: number) => `修改 ${n} 份材料的计入月份`,
  setMonthLabel: '计入月份',
  setMonthHint: '只能选择测评周期内的月份。月收集按材料的计入月份统计。',
  setMonthConfirm: '修改',
  setMonthDone: (n: number, month: string) =>
    `已将 ${n} 份材料改为计入 ${month.slice(0, 4)}年${Number(month.slice(5, 7))}月。`,
  preview: {
    previous: '上一份',
    next: '下一份',
    position: (i: number, n: number) => `第 ${i} / ${n} 份`,
    fit: '适合窗口',
    actual: '100%',
    zoom: '缩放',
    zoomHint: '点击图片在“适合窗口”和“100%”之间切换',
    caption: '图片说明',
    noCaption: '没有图片说明',
    kind: '材料类型',
    eventDate: '活动 / 形成日期',
    exifDate: '拍摄日期',
    documentDate: '文档创建日期',
    month: '计入月份',
    size: '大小',
    pixels: (w: number, h: number) => `${w} × ${h} 像素`,
    file: '文件名',
    findings: '体检发现',
    noFindings: '体检未发现这份材料的问题。',
    edit: '编辑',
  },
  summary(results: AttachResult[]): string {
    const n = (s: AttachResult['status']) => results.filter((r) => r.status === s).length;
    return `已添加 ${n('added')} 个，重复 ${n('duplicate')} 个，跳过 ${n('skipped')} 个，未添加 ${n('refused')} 个。`;
  },
};

/**
 * What a card's badge says about one of its own findings: a word or two, the rule's full name and the message in
 * its tooltip. Findings about the criterion as a whole (数量不足, 没有材料) never reach a card.
 */
export const FINDING_TAG: Record<RuleId, string> = {
  'requirement-unmet': '数量不足',
  'no-materials': '没有材料',
  'date-outside-period': '周期外',
  'date-missing': '无日期',
  'caption-missing': '缺说明',
  'caption-incomplete': '说明不全',
  'caption-date-mismatch': '日期不符',
  'photo-too-small': '过小',
  'photo-blurry': '模糊',
  'photo-overcompressed': '压缩过度',
  'screenshot-as-photo': '像截图',
  'duplicate-across-criteria': '重复',
  'near-duplicate': '近似重复',
  'reused-from-earlier-year': '往年材料',
  'pdf-encrypted': '已加密',
  'pdf-unreadable': '打不开',
  'pdf-active-content': '含脚本',
  'scan-without-text': '无文字层',
  'statement-too-short': '过短',
  'statement-without-figures': '缺数据',
  'file-type-not-accepted': '类型不符',
  'file-too-large': '过大',
  'name-invalid': '文件名',
  'not-reviewed': '未审核',
  'review-stale': '审核失效',
  'review-returned': '退回',
  'unreadable-format': '无法检查',
};

/** 850 KB · 2.4 MB. */
export function mb(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
