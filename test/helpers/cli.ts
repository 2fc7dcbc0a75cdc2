import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './ctx';

/** The built CLI, as users run it (`npx wangbao`); `npm test` builds it first. */
export const BUILT_CLI = join(REPO, 'out', 'main', 'cli.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  json(): Record<string, unknown>;
}

/**
 * Runs the built `wangbao` in a child process with its own user-data folder. The built file starts in under a
 * second; running the source through tsx took seconds per command and made the suite time out on a loaded machine.
 */
export function cli(args: string[], userData: string, env: Record<string, string> = {}): CliRun {
  if (!existsSync(BUILT_CLI)) throw new Error(`${BUILT_CLI} is missing: run \`npm run build\` (npm test does)`);
  const r = spawnSync(process.execPath, [BUILT_CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, WANGBAO_USER_DATA: userData, ...env },
    maxBuffer: 1 << 28,
  });
  return {
    code: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    json: () => JSON.parse(r.stdout) as Record<string, unknown>,
  };
}
