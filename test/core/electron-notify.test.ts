import { describe, expect, it, vi } from 'vitest';

// The Electron platform's desktop notification (月收集 reminders), through the real module with only the `electron`
// API stood in: what it asks Electron to show is what this test checks.
const shown: { title: string; body: string; click?: () => void }[] = [];
let supported = true;
vi.mock('electron', () => {
  class Notification {
    rec: (typeof shown)[number];
    constructor(o: { title: string; body: string }) {
      this.rec = { ...o };
    }
    static isSupported(): boolean {
      return supported;
    }
    on(ev: string, fn: () => void): void {
      if (ev === 'click') this.rec.click = fn;
    }
    show(): void {
      shown.push(this.rec);
    }
  }
  const app = { isPackaged: false, getPath: (n: string) => `/tmp/wangbao-test-${n}`, getAppPath: () => '/app' };
  return { app, dialog: {}, Notification, default: { app, dialog: {}, Notification } };
});

describe('the Electron platform notifies', () => {
  it('shows a notification, and a click brings the window back', async () => {
    const { electronPlatform } = await import('../../electron/main/platform');
    const win = { isMinimized: vi.fn(() => true), restore: vi.fn(), focus: vi.fn() };
    const platform = electronPlatform(() => win as unknown as Electron.BrowserWindow);
    platform.notify!({ title: '网报通 · 月收集提醒', body: '6月5日 世界环境日：3.3.4 需要活动现场照片' });
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ title: '网报通 · 月收集提醒', body: '6月5日 世界环境日：3.3.4 需要活动现场照片' });
    shown[0]!.click!();
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
  });

  it('shows nothing where the desktop has no notifications (the banner in the window stays)', async () => {
    const { electronPlatform } = await import('../../electron/main/platform');
    supported = false;
    shown.length = 0;
    electronPlatform(() => null).notify!({ title: 't', body: 'b' });
    expect(shown).toHaveLength(0);
  });
});
