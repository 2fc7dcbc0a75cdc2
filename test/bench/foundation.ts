// The foundation's figures:
//   open a workspace with 250 criteria (open + info + criteria list, as the app does) ≤ 200 ms
//     — baseline: the sqlite3 shell reading the same table (process start included);
//   first paint of 首页 (the screen a workspace with a catalog opens on) with 250 criteria in headless Chromium
//   ≤ 1 s, and of the ledger reached from it (the click to 台账 counted in) ≤ 1 s
//     — baseline: Chromium painting a static HTML table of the same 250 rows from the same server.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { listCriteria } from '../../electron/core/catalog/criteria-repo';
import { call } from '../../electron/core/dispatch';
import { workspaceInfo } from '../../electron/core/handlers/workspace';
import { Workspace } from '../../electron/core/workspace/workspace';
import { generatedCatalog, writeCatalog } from '../helpers/catalog';
import { testCtx, testPlatform } from '../helpers/ctx';
import { startBridge } from '../e2e/bridge/server';
import { launchChromium } from '../e2e/browser';
import { figure, interleaved } from './report';

export async function benchFoundation(base: string): Promise<void> {
  // A unit no catalog row names: every criterion is preselected as mine, so the ledger shows all 250.
  const { ctx } = testCtx(base);
  const dir = join(base, 'ws250');
  await call('workspace:create', { dir, unit: '市财政局', year: 2026 }, ctx);
  const r = await call('catalog:import', { file: writeCatalog(base, generatedCatalog(250)) }, ctx);
  await call('workspace:close', {}, ctx);
  console.log(`workspace: ${r!.leaves} leaf criteria, ${r!.nodes} nodes`);

  const open = await interleaved(
    21,
    async () => {
      const ws = await Workspace.open(dir);
      workspaceInfo(ws);
      listCriteria(ws.db);
      ws.close();
    },
    () =>
      execFileSync('sqlite3', [join(dir, 'workspace.db'), 'SELECT * FROM criteria ORDER BY removed, position'], {
        stdio: 'pipe',
      }),
  );
  figure({
    name: 'open a workspace with 250 criteria (open + info + list)',
    value: open.ours,
    unit: 'ms',
    baseline: 'sqlite3 shell reading the table',
    baselineValue: open.baseline,
    ratio: open.ratio,
    within: { atMost: 200 },
  });

  const platform = testPlatform(base, new Date()).platform;
  const bridge = await startBridge(platform);
  bridge.ctx.session.grant(dir);
  await call('workspace:open', { dir }, bridge.ctx);
  const rows = listCriteria(bridge.ctx.session.workspace!.db).filter((c) => c.leaf);
  const staticDir = join(base, 'static');
  mkdirSync(staticDir);
  writeFileSync(
    join(staticDir, 'index.html'),
    `<!doctype html><meta charset="utf-8"><table data-testid="t">${rows.map((c) => `<tr><td>${c.code}</td><td>${c.title}</td><td>${c.status}</td></tr>`).join('')}</table>`,
  );
  const plain = await startBridge(platform, staticDir);
  const browser = await launchChromium();
  const paint = async (url: string, selector: string, open?: (page: Page) => Promise<void>) => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(url, { waitUntil: 'commit' });
    await open?.(page);
    await page.locator(selector).first().waitFor();
    const t = await page.evaluate(
      () => new Promise<number>((ok) => requestAnimationFrame(() => ok(performance.now()))),
    );
    await page.close();
    return t;
  };
  const toLedger = (page: Page) => page.getByRole('navigation').getByText('台账', { exact: true }).click();
  const table = { self: () => paint(plain.url, '[data-testid=t] tr') };
  // The ledger's goal is a ratio since issue 18 (≤ 2× the static table, measured in the same run); 首页 keeps 1 s.
  for (const [name, ours, goal] of [
    [
      'first paint of 首页 with 250 criteria',
      () => paint(bridge.url, '[data-testid=home-due]'),
      { within: { atMost: 1000 } },
    ],
    [
      'first paint of the ledger with 250 criteria (through 首页)',
      () => paint(bridge.url, '[data-testid=criteria-tree] [role=treeitem]', toLedger),
      { ratioWithin: { atMost: 2 } },
    ],
  ] as const) {
    const p = await interleaved(7, { self: ours }, table);
    figure({
      name: `${name}, headless Chromium`,
      value: p.ours,
      unit: 'ms',
      baseline: 'static HTML table of the same rows',
      baselineValue: p.baseline,
      ratio: p.ratio,
      ...goal,
    });
  }
  await browser.close();
  await bridge.close();
  await plain.close();
}
