/**
 * The actions of the workspace's audit log (操作记录) and how 设置 → 操作记录 names them. An action not listed (a
 * newer app's) is shown as written.
 */
export const AUDIT_ACTIONS: Record<string, string> = {
  'workspace.create': '创建工作区',
  'workspace.settings': '修改工作区设置',
  'catalog.import': '导入测评体系',
  'criteria.scope': '调整本单位负责范围',
  'material.attach': '添加材料',
  'material.update': '修改材料信息',
  'materials.move': '移动材料',
  'materials.copy': '复制材料',
  'materials.trash': '删除材料',
  'materials.restore': '撤销删除',
  'materials.optimize': '优化图片',
  'criterion.declare': '声明不属本单位职责',
  'criterion.withdrawDeclaration': '撤回不属本单位职责声明',
  'ruleProfile.set': '修改检查规则',
  'reference.import': '导入往年材料',
  'reference.remove': '移除往年材料',
  'signer.add': '添加审核人',
  'signer.retire': '停用审核人',
  'signer.passphrase': '修改审核人口令',
  'review.record': '领导审核',
  'package.export': '导出申报包',
  'handout.import': '导入创城办下发',
  'request.add': '新增要账',
  'request.close': '要账销号',
  'request.reopen': '撤销销号',
  'request.setMet': '标记要账已交',
  'materials.month': '批量修改材料月份',
  'signer.exportKey': '导出签批密钥',
  'signer.importKey': '导入签批密钥',
  'review.exportRequest': '导出送审包',
  'review.importAnswer': '导入审核结果',
  'office.init': '创建创城办工作区',
  'office.units': '导入单位',
  'office.handout': '下发',
  'office.import': '收取申报包',
  'office.request.close': '要账销号（创城办）',
  'office.request.reopen': '撤销销号（创城办）',
};

/** The criteria a logged change is about, read from its details (`criterionCode`, `code`, `codes`). */
export function auditCriteria(details: unknown): string[] {
  if (details === null || typeof details !== 'object') return [];
  const d = details as { criterionCode?: unknown; code?: unknown; codes?: unknown; to?: unknown };
  const out = [d.criterionCode, d.code, ...(Array.isArray(d.codes) ? d.codes : [])].filter(
    (c): c is string => typeof c === 'string',
  );
  return [...new Set(out)];
}
