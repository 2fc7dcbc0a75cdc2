// `npm run smoke:electron` — the real app, end to end, on a machine with internet (the Electron binary cannot be
// downloaded where CI runs; there the same flows are tested through the real IPC and preload modules and in Chromium).
// Launches the built app with Playwright's Electron driver (headless Linux: under xvfb-run), creates the demo
// workspace, drops a photo on a criterion through a real drag event (File objects that carry their native paths, as
// the file manager's drop does), runs 体检, exports a monthly package and verifies it in the app and with the CLI,
// quits, and prints what it saw. Screenshots go to test/artifacts/smoke/. Exit 0 when every step passed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
/* global window, document, DataTransfer, DragEvent -- used only inside page.evaluate, which runs in the window */
import { _electron } from 'playwright-core';
import { electronBinary, electronNativeBinding, root } from '../../electron/tools/electron-native.mjs';

// No display on a headless Linux box: run again under a virtual one.
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  const r = spawnSync('xvfb-run', ['-a', process.execPath, ...process.argv.slice(1)], { stdio: 'inherit' });
  if (r.error) console.error('xvfb-run is needed on a headless Linux machine: apt-get install xvfb');
  process.exit(r.status ?? 1);
}

const WAIT = 60_000;
const shots = join(root, 'test', 'artifacts', 'smoke');
mkdirSync(shots, { recursive: true });
const base = mkdtempSync(join(tmpdir(), 'wangbao-smoke-'));
const outDir = join(base, '交创城办');
mkdirSync(outDir);
const photo = join(root, 'test', 'fixtures', 'photos', 'HMD_Nokia_8.3_5G.jpg');
const seen = [];
const step = (what, detail = '') => {
  seen.push({ step: what, detail });
  console.log(`✓ ${what}${detail ? `: ${detail}` : ''}`);
};

const app = await _electron.launch({
  executablePath: electronBinary(),
  args: [join(root, 'out', 'main', 'index.js')],
  // Linux: the user-data and Documents folders inside the temp folder, so the smoke run leaves nothing behind.
  env: {
    ...process.env,
    WANGBAO_NATIVE_BINDING: electronNativeBinding(),
    HOME: base,
    XDG_CONFIG_HOME: join(base, 'config'),
  },
  timeout: WAIT,
});
let workspace = null;
try {
  const page = await app.firstWindow();
  page.setDefaultTimeout(WAIT);
  page.on('pageerror', (e) => seen.push({ step: 'page error', detail: String(e) }));
  await page.getByTestId('welcome').waitFor();
  step('window opened', await page.title());

  await page.getByTestId('try-demo').click();
  await page.getByTestId('criteria-tree').waitFor();
  workspace = (await page.evaluate(() => window.api.invoke('workspace:current', {}))).value?.dir ?? null;
  step('demo workspace created', workspace ?? '?');

  await page.getByTestId('criteria-tree').locator('[data-code="3.1.2"]').click();
  await page.getByTestId('dropzone').waitFor();
  // A file input gives the page File objects backed by a native path (Chromium's own file chooser path), which is
  // what a drop from the file manager gives; then a real DragEvent carries them to the drop zone.
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
  step('photo dropped on 3.1.2', attached.trim());
  await page.screenshot({ path: join(shots, '01-dropped.png') });

  await page.getByRole('navigation').getByText('体检', { exact: true }).click();
  await page.getByTestId('check-summary').waitFor();
  step('体检 ran', ((await page.getByTestId('check-summary').textContent()) ?? '').trim());
  await page.screenshot({ path: join(shots, '02-check.png') });

  // The folder dialog is the operating system's: answer it from main, as a user would pick the folder.
  await app.evaluate(({ dialog }, dir) => {
    dialog.showOpenDialog = async () => ({ canceled: false, filePaths: [dir] });
  }, outDir);
  await page.getByRole('navigation').getByText('导出', { exact: true }).click();
  await page.getByRole('button', { name: '选择保存位置并导出…' }).click();
  const result = page.getByTestId('export-result');
  await result.getByText('校验通过').waitFor();
  const zip = readdirSync(outDir).find((f) => f.endsWith('.zip'));
  if (!zip) throw new Error('no package was written');
  step('monthly package exported and verified in the app', join(outDir, zip));
  await page.screenshot({ path: join(shots, '03-exported.png') });

  await page.getByTestId('verify').getByRole('button', { name: '校验这个申报包' }).click();
  await page.getByTestId('verify-result').getByText('校验通过').waitFor();
  step('校验申报包 in the app', '校验通过');

  const cli = spawnSync(
    process.execPath,
    [join(root, 'out', 'main', 'cli.js'), 'verify', join(outDir, zip), '--json'],
    {
      encoding: 'utf8',
    },
  );
  const verdict = JSON.parse(cli.stdout);
  if (cli.status !== 0 || !verdict.valid) throw new Error(`the CLI does not accept the package: ${cli.stdout}`);
  step('wangbao verify', `valid, ${verdict.problems.length} notes`);
  const errors = seen.filter((s) => s.step === 'page error');
  if (errors.length > 0) throw new Error(`page errors: ${errors.map((e) => e.detail).join('; ')}`);
} catch (e) {
  console.error(`✗ ${e.message}`);
  process.exitCode = 1;
} finally {
  await app.close();
  if (workspace && workspace.startsWith(base) === false) console.log(`The demo workspace stays at ${workspace}.`);
  rmSync(base, { recursive: true, force: true });
  console.log(JSON.stringify({ passed: process.exitCode !== 1, seen }, null, 2));
}
