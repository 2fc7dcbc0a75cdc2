// The steps `npm run smoke:electron` (electron.mjs: the built app in the repository's Electron) and
// `npm run smoke:packaged` (packaged.mjs: the app electron-builder made) share: a run's folders and report, the
// demo, a photo dropped on 3.1.2 through a real drag event, 体检, and the CLI's verdict on the exported package.
// Both need a display (a headless Linux: xvfb-run, apt-get install xvfb) and a machine with internet.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
/* global window, document, DataTransfer, DragEvent -- used only inside page.evaluate, which runs in the window */

export const root = resolve(import.meta.dirname, '..', '..');
export const WAIT = 60_000;
const photo = join(root, 'test', 'fixtures', 'photos', 'HMD_Nokia_8.3_5G.jpg');

/** No display on a headless Linux box: runs this script again under a virtual one, and exits with its status. */
export function ensureDisplay() {
  if (process.platform !== 'linux' || process.env.DISPLAY || process.env.WAYLAND_DISPLAY) return;
  const r = spawnSync('xvfb-run', ['-a', process.execPath, ...process.argv.slice(1)], { stdio: 'inherit' });
  if (r.error) console.error('xvfb-run is needed on a headless Linux machine: apt-get install xvfb');
  process.exit(r.status ?? 1);
}

/**
 * One smoke run: a temp folder that stands in for the user's home on Linux (user data and Documents inside it, so
 * the run leaves nothing behind), the folder packages are exported to, screenshots in test/artifacts/<name>/, and
 * the list of steps seen, printed as each passes and as JSON at the end.
 */
export function smokeRun(name) {
  const shots = join(root, 'test', 'artifacts', name);
  mkdirSync(shots, { recursive: true });
  const base = mkdtempSync(join(tmpdir(), 'wangbao-smoke-'));
  const outDir = join(base, '交创城办');
  mkdirSync(outDir);
  const seen = [];
  return {
    base,
    outDir,
    shots,
    seen,
    /** The environment of the app: Linux's home, config and Documents folders inside the temp folder. */
    env: { ...process.env, HOME: base, XDG_CONFIG_HOME: join(base, 'config') },
    step(what, detail = '') {
      seen.push({ step: what, detail });
      console.log(`✓ ${what}${detail ? `: ${detail}` : ''}`);
    },
    /** Collects the page's uncaught errors; `finish` fails the run when there were any. */
    watch(page) {
      page.on('pageerror', (e) => seen.push({ step: 'page error', detail: String(e) }));
    },
    failed(e) {
      console.error(`✗ ${e.message}`);
      process.exitCode = 1;
    },
    /** Removes the temp folder and prints what was seen; exit status 1 when a step failed or the page threw. */
    finish(workspace) {
      const errors = seen.filter((s) => s.step === 'page error');
      if (errors.length > 0 && process.exitCode !== 1)
        this.failed(new Error(`page errors: ${errors.map((e) => e.detail).join('; ')}`));
      if (workspace && !workspace.startsWith(base)) console.log(`The demo workspace stays at ${workspace}.`);
      rmSync(base, { recursive: true, force: true });
      console.log(JSON.stringify({ passed: process.exitCode !== 1, seen }, null, 2));
    },
  };
}

/** 首次使用 → 试用示例: the demo workspace, with the ledger's tree shown. Returns the workspace's folder. */
export async function openDemo(page, run) {
  page.setDefaultTimeout(WAIT);
  run.watch(page);
  await page.getByTestId('welcome').waitFor();
  run.step('window opened', await page.title());
  await page.getByTestId('try-demo').click();
  await page.getByTestId('criteria-tree').waitFor();
  const workspace = (await page.evaluate(() => window.api.invoke('workspace:current', {}))).value?.dir ?? null;
  run.step('demo workspace created', workspace ?? '?');
  return workspace;
}

/**
 * Drops the fixture photo on 3.1.2. A file input gives the page File objects backed by a native path (Chromium's own
 * file chooser path), which is what a drop from the file manager gives; then a real DragEvent carries them to the
 * drop zone, where the preload turns them into paths (webUtils.getPathForFile) and main grants exactly those.
 */
export async function dropPhoto(page, run) {
  await page.getByTestId('criteria-tree').locator('[data-code="3.1.2"]').click();
  await page.getByTestId('dropzone').waitFor();
  await page.evaluate(() => {
    const input = Object.assign(document.createElement('input'), { type: 'file', id: 'smoke-files', hidden: true });
    document.body.append(input);
  });
  await page.setInputFiles('#smoke-files', [photo]);
  await page.evaluate(() => {
    const input = document.getElementById('smoke-files');
    const dt = new DataTransfer();
    for (const f of input.files) dt.items.add(f);
    const zone = document.querySelector('[data-testid=dropzone]');
    for (const type of ['dragenter', 'dragover', 'drop'])
      zone.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    input.remove();
  });
  const summary = page.getByTestId('attach-summary');
  await summary.waitFor();
  const attached = (await summary.textContent()) ?? '';
  if (!attached.includes('已添加 1 个')) throw new Error(`the drop was not attached: ${attached}`);
  run.step('photo dropped on 3.1.2', attached.trim());
  await page.screenshot({ path: join(run.shots, '01-dropped.png') });
}

/** 体检 from the navigation, with its summary. */
export async function runCheck(page, run) {
  await page.getByRole('navigation').getByText('体检', { exact: true }).click();
  await page.getByTestId('check-summary').waitFor();
  run.step('体检 ran', ((await page.getByTestId('check-summary').textContent()) ?? '').trim());
  await page.screenshot({ path: join(run.shots, '02-check.png') });
}

/** `wangbao verify --json` (the repository's built CLI, in Node) on the package the app wrote. */
export function cliVerify(zip, run) {
  const cli = spawnSync(process.execPath, [join(root, 'out', 'main', 'cli.js'), 'verify', zip, '--json'], {
    encoding: 'utf8',
  });
  const verdict = JSON.parse(cli.stdout);
  if (cli.status !== 0 || !verdict.valid) throw new Error(`the CLI does not accept the package: ${cli.stdout}`);
  run.step('wangbao verify', `valid, ${verdict.problems.length} notes`);
}
