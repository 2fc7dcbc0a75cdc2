import type { Ctx } from '../core/context';
import { backupCommand, restoreCommand } from './backup-commands';
import { check, declare, referenceImport } from './check-commands';
import { attach, catalogImport, catalogList, init, materials, scope, type Flags, type Outcome } from './commands';
import { handoutImport } from './handout-commands';
import { officeHandout, officeImport, officeInit, officeStatusCommand, officeUnitsImport } from './campaign-commands';
import {
  chaseListCommand,
  dueCommand,
  monthCommand,
  requestAdd,
  requestClose,
  requestsCommand,
} from './collection-commands';
import { exportCommand, verifyCommand } from './package-commands';
import { logVerify, review, reviewImport, reviewRequest, signerAdd, signerList } from './signoff-commands';

type Command = (ctx: Ctx, positionals: string[], flags: Flags) => Promise<Outcome>;

/** One CLI command: the words that name it, what follows them (its forms), and what runs it. */
export interface CommandSpec {
  words: string[];
  /** Each form's arguments as the help and its usage error show them. */
  forms: string[];
  /** A line of explanation under it in the help. */
  note?: string;
  run: Command;
}

/**
 * Every command, in the help's order: the help, each command's usage error and the router are all read from here,
 * so they cannot drift apart.
 */
export const COMMANDS: CommandSpec[] = [
  {
    words: ['init'],
    forms: [
      '<目录> [--demo] [--unit 单位名称] [--alias 别名]... [--unit-kind 单位类别] [--year YYYY] [--period 开始..结束] [--json]',
    ],
    note: '单位类别：市直单位、区县、街道乡镇、学校、其他（不写则按单位名称判断）',
    run: init,
  },
  {
    words: ['catalog', 'import'],
    forms: ['<工作区> <台账.xlsx|测评体系.json> [--mapping 映射.json] [--sheet 工作表] [--edition 版本名] [--json]'],
    run: catalogImport,
  },
  { words: ['catalog', 'list'], forms: ['<工作区> --json'], run: catalogList },
  { words: ['scope'], forms: ['<工作区> <编号>... --mine|--not-mine [--json]'], run: scope },
  {
    words: ['attach'],
    forms: [
      '<工作区> <标准编号> <文件或文件夹>... [--kind 类型] [--title 标题] [--caption 图片说明] [--date YYYY-MM-DD] [--month YYYY-MM] [--json]',
    ],
    run: attach,
  },
  { words: ['materials'], forms: ['<工作区> [--criterion 编号] --json'], run: materials },
  { words: ['check'], forms: ['<工作区> [--json]'], run: check },
  {
    words: ['reference', 'import'],
    forms: ['<工作区> <往年材料文件夹|往年申报包.zip> [--year YYYY] [--json]'],
    run: referenceImport,
  },
  {
    words: ['declare'],
    forms: [
      '<工作区> <标准编号> --not-responsible --statement 说明 [--json]',
      '<工作区> <标准编号> --withdraw [--json]',
    ],
    run: declare,
  },
  {
    words: ['handout', 'import'],
    forms: ['<工作区> <下发包.zip> [--unit 单位名称] [--accept-new-key] [--dry-run] [--json]'],
    note: '导入创城办下发包（台账、要账、重要时间节点）。--unit：下发包中本单位的名称；--accept-new-key：确认创城办更换了签名密钥；--dry-run：只预览，不写入',
    run: handoutImport,
  },
  {
    words: ['signer', 'add'],
    forms: ['<工作区> --name 姓名 --level leader|principal --passphrase-file 口令文件 [--json]'],
    note: 'leader：分管领导（审改）；principal：主要负责同志（审阅把关）。口令文件的第一行为口令，- 表示从标准输入读取',
    run: signerAdd,
  },
  { words: ['signer', 'list'], forms: ['<工作区> --json'], run: signerList },
  // Before `review`: its first positional is a workspace, never these words.
  {
    words: ['review', 'request'],
    forms: ['<工作区> <送审包.zip> <标准编号>... --level leader|principal [--json]'],
    note: '送审包交领导在本人电脑上用网报通审核，审核结果用 review import 导入',
    run: reviewRequest,
  },
  { words: ['review', 'import'], forms: ['<工作区> <审核结果.json> [--json]'], run: reviewImport },
  {
    words: ['review'],
    forms: [
      '<工作区> <标准编号>... --approve|--return --signer 姓名 --passphrase-file 口令文件 [--comment 意见] [--json]',
    ],
    note: '退回修改须写 --comment；主要负责同志须在分管领导审改通过之后审阅把关',
    run: review,
  },
  { words: ['log', 'verify'], forms: ['<工作区> --json'], run: logVerify },
  {
    words: ['export'],
    forms: ['<工作区> <申报包.zip> [--month YYYY-MM] [--final --signer 姓名 --passphrase-file 口令文件] [--json]'],
    note: '正式申报包由主要负责同志签名：--signer 与 --passphrase-file 指定其姓名和口令',
    run: exportCommand,
  },
  { words: ['verify'], forms: ['<申报包.zip> [--json]'], run: verifyCommand },
  {
    words: ['month'],
    forms: ['<工作区> [--month YYYY-MM] [--json]'],
    note: '月收集：本月应交、已交、逾期',
    run: monthCommand,
  },
  {
    words: ['request', 'add'],
    forms: [
      '<工作区> <标准编号> --text 要求 [--kind 类型 --min 数量] [--assignee 责任人] [--phone 电话] [--month YYYY-MM] [--due YYYY-MM-DD] [--json]',
    ],
    note: '要账：指定 --kind/--min 时按材料自动判断是否已交；只写 --text 的要账须手动标记',
    run: requestAdd,
  },
  { words: ['requests'], forms: ['<工作区> [--month YYYY-MM] [--open] [--json]'], run: requestsCommand },
  {
    words: ['chase-list'],
    forms: ['<工作区> <要账单.xlsx|要账单.pdf> [--month YYYY-MM] [--json]'],
    note: '不写 --month 时列出全部未交的要账',
    run: chaseListCommand,
  },
  { words: ['request', 'close'], forms: ['<工作区> <要账编号> --note 说明 [--json]'], run: requestClose },
  {
    words: ['due'],
    forms: ['<工作区> [--days 3] [--json]'],
    note: '今天的提醒：即将到期、已逾期、重要时间节点',
    run: dueCommand,
  },
  {
    words: ['backup'],
    forms: ['<工作区> <备份.wbbak|备份文件夹> [--handover 接手同事姓名] [--json]'],
    note: '以 .wbbak 结尾：单个备份文件；否则为备份文件夹（只复制新增的文件）。--handover：移交，不含签批人密钥',
    run: backupCommand,
  },
  {
    words: ['restore'],
    forms: ['<备份.wbbak|备份文件夹> <新文件夹> [--json]'],
    note: '恢复到新的空文件夹，校验通过后才会出现；备份文件夹恢复其中最新的一次备份',
    run: restoreCommand,
  },
  {
    words: ['office', 'init'],
    forms: [
      '<目录> --name 创城办名称 --passphrase-file 口令文件 [--year YYYY] [--period 开始..结束] [--demo] [--json]',
    ],
    note: '创城办工作区：下发台账与要账、收取各单位申报包、汇总。签名密钥在此生成，由口令保护',
    run: officeInit,
  },
  {
    words: ['office', 'units', 'import'],
    forms: ['<创城办工作区> <台账.xlsx|units.json> [--json]'],
    note: '单位及其牵头/责任分工：取自台账的牵头单位、责任单位列；“各市直单位”等按单位类别分派',
    run: officeUnitsImport,
  },
  {
    words: ['office', 'handout'],
    forms: ['<创城办工作区> <输出文件夹> [--unit 单位名称] [--month YYYY-MM] --passphrase-file 口令文件 [--json]'],
    note: '下发：每个单位一个签名的下发包，含台账、本月要账（应交未交）、已销号、重要时间节点',
    run: officeHandout,
  },
  {
    words: ['office', 'import'],
    forms: ['<创城办工作区> <申报包.zip|文件夹>... [--accept-new-key 单位名称]... [--json]'],
    note: '收件：逐个校验后收取；--accept-new-key：确认该单位主要负责同志更换了签名密钥',
    run: officeImport,
  },
  {
    words: ['office', 'status'],
    forms: ['<创城办工作区> [--month YYYY-MM] [--json]'],
    note: '完成情况：各单位负责标准的齐全、未报、签批与失分风险',
    run: officeStatusCommand,
  },
];

