// `npm run smoke:packaged` — the app as electron-builder packages it, end to end. FOR A MACHINE WITH INTERNET: it
// cannot run where CI runs (electron-builder downloads Electron; no Electron binary can be had there), so there it
// is only checked to parse (`node --check`). Windows or Linux, x64 or arm64: the machine's own.
//
// Builds the unpacked app with electron-builder (`--dir`, through builder.mjs, which keeps node_modules' Node-ABI
// better-sqlite3), checks what electron-builder made (app.asar; better-sqlite3, sharp with libvips and libheif-js
// unpacked beside it; the demo and fonts among the resources; no app-update.yml; the fuses as the binary carries
// them), starts it (headless Linux: under xvfb-run), opens the demo, drops a photo on 3.1.2, runs 体检, exports a
// monthly package, verifies it in the app and with `wangbao verify`, quits by closing the window, and prints each
// step it saw. Screenshots go to test/artifacts/smoke-packaged/. Exit 0 when every step passed.
//
// How it differs from `npm run smoke:electron` (electron.mjs; the shared steps are in steps.mjs): the packaged app's
// fuses turn off --inspect, through which Playwright's Electron driver controls main, so the window is reached over
// the DevTools protocol (--remote-debugging-port) and main cannot answer the folder dialog. The export therefore asks
// main through the page's own IPC (window.api: the call the 导出 button makes once the dialog has answered) for a
// path inside the demo workspace's folder, which main has granted to the window. On Linux the app runs with
// --no-sandbox, as Playwright runs it for smoke:electron: an unpacked app's chrome-sandbox is not setuid root
// (the .deb's install script makes it so). On Windows the user data and Documents folders are the real ones.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { root, runElectronBuilder, unpackedApp } from './builder.mjs';
import { WAIT, cliVerify, dropPhoto, ensureDisplay, openDemo, runCheck, smokeRun } from './steps.mjs';
/* global window -- used only inside page.evaluate, which runs in the window */

ensureDisplay();
const run = smokeRun('smoke-packaged');
const { dir, executable } = unpackedApp(process.platform, process.arch);

/** What the page's preload offers, as the renderer calls it: the value, or the error thrown. */
async function api(page, channel, args) {
  const r = await page.evaluate(([c, a]) => window.api.invoke(c, a), [channel, args]);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value;
}

/** Layout checks of the unpacked app: every file the packaged app needs outside its asar. */
async function checkLayout() {
  const resources = join(dir, 'resources');
  const unpacked = join(resources, 'app.asar.unpacked', 'node_modules');
  const os = process.platform;
  const cpu = process.arch;
  const platformPackage = join(root, 'node_modules', '@img', `sharp-${os}-${cpu}`, 'package.json');
  const sharpVersion = JSON.parse(readFileSync(platformPackage, 'utf8')).version; // its addon's name carries it
  const need = {
    'app.asar': join(resources, 'app.asar'),
    'better-sqlite3 (Electron ABI)': join(unpacked, 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'),
    sharp: join(unpacked, '@img', `sharp-${os}-${cpu}`, 'lib', `sharp-${os}-${cpu}-${sharpVersion}.node`),
    libvips: os === 'win32' ? null : join(unpacked, '@img', `sharp-libvips-${os}-${cpu}`, 'lib'),
    'libheif (libheif-js)': join(unpacked, 'libheif-js', 'libheif-wasm', 'libheif-bundle.js'),
    'demo catalog': join(resources, 'resources', 'demo', 'catalog.json'),
    fonts: join(resources, 'resources', 'fonts'),
    'app icon (Linux set)': join(resources, 'resources', 'icons', 'png', '256x256.png'),
  };
  for (const [what, path] of Object.entries(need)) {
    if (path === null) continue;
    if (!existsSync(path)) throw new Error(`${what} is missing: ${path}`);
  }
  run.step('unpacked app built', `${dir}: ${Object.keys(need).join(', ')}`);
  if (existsSync(join(resources, 'app-update.yml')))
    throw new Error('app-update.yml was written: publish must be null');
  run.step('no update configuration', 'no resources/app-update.yml');
  // The fuses as the binary carries them, read with electron-builder's own @electron/fuses (its states: '0' and '1'
  // as bytes, 48 and 49; 114 a fuse this Electron removed).
  const builderRequire = createRequire(
    createRequire(join(root, 'package.json')).resolve('app-builder-lib/package.json'),
  );
  const { getCurrentFuseWire, FuseV1Options } = builderRequire('@electron/fuses');
  const wire = await getCurrentFuseWire(executable);
  const STATE = { 48: 'off', 49: 'on', 114: 'removed' };
  const fuses = Object.fromEntries(
    Object.keys(FuseV1Options)
      .filter((k) => Number.isNaN(Number(k)) && wire[FuseV1Options[k]] !== undefined)
      .map((k) => [k, STATE[wire[FuseV1Options[k]]] ?? wire[FuseV1Options[k]]]),
  );
  for (const off of ['RunAsNode', 'EnableNodeOptionsEnvironmentVariable', 'EnableNodeCliInspectArguments'])
    if (fuses[off] !== 'off') throw new Error(`fuse ${off} is ${fuses[off]}`);
  for (const on of ['EnableEmbeddedAsarIntegrityValidation', 'OnlyLoadAppFromAsar'])
    if (fuses[on] !== 'on') throw new Error(`fuse ${on} is ${fuses[on]}`);
  run.step('fuses', JSON.stringify(fuses));
}

/** Starts the packaged program with a DevTools endpoint; resolves with the process and the endpoint's URL. */
function launch() {
  const args = [
    '--remote-debugging-port=0',
    '--remote-allow-origins=*', // Chromium refuses DevTools WebSockets from an origin it was not told to allow
    ...(process.platform === 'linux' ? ['--no-sandbox'] : []),
  ];
  const child = spawn(executable, args, { env: run.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolveLaunch, reject) => {
    const timer = setTimeout(() => reject(new Error(`no DevTools endpoint after ${WAIT} ms:\n${output}`)), WAIT);
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`the app exited (${code}) before its window opened:\n${output}`)));
    for (const stream of [child.stdout, child.stderr])
      stream.on('data', (chunk) => {
        output += chunk;
        const m = /DevTools listening on (ws:\/\/\S+)/u.exec(output);
        if (m) {
          clearTimeout(timer);
          child.removeAllListeners('exit');
          resolveLaunch({ child, endpoint: m[1], output: () => output });
        }
      });
  });
}

