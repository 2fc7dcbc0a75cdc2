import { REVIEW_LEVEL_ACTS, REVIEW_LEVELS, type ReviewDecision, type ReviewLevel } from '@shared/domain/signoff';

/** The leader's read-only review of a 送审包 (审核送审包（领导用）): its Chinese text in one place. */
export const V = {
  welcomeTitle: '领导审核',
  welcomeIntro: '经办人导出的送审包，可在领导本人电脑上打开审核，签批后保存审核结果交回。',
  welcomeOpen: '审核送审包（领导用）',
  title: '审核送审包',
  heading: (unit: string, level: ReviewLevel) => `${unit} · 请${REVIEW_LEVELS[level]}${REVIEW_LEVEL_ACTS[level]}`,
  madeAt: (file: string, at: string) => `${file}（${at.slice(0, 16).replace('T', ' ')} 导出）`,
  readOnly: '只读：不会修改任何材料。您的决定用本人的签批密钥签名，保存为“审核结果”文件，交经办人导入。',
  key: '签批密钥',
  noKey: '尚未选择密钥文件',
  chooseKey: '选择密钥文件…',
  changeKey: '更换密钥文件…',
  keyLine: (name: string, level: ReviewLevel, fp: string) => `${name}（${REVIEW_LEVELS[level]}） ${fp}`,
  save: (n: number) => `保存审核结果（${n} 条）`,
  saved: (path: string) => `已保存审核结果：${path}。请将此文件交经办人，在“审核 → 导入审核结果”中导入。`,
  close: '关闭',
  closeAnyway: '不保存，关闭',
  closeConfirm: '还有已签批但未保存的审核结果，关闭后将丢失。确定关闭吗？',
  criteria: (n: number) => `送审标准（${n} 条）`,
  approveSelected: (n: number) => `通过所选（${n} 条）`,
  pending: '待审核',
  decided: (d: ReviewDecision) => (d === 'approve' ? '已通过' : '已退回'),
  standard: '测评标准',
  requirements: '材料要求',
  declaration: '不属本单位职责声明',
  leaderApproved: (name: string, at: string) =>
    `分管领导 ${name} 已审改通过（${at.slice(0, 16).replace('T', ' ')}），签名已核验。`,
  materials: (n: number) => `材料（${n} 份）`,
  noMaterials: '这条标准没有材料（已声明不属本单位职责）。',
  caption: '说明',
  date: '日期',
  previewNone: '此类文件不能在软件内预览。',
  yourDecision: (d: ReviewDecision, comment: string) =>
    d === 'approve'
      ? '您已签批：通过。可以改变决定，以最后一次为准。'
      : `您已签批：退回修改（${comment}）。可以改变决定，以最后一次为准。`,
  unsavedChanges: (n: number) => `已签批 ${n} 条，尚未保存。`,
} as const;
