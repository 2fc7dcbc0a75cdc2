import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { USER_DATA_FOLDER } from '../core/host';
import type { Platform } from '../core/platform';

/** Both the source (electron/cli/) and the build (out/main/) sit two folders below the project root. */
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The per-user data folder the app also uses (Electron's appData + the same name), so they share the recent list. */
export function userDataDir(): string {
  if (process.env.WANGBAO_USER_DATA) return process.env.WANGBAO_USER_DATA;
  if (process.platform === 'win32')
    return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), USER_DATA_FOLDER);
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), USER_DATA_FOLDER);
}

/** The CLI's platform: no dialogs (every path is given on the command line), the real clock. */
export function nodePlatform(version: string): Platform {
  return {
    userDataDir: userDataDir(),
    resourcesDir: process.env.WANGBAO_RESOURCES ?? join(projectRoot, 'resources'),
    defaultWorkspaceRoot: join(homedir(), 'Documents', '网报通'),
    appVersion: version,
    pickFolder: () => Promise.resolve(null),
    pickFile: () => Promise.resolve(null),
    pickFiles: () => Promise.resolve(null),
    now: () => new Date(),
  };
}
