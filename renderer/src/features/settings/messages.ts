/** 设置's Chinese text for the contact fields (the rest of the form predates this file). */
export const S = {
  contact: '联系人',
  phone: '联系电话',
  contactHint: '打印在申报包的目录、签批单和台账上；不填则留空，打印后手写。',
  phoneError: '请填写电话号码，例如 0591-87654321；多个号码用顿号分隔',
  notSet: '未填写',
} as const;
