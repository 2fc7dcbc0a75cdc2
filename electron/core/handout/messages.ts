import { AppError } from '@shared/ipc/errors';

/**
 * The Chinese the hand-out import says (one place, as the house style asks). Every refusal is `handout-refused`
 * (CLI exit 1) with the officer's sentence and a precise English `details` for the log.
 */

/** A refused hand-out: nothing was written. */
export const refused = (message: string, details: string): AppError =>
  new AppError('handout-refused', `${message}未导入任何内容。`, details);

export const HANDOUT_MESSAGES = {
  notAFile: '这不是一个文件。',
  notAZip: (why: string) => `这个文件不是创城办下发包：不是有效的 zip 压缩包${why}。`,
  tooManyEntries: (n: number, max: number) => `下发包中的文件过多（${n} 个，上限 ${max} 个），不像是创城办下发包。`,
  tooLarge: (name: string) => `下发包中的“${name}”解压后过大（疑似压缩炸弹）。`,
  tooLargeTotal: '下发包解压后过大（疑似压缩炸弹）。',
  unsafeEntry: (name: string, why: string) => `下发包中的“${name}”不安全（${why}）。`,
  duplicateEntry: (name: string) => `下发包中有重名的文件“${name}”。`,
  namesNotUtf8: (name: string) =>
    `下发包中的文件名不是 UTF-8 编码（如“${name}”），可能被其他软件重新压缩过。请使用创城办下发的原始文件。`,
  missing: (name: string) => `下发包缺少 ${name}，不是完整的创城办下发包。`,
  damaged: (name: string, why: string) => `下发包中的“${name}”已损坏（${why}）。`,
  sigInvalidFormat: '下发包的签名文件 handout.sig 格式不对。',
  sigBroken: '下发包的签名验证未通过：handout.json 在签名后被改动过，或签名不属于所附的密钥。',
  sigNotOffice: '下发包的签名密钥与 handout.json 中创城办的指纹不一致。',
  notJson: 'handout.json 不是有效的 JSON（UTF-8），可能已损坏。',
  notHandout: 'handout.json 不是创城办下发包（format 应为 wangbao-handout）。',
  formatNewer: (v: number) => `这个下发包的格式版本为 ${v}，本软件只支持第 1 版。请升级网报通后再导入。`,
  schema: (where: string) => `handout.json 的内容不符合下发包格式（${where}）。`,
  fileOutside: (path: string) => `下发包附件的路径“${path}”不在“附件/”下或不安全。`,
  fileListedTwice: (path: string) => `下发包的 files 中重复列出了“${path}”。`,
  fileUnlisted: (name: string) => `下发包中有未列入清单的文件“${name}”（可能被人为添加）。`,
  fileMissing: (path: string) => `下发包清单中的附件“${path}”不在压缩包中。`,
  fileAltered: (path: string) => `下发包中的附件“${path}”与清单记录不符（大小或 SHA-256 不同，可能被改动过）。`,
  fileChanged: (path: string) => `读取下发包附件“${path}”时内容与校验时不同（文件可能刚被改动）。`,
  catalogInvalid: (why: string) => `下发包中的测评体系有误：${why.replace(/。$/u, '')}。`,
  catalogNotCanonical: '下发包中的测评体系含有无法规范化的字符（孤立的代理项），无法计算其哈希。',
  otherYear: (got: number, ours: number) => `这是 ${got} 年度的下发包，本工作区是 ${ours} 年度。`,
  badPeriod: (start: string, end: string) => `下发包中的测评周期（${start} 至 ${end}）不正确。`,
  sequenceBack: (got: number, last: number) =>
    `这个下发包的序号是第 ${got} 号，早于已导入的第 ${last} 号：不能用旧的下发包覆盖新的。`,
  sequenceReused: (n: number) => `已导入过第 ${n} 号下发包，但这一份的内容与之不同：同一序号不能有两份不同的下发包。`,
  keyChanged: (now: string, before: string) =>
    `下发包的签名密钥（指纹 ${now}）与之前导入时记录的创城办密钥（指纹 ${before}）不同。请先与创城办核实，确认更换后再导入。`,
  unknownUnitId: (id: string) => `下发包中没有 id 为“${id}”的单位。`,
  chooseUnit: '下发包中没有与本单位名称或别名唯一对应的单位：请选择本单位对应的名称。',
  unitNameNone: (name: string, names: string) => `下发包中没有名为“${name}”的单位。下发包中的单位有：${names}。`,
  unitNameMany: (name: string, names: string) => `下发包中有多个单位名为“${name}”：${names}。`,
  skipUnknown: (code: string) => `测评标准 ${code} 不在下发的测评体系中`,
  skipNotLeaf: (code: string) => `${code} 不是末级测评标准（下面还有具体标准）`,
  skipKind: (kind: string) => `材料类型“${kind}”无法识别`,
  skipTaken: (id: string) => `要账编号 ${id} 已被本单位自己的要账使用`,
  firstSight: (fp: string) => `初次导入创城办下发包：请与创城办核对指纹 ${fp}。`,
} as const;
