// `npm start`: runs the app in development on a machine with internet: checks the Electron binary, prepares the
// Electron-ABI better-sqlite3 (electron-native.mjs), then runs `electron-vite dev` with main pointed at it.
import { spawnSync } from 'node:child_process';
import { electronBinary, electronNativeBinding, root } from './electron-native.mjs';

electronBinary();
const binding = electronNativeBinding();
const r = spawnSync('npx', ['electron-vite', 'dev'], {
  cwd: root,
  stdio: 'inherit',
  shell: process.platform === 'win32',
  env: { ...process.env, WANGBAO_NATIVE_BINDING: binding },
});
process.exit(r.status ?? 1);
