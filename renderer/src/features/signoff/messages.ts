import { REVIEW_STATUSES, type ReviewStatus } from '@shared/domain/review-state';
import { REVIEW_LEVEL_ACTS, REVIEW_LEVELS, type ReviewDecision, type ReviewLevel } from '@shared/domain/signoff';

/** A moment core recorded (a review, a lock's end), in this computer's time: `2026-06-15 10:05`. */
export function localMoment(iso: string): string {
  const d = new Date(iso);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** Sign-off's Chinese text on the officer's and the leaders' screens, in one place. */
export const R = {
  // 设置 → 审核人
  signersTitle: '审核人',
  signersIntro:
    '分管领导审改、主要负责同志审阅把关。每位审核人有自己的签批密钥，只用本人设定的口令解锁；口令不保存，忘记后只能停用并重新添加。',
  noSigners: '还没有审核人。添加分管领导和主要负责同志后，他们可以在“审核”中审核材料。',
  name: '姓名',
  level: '级别',
  levelLabel: (l: ReviewLevel) => REVIEW_LEVELS[l],
  fingerprint: '密钥指纹',
  fingerprintHint: '核对密钥用：与创城办收到的申报包中的指纹一致',
  state: '状态',
  active: '在用',
  retired: '已停用',
  keyElsewhere: '密钥不在本机',
  lockedUntil: (at: string) => `口令输错过多，${localMoment(at)} 前不能使用`,
  add: '添加审核人',
  addTitle: '添加审核人',
  passphrase: '口令',
  passphraseHint: (min: number) => `至少 ${min} 个字符，由审核人本人输入并牢记`,
  passphraseAgain: '再次输入口令',
  passphraseMismatch: '两次输入的口令不一致。',
  nameMissing: '请填写姓名。',
  added: (name: string) => `已添加审核人“${name}”。`,
  retire: '停用',
  retireTitle: '停用审核人',
  retireConfirm: (name: string) =>
    `停用后“${name}”不能再审核，已作出的审核仍然有效。停用不能撤销（可以重新添加一位审核人）。确定停用吗？`,
  retireDo: '确定停用',
  card: '密钥卡',
  cardSaved: (path: string) => `已保存审核人密钥卡：${path}。请打印、本人签字并加盖单位公章后报创城办备案。`,
  changePassphrase: '修改口令',
  changeTitle: (name: string) => `修改“${name}”的口令`,
  oldPassphrase: '原口令',
  newPassphrase: '新口令',
  newPassphraseAgain: '再次输入新口令',
  changed: (name: string) => `已修改“${name}”的口令。`,
  cancel: '取消',
  save: '保存',

  // 审核
  reviewTitle: '审核',
  reviewIntro:
    '分管领导审改、主要负责同志审阅把关：逐条查看材料和体检结果，通过或退回修改。每次决定都用审核人的口令签名。',
  reviewer: '审核人',
  reviewerOption: (name: string, l: ReviewLevel) => `${name}（${REVIEW_LEVELS[l]}）`,
  noReviewer: '还没有可以在本机审核的审核人。请先在“设置 → 审核人”中添加分管领导和主要负责同志。',
  openSettings: '前往设置',
  queueTitle: (l: ReviewLevel) => `待${REVIEW_LEVELS[l]}${REVIEW_LEVEL_ACTS[l]}`,
  queueCount: (n: number) => `${n} 条`,
  queueEmpty: (l: ReviewLevel) =>
    l === 'leader'
      ? '没有等待分管领导审改的标准。有材料的标准会出现在这里。'
      : '没有等待主要负责同志审阅把关的标准。分管领导审改通过后会出现在这里。',
  selectAll: '全选',
  approveSelected: (n: number) => `通过所选（${n} 条）`,
  itemContent: (code: string) => `${code} 的测评标准、材料和体检结果`,
  pickOne: '在左侧选择一条标准，查看它的材料和体检结果。',
  approve: '通过',
  returnForChanges: '退回修改',
  comment: '退回意见',
  commentHint: '写明需要修改的地方，材料员会在台账中看到',
  commentMissing: '退回修改时请写明需要修改的地方。',
  materials: (n: number) => `材料（${n} 份）`,
  noMaterials: '这条标准还没有材料。',
  findingsTitle: '体检结果',
  noFindings: '体检没有发现这条标准的失分风险。',
  loading: '正在读取…',

  // 口令
  passphraseTitle: '输入口令',
  passphraseFor: (name: string, l: ReviewLevel) => `${REVIEW_LEVELS[l]} ${name}，请输入您的口令以签名：`,
  decisionLine: (d: ReviewDecision, n: number) => `${d === 'approve' ? '通过' : '退回修改'} ${n} 条标准`,
  confirm: '确认签名',
  signing: '正在签名…',
  signer: '签名人',

  // The officer's view of review state
  reviewSection: '领导审核',
  levelLine: (l: ReviewLevel) => `${REVIEW_LEVELS[l]}${REVIEW_LEVEL_ACTS[l]}`,
  notYet: '尚未审核',
  decided: (d: ReviewDecision, signer: string, at: string) =>
    `${signer} ${d === 'approve' ? '通过' : '退回修改'}（${localMoment(at)}）`,
  staleNote: '（之后材料有变动，已失效）',
  returnedWith: (comment: string) => `退回意见：${comment}`,
  changesTitle: '审核通过后材料有以下变动，需重新审核：',
  invalid: (n: number) => `有 ${n} 条审核记录签名无效，未计入。`,
  statusLabel: (s: ReviewStatus) => REVIEW_STATUSES[s],

  // 首页
  homeTitle: '待领导审核',
  homeWaiting: (l: ReviewLevel, n: number) => `待${REVIEW_LEVELS[l]}${REVIEW_LEVEL_ACTS[l]} ${n} 条`,
  homeApproved: (n: number) => `已审阅把关 ${n} 条`,
  homeNone: '还没有需要审核的标准：有材料的标准会在这里计数。',
  homeOpen: '打开审核',

  // 导出 (正式)
  unapproved: (n: number) =>
    `还有 ${n} 条标准未经分管领导审改、主要负责同志审阅把关（或审核后材料有变动），正式申报包须全部审核通过。`,
  openReview: '前往审核',
  finalSigner: '签名的主要负责同志',
  noPrincipal: '正式申报包须由主要负责同志签名：请先在“设置 → 审核人”中添加主要负责同志。',
  finalPassphraseTitle: '签名正式申报包',
} as const;

/** 送审 (a leader reviewing on another PC): the officer's side and the key file, in one place. */
export const X = {
  // 设置 → 审核人
  exportKey: '导出密钥',
  exportKeyTitle: (name: string) => `导出“${name}”的签批密钥`,
  exportKeyIntro:
    '密钥文件用于领导在本人电脑上审核送审包。文件中的私钥仍由口令加密，不含口令本身；请交给领导本人保管（本人电脑或U盘）。',
  removeKey: '从本工作区移除私钥（之后只能用密钥文件签批）',
  exportKeyDo: '选择保存位置并导出',
  keyExported: (path: string, removed: boolean) =>
    `已导出签批密钥：${path}。${removed ? '本工作区已不再保存该私钥。' : ''}`,
  importKey: '导入密钥…',
  keyImported: (name: string) => `已导入“${name}”的签批密钥。`,

  // 审核 → 送审
  keysElsewhere:
    '审核人的签批密钥不在本机：请用“导出送审包”把材料交领导在本人电脑上审核，再“导入审核结果”。也可在“设置 → 审核人”中导入密钥。',
  exportRequest: '导出送审包…',
  importAnswer: '导入审核结果…',
  requestTitle: '导出送审包',
  requestIntro:
    '领导不在本机审核时，把所选标准的材料导出为送审包，交领导在本人电脑上用网报通打开审核，再把“审核结果”文件带回导入。',
  requestLevel: '送谁审核',
  requestCriteria: (n: number, total: number) => `标准（已选 ${n} / ${total} 条）`,
  requestNone: (level: ReviewLevel) => `目前没有等待${REVIEW_LEVELS[level]}${REVIEW_LEVEL_ACTS[level]}的标准。`,
  requestDo: (n: number) => `选择保存位置并导出（${n} 条）`,
  requestSaved: (path: string, n: number) => `已导出送审包（${n} 条标准）：${path}`,
  answerImported: (recorded: number, current: string[], stale: string[]) =>
    `已导入审核结果：记录 ${recorded} 条审核。` +
    (current.length > 0 ? `有效：${current.join('、')}。` : '') +
    (stale.length > 0 ? `以下标准在送审后材料有变动，审核已失效，需重新送审：${stale.join('、')}。` : ''),
} as const;

/** 设置 → 操作记录. */
export const L = {
  title: '操作记录',
  intro:
    '工作区里每一次改动（添加、修改、删除材料，负责范围，声明，审核人，领导审核，导出）都逐条记录，每条记录都包含上一条的校验值，删改任何一条都会被发现。',
  criterion: '标准编号',
  action: '操作',
  from: '起始日期',
  to: '截止日期',
  refresh: '刷新',
  verify: '验证记录',
  time: '时间',
  what: '内容',
  count: (total: number, shown: number) => (total > shown ? `共 ${total} 条，显示最近 ${shown} 条` : `共 ${total} 条`),
  intact: (rows: number) => `操作记录完整：共 ${rows} 条，逐条验证无误。`,
  broken: (row: number, rows: number) => `操作记录已被改动：第 ${row} 条起验证不通过（共 ${rows} 条）。`,
} as const;
