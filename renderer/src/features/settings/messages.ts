/** 设置's Chinese text for the contact, unit-kind and 月收集日 fields (the rest of the form predates this file). */
export const S = {
  contact: '联系人',
  phone: '联系电话',
  contactHint: '打印在申报包的目录、签批单和台账上；不填则留空，打印后手写。',
  phoneError: '请填写电话号码，例如 0591-87654321；多个号码用顿号分隔',
  notSet: '未填写',
  collectionDay: '月收集日',
  collectionDayOf: (d: number) => `每月 ${d} 日（收集上月材料；当月没有这一天时为月末）`,
  collectionDayHint: '创城办每月这一天收集上月的材料：此前“本月”指上个月。导入下发包时以创城办的为准。',
  unitKind: '单位类别',
  unitKindHint: '决定台账中“各市直单位”“各街道”等集体责任是否属于本单位',
  unitKindGuessed: '按单位名称判断，请确认；决定“各市直单位”“各街道”等集体责任是否属于本单位',
} as const;
