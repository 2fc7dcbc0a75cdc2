import { parseArgs } from 'node:util';
import { AppError } from '../../shared/ipc/errors';
import type { Ctx } from '../core/context';
import { createHost } from '../core/host';
import { createLogger, debugEnabled, logFile } from '../core/log';
import { APP_VERSION } from '../core/version';
import { attach, catalogImport, catalogList, init, materials, scope, type Flags, type Outcome } from './commands';
import { check, declare, referenceImport } from './check-commands';
import { EXIT, exitCodeOf } from './exit-codes';
import { exportCommand, verifyCommand } from './package-commands';
import { forTerminal, invalidArgsMessage, parseArgsError } from './messages';
import { nodePlatform, userDataDir } from './node-platform';
import { intakeWorkerScript } from '../core/workers/script';

const HELP = `网报通 wangbao ${APP_VERSION}

用法：
  wangbao init <目录> [--demo] [--unit 单位名称] [--alias 别名]... [--unit-kind 单位类别] [--year YYYY] [--period 开始..结束] [--json]
      单位类别：市直单位、区县、街道乡镇、学校、其他（不写则按单位名称判断）
  wangbao catalog import <工作区> <台账.xlsx|测评体系.json> [--mapping 映射.json] [--sheet 工作表] [--edition 版本名] [--json]
  wangbao catalog list <工作区> --json
  wangbao scope <工作区> <编号>... --mine|--not-mine [--json]
  wangbao attach <工作区> <标准编号> <文件或文件夹>... [--kind 类型] [--title 标题] [--caption 图片说明] [--date YYYY-MM-DD] [--month YYYY-MM] [--json]
  wangbao materials <工作区> [--criterion 编号] --json
  wangbao check <工作区> [--json]
  wangbao reference import <工作区> <往年材料文件夹> [--year YYYY] [--json]
  wangbao declare <工作区> <标准编号> --not-responsible --statement 说明 [--json]
  wangbao declare <工作区> <标准编号> --withdraw [--json]
  wangbao export <工作区> <申报包.zip> [--month YYYY-MM] [--final] [--json]
  wangbao verify <申报包.zip> [--json]

退出码：0 成功；1 输入被拒绝或无效；2 用法错误、未知编号或读写错误。
日志：${logFile(userDataDir())}（设置环境变量 WANGBAO_DEBUG=1 时也显示在终端）。`;

