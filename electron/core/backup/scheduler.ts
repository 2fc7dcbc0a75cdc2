import type { Ctx, Session } from '../context';
import type { Workspace } from '../workspace/workspace';
import { folderInForce } from './backup-settings';
import { listSnapshots } from './folder-store';
import { localDay } from './retention';
import { writeBackupFolder } from './write-backup-folder';

/** How often the scheduler looks whether today's backup is due (the app may stay open for days). */
export const CHECK_EVERY_MS = 15 * 60_000;
/** The first look after start, once the window has settled. */
export const FIRST_CHECK_MS = 2 * 60_000;
/** After a failed automatic backup (a drive unplugged), the next attempt waits this long. */
export const RETRY_AFTER_MS = 60 * 60_000;

/**
 * Whether the day's automatic backup is due: no snapshot of this workspace in the folder yet today (local time) —
 * a backup made by hand today counts — and no failed attempt within the last hour.
 */
export function backupDue(newest: Date | null, lastFailure: Date | null, now: Date): boolean {
  if (lastFailure && now.getTime() - lastFailure.getTime() < RETRY_AFTER_MS) return false;
  return newest === null || localDay(newest) !== localDay(now);
}

/** What the last automatic backup of this run of the app did, for 设置 → 备份. */
export interface AutoStatus {
  at: string;
  ok: boolean;
  message: string;
}
const statusOf = new WeakMap<Session, AutoStatus>();

export function lastAutoBackup(session: Session): AutoStatus | null {
  return statusOf.get(session) ?? null;
}

/** The newest snapshot of the workspace `unitId` in `folder`, or null (none, or no folder yet). */
export async function newestSnapshotAt(folder: string, unitId: string): Promise<Date | null> {
  const s = (await listSnapshots(folder)).find((x) => x.manifest?.workspace.unitId === unitId);
  return s ? new Date(s.manifest!.createdAt) : null;
}

export type TickOutcome = 'idle' | 'off' | 'not-due' | 'busy' | 'done' | 'failed';

/**
 * The daily automatic backup while the app is open: every `CHECK_EVERY_MS`, if a workspace is open for writing and
 * its backup folder has no snapshot of it today, one is written (the same `writeBackupFolder` as 立即备份). The
 * clock is the platform's and the timers are given, so tests drive `tick` with a fixed clock.
 */
export class AutoBackup {
  private interval: ReturnType<typeof setInterval> | null = null;
  private first: ReturnType<typeof setTimeout> | null = null;
  private running = false;
  private lastFailure: Date | null = null;

  constructor(private readonly ctx: Ctx) {}

  start(): void {
    this.first = setTimeout(() => void this.tick(), FIRST_CHECK_MS);
    this.interval = setInterval(() => void this.tick(), CHECK_EVERY_MS);
    this.first.unref?.();
    this.interval.unref?.();
  }

  stop(): void {
    if (this.first) clearTimeout(this.first);
    if (this.interval) clearInterval(this.interval);
    this.first = this.interval = null;
  }

  async tick(): Promise<TickOutcome> {
    const ws = this.ctx.session.workspace;
    if (!ws?.writable) return 'idle';
    if (this.running) return 'busy';
    this.running = true;
    try {
      return await this.backUpIfDue(ws);
    } finally {
      this.running = false;
    }
  }

  private async backUpIfDue(ws: Workspace): Promise<TickOutcome> {
    const { ctx } = this;
    const now = ctx.platform.now();
    const { folder, auto } = await folderInForce(ctx.platform, ws.dir);
    if (!auto) return 'off';
    const unitId = ws.settings().unitId;
    const newest = await newestSnapshotAt(folder, unitId).catch(() => null);
    if (!backupDue(newest, this.lastFailure, now)) return 'not-due';
    try {
      const r = await writeBackupFolder(ws, folder, {
        now,
        appVersion: ctx.platform.appVersion,
        handoverTo: null,
        scrub: null,
        nativeBinding: ctx.platform.nativeBinding,
        log: ctx.log,
        holdsLock: true,
      });
      this.lastFailure = null;
      statusOf.set(ctx.session, { at: now.toISOString(), ok: true, message: r.path });
      return 'done';
    } catch (e) {
      this.lastFailure = now;
      const message = (e as Error).message;
      ctx.log.warn(`automatic backup to ${folder} failed: ${message}`);
      statusOf.set(ctx.session, { at: now.toISOString(), ok: false, message });
      return 'failed';
    }
  }
}