/** The app window's page, once it shows the renderer from app://wangbao/. */
async function appPage(browser) {
  const until = Date.now() + WAIT;
  while (Date.now() < until) {
    for (const context of browser.contexts())
      for (const page of context.pages()) if (page.url().startsWith('app://wangbao/')) return page;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('no window showed app://wangbao/');
}

let app = null;
let browser = null;
let workspace = null;
try {
  if (!existsSync(join(root, 'out', 'main', 'cli.js'))) throw new Error('No out/: run through npm run smoke:packaged');
  const status = runElectronBuilder({ platform: process.platform, arch: process.arch, dir: true });
  if (status !== 0) throw new Error(`electron-builder --dir failed (${status})`);
  await checkLayout();

  app = await launch();
  run.step('packaged app started', `${executable} (pid ${app.child.pid})`);
  browser = await chromium.connectOverCDP(app.endpoint, { timeout: WAIT });
  const page = await appPage(browser);
  workspace = await openDemo(page, run);
  await dropPhoto(page, run);
  await runCheck(page, run);

  await page.getByRole('navigation').getByText('导出', { exact: true }).click();
  await page.getByTestId('export-preview').waitFor();
  const month = await page.getByLabel('计入月份').inputValue();
  const preview = await api(page, 'package:preview', { kind: 'monthly', month });
  const written = await api(page, 'package:export', { kind: 'monthly', month, out: join(workspace, preview.fileName) });
  if (!written || !existsSync(written.path)) throw new Error(`no package was written: ${JSON.stringify(written)}`);
  run.step('monthly package exported', `${written.path} (${written.files} files, ${written.bytes} bytes)`);
  await page.screenshot({ path: join(run.shots, '03-export.png') });

  const verdict = await api(page, 'package:verify', { file: written.path });
  if (!verdict.valid) throw new Error(`the app does not accept its own package: ${JSON.stringify(verdict.problems)}`);
  run.step('校验申报包 in the app', `valid, ${verdict.problems.length} notes`);
  cliVerify(written.path, run);

  // Closing the one window quits the app (main: window-all-closed → app.quit()).
  const exited = new Promise((r) => app.child.once('exit', (code, signal) => r(signal ?? code)));
  await page.close();
  const how = await Promise.race([exited, new Promise((r) => setTimeout(() => r('still running'), WAIT))]);
  if (how !== 0) throw new Error(`the app did not quit cleanly after its window closed: ${how}`);
  run.step('window closed, app quit', 'exit code 0');
  app = null;
} catch (e) {
  run.failed(e);
  if (app) console.error(`The app's output:\n${app.output().split('\n').slice(-30).join('\n')}`);
} finally {
  await browser?.close().catch(() => undefined);
  if (app && app.child.exitCode === null) app.child.kill();
  if (existsSync(dir)) console.log(`The unpacked app stays in ${dir} (${readdirSync(dir).length} entries).`);
  run.finish(workspace);
}
