import { RULES, type RuleId } from '@shared/domain/rules/rule-ids';
import type { FixAction } from '@shared/domain/rules/types';
import { SEVERITIES, type Severity } from '@shared/domain/value-sets';

/** The checker's Chinese text, in one place. */
export const C = {
  title: '体检：失分风险',
  intro: '报送前逐项检查可能失分的地方。每条都写明原因和改法；处理后会自动重新检查。',
  byCriterion: '按标准',
  byRule: '按问题',
  groupBy: '分组',
  severityFilter: '级别',
  none: '没有发现失分风险。',
  noneFiltered: '没有符合筛选条件的问题。',
  points: (p: number) => `预计失分 ${p} 分`,
  total: (p: number) => `预计共失分 ${p} 分`,
  /** Why a criterion's total (体检's group, the detail) is less than its lines added up. */
  cappedShort: '已达本条全部分值',
  capped: (p: number) => `各条合计已超过本条分值，一条标准最多失去它的全部分值（${p} 分）。`,
  counts: (e: number, w: number, i: number) => `错误 ${e} · 警告 ${w} · 提示 ${i}`,
  showAll: (n: number) => `显示全部 ${n} 条`,
  open: '查看',
  ruleLabel: (id: RuleId) => RULES[id].label,
  severityLabel: (s: Severity) => SEVERITIES[s],
  fix: {
    attach: '添加材料',
    declare: '不属本单位职责…',
    edit: '编辑',
    optimize: '优化图片',
    replace: '更换材料',
    remove: '删除',
  } satisfies Record<FixAction, string>,
  declare: {
    title: '声明“不属本单位职责”',
    hint: '写明这条标准为什么不属于本单位的职责（例如职能划转、由哪个单位负责、依据哪个文件）。这段说明会随申报包交给创城办。',
    label: '说明',
    confirm: '确认声明',
    cancel: '取消',
    declared: '已声明不属本单位职责',
    counters: '已声明不属本单位职责，这条标准不需要材料',
    withdraw: '撤销声明',
    button: '不属本单位职责…',
  },
  profile: {
    title: '检查规则',
    intro:
      '检查的阈值、可接受的文件类型、各项问题的级别和扣分比例。创城办随测评体系下发的规则会自动启用；修改会记入日志。',
    origin: { default: '默认规则', catalog: '创城办下发', user: '本单位修改' } as const,
    save: '保存规则',
    reset: '恢复默认',
    rule: '问题',
    enabled: '检查',
    severity: '级别',
    fraction: '扣分比例',
    fractionOf: '扣该条分值的',
    fractionHint:
      '扣分比例：发现一处这类问题，预计失去该条测评标准分值的百分之几；完全缺少所需材料时失去全部分值，一条标准合计最多失去它的全部分值。',
    ruleId: (id: RuleId) => `规则编号：${id}`,
  },
  references: {
    title: '往年材料',
    intro:
      '导入往年的材料文件夹或往年的申报包，软件只记录文件的指纹（哈希和图片特征），不复制文件。本年度材料与往年相同或几乎相同时会提示“使用往年材料”。',
    year: '年度',
    import: '导入往年材料文件夹…',
    importPackage: '导入往年申报包…',
    none: '尚未导入往年材料。',
    files: (n: number) => `${n} 个文件`,
    remove: '移除',
    result: (added: number, known: number, skipped: number) =>
      `新增 ${added} 个，已有 ${known} 个${skipped ? `，跳过 ${skipped} 个（不是材料文件）` : ''}。`,
  },
};

/** Severity colours (UI.md): red error, orange warning, grey info. */
export const SEVERITY_COLOR: Record<Severity, string> = { error: 'red', warning: 'orange', info: 'gray' };
