import type { VerifyProblem } from '@shared/domain/package/verify-problems';

/** 导出 and 校验申报包's Chinese text. */
export const X = {
  title: '导出申报包',
  intro:
    '申报包包含本年度到目前为止的全部材料（按“一项一档”分文件夹）、目录、签批单、台账和校验报告，每个文件都有校验码，创城办收到后可以验证是否完整、未被改动。',
  kind: '类型',
  monthly: '月报（月收集）',
  final: '正式',
  month: '计入月份',
  monthHint: '这份月报回答哪个月的收集',
  finalHint:
    '正式申报包在仍有“错误”时不能生成，每条标准须经分管领导审改、主要负责同志审阅把关，并由主要负责同志用口令签名；月份为生成当月。',
  finalSignWhat: '正式申报包由主要负责同志签名，签名后创城办可以验证申报包确由本单位主要负责同志审定、未被改动。',
  preview: (criteria: number, materials: number, mb: string) => `${criteria} 条测评标准，${materials} 份材料，约 ${mb}`,
  fileName: '文件名',
  checkLine: (e: number, w: number, p: number) => `体检：错误 ${e}，警告 ${w}，预计失分 ${p} 分`,
  blocking: (n: number, criteria: number) => `还有 ${n} 项错误（${criteria} 条标准），不能生成正式申报包。`,
  /** Around the link to 体检 (the middle part is the link). */
  blockingGo: ['请到', '体检', '中处理，也可以直接在下面逐项处理：'] as const,
  errorCount: (n: number) => `${n} 项错误`,
  export: '选择保存位置并导出…',
  exporting: (done: number, total: number) => `正在写入 ${done}/${total} 个文件…`,
  written: '申报包已生成，并已重新读取校验通过',
  path: '保存位置',
  size: '大小',
  sha256: '校验码（SHA-256）',
  files: '文件数',
  openIndex: '查看目录',
  verifyTitle: '校验申报包',
  verifyIntro: '检查收到或将要交出的申报包是否完整、未被改动（只读取，不解压、不修改任何文件）。',
  verifyPick: '选择申报包并校验…',
  verifyThis: '校验这个申报包',
  verifying: '正在校验…',
  valid: '校验通过',
  invalid: '校验未通过',
  problem: (p: VerifyProblem) =>
    `${p.severity === 'error' ? '错误' : '警告'}：${p.message}${p.path ? `（${p.path}）` : ''}`,
};

export function mb(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
