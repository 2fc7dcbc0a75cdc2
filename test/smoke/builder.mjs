// electron-builder, run the way this project needs it: `npm run dist` (and dist:win, dist:linux) and the packaging
// step of `npm run smoke:packaged`. For a machine with internet (electron-builder downloads Electron, NSIS, the
// AppImage runtime and better-sqlite3's Electron prebuild); run `npm run build` first.
//
//   node test/smoke/builder.mjs [--dir] [--win | --linux] [--x64 | --arm64]
//
// Without options: this machine's system and processor, every target electron-builder.yml names for it (Windows:
// the NSIS installer; Linux: .deb and AppImage). --dir: only the unpacked app (dist/<os>[-<arch>]-unpacked/).
// What the wrapper adds to a plain `electron-builder` call:
// - node_modules stays usable by the tests and the CLI. electron-builder rebuilds better-sqlite3 for Electron's
//   ABI inside the project's own node_modules (@electron/rebuild with the app directory as its build path), which
//   leaves an addon Node cannot load (ARCHITECTURE.md's trap). Its build/ folder is saved before and put back after,
//   whether the build succeeded or not; the packaged app keeps its Electron-ABI copy.
// - One processor at a time. npm installs sharp's native packages for this machine only (@img/sharp-<os>-<arch>,
//   @img/sharp-libvips-<os>-<arch>): a target whose packages are missing is refused, rather than shipping an app
//   that cannot read photos. Build arm64 on an arm64 machine (npm's cross-platform installs are unreliable).
// - Nothing is published (--publish never, beside electron-builder.yml's publish: null).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import jsYaml from 'js-yaml';

export const root = resolve(import.meta.dirname, '..', '..');
const require = createRequire(join(root, 'package.json'));
const OS = { win32: 'win', linux: 'linux' };

/** The electron-builder.yml targets of one system (`win` or `linux`), by name. */
function targetNames(os) {
  const config = jsYaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8'));
  return config[os].target.map((t) => (typeof t === 'string' ? t : t.target));
}

/** The sharp packages a build for `platform`/`arch` ships; the missing ones. */
export function missingNativePackages(platform, arch) {
  const wanted = [`@img/sharp-${platform}-${arch}`];
  if (platform !== 'win32') wanted.push(`@img/sharp-libvips-${platform}-${arch}`); // win32's is inside the first
  return wanted.filter((p) => !existsSync(join(root, 'node_modules', p, 'package.json')));
}

/** Where electron-builder puts the unpacked app, and the program in it. */
export function unpackedApp(platform, arch) {
  const dir = join(root, 'dist', `${OS[platform]}${arch === 'x64' ? '' : `-${arch}`}-unpacked`);
  return { dir, executable: join(dir, platform === 'win32' ? 'wangbao.exe' : 'wangbao') };
}

/**
 * Runs electron-builder for one system and processor, keeping node_modules' Node-ABI better-sqlite3.
 * Returns electron-builder's exit status.
 */
export function runElectronBuilder({ platform = process.platform, arch = process.arch, dir = false } = {}) {
  if (!OS[platform]) throw new Error(`网报通 is packaged for Windows and Linux, not ${platform}.`);
  const missing = missingNativePackages(platform, arch);
  if (missing.length > 0)
    throw new Error(
      `Not in node_modules: ${missing.join(', ')}. npm installs sharp's native packages for the machine it runs ` +
        `on: build ${platform}-${arch} on a ${platform}-${arch} machine (npm ci there, then npm run dist).`,
    );
  if (!existsSync(join(root, 'out', 'main', 'index.js'))) throw new Error('No out/main/index.js: npm run build first.');

  const sqliteBuild = join(resolve(require.resolve('better-sqlite3/package.json'), '..'), 'build');
  const saved = join(mkdtempSync(join(tmpdir(), 'wangbao-node-abi-')), 'build');
  cpSync(sqliteBuild, saved, { recursive: true });
  const restore = () => {
    rmSync(sqliteBuild, { recursive: true, force: true });
    cpSync(saved, sqliteBuild, { recursive: true });
    rmSync(resolve(saved, '..'), { recursive: true, force: true });
  };
  const onSignal = (signal) => {
    restore();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  try {
    const targets = dir ? ['dir'] : targetNames(OS[platform]);
    const args = [`--${OS[platform]}`, ...targets, `--${arch}`, '--publish', 'never'];
    console.error(`electron-builder ${args.join(' ')}`);
    const cli = join(resolve(require.resolve('electron-builder/package.json'), '..'), 'cli.js');
    return spawnSync(process.execPath, [cli, ...args], { cwd: root, stdio: 'inherit' }).status ?? 1;
  } finally {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
    restore();
    // The tests and the CLI load this one: say so at once if it does not.
    const check = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], {
      cwd: root,
      encoding: 'utf8',
    });
    if (check.status !== 0) console.error(`node_modules' better-sqlite3 does not load in Node:\n${check.stderr}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const has = (flag) => process.argv.includes(flag);
  const platform = has('--win') ? 'win32' : has('--linux') ? 'linux' : process.platform;
  const arch = has('--arm64') ? 'arm64' : has('--x64') ? 'x64' : process.arch;
  try {
    process.exitCode = runElectronBuilder({ platform, arch, dir: has('--dir') });
  } catch (e) {
    console.error(e.message);
    process.exitCode = 1;
  }
}
