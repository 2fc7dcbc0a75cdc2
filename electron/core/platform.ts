import type { WorkerScript } from './workers/pool';

/**
 * What core needs from its host and must not take from Electron itself: dialogs, folders, the clock. The Electron
 * main process, the CLI and the e2e bridge each supply one (electron/main/platform.ts, cli/node-platform.ts,
 * test/e2e/bridge).
 */
export interface Platform {
  /** Per-user folder for the recent list and logs. */
  userDataDir: string;
  /** The app's `resources/` folder (demo catalog, fonts). */
  resourcesDir: string;
  appVersion: string;
  /** Where new workspaces go by default (granted to the renderer from the start). */
  defaultWorkspaceRoot: string;
  /** Electron-ABI better-sqlite3 addon, in the Electron main process only. */
  nativeBinding?: string | undefined;
  /** Asks the user for a folder; null when cancelled or when the host has no dialogs. */
  pickFolder(opts: { title: string }): Promise<string | null>;
  /** Asks the user for a file; null when cancelled or when the host has no dialogs. */
  pickFile(opts: { title: string; filters: { name: string; extensions: string[] }[] }): Promise<string | null>;
  /** Asks the user for one or more files; null when cancelled or when the host has no dialogs. */
  pickFiles(opts: { title: string }): Promise<string[] | null>;
  now(): Date;
  /** The intake worker's script; without one, intake reads files on core's own thread. */
  intakeWorker?: WorkerScript | undefined;
  /** Drives a default backup folder may go on (backup/drives.ts); without it, the default is beside the workspace. */
  backupDrives?: (() => Promise<string[]>) | undefined;
  /**
   * Shows a desktop notification (月收集 reminders): Electron's `Notification` in the shell; the CLI has none. Core
   * decides what and how often (once a day); the host only shows it.
   */
  notify?: ((n: { title: string; body: string }) => void) | undefined;
}
