import { parseArgs } from 'node:util';
import { AppError } from '@shared/ipc/errors';
import { createHost } from '../core/host';
import { createLogger, debugEnabled, logFile } from '../core/log';
import { APP_VERSION } from '../core/version';
import { COMMANDS, route, synopsis, unknownCommand } from './command-table';
import type { Flags } from './commands';
import { EXIT, exitCodeOf } from './exit-codes';
import { forTerminal, invalidArgsMessage, parseArgsError, WrongUsage } from './messages';
import { nodePlatform, userDataDir } from './node-platform';
import { intakeWorkerScript } from '../core/workers/script';

const HELP = `网报通 wangbao ${APP_VERSION}

用法：
${COMMANDS.map((c) => synopsis(c)).join('\n')}

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
  name: { type: 'string' },
  level: { type: 'string' },
  'passphrase-file': { type: 'string' },
  signer: { type: 'string' },
  approve: { type: 'boolean' },
  return: { type: 'boolean' },
  comment: { type: 'string' },
  handover: { type: 'string' },
  'accept-new-key': { type: 'boolean' },
  // `office import … --accept-new-key UNIT` names a unit (see officeArgv).
  'accept-new-key-of': { type: 'string', multiple: true },
  'dry-run': { type: 'boolean' },
  text: { type: 'string' },
  min: { type: 'string' },
  assignee: { type: 'string' },
  phone: { type: 'string' },
  due: { type: 'string' },
  open: { type: 'boolean' },
  note: { type: 'string' },
  days: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

/** Runs one CLI invocation; returns the exit code. stdout carries only the result, stderr the rest. */
export async function main(argv: string[]): Promise<number> {
  let json = argv.includes('--json');
  let target: ReturnType<typeof route>;
  // The log goes to the user-data folder the app also logs to; to stderr as well only with WANGBAO_DEBUG=1, so the
  // person at the terminal reads the Chinese message alone. A CLI run prints its result at the end: no events.
  const log = createLogger(logFile(userDataDir()), { stderr: debugEnabled() });
  const ctx = createHost({
    platform: { ...nodePlatform(APP_VERSION), intakeWorker: intakeWorkerScript(import.meta.url) },
    trusted: true,
    log,
  });
  try {
    const { values, positionals } = parseArgs({
      args: officeArgv(argv),
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    json = values.json === true;
    if (values.version) return print(json, { version: APP_VERSION }, APP_VERSION, EXIT.ok);
    target = route(positionals);
    // Help asked for is the result (stdout, so `wangbao --help | less` works); help after a mistake goes with it.
    if (values.help) return print(false, null, HELP, EXIT.ok);
    if (!target) {
      process.stderr.write(`错误：${unknownCommand(positionals)}\n\n${HELP}\n`);
      return EXIT.usage;
    }
    log.info(`wangbao ${argv.join(' ')}`);
    const out = await target.spec.run(ctx, target.rest, values as Flags);
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
      err instanceof WrongUsage && target
        ? `用法不正确，应为：\n${synopsis(target.spec)}`
        : err.code === 'invalid-args' && err.details?.includes('→ at')
          ? invalidArgsMessage(err.details)
          : err.message;
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

/**
 * `office import`'s `--accept-new-key UNIT` takes a unit's name where `handout import`'s is a bare switch: for that
 * command alone it is read as `--accept-new-key-of UNIT`.
 */
function officeArgv(argv: string[]): string[] {
  if (argv[0] !== 'office' || argv[1] !== 'import') return argv;
  return argv.map((a) => (a === '--accept-new-key' ? '--accept-new-key-of' : a));
}
