// What the CLI says to the person at the terminal, beyond the results themselves: argument errors that say what was
// expected, and core's messages made fit for a terminal.
import { isIsoDate, isMonth, isValidYear, MAX_YEAR, MIN_YEAR } from '@shared/domain/period';
import { AppError } from '@shared/ipc/errors';
import type { Logger } from '../core/log';

export const usage = (msg: string): AppError => new AppError('invalid-args', msg);

/** A command called with the wrong positionals: the CLI answers with that command's usage from the command table. */
export class WrongUsage extends AppError {
  constructor() {
    super('invalid-args', '用法不正确。', 'wrong positionals');
  }
}
export const wrongUsage = (): AppError => new WrongUsage();

export const DATE_FORMAT = '日期格式应为 YYYY-MM-DD，例如 2025-05-12';
export const MONTH_FORMAT = '月份格式应为 YYYY-MM，例如 2025-05';
export const YEAR_FORMAT = '年度应为四位数字，例如 2026';

/** A `--date` value: a real calendar date written `YYYY-MM-DD`. */
export function dateFlag(flag: string, value: string | undefined): string | undefined {
  if (value !== undefined && !isIsoDate(value)) throw usage(`${flag} ${value} 不是有效的日期：${DATE_FORMAT}。`);
  return value;
}

/** A `--month` value: `YYYY-MM`. */
export function monthFlag(flag: string, value: string | undefined): string | undefined {
  if (value !== undefined && !isMonth(value)) throw usage(`${flag} ${value} 不是有效的月份：${MONTH_FORMAT}。`);
  return value;
}

/** A `--year` value: four digits within MIN_YEAR–MAX_YEAR. */
export function yearFlag(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const year = Number(value);
  if (!/^\d{4}$/u.test(value) || !isValidYear(year))
    throw usage(`${flag} ${value} 不是有效的年度：${YEAR_FORMAT}（${MIN_YEAR} 至 ${MAX_YEAR} 年）。`);
  return year;
}

/** A text flag's length, as the contract allows it. */
export function textFlag(flag: string, what: string, value: string | undefined, max: number): string | undefined {
  if (value === undefined) return undefined;
  if (value.trim() === '') throw usage(`${flag} 的${what}是空的：请写上${what}，或去掉 ${flag}。`);
  if (value.length > max) throw usage(`${flag} 的${what}太长（${value.length} 个字符，最多 ${max} 个）。`);
  return value;
}

/** node:util parseArgs' errors (English), said in Chinese with what was expected. */
export function parseArgsError(e: Error & { code?: string }): AppError {
  const option = /'(-{1,2}[^' ]+)/u.exec(e.message)?.[1] ?? '';
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return usage(`未知的选项：${option}。可用的选项见 wangbao --help。`);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing/u.test(e.message)
        ? usage(`选项 ${option} 后面缺少取值，例如 ${EXAMPLES[option.replace(/^-+/u, '')] ?? `${option} 值`}。`)
        : usage(`选项 ${option} 不带取值：直接写 ${option} 即可。`);
    default:
      return usage('命令行参数不正确。用法见 wangbao --help。');
  }
}

const EXAMPLES: Record<string, string> = {
  date: '--date 2025-05-12',
  month: '--month 2025-05',
  year: '--year 2026',
  period: '--period 2025-11-01..2026-10-31',
  unit: '--unit 市教育局',
  alias: '--alias 教育局',
  'unit-kind': '--unit-kind 市直单位',
  kind: '--kind 实景图片',
  title: '--title 宣讲现场',
  caption: '--caption "时间：2025年5月12日；地点：市实验小学"',
  criterion: '--criterion 3.1.2',
  statement: '--statement "该项工作由市文旅局负责……"',
  edition: '--edition 2025版',
  mapping: '--mapping 映射.json',
  sheet: '--sheet 台账',
  handover: '--handover 张三',
};

/** The option a contract-validation failure is about (`details` ends with `→ at date`), for a clearer message. */
export function invalidArgsMessage(details: string | undefined): string {
  const field = /→ at ([\w.]+)/u.exec(details ?? '')?.[1]?.split('.')[0];
  const flag = field ? FIELD_FLAGS[field] : undefined;
  return flag ? `${flag} 的取值不符合要求。用法见 wangbao --help。` : '参数不正确。用法见 wangbao --help。';
}

const FIELD_FLAGS: Record<string, string> = {
  unit: '--unit',
  aliases: '--alias',
  unitKind: '--unit-kind',
  year: '--year',
  period: '--period',
  kind: '--kind',
  title: '--title',
  caption: '--caption',
  date: '--date',
  month: '--month',
  criterionCode: '标准编号',
  codes: '编号',
  statement: '--statement',
  edition: '--edition',
  mapping: '--mapping',
  handoverTo: '--handover',
};

/**
 * Core's messages, shared with the app, said for a terminal: where one sends the user to a screen of the app, the
 * command that shows the same thing; an English fragment (a system error's text in parentheses) said in Chinese or
 * left out. A message changed here is logged as it was. Messages core words for both pass through unchanged.
 */
export function forTerminal(message: string, log?: Logger): string {
  let out = message;
  for (const [screen, command] of SCREENS) out = out.replace(screen, command);
  out = out
    .replace(ERRNO_IN_PARENS, (_all, code: string) => (ERRNO[code] ? `（${ERRNO[code]}）` : ''))
    .replace(ENGLISH_IN_PARENS, '');
  if (out !== message) log?.info(`said for the terminal: ${message}`);
  return out;
}

/**
 * Screens of the app named in core's messages that are not ours to word (electron/core/package/plan-package.ts: a
 * final package refused for its error findings or missing approvals; the review rules; shared/domain/ledger-sheet/mapping.ts: no header found in a 台账)
 * → the command or option that does the same.
 */
const SCREENS: [RegExp, string][] = [
  [/请在“体检”中逐项处理/u, '请用 wangbao check <工作区> 查看并逐项处理'],
  [/请?在“体检”中/u, '用 wangbao check <工作区> '],
  // shared/domain/rules/review.ts and plan-package.ts: the leaders' review queue.
  [/请领导在“审核”中审核/u, '请领导用 wangbao review <工作区> <编号> 审核'],
  [/请在“审核”中处理/u, '请领导用 wangbao review <工作区> <编号> 审核'],
  [
    /请在映射中指定表头所在行和各列/u,
    '请用 --mapping 映射.json 指定表头所在行和各列，例如 {"headerRow": 3, "columns": {"level3": "D"}}',
  ],
];

/** Node's text of a system error in parentheses: `（ENOENT: no such file or directory, open '…'）`. */
const ERRNO_IN_PARENS = /（(E[A-Z]+): [^（）]*）/gu;
/** Any other full-width parenthesis holding English words and no Chinese (a library's error text). */
const ENGLISH_IN_PARENS =
  /（[^（）\p{Script=Han}]*[A-Za-z]{2,}[ ,:][^（）\p{Script=Han}]*[A-Za-z]{2,}[^（）\p{Script=Han}]*）/gu;

const ERRNO: Record<string, string> = {
  ENOENT: '文件不存在',
  EACCES: '没有权限',
  EPERM: '没有权限',
  EISDIR: '这是一个文件夹',
  ENOTDIR: '路径中有一段不是文件夹',
  EBUSY: '文件正被其他程序占用',
  ENOSPC: '磁盘空间不足',
  EROFS: '磁盘是只读的',
  EIO: '磁盘读写出错',
  EMFILE: '同时打开的文件过多',
};
