import { readFile, stat } from 'node:fs/promises';

/**
 * The drives a default backup folder may go on, in order of preference (the one holding the workspace is told
 * apart later by its device): Windows' drive letters from C: on; on Linux (统信UOS/麒麟) the mount points of disks
 * under /media, /run/media, /mnt and /data. The Electron host passes this to core as
 * `Platform.backupDrives`; the CLI and the tests have none (their default is beside the workspace).
 */
export async function listDrives(): Promise<string[]> {
  if (process.platform === 'win32') {
    const letters = 'CDEFGHIJKLMNOPQRSTUVWXYZ'.split('').map((l) => `${l}:\\`);
    const found = await Promise.all(
      letters.map((d) =>
        stat(d).then(
          () => d,
          () => null,
        ),
      ),
    );
    return found.filter((d): d is string => d !== null);
  }
  if (process.platform === 'linux') {
    const mounts = await readFile('/proc/mounts', 'utf8').catch(() => '');
    return mounts
      .split('\n')
      .map((l) => l.split(' '))
      .filter(([dev, at]) => dev?.startsWith('/dev/') && /^\/(?:media|run\/media|mnt|data)(?:\/|$)/u.test(at ?? ''))
      .map(([, at]) => at!.replace(/\\040/gu, ' '));
  }
  return [];
}
