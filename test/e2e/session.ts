import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { testPlatform } from '../helpers/ctx';
import { tmpDir } from '../helpers/tmp';
import { startBridge } from './bridge/server';
import { launchChromium } from './browser';
import { AppPage } from './pages/app-page';
import { E2E_WAIT_MS } from './waits';

/** What each e2e test works with: a fresh bridge over a temp folder, a page on it, and the page object. */
export interface E2E {
  page: Page;
  app: AppPage;
  bridge: Awaited<ReturnType<typeof startBridge>>;
  dialogs: ReturnType<typeof testPlatform>;
  base: string;
}

/** The screen a page is shown on: 1366×768 (the commonest office screen) unless a test asks for another. */
export interface Screen {
  viewport: { width: number; height: number };
  /** Windows' display scaling: 1920×1080 at 125 % is a 1536×864 viewport at 1.25 device pixels per CSS pixel. */
  deviceScaleFactor?: number;
}

/**
 * The moment every e2e test runs at, in the page and in core alike: mid-campaign (2026 period, 2025-11-01 to
 * 2026-10-31), so dates, due months and 逾期 read the same whatever day the suite runs — the fixture photos are of
 * 2026-03-12, and on the real date a new demo could be next year's campaign.
 */
export const E2E_NOW = new Date('2026-06-15T10:00:00+08:00');

export const OFFICE_SCREEN: Screen = { viewport: { width: 1366, height: 768 } };
export const FULL_HD_125: Screen = { viewport: { width: 1536, height: 864 }, deviceScaleFactor: 1.25 };

/**
 * Registers the hooks of an e2e file: one Chromium for the file; per test a new temp folder, bridge and page (at
 * 1366×768 unless `screen` says otherwise) in zh-CN, which must end without a page error or console error. Read the
 * returned object inside tests.
 */
export function useE2E(screen: Screen = OFFICE_SCREEN): E2E {
  const s = {} as E2E;
  let browser: Browser;
  let errors: string[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    s.base = tmpDir('wangbao-e2e-');
    s.dialogs = testPlatform(s.base, E2E_NOW);
    s.bridge = await startBridge(s.dialogs.platform);
    // A context of its own (not browser.newPage's implicit one): axe opens a second page in it to merge frames.
    const context = await browser.newContext({ ...screen, locale: 'zh-CN' });
    s.page = await context.newPage();
    await s.page.clock.setFixedTime(E2E_NOW); // Date in the page; timers still run
    s.page.setDefaultTimeout(E2E_WAIT_MS); // locators' waits, clicks and fills: the same one wait as expect.poll
    errors = [];
    s.page.on('pageerror', (e) => errors.push(String(e)));
    s.page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    s.app = new AppPage(s.page);
    await s.page.goto(s.bridge.url);
  });
  afterEach(async () => {
    expect(errors).toEqual([]);
    await s.page.context().close();
    await s.bridge.close();
  });
  return s;
}
