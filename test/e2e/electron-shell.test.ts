import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { REPO } from '../helpers/ctx';

// No Electron binary can run here, so the real window factory and security module run against a recording stand-in
// for the `electron` module: what they ask Electron to do is what this test checks.
const created: {
  options: Electron.BrowserWindowConstructorOptions;
  handlers: Map<string, (...a: unknown[]) => void>;
  openHandler?: () => unknown;
  loaded?: string;
}[] = [];
vi.mock('electron', () => {
  class BrowserWindow {
    rec: (typeof created)[number];
    webContents: object;
    constructor(options: Electron.BrowserWindowConstructorOptions) {
      this.rec = { options, handlers: new Map() };
      created.push(this.rec);
      const rec = this.rec;
      this.webContents = {
        on: (ev: string, fn: (...a: unknown[]) => void) => rec.handlers.set(ev, fn),
        setWindowOpenHandler: (fn: () => unknown) => (rec.openHandler = fn),
      };
    }
    once(): void {}
    loadFile(f: string): Promise<void> {
      this.rec.loaded = f;
      return Promise.resolve();
    }
    loadURL(u: string): Promise<void> {
      this.rec.loaded = u;
      return Promise.resolve();
    }
  }
  return { BrowserWindow, default: { BrowserWindow } };
});

describe('Electron shell security', () => {
  it('the real window factory: isolated, sandboxed, no Node, hardened against navigation and new windows', async () => {
    const { createMainWindow } = await import('../../electron/main/window');
    createMainWindow('/app/out', '');
    const w = created.at(-1)!;
    expect(w.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: join('/app/out', 'preload', 'index.cjs'),
    });
    expect(w.loaded).toBe('app://wangbao/index.html'); // never file://: see app-protocol.ts
    for (const ev of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const prevent = vi.fn();
      w.handlers.get(ev)!({ preventDefault: prevent });
      expect(prevent).toHaveBeenCalled();
    }
    expect(w.openHandler!()).toEqual({ action: 'deny' });
  });

  it('denies every permission request and check', async () => {
    const { denyAllPermissions } = await import('../../electron/main/security');
    let request: ((wc: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
    let check: (() => boolean) | undefined;
    denyAllPermissions({
      setPermissionRequestHandler: (h: typeof request) => (request = h),
      setPermissionCheckHandler: (h: typeof check) => (check = h),
    } as unknown as Electron.Session);
    const cb = vi.fn();
    request!(null, 'media', cb);
    expect(cb).toHaveBeenCalledWith(false);
    expect(check!()).toBe(false);
  });

  it('the built files: CSP on the page, a CommonJS preload, single-instance lock, no bridge in production', () => {
    const html = readFileSync(join(REPO, 'out', 'renderer', 'index.html'), 'utf8');
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/u.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/u);
    expect(html).not.toMatch(/<script[^>]+src="https?:/u);

    const preload = readFileSync(join(REPO, 'out', 'preload', 'index.cjs'), 'utf8');
    expect(preload).not.toMatch(/^\s*import\s/mu);
    expect([...preload.matchAll(/require\("([^"]+)"\)/gu)].map((m) => m[1])).toEqual(['electron']);
    expect(preload).toContain('exposeInMainWorld');

    const main = readFileSync(join(REPO, 'out', 'main', 'index.js'), 'utf8');
    expect(main).toContain('requestSingleInstanceLock');
    expect(main).toContain('setPermissionRequestHandler');

    const assets = join(REPO, 'out', 'renderer', 'assets');
    for (const f of readdirSync(assets).filter((n) => n.endsWith('.js')))
      expect(readFileSync(join(assets, f), 'utf8')).not.toContain('/api/invoke');
  });
});
