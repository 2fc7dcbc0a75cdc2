// `npm run setup`: everything the app, its tests and its benchmarks need on a fresh Debian/Ubuntu (and 统信UOS/麒麟,
// which are Debian-based), in one command; then `npm test`. Uses only Node's own modules: it runs before node_modules.
// 1. Node: the version package.json's "engines" asks for.
// 2. System packages with apt-get (as root, or through sudo without a password); otherwise it prints the exact command.
// 3. `npm ci` (set ELECTRON_SKIP_BINARY_DOWNLOAD=1 on a machine that cannot download Electron, as CI does).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');

/** Debian packages, each with what needs it. */
const SYSTEM_PACKAGES = {
  chromium: 'the e2e tests and the paint benchmarks drive Debian’s Chromium (playwright-core downloads no browser)',
  'fonts-noto-cjk': 'Chinese text in Chromium',
  'poppler-utils': 'pdftotext/pdftoppm read the exported PDFs back',
  unzip: 'the packages are checked with Info-ZIP’s unzip',
  zip: 'zip -r -0 is the export benchmark’s baseline',
  python3: 'Python’s zipfile reads the packages back',
  'python3-cryptography': 'test/tools/check_signatures.py checks our Ed25519 sign-off with another library',
  sqlite3: 'the sqlite3 shell is the check benchmark’s baseline',
  time: 'GNU time measures peak memory in the benchmarks',
  'libvips-tools': 'vipsthumbnail is the intake benchmark’s baseline',
  xlsx2csv: 'the 台账 import benchmark’s baseline',
  'stress-ng': 'npm run test:load runs the suite with both cores busy',
  openssl: 'openssl kdf is the key-unlock benchmark’s baseline',
  rsync: 'rsync -a into an up-to-date copy is the daily backup benchmark’s baseline',
};

const run = (cmd, args, opts = {}) => spawnSync(cmd, args, { stdio: 'inherit', ...opts });
const quiet = (cmd, args) => spawnSync(cmd, args, { encoding: 'utf8' });
let ok = true;

// 1. Node
const wanted = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).engines.node; // ">=20.19"
const [wMajor, wMinor] = wanted
  .replace(/[^\d.]/gu, '')
  .split('.')
  .map(Number);
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < wMajor || (major === wMajor && minor < wMinor)) {
  console.error(`Node ${process.versions.node} is too old: the project needs Node ${wanted} (Node 20 LTS or newer).`);
  process.exit(1);
}
console.log(`== Node ${process.versions.node} (needs ${wanted})`);

// 2. System packages
const missing =
  process.platform === 'linux' && quiet('which', ['dpkg-query']).status === 0
    ? Object.keys(SYSTEM_PACKAGES).filter(
        (p) => !quiet('dpkg-query', ['-W', '-f=${Status}', p]).stdout?.includes('install ok installed'),
      )
    : null;
if (missing === null) {
  console.log(
    '== Not a Debian-based system: install these yourself (the app and `npm run build` need none of them):\n' +
      Object.entries(SYSTEM_PACKAGES)
        .map(([p, why]) => `   ${p} — ${why}`)
        .join('\n') +
      '\n   On Windows, run the tests in WSL (Debian/Ubuntu); CHROMIUM_PATH may point at another Chromium.',
  );
} else if (missing.length === 0) {
  console.log('== System packages: all present');
} else {
  const asRoot = process.getuid?.() === 0;
  const sudo = !asRoot && quiet('sudo', ['-n', 'true']).status === 0;
  if (asRoot || sudo) {
    console.log(`== apt-get install ${missing.join(' ')}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const apt = (...args) =>
      sudo ? run('sudo', ['DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args]) : run('apt-get', args, { env });
    if (
      apt('update', '-qq').status !== 0 ||
      apt('install', '-y', '-qq', '--no-install-recommends', ...missing).status !== 0
    )
      ok = false;
  } else {
    ok = false;
    console.error(
      `== Missing system packages. Run this (as root), then npm run setup again:\n` +
        `   sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing.join(' ')}`,
    );
  }
}

// 3. npm ci
console.log('== npm ci');
const npm = run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, shell: process.platform === 'win32' });
if (npm.status !== 0) ok = false;

console.log(ok ? '\n== Ready: npm test' : '\n== Set-up incomplete: see the messages above.');
process.exit(ok ? 0 : 1);
