import { describe, expect, it } from 'vitest';
import type { Request } from 'playwright-core';
import { useE2E } from './session';

const e2e = useE2E();

/** The channels the page calls core on, in order, read off the bridge's requests (the app is not touched). */
function recordCalls(): { calls: string[]; stop(): void } {
  const calls: string[] = [];
  const onRequest = (r: Request) => {
    if (r.url().endsWith('/api/invoke')) calls.push((JSON.parse(r.postData() ?? '{}') as { channel: string }).channel);
  };
  e2e.page.on('request', onRequest);
  return { calls, stop: () => e2e.page.off('request', onRequest) };
}

describe('the data layer in Chromium against the real core', () => {
  it('a drop refreshes what it touched: one read of the criteria and the 体检, the criterion’s cards', async () => {
    const { page, app, base } = e2e;
    await page.getByTestId('try-demo').click();
    await page.getByTestId('header-points-at-risk').waitFor();
    await app.nav('台账');
    await app.tree.waitFor();
    await app.treeRow('3.1.2').click();
    await page.getByTestId('materials').waitFor();

    const recorded = recordCalls();
    // The attach resolves once what it touched is read again, so the summary shows after the refresh; a moment
    // more lets a stray later call (a second check, a re-render that reads) show up.
    await app.dropPeriodPhoto('3.1.2', base);
    await page.waitForTimeout(500);
    recorded.stop();

    const { calls } = recorded;
    expect(calls.filter((c) => c === 'materials:attach')).toHaveLength(1);
    // One round trip for the criteria, the 体检 and the header; the old three-call reload is gone.
    expect(calls.filter((c) => c === 'ledger:state')).toHaveLength(1);
    expect(calls).not.toContain('check:run');
    expect(calls).not.toContain('catalog:list');
    expect(calls).not.toContain('workspace:current');
    // The criterion's cards once, and the new photo's thumbnail (the others are cached by file).
    expect(calls.filter((c) => c === 'materials:list')).toHaveLength(1);
    expect(calls.filter((c) => c === 'materials:thumbs')).toHaveLength(1);
    // What the photo changed in 月收集, once each: the month (the navigation's badge, the 本月应交 filter) and the
    // reminder banner.
    expect(calls.filter((c) => c === 'collection:month')).toHaveLength(1);
    expect(calls.filter((c) => c === 'reminders:list')).toHaveLength(1);
    expect(calls.length).toBe(6);
  });
});
