import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app, dialog, Notification, type BrowserWindow } from 'electron';
import { listDrives } from '../core/backup/drives';
import type { Platform } from '../core/platform';
import { APP_VERSION } from '../core/version';

/** Where `npm start` puts the Electron-ABI build of better-sqlite3 (electron/tools/start.mjs). */
function devNativeBinding(): string | undefined {
  const p = process.env.WANGBAO_NATIVE_BINDING;
  return p && existsSync(p) ? p : undefined;
}

/** Core's platform inside Electron: native dialogs, the user's data folder, the packaged resources. */
export function electronPlatform(getWindow: () => BrowserWindow | null): Platform {
  const resourcesDir = app.isPackaged ? join(process.resourcesPath, 'resources') : join(app.getAppPath(), 'resources');
  return {
    userDataDir: app.getPath('userData'),
    resourcesDir,
    defaultWorkspaceRoot: join(app.getPath('documents'), '网报通'),
    appVersion: APP_VERSION,
    // Packaged builds have better-sqlite3 rebuilt for Electron by electron-builder; `npm start` passes a copy.
    nativeBinding: app.isPackaged ? undefined : devNativeBinding(),
    async pickFolder({ title }) {
      const win = getWindow();
      const opts: Electron.OpenDialogOptions = { title, properties: ['openDirectory', 'createDirectory'] };
      const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    async pickFile({ title, filters }) {
      const win = getWindow();
      const opts: Electron.OpenDialogOptions = { title, filters, properties: ['openFile'] };
      const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    async pickFiles({ title }) {
      const win = getWindow();
      const opts: Electron.OpenDialogOptions = { title, properties: ['openFile', 'multiSelections'] };
      const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
      return r.canceled || r.filePaths.length === 0 ? null : r.filePaths;
    },
    now: () => new Date(),
    backupDrives: listDrives,
    notify({ title, body }) {
      // Some Linux desktops (统信UOS/麒麟 without a notification daemon) have none: the banner in the window stays.
      if (!Notification.isSupported()) return;
      const n = new Notification({ title, body });
      n.on('click', () => {
        const win = getWindow();
        if (win) {
          if (win.isMinimized()) win.restore();
          win.focus();
        }
      });
      n.show();
    },
  };
}