const OPTIONS = {
  json: { type: 'boolean' },
  demo: { type: 'boolean' },
  unit: { type: 'string' },
  alias: { type: 'string', multiple: true },
  'unit-kind': { type: 'string' },
  year: { type: 'string' },
  period: { type: 'string' },
  edition: { type: 'string' },
  mapping: { type: 'string' },
  sheet: { type: 'string' },
  mine: { type: 'boolean' },
  kind: { type: 'string' },
  title: { type: 'string' },
  caption: { type: 'string' },
  date: { type: 'string' },
  month: { type: 'string' },
  criterion: { type: 'string' },
  'not-mine': { type: 'boolean' },
  'not-responsible': { type: 'boolean' },
  statement: { type: 'string' },
  withdraw: { type: 'boolean' },
  final: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

type Command = (ctx: Ctx, positionals: string[], flags: Flags) => Promise<Outcome>;

/** In the help's order, for the message about an unknown command. */
const COMMANDS = [
  'init',
  'catalog',
  'scope',
  'attach',
  'materials',
  'check',
  'reference',
  'declare',
  'export',
  'verify',
];
const GROUPS: Record<string, readonly string[]> = { catalog: ['import', 'list'], reference: ['import'] };

function route(positionals: string[]): { run: Command; rest: string[] } | undefined {
  const [a, b, ...rest] = positionals;
  if (a === 'init') return { run: init, rest: positionals.slice(1) };
  if (a === 'scope') return { run: scope, rest: positionals.slice(1) };
  if (a === 'attach') return { run: attach, rest: positionals.slice(1) };
  if (a === 'materials') return { run: materials, rest: positionals.slice(1) };
  if (a === 'catalog' && b === 'import') return { run: catalogImport, rest };
  if (a === 'catalog' && b === 'list') return { run: catalogList, rest };
  if (a === 'check') return { run: check, rest: positionals.slice(1) };
  if (a === 'declare') return { run: declare, rest: positionals.slice(1) };
  if (a === 'reference' && b === 'import') return { run: referenceImport, rest };
  if (a === 'export') return { run: exportCommand, rest: positionals.slice(1) };
  if (a === 'verify') return { run: verifyCommand, rest: positionals.slice(1) };
  return undefined;
}

/** Why no command matched, said before the help: an unknown command, or a group (`catalog`) without a known verb. */
function unknownCommand(positionals: string[]): string {
  const [a, b] = positionals;
  if (a === undefined) return '请指定要执行的命令。';
  const verbs = GROUPS[a];
  if (verbs)
    return b === undefined
      ? `命令 ${a} 后面缺少操作：应为 ${verbs.map((v) => `${a} ${v}`).join(' 或 ')}。`
      : `未知的命令：${a} ${b}（应为 ${verbs.map((v) => `${a} ${v}`).join(' 或 ')}）。`;
  return `未知的命令：${a}。可用的命令：${COMMANDS.join('、')}。`;
}

/** Runs one CLI invocation; returns the exit code. stdout carries only the result, stderr the rest. */
export async function main(argv: string[]): Promise<number> {
  let json = argv.includes('--json');
  // The log goes to the user-data folder the app also logs to; to stderr as well only with WANGBAO_DEBUG=1, so the
  // person at the terminal reads the Chinese message alone. A CLI run prints its result at the end: no events.
  const log = createLogger(logFile(userDataDir()), { stderr: debugEnabled() });
  const ctx = createHost({
    platform: { ...nodePlatform(APP_VERSION), intakeWorker: intakeWorkerScript(import.meta.url) },
    trusted: true,
    log,
  });
  try {
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    json = values.json === true;
    if (values.version) return print(json, { version: APP_VERSION }, APP_VERSION, EXIT.ok);
    const target = route(positionals);
    if (values.help || !target) {
      process.stderr.write(values.help ? `${HELP}\n` : `错误：${unknownCommand(positionals)}\n\n${HELP}\n`);
      return values.help ? EXIT.ok : EXIT.usage;
    }
    log.info(`wangbao ${argv.join(' ')}`);
    const out = await target.run(ctx, target.rest, values as Flags);
    return print(json, out.json, out.human, out.exit);
  } catch (e) {
    const err =
      e instanceof AppError
        ? e
        : (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
          ? parseArgsError(e as Error & { code: string })
          : new AppError('internal', '发生了意外错误。', (e as Error)?.stack ?? String(e));
    if (err.code === 'internal') log.error(err.details ?? err.message); // the rest was logged by dispatch
    const exit = err.code === 'invalid-args' ? EXIT.usage : exitCodeOf(err.code);
    // An argument the contract's schemas refused and the command did not check itself: name the option. Other
    // messages are core's: as they are in the JSON, said for a terminal on stderr.
    const message =
      err.code === 'invalid-args' && err.details?.includes('→ at') ? invalidArgsMessage(err.details) : err.message;
    if (json) process.stdout.write(`${JSON.stringify({ error: { code: err.code, message } })}\n`);
    else
      process.stderr.write(
        `错误：${forTerminal(message, log)}${err.code === 'internal' ? `（日志：${logFile(userDataDir())}）` : ''}\n`,
      );
    return exit;
  } finally {
    ctx.session.workspace?.close();
  }
}

function print(json: boolean, value: unknown, human: string, exit: number): number {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${human}\n`);
  return exit;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    createLogger(logFile(userDataDir()), { stderr: debugEnabled() }).error(String((e as Error)?.stack ?? e));
    process.stderr.write(`错误：发生了意外错误（日志：${logFile(userDataDir())}）。\n`);
    process.exitCode = EXIT.usage;
  },
);
