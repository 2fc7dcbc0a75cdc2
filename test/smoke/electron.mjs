// `npm run smoke:electron` — the real app, end to end, on a machine with internet (the Electron binary cannot be
// downloaded where CI runs; there the same flows are tested through the real IPC and preload modules and in Chromium).
// Launches the built app with Playwright's Electron driver (headless Linux: under xvfb-run), creates the demo
// workspace, drops a photo on a criterion through a real drag event (File objects that carry their native paths, as
// the file manager's drop does), runs 体检, exports a monthly package and verifies it in the app and with the CLI,
// quits, and prints what it saw. Screenshots go to test/artifacts/smoke/. Exit 0 when every step passed.
// The steps it shares with `npm run smoke:packaged` are in steps.mjs.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { _electron } from 'playwright-core';
import { electronBinary, electronNativeBinding, root } from '../../electron/tools/electron-native.mjs';
import { WAIT, cliVerify, dropPhoto, ensureDisplay, openDemo, runCheck, smokeRun } from './steps.mjs';

ensureDisplay();
const run = smokeRun('smoke');
const app = await _electron.launch({
  executablePath: electronBinary(),
  args: [join(root, 'out', 'main', 'index.js')],
  env: { ...run.env, WANGBAO_NATIVE_BINDING: electronNativeBinding() },
  timeout: WAIT,
});
let workspace = null;
try {
  const page = await app.firstWindow();
  workspace = await openDemo(page, run);
  await dropPhoto(page, run);
  await runCheck(page, run);

  // The folder dialog is the operating system's: answer it from main, as a user would pick the folder.
  await app.evaluate(({ dialog }, dir) => {
    dialog.showOpenDialog = async () => ({ canceled: false, filePaths: [dir] });
  }, run.outDir);
  await page.getByRole('navigation').getByText('导出', { exact: true }).click();
  await page.getByRole('button', { name: '选择保存位置并导出…' }).click();
  const result = page.getByTestId('export-result');
  await result.getByText('校验通过').waitFor();
  const zip = readdirSync(run.outDir).find((f) => f.endsWith('.zip'));
  if (!zip) throw new Error('no package was written');
  run.step('monthly package exported and verified in the app', join(run.outDir, zip));
  await page.screenshot({ path: join(run.shots, '03-exported.png') });

  await page.getByTestId('verify').getByRole('button', { name: '校验这个申报包' }).click();
  await page.getByTestId('verify-result').getByText('校验通过').waitFor();
  run.step('校验申报包 in the app', '校验通过');

  cliVerify(join(run.outDir, zip), run);
} catch (e) {
  run.failed(e);
} finally {
  await app.close();
  run.finish(workspace);
}
