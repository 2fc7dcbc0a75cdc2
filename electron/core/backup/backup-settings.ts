import { readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, parse, resolve } from 'node:path';
import { z } from 'zod';
import { writeAtomically } from '../store/atomic-write';

/**
 * Where a workspace's automatic backups go and whether they run. Kept per workspace folder in the user's data folder,
 * not in the workspace: the backup folder is a place on this computer, and a restored copy elsewhere starts with
 * the defaults instead of writing into the original's folder.
 */
export interface BackupConfig {
  auto: boolean;
  /** The folder the user chose; null: the default. */
  folder: string | null;
}

const FILE = 'backup-settings.json';
/** The default backup folder's name, on another drive or beside the workspace folder. */
export const DEFAULT_FOLDER_NAME = '网报通备份';
const Stored = z.record(z.string(), z.object({ auto: z.boolean(), folder: z.string().nullable() }));

export async function readBackupConfig(userDataDir: string, workspaceDir: string): Promise<BackupConfig> {
  return (await readAll(userDataDir))[resolve(workspaceDir)] ?? { auto: true, folder: null };
}

export async function writeBackupConfig(
  userDataDir: string,
  workspaceDir: string,
  config: BackupConfig,
): Promise<void> {
  const all = { ...(await readAll(userDataDir)), [resolve(workspaceDir)]: config };
  await writeAtomically(join(userDataDir, FILE), (tmp) => writeFile(tmp, JSON.stringify(all, null, 2)));
}

async function readAll(userDataDir: string): Promise<z.infer<typeof Stored>> {
  try {
    const parsed = Stored.safeParse(JSON.parse(await readFile(join(userDataDir, FILE), 'utf8')));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/**
 * The default backup folder: `网报通备份` at the root of the first of `drives` (the host's other drives: D:\, a
 * second disk) that is on another device than the workspace; else beside the workspace folder, where it shares the
 * workspace's disk (`sameDisk`, which 设置 warns about).
 */
export async function defaultBackupFolder(workspaceDir: string, drives: string[]): Promise<string> {
  const own = await deviceOf(workspaceDir);
  for (const d of drives) {
    const dev = await deviceOf(d);
    if (dev !== null && dev !== own) return join(d, DEFAULT_FOLDER_NAME);
  }
  return join(dirname(resolve(workspaceDir)), DEFAULT_FOLDER_NAME);
}

/** Whether `folder` (or, while it does not exist, its nearest existing parent) is on the workspace's device. */
export async function onSameDisk(workspaceDir: string, folder: string): Promise<boolean> {
  return (await deviceOf(folder)) === (await deviceOf(workspaceDir));
}

/** The device of a path, or of its nearest existing parent; null when none can be read. */
async function deviceOf(path: string): Promise<number | null> {
  for (let p = resolve(path); ; p = dirname(p)) {
    const info = await stat(p).catch(() => null);
    if (info) return info.dev;
    if (p === parse(p).root) return null;
  }
}

/** The backup folder in force for a workspace: the one chosen, else the default (`platform` lists the drives). */
export async function folderInForce(
  platform: { userDataDir: string; backupDrives?: (() => Promise<string[]>) | undefined },
  workspaceDir: string,
): Promise<{ folder: string; chosen: boolean; auto: boolean }> {
  const config = await readBackupConfig(platform.userDataDir, workspaceDir);
  if (config.folder !== null) return { folder: config.folder, chosen: true, auto: config.auto };
  const drives = (await platform.backupDrives?.().catch(() => [])) ?? [];
  return { folder: await defaultBackupFolder(workspaceDir, drives), chosen: false, auto: config.auto };
}
