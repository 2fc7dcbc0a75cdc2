import { join } from 'node:path';
import { BrowserWindow } from 'electron';
import { APP_ENTRY } from './app-protocol';
import { hardenWebContents, secureWebPreferences } from './security';

/** The options of the one app window: 1366×768 office screens first, usable down to 1024×640. */
export function mainWindowOptions(preload: string): Electron.BrowserWindowConstructorOptions {
  return {
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
export function createMainWindow(outDir: string, devUrl = process.env.ELECTRON_RENDERER_URL): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(join(outDir, 'preload', 'index.cjs')));
  hardenWebContents(win.webContents);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(devUrl || APP_ENTRY); // an empty ELECTRON_RENDERER_URL is no dev server
  return win;
}
