/** The 创城办 mode's Chinese messages, in one place. */
export const CAMPAIGN_MESSAGES = {
  notOffice:
    '这是单位工作区，不是创城办工作区。创城办的操作（下发、收件、汇总）只能在用“office init”建立的创城办工作区中进行。',
  isOffice: '这是创城办工作区，不能用于单位的材料收集与导出。请打开本单位的工作区。',
  noCatalog: '创城办工作区还没有测评体系。请先用“catalog import”导入测评体系或台账。',
  noUnits: '创城办工作区还没有单位。请先用“office units import”导入单位。',
} as const;
