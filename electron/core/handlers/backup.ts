import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { safeSegment } from '@shared/domain/naming/segment';
import { localIsoDate } from '@shared/domain/period';
import type { BackupSettingsView } from '@shared/ipc/backup-types';
import { BACKUP_EXTENSION } from '@shared/schemas/backup-manifest';
import { AppError } from '@shared/ipc/errors';
import { folderInForce, onSameDisk, readBackupConfig, writeBackupConfig } from '../backup/backup-settings';
import { HANDOVER_SCRUB } from '../backup/handover';
import { listSnapshots } from '../backup/folder-store';
import { openBackup } from '../backup/read-backup';
import { restoreBackup } from '../backup/restore';
import { lastAutoBackup } from '../backup/scheduler';
import { checkBackupFolder } from '../backup/targets';
import { writeBackupFile } from '../backup/write-backup-file';
import { writeBackupFolder } from '../backup/write-backup-folder';
import {
  allowPath,
  asJob,
  givenOrPickedFile,
  pickFolderGranted,
  progressReporter,
  requireWorkspace,
  type Ctx,
} from '../context';
import type { Workspace } from '../workspace/workspace';
import type { HandlersOf } from './types';
import { workspaceHandlers } from './workspace';

/** The file dialog's filter for backups. */
export const BACKUP_FILTERS = [{ name: '网报通备份 (wbbak)', extensions: ['wbbak'] }];

/** 设置 → 备份: backing up (one file, the backup folder, 移交), restoring into a new folder, the automatic backup. */
export const backupHandlers: HandlersOf<'backup:create' | 'backup:restore' | 'backup:settings' | 'backup:configure'> = {
  'backup:create': async ({ jobId, to, out, handoverTo }, ctx) => {
    const ws = requireWorkspace(ctx);
    const now = ctx.platform.now();
    let target: string;
    if (out !== undefined) target = allowPath(ctx, out);
    else if (to === 'folder') target = (await folderInForce(ctx.platform, ws.dir)).folder;
    else {
      const folder = await pickFolderGranted(ctx, handoverTo ? '选择移交文件的保存位置' : '选择备份文件的保存位置');
      if (folder === null) return null;
      target = join(folder, backupFileName(ws, now, handoverTo ?? null));
    }
    const opts = {
      now,
      appVersion: ctx.platform.appVersion,
      handoverTo: handoverTo ?? null,
      scrub: handoverTo ? HANDOVER_SCRUB : null,
      nativeBinding: ctx.platform.nativeBinding,
      onProgress: progressReporter(ctx, jobId),
      log: ctx.log,
      holdsLock: ws.writable,
    };
    return asJob(ctx, jobId, (signal) =>
      to === 'file'
        ? writeBackupFile(ws, target, { ...opts, signal })
        : writeBackupFolder(ws, target, { ...opts, signal }),
    );
  },

  'backup:restore': async ({ jobId, source, from, snapshot, dir, open }, ctx) => {
    const src =
      from === 'file'
        ? await givenOrPickedFile(ctx, source, { title: '选择要恢复的备份文件', filters: BACKUP_FILTERS })
        : source !== undefined
          ? allowPath(ctx, source)
          : await pickFolderGranted(ctx, '选择备份文件夹');
    if (src === null) return null;
    let target: string;
    if (dir !== undefined) target = allowPath(ctx, dir);
    else {
      const parent = await pickFolderGranted(ctx, '选择恢复到的位置（将在其中新建文件夹）');
      if (parent === null) return null;
      target = await freshName(parent, await restoredName(src, snapshot, ctx));
    }
    const onProgress = progressReporter(ctx, jobId);
    const r = await asJob(ctx, jobId, (signal) =>
      restoreBackup(src, target, {
        snapshot,
        nativeBinding: ctx.platform.nativeBinding,
        signal,
        onProgress,
        log: ctx.log,
      }),
    );
    const info = open ? await workspaceHandlers['workspace:open']({ dir: r.workspace }, ctx) : null;
    return { ...r, info };
  },

  'backup:settings': async (_args, ctx) => settingsView(ctx, requireWorkspace(ctx)),

  'backup:configure': async ({ auto, folder }, ctx) => {
    const ws = requireWorkspace(ctx);
    const config = await readBackupConfig(ctx.platform.userDataDir, ws.dir);
    if (auto !== undefined) config.auto = auto;
    if (folder === 'default') config.folder = null;
    if (folder === 'pick') {
      const picked = await pickFolderGranted(ctx, '选择自动备份的文件夹（最好在另一块硬盘或 U 盘上）');
      if (picked === null) return null;
      await checkBackupFolder(picked); // refused at once (inside a workspace, holding other files), not at night
      config.folder = picked;
    }
    await writeBackupConfig(ctx.platform.userDataDir, ws.dir, config);
    return settingsView(ctx, ws);
  },
};