/** The command the positionals name, and the positionals after its words. */
export function route(positionals: string[]): { spec: CommandSpec; rest: string[] } | undefined {
  const spec = COMMANDS.find((c) => c.words.every((w, i) => positionals[i] === w));
  return spec && { spec, rest: positionals.slice(spec.words.length) };
}

/** The lines of one command in the help (and in its usage error). */
export function synopsis(spec: CommandSpec, indent = '  '): string {
  const lines = spec.forms.map((f) => `${indent}wangbao ${spec.words.join(' ')} ${f}`);
  return [...lines, ...(spec.note ? [`${indent}    ${spec.note}`] : [])].join('\n');
}

/** Why no command matched, said before the help: an unknown command, or a group (`catalog`) without a known verb. */
export function unknownCommand(positionals: string[]): string {
  const [a, b] = positionals;
  if (a === undefined) return '请指定要执行的命令。';
  const verbs = COMMANDS.filter((c) => c.words.length > 1 && c.words[0] === a).map((c) => c.words.join(' '));
  if (verbs.length > 0)
    return b === undefined
      ? `命令 ${a} 后面缺少操作：应为 ${verbs.join(' 或 ')}。`
      : `未知的命令：${a} ${b}（应为 ${verbs.join(' 或 ')}）。`;
  const names = [...new Set(COMMANDS.map((c) => c.words[0]!))];
  return `未知的命令：${a}。可用的命令：${names.join('、')}。`;
}
