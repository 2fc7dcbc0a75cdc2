import { join } from 'node:path';
import { BrowserWindow } from 'electron';
import { APP_ENTRY } from './app-protocol';
import { hardenWebContents, secureWebPreferences } from './security';

/** The options of the one app window: 1366×768 office screens first, usable down to 1024×640. */
export function mainWindowOptions(preload: string, icon?: string): Electron.BrowserWindowConstructorOptions {
  return {
    // Linux takes the window's icon from here (Windows from the .exe's own, which electron-builder sets).
    ...(icon ? { icon } : {}),
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: '网报通',
    backgroundColor: '#f8f9fa',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(preload),
  };
}

/** Creates the app window, hardened, loading the built renderer from `app://wangbao/` (the dev server in `npm start`). */
export function createMainWindow(
  outDir: string,
  resourcesDir: string,
  devUrl = process.env.ELECTRON_RENDERER_URL,
): BrowserWindow {
  const icon = process.platform === 'linux' ? join(resourcesDir, 'icons', 'png', '512x512.png') : undefined;
  const win = new BrowserWindow(mainWindowOptions(join(outDir, 'preload', 'index.cjs'), icon));
  hardenWebContents(win.webContents);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(devUrl || APP_ENTRY); // an empty ELECTRON_RENDERER_URL is no dev server
  return win;
}
