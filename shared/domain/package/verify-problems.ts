/** The problems `wangbao verify` reports (PACKAGE-FORMAT.md), with their severity and what they mean in Chinese. */
export const PROBLEMS = {
  'zip-unreadable': { severity: 'error', message: '文件不是 zip 压缩包，或已损坏、不完整，无法读取。' },
  'entry-unsafe': {
    severity: 'error',
    message:
      '压缩包中有不安全或前后矛盾的条目（路径会跳出解压目录、是绝对路径或符号链接、重名，或各处记录的文件名、校验值不一致，不同的解压软件会解出不同的内容），不能放心解压。',
  },
  'zip-too-large': {
    severity: 'error',
    message: '压缩包条目过多、解压后过大或压缩比异常（疑似“压缩炸弹”），未读取其内容。',
  },
  'names-not-utf8': {
    severity: 'warning',
    message: '有文件名没有标记为 UTF-8 编码（压缩包可能用其他压缩软件重新压缩过），已按其实际编码读取。',
  },
  'manifest-missing': { severity: 'error', message: '缺少 manifest.json，这不是网报通生成的申报包，或已被改动。' },
  'manifest-invalid': {
    severity: 'error',
    message: 'manifest.json 不是有效的清单文件（无法读取、格式不对，或所记内容前后矛盾）。',
  },
  'format-unsupported': { severity: 'error', message: '申报包的格式版本比本软件新，请升级网报通后再校验。' },
  'file-missing': { severity: 'error', message: '清单中列出的文件在压缩包里找不到。' },
  'file-size-mismatch': { severity: 'error', message: '文件大小与清单不符，文件已被改动或损坏。' },
  'file-hash-mismatch': { severity: 'error', message: '文件内容与清单中的 SHA-256 不符，文件已被改动或损坏。' },
  'file-unlisted': { severity: 'error', message: '压缩包里有清单中没有列出的文件（打包后被加入）。' },
  'signature-missing': {
    severity: 'warning',
    message: '没有签名（manifest.sig）：月报和领导签批功能启用前的申报包不签名；正式申报包必须由主要负责同志签名。',
  },
  'signature-invalid': {
    severity: 'error',
    message: '签名（manifest.sig）无效：清单在签名后被改动、签名已损坏，或不是清单所列主要负责同志的签名。',
  },
  'review-signature-invalid': {
    severity: 'error',
    message: '审核签批的签名无法验证（审核记录被改动、来自其他单位，或签批人不在清单中）。',
  },
  'review-stale': {
    severity: 'warning',
    message: '领导审核后，该标准的材料或说明有变动，原审核已不对应现在的内容。',
  },
  'review-missing': {
    severity: 'error',
    message: '正式申报包中该标准缺少分管领导审改、主要负责同志审阅把关的有效审核。',
  },
} as const satisfies Record<string, { severity: 'error' | 'warning'; message: string }>;

export type ProblemCode = keyof typeof PROBLEMS;

export interface VerifyProblem {
  code: ProblemCode;
  severity: 'error' | 'warning';
  /** The entry it is about, when it is about one. */
  path: string | null;
  message: string;
}

/** What `wangbao verify` prints (`--json`) and 校验申报包 shows. */
export interface VerifyResult {
  /** No error-severity problem. */
  valid: boolean;
  kind: 'monthly' | 'final' | null;
  unit: { id: string; name: string } | null;
  month: string | null;
  problems: VerifyProblem[];
}

/**
 * A problem with its documented severity (or the one the table gives it in a case: `review-stale` and
 * `signature-missing` are errors in a final package) and message (`detail` appended when it adds something).
 */
export function problem(
  code: ProblemCode,
  path: string | null = null,
  detail?: string,
  severity: 'error' | 'warning' = PROBLEMS[code].severity,
): VerifyProblem {
  const p = PROBLEMS[code];
  return { code, severity, path, message: detail ? `${p.message}${detail}` : p.message };
}
