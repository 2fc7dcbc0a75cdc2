import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { testPlatform } from '../helpers/ctx';
import { tmpDir } from '../helpers/tmp';
import { startBridge } from './bridge/server';
import { launchChromium } from './browser';
import { AppPage } from './pages/app-page';
import { E2E_WAIT_MS } from './waits';

/** What each e2e test works with: a fresh bridge over a temp folder, a 1366×768 page on it, and the page object. */
export interface E2E {
  page: Page;
  app: AppPage;
  bridge: Awaited<ReturnType<typeof startBridge>>;
  dialogs: ReturnType<typeof testPlatform>;
  base: string;
}

/**
 * Registers the hooks of an e2e file: one Chromium for the file; per test a new temp folder, bridge and page at
 * 1366×768 in zh-CN, which must end without a page error or console error. Read the returned object inside tests.
 */
export function useE2E(): E2E {
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
    s.dialogs = testPlatform(s.base, new Date());
    s.bridge = await startBridge(s.dialogs.platform);
    s.page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
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
    await s.page.close();
    await s.bridge.close();
  });
  return s;
}
