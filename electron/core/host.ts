import { stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import type { AppEvent } from '@shared/ipc/events';
import { Session, type Ctx } from './context';
import type { Logger } from './log';
import type { Platform } from './platform';

/** The per-user folder's name under the system's application-data folder: the app's and the CLI's alike. */
export const USER_DATA_FOLDER = '网报通';

export interface HostOptions {
  platform: Platform;
  /**
   * The CLI runs in the user's own shell and may name any path; the window (and the e2e bridge standing in for it)
   * is not trusted: a path it sends must have come from a dialog, a drop or the recent list.
   */
  trusted: boolean;
  log: Logger;
  /** Where core's events go: the window, the bridge's page; nowhere for the CLI. */
  emit?: (event: AppEvent) => void;
}

/**
 * The one way to build the `Ctx` core's handlers run with. Electron's main, the CLI and the e2e bridge differ only in
 * the options above — never in what they grant, open or pick — so what the e2e tests prove holds for the app.
 */
export function createHost({ platform, trusted, log, emit }: HostOptions): Ctx {
  return { platform, session: new Session(), log, trusted, emit: emit ?? (() => undefined) };
}

const DroppedPaths = z.array(z.string().min(1).max(4096)).max(100_000);

/**
 * Grants exactly the files and folders the user dropped on the window (a folder grants what is inside it), and
 * returns the paths granted. Called only by the shell's preload with paths it read from the dropped `File` objects
 * (`webUtils.getPathForFile`: a page cannot forge those), and by the e2e bridge for the copies it made of a drop.
 * Anything else — not a list of strings, a relative path, a path that does not exist — is logged and left out.
 */
export async function grantDropped(ctx: Ctx, paths: unknown): Promise<string[]> {
  const parsed = DroppedPaths.safeParse(paths);
  if (!parsed.success) {
    ctx.log.warn(`drop refused: not a list of paths (${parsed.error.issues[0]?.message ?? ''})`);
    return [];
  }
  const granted: string[] = [];
  for (const p of parsed.data) {
    if (!isAbsolute(p)) {
      ctx.log.warn(`drop refused: relative path ${p}`);
      continue;
    }
    try {
      await stat(p);
    } catch (e) {
      ctx.log.warn(`drop refused: ${p}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
      continue;
    }
    ctx.session.grant(p);
    granted.push(resolve(p));
  }
  return granted;
}
