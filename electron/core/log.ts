import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface Logger {
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
}

export interface LogOptions {
  /** Also write each line to stderr. Default: only when there is no file. */
  stderr?: boolean;
}

/**
 * The environment variable naming the log file, so that worker threads started later write to the same file:
 * worker_threads give each worker a copy of `process.env` as it was when the worker was created.
 */
const LOG_FILE_VAR = 'WANGBAO_LOG_FILE';

/** The app's and the CLI's log file in the user-data folder they share. */
export function logFile(userDataDir: string): string {
  return join(userDataDir, 'logs', 'wangbao.log');
}

/** `WANGBAO_DEBUG=1` (any value but empty or `0`): log lines go to stderr too. */
export function debugEnabled(): boolean {
  const v = process.env.WANGBAO_DEBUG;
  return v !== undefined && v !== '' && v !== '0';
}

/**
 * Precise log lines for whoever supports the officer (the officer sees the Chinese message). To a file when one is
 * given (the app, the CLI), and to stderr when asked (the CLI with WANGBAO_DEBUG=1) or when there is no file. A log
 * that cannot be written never fails the work being logged: the line is dropped.
 */
export function createLogger(file?: string, options: LogOptions = {}): Logger {
  const toStderr = options.stderr ?? file === undefined;
  let toFile = file !== undefined;
  if (file !== undefined) {
    process.env[LOG_FILE_VAR] = file;
    try {
      mkdirSync(dirname(file), { recursive: true });
    } catch {
      toFile = false;
    }
  }
  const write = (level: string, msg: string): void => {
    const line = `${new Date().toISOString()} ${level} ${msg}\n`;
    if (toFile)
      try {
        appendFileSync(file!, line);
      } catch {
        // A read-only or full user-data folder: the command still runs.
      }
    if (toStderr) process.stderr.write(line);
  };
  return {
    info: (m) => write('INFO', m),
    warn: (m) => write('WARN', m),
    error: (m) => write('ERROR', m),
  };
}

let threadLogger: Logger | undefined;

/**
 * The log for code that runs without a `Ctx` — the intake worker's threads, libvips' warnings: the file the
 * process's logger writes (see LOG_FILE_VAR), and stderr with WANGBAO_DEBUG=1; nowhere when neither is set (tests).
 */
export function threadLog(): Logger {
  return (threadLogger ??= createLogger(process.env[LOG_FILE_VAR] || undefined, { stderr: debugEnabled() }));
}

/**
 * Writes an image's libvips warnings to the log. sharp routes libvips' warnings away from stderr and emits them per
 * instance as `warning` events (there is no process-wide hook), so each sharp object is passed here. sharp queues
 * them per process, though: while several images decode at once, a warning may be logged under another of them.
 */
export function logLibvipsWarnings<T extends { on(event: 'warning', listener: (w: string) => void): unknown }>(
  image: T,
  what: string,
): T {
  image.on('warning', (w) => threadLog().warn(`libvips ${what}: ${w.trimEnd()}`));
  return image;
}

/** A logger that keeps lines in memory (tests, quiet CLI runs). */
export function memoryLogger(lines: string[] = []): Logger & { lines: string[] } {
  return {
    lines,
    info: (m) => lines.push(`INFO ${m}`),
    warn: (m) => lines.push(`WARN ${m}`),
    error: (m) => lines.push(`ERROR ${m}`),
  };
}
