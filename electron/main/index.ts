import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserWindow } from 'electron';
import { app, protocol, session as electronSession } from 'electron';
import { EVENT_CHANNEL } from '@shared/ipc/events';
import { AutoBackup } from '../core/backup/scheduler';
import { createHost, USER_DATA_FOLDER } from '../core/host';
import { createLogger } from '../core/log';
import { intakeWorkerScript } from '../core/workers/script';
import { registerAppScheme, serveApp } from './app-protocol';
import { registerIpc } from './ipc';
import { electronPlatform } from './platform';
import { denyAllPermissions, hardenWebContents } from './security';
import { createMainWindow } from './window';

// The CLI keeps its recent list and logs in the same folder (core/host.ts), whatever the product name becomes.
app.setPath('userData', join(app.getPath('appData'), USER_DATA_FOLDER));
registerAppScheme(protocol); // before ready, as Electron requires
// Windows groups the taskbar button with the shortcuts by this id (electron-builder.yml's appId).
app.setAppUserModelId('cn.wangbao.app');
// One instance per user: a second launch focuses the first window instead of opening the same workspace twice.
if (!app.requestSingleInstanceLock()) app.quit();
else start();

function start(): void {
  let win: BrowserWindow | null = null;
  const outDir = fileURLToPath(new URL('..', import.meta.url)); // out/, the parent of out/main/
  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('web-contents-created', (_e, contents) => hardenWebContents(contents)); // every one, not just the window's
  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(() => {
    const platform = { ...electronPlatform(() => win), intakeWorker: intakeWorkerScript(import.meta.url) };
    const ctx = createHost({
      platform,
      trusted: false,
      log: createLogger(join(platform.userDataDir, 'logs', 'wangbao.log')),
      emit: (event) => win?.webContents.send(EVENT_CHANNEL, event),
    });
    denyAllPermissions(electronSession.defaultSession);
    serveApp(protocol, join(outDir, 'renderer'));
    registerIpc(ctx);
    win = createMainWindow(outDir, platform.resourcesDir);
    // The daily automatic backup of whichever workspace is open (core/backup/scheduler.ts).
    const autoBackup = new AutoBackup(ctx);
    autoBackup.start();
    app.on('before-quit', () => {
      autoBackup.stop();
      ctx.session.workspace?.close();
    });
  });
}
