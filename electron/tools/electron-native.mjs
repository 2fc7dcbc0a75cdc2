// What running the real Electron app from the repository needs (`npm start`, `npm run smoke:electron`):
// the Electron binary (skipped on build/CI machines: ELECTRON_SKIP_BINARY_DOWNLOAD=1) and an Electron-ABI copy of
// better-sqlite3 in .electron-native/ (prebuild-install for the pinned Electron, else @electron/rebuild), leaving
// node_modules' Node-ABI build untouched for the tests and the CLI. Main loads it through WANGBAO_NATIVE_BINDING.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '..', '..');
const require = createRequire(join(root, 'package.json'));

/** Prints the problem in Chinese and English and exits. */
export function fail(zh, en) {
  console.error(`\n网报通：${zh}\n${en}\n`);
  process.exit(1);
}

/** The path of the Electron binary, or a plain message and exit 1 when it was not downloaded. */
export function electronBinary() {
  let binary;
  try {
    binary = require('electron');
  } catch (e) {
    fail(
      '找不到 Electron 程序文件。请在能上网的电脑上运行：npm install（不要设置 ELECTRON_SKIP_BINARY_DOWNLOAD）。',
      `The Electron binary is missing (${e.message.split('\n')[0]}). On a machine with internet run \`npm install\` ` +
        'without ELECTRON_SKIP_BINARY_DOWNLOAD, or `node node_modules/electron/install.js`.',
    );
  }
  if (!existsSync(binary)) fail('Electron 程序文件不存在：' + binary, `Electron binary not found: ${binary}`);
  return binary;
}

/** The Electron-ABI better-sqlite3 addon, prepared the first time (needs internet then). */
export function electronNativeBinding() {
  const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  const sqliteDir = resolve(require.resolve('better-sqlite3/package.json'), '..');
  const nativeDir = join(
    root,
    '.electron-native',
    `better-sqlite3-electron-${electronVersion}-${process.platform}-${process.arch}`,
  );
  const binding = join(nativeDir, 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(binding)) return binding;

  console.error(`Preparing better-sqlite3 for Electron ${electronVersion} in ${nativeDir} …`);
  mkdirSync(nativeDir, { recursive: true });
  for (const f of ['package.json', 'binding.gyp', 'src', 'deps', 'lib']) {
    if (existsSync(join(sqliteDir, f))) cpSync(join(sqliteDir, f), join(nativeDir, f), { recursive: true });
  }
  const run = (args) =>
    spawnSync('npx', ['--yes', ...args], { cwd: nativeDir, stdio: 'inherit', shell: process.platform === 'win32' });
  const prebuilt = run([
    'prebuild-install',
    '--runtime',
    'electron',
    '--target',
    electronVersion,
    '--arch',
    process.arch,
  ]);
  if (prebuilt.status !== 0 || !existsSync(binding)) {
    console.error('No prebuilt binary; building from source with @electron/rebuild …');
    run(['@electron/rebuild', '--version', electronVersion, '--module-dir', nativeDir, '--force']);
  }
  if (!existsSync(binding))
    fail(
      '无法为 Electron 准备 better-sqlite3（需要联网）。',
      `Could not prepare better-sqlite3 for Electron ${electronVersion}; see the output above.`,
    );
  return binding;
}