/** `网报通备份_{unit}_{YYYYMMDD-HHmm}.wbbak`, or `移交_{unit}_{colleague}_{YYYYMMDD}.wbbak`. */
function backupFileName(ws: Workspace, now: Date, handoverTo: string | null): string {
  const unit = ws.settings().unit.name;
  const day = localIsoDate(now).replace(/-/gu, '');
  const time = `${String(now.getHours()).padStart(2, '0')}${String(now.getMinutes()).padStart(2, '0')}`;
  const name = handoverTo === null ? `网报通备份_${unit}_${day}-${time}` : `移交_${unit}_${handoverTo}_${day}`;
  return `${safeSegment(name, 100).text}${BACKUP_EXTENSION}`;
}

/** The new folder's name for a restore: `{unit}-{year}-恢复`. */
async function restoredName(source: string, snapshot: string | undefined, ctx: Ctx): Promise<string> {
  const src = await openBackup(source, snapshot);
  src.close();
  const w = src.manifest.workspace;
  ctx.log.info(`restore of ${source}: backup of ${w.unit} ${w.year} made ${src.manifest.createdAt}`);
  return safeSegment(`${w.unit}-${w.year}-恢复`, 80).text;
}

/** `name` inside `parent`, or `name-2`, `name-3`… when taken. */
async function freshName(parent: string, name: string): Promise<string> {
  const taken = new Set(await readdir(parent).catch(() => [] as string[]));
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? name : `${name}-${n}`;
    if (!taken.has(candidate)) return join(parent, candidate);
  }
}

async function settingsView(ctx: Ctx, ws: Workspace): Promise<BackupSettingsView> {
  const { folder, chosen, auto } = await folderInForce(ctx.platform, ws.dir);
  const unitId = ws.settings().unitId;
  let folderProblem: string | null = null;
  let snapshots: BackupSettingsView['snapshots'] = [];
  try {
    const { fresh } = await checkBackupFolder(folder);
    if (fresh && chosen && !(await stat(folder).catch(() => null)))
      folderProblem = `找不到备份文件夹：${folder}。如果它在移动硬盘或 U 盘上，请先连接；否则下次备份时会重新建立它。`;
    if (!fresh)
      snapshots = (await listSnapshots(folder))
        .filter((s) => s.manifest?.workspace.unitId === unitId)
        .map((s) => ({
          id: s.id,
          dir: s.dir,
          createdAt: s.manifest!.createdAt,
          materials: s.manifest!.counts.materials,
          bytes: s.manifest!.database.bytes + s.manifest!.files.reduce((a, f) => a + f.bytes, 0),
        }));
  } catch (e) {
    folderProblem = e instanceof AppError ? e.message : `无法读取备份文件夹：${folder}`;
  }
  return {
    auto,
    folder,
    chosen,
    sameDisk: await onSameDisk(ws.dir, folder),
    snapshots,
    folderProblem,
    lastAuto: lastAutoBackup(ctx.session),
  };
}
