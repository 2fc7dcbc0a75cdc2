import { realpathSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { AppError } from '@shared/ipc/errors';
import type { AppEvent } from '@shared/ipc/events';
import type { Logger } from './log';
import { IN_THREAD, pooledReaders, type Readers } from './intake/readers';
import { WorkerPool } from './workers/pool';
import type { Platform } from './platform';
import type { LeaderSession } from './review-exchange/leader-review';
import type { Workspace } from './workspace/workspace';

/** State that lives as long as the window (or the CLI run): the open workspace and the paths the user chose. */
export class Session {
  workspace: Workspace | null = null;
  /** The leader's read-only review of a 送审包 (no workspace needed): the request, the key file, what was signed. */
  remote: LeaderSession | null = null;
  private readonly grants = new Set<string>();
  /** Running jobs by the id their caller chose, so `jobs:cancel` can stop them. */
  readonly jobs = new Map<string, AbortController>();
  private workers: WorkerPool | null = null;

  /** The intake readers: in the worker pool (started on first use) when the platform names a worker script. */
  readers(platform: Platform): Readers {
    if (!platform.intakeWorker) return IN_THREAD;
    this.workers ??= new WorkerPool(platform.intakeWorker);
    return pooledReaders(this.workers);
  }

  /**
   * Remembers a path the user picked in a dialog, dropped, or opened from the recent list: it and what is inside
   * may be used. Grants and checks compare real paths, so a link or junction inside a granted folder cannot lead
   * outside it.
   */
  grant(path: string): void {
    this.grants.add(realPath(path));
  }

  isGranted(path: string): boolean {
    const p = realPath(path);
    for (const g of this.grants) if (p === g || p.startsWith(g.endsWith(sep) ? g : g + sep)) return true;
    return false;
  }
}

/** The real path of `path`; for a path that does not exist yet, its nearest existing folder's real path + the rest. */
export function realPath(path: string): string {
  const p = resolve(path);
  try {
    return realpathSync.native(p);
  } catch {
    const parent = dirname(p);
    return parent === p ? p : join(realPath(parent), basename(p));
  }
}

/** What every handler receives besides its arguments. */
export interface Ctx {
  platform: Platform;
  session: Session;
  log: Logger;
  /**
   * The caller may name any path (the CLI, run by the user in their own shell). IPC from the renderer is not
   * trusted: a path it sends must have come from a dialog or the recent list.
   */
  trusted: boolean;
  /** Pushes an event to whoever called (the window, the bridge's page; the CLI ignores them). */
  emit(event: AppEvent): void;
}

/** Refuses a path the untrusted renderer did not get from the user. */
export function allowPath(ctx: Ctx, path: string): string {
  if (!ctx.trusted && !ctx.session.isGranted(path))
    throw new AppError('path-not-allowed', '只能使用通过对话框选择的文件或文件夹。', `not granted: ${path}`);
  return resolve(path);
}

/** The open workspace, or a clear message when there is none. */
export function requireWorkspace(ctx: Ctx): Workspace {
  const ws = ctx.session.workspace;
  if (!ws) throw new AppError('no-workspace', '尚未打开工作区。请先新建或打开一个工作区。');
  return ws;
}

/** Runs a job under its id: cancellable with `jobs:cancel` while it runs. */
export async function asJob<T>(
  ctx: Ctx,
  jobId: string | undefined,
  run: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  if (jobId) ctx.session.jobs.set(jobId, controller);
  try {
    return await run(controller.signal);
  } finally {
    if (jobId) ctx.session.jobs.delete(jobId);
  }
}

/** A job's progress reporter: emits `progress` events with the rate and the time left (nothing without a job id). */
export function progressReporter(ctx: Ctx, jobId: string | undefined): (done: number, total: number) => void {
  const started = Date.now();
  return (done, total) => {
    if (!jobId) return;
    const rate = done / Math.max((Date.now() - started) / 1000, 0.001);
    ctx.emit({
      type: 'progress',
      jobId,
      done,
      total,
      rate,
      remainingMs: done > 0 ? ((total - done) / rate) * 1000 : null,
    });
  };
}

/** Asks the user for a folder and grants it to later calls; null when cancelled. */
export async function pickFolderGranted(ctx: Ctx, title: string): Promise<string | null> {
  const dir = await ctx.platform.pickFolder({ title });
  if (dir !== null) ctx.session.grant(dir);
  return dir;
}

/**
 * The file the caller named (confined for the renderer by `allowPath`), or, when it named none, the one the user
 * picks in a file dialog (granted to later calls); null when the user cancels.
 */
export async function givenOrPickedFile(
  ctx: Ctx,
  file: string | undefined,
  dialog: Parameters<Platform['pickFile']>[0],
): Promise<string | null> {
  if (file !== undefined) return allowPath(ctx, file);
  const picked = await ctx.platform.pickFile(dialog);
  if (picked !== null) ctx.session.grant(picked);
  return picked;
}
