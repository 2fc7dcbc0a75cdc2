import { readFileSync, rmSync } from 'node:fs';
import { open, readFile, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { AppError } from '@shared/ipc/errors';

export const LOCK_FILE = 'workspace.lock';

/** Who holds a workspace: written into its lock file. */
export interface LockHolder {
  pid: number;
  /** The holder's process start (Linux: /proc's start ticks; elsewhere its start time): tells a reused pid apart. */
  start: string;
  host: string;
  /** When the lock was taken (for the message). */
  since: string;
}

/** A lock file still being written by its taker is empty for a moment; older than this, an unreadable one is stale. */
const HALF_WRITTEN_GRACE_MS = 10_000;

/** Locks this process holds, by lock file: a second open of the same folder in one process shares the lock. */
const held = new Map<string, number>();

/**
 * One writer at a time per workspace: the app's window while the workspace is open, a CLI command while it runs.
 * Takes `workspace.lock` (created exclusively, holding the pid, its start and the host); a lock left by a process
 * that is gone (killed, crashed, or its pid reused by another program) is stale and taken over. A live holder on
 * this or another computer is refused with a message naming it. Returns the release function (synchronous, so a
 * closing window or an exiting command can call it last). `file` names another lock in the folder (a backup
 * folder's `backup.lock`).
 */
export async function acquireLock(dir: string, now: Date = new Date(), file = LOCK_FILE): Promise<() => void> {
  const path = join(dir, file);
  if (held.has(path)) {
    held.set(path, held.get(path)! + 1);
    return releaser(path);
  }
  const me: LockHolder = {
    pid: process.pid,
    start: processStart(process.pid)!,
    host: hostname(),
    since: now.toISOString(),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fh = await open(path, 'wx');
      try {
        await fh.writeFile(JSON.stringify(me));
        await fh.sync();
      } catch (e) {
        await fh.close();
        await rm(path, { force: true }); // a lock that could not be written (a full disk) is not left behind
        throw e;
      }
      await fh.close();
      held.set(path, 1);
      return releaser(path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const holder = await liveHolder(path);
    if (holder) throw lockedError(dir, holder);
    await rm(path, { force: true }); // stale: its holder is gone
  }
  throw new AppError('workspace-locked', LOCKED_MESSAGE, `${path}: could not take the lock after removing stale ones`);
}

function releaser(path: string): () => void {
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const count = (held.get(path) ?? 1) - 1;
    if (count > 0) return void held.set(path, count);
    held.delete(path);
    rmSync(path, { force: true });
  };
}

const LOCKED_MESSAGE = '工作区正被另一个网报通窗口或命令使用。请先关闭它，或等它完成后再试。';

function lockedError(dir: string, h: LockHolder): AppError {
  const where = h.host === hostname() ? `本机进程 ${h.pid}` : `计算机“${h.host}”上的进程 ${h.pid}`;
  return new AppError(
    'workspace-locked',
    `${LOCKED_MESSAGE}（${where}，自 ${h.since.slice(0, 16).replace('T', ' ')} 起）`,
    `${dir}: locked by ${JSON.stringify(h)}`,
  );
}

async function liveHolder(path: string): Promise<LockHolder | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  let h: LockHolder;
  try {
    h = JSON.parse(text) as LockHolder;
    if (!Number.isInteger(h.pid) || typeof h.host !== 'string') throw new Error('not a lock');
  } catch {
    // Empty or torn: its taker may be writing it right now, or died while doing so.
    const age =
      Date.now() -
      (await stat(path).then(
        (s) => s.mtimeMs,
        () => 0,
      ));
    return age < HALF_WRITTEN_GRACE_MS
      ? { pid: 0, start: '', host: hostname(), since: new Date().toISOString() }
      : null;
  }
  // Another computer (a shared folder): its processes cannot be seen from here, so the lock is taken as live.
  if (h.host !== hostname()) return h;
  if (!isAlive(h.pid)) return null;
  // Linux tells a reused pid by its start; elsewhere a live pid is taken as the holder (reuse is rare there).
  return process.platform !== 'linux' || processStart(h.pid) === h.start ? h : null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // alive, someone else's
  }
}

/** A process's start, to tell it from a later process given the same pid: its start ticks on Linux; elsewhere only
 * this process's own start time is known (recorded for the message). */
function processStart(pid: number): string | null {
  if (process.platform === 'linux') {
    try {
      // /proc/<pid>/stat: the command name (field 2) may hold spaces, so count fields after its closing ')'.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
    } catch {
      return null;
    }
  }
  return pid === process.pid ? String(Math.round(Date.now() - process.uptime() * 1000)) : null;
}
