import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export interface Logger {
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
}

/**
 * Precise log lines for whoever supports the officer (the officer sees the Chinese message). To a file when one is
 * given (the app), else to stderr (the CLI: stdout is reserved for results). `quietInfo` drops INFO lines (a CLI run
 * shows warnings and errors only unless WANGBAO_DEBUG is set).
 */
export function createLogger(file?: string, quietInfo = false): Logger {
  if (file) mkdirSync(dirname(file), { recursive: true });
  const write = (level: string, msg: string): void => {
    if (quietInfo && level === 'INFO') return;
    const line = `${new Date().toISOString()} ${level} ${msg}\n`;
    if (file) appendFileSync(file, line);
    else process.stderr.write(line);
  };
  return {
    info: (m) => write('INFO', m),
    warn: (m) => write('WARN', m),
    error: (m) => write('ERROR', m),
  };
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
