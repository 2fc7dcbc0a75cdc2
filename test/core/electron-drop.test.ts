import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHost } from '../../electron/core/host';
import { memoryLogger } from '../../electron/core/log';
import { registerIpc } from '../../electron/main/ipc';
import type { AttachResult, Material } from '@shared/ipc/types';
import { FIXTURES, testPlatform } from '../helpers/ctx';

// No Electron binary can run here. The real main IPC (`registerIpc`), the real preload and core's real dispatch run
// against a stand-in for the `electron` module at its API edge only: ipcMain/ipcRenderer carry calls between the two
// (arguments structured-cloned, as Electron does), contextBridge hands the preload's api to the "page", and webUtils
// knows the native path of a File only when the "operating system" made it for a drop, as Chromium does.
const electron = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
  exposed: {} as Record<string, unknown>,
  nativePaths: new WeakMap<object, string>(),
  senderUrl: 'app://wangbao/index.html',
}));
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) =>
      electron.handlers.set(channel, fn),
  },
  ipcRenderer: {
    invoke: async (channel: string, ...args: unknown[]) => {
      const handler = electron.handlers.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      return structuredClone(await handler({ senderFrame: { url: electron.senderUrl } }, ...structuredClone(args)));
    },
    on: () => undefined,
    removeListener: () => undefined,
  },
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => (electron.exposed[key] = api),
  },
  webUtils: {
    getPathForFile: (file: unknown) => {
      if (!(file instanceof File)) throw new TypeError('Error processing argument at index 0, conversion failure');
      return electron.nativePaths.get(file) ?? '';
    },
  },
}));

interface PageApi {
  invoke(channel: string, args: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;
  grantDropped(files: unknown): Promise<string[]>;
}

/** A File as the OS hands it to the page on a drop: its bytes, and a native path only webUtils can read. */
function droppedFile(path: string): File {
  const isFolder = !path.includes('.');
  const f = new File([isFolder ? new Uint8Array() : readFileSync(path)], path.split('/').at(-1)!);
  electron.nativePaths.set(f, path);
  return f;
}

describe('a drop in the Electron app (real registerIpc, preload and dispatch)', () => {
  let page: PageApi;
  let desktop: string;
  const log = memoryLogger();
  // One workspace for the whole file (the tests follow one user's session), removed at the end.
  const base = mkdtempSync(join(tmpdir(), 'wangbao-drop-'));
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  beforeAll(async () => {
    // The window's Ctx is built exactly as main builds it: the host factory, untrusted.
    const ctx = createHost({ platform: testPlatform(base).platform, trusted: false, log });
    registerIpc(ctx);
    await import('../../electron/preload/index');
    page = electron.exposed.api as PageApi;
    const ws = join(ctx.platform.defaultWorkspaceRoot, '市教育局');
    const created = await page.invoke('workspace:create', { dir: ws, unit: '市教育局', year: 2026, demo: true });
    expect(created.ok).toBe(true);

    desktop = join(base, 'desktop');
    mkdirSync(join(desktop, '活动照片'), { recursive: true });
    copyFileSync(join(FIXTURES, 'photos', 'Canon_40D.jpg'), join(desktop, 'a.jpg'));
    copyFileSync(join(FIXTURES, 'photos', 'Nikon_D70.jpg'), join(desktop, 'b.jpg'));
    copyFileSync(join(FIXTURES, 'photos', 'DSCN0010.jpg'), join(desktop, '活动照片', 'c.jpg'));
    copyFileSync(join(FIXTURES, 'pdfs', 'minimal-document.pdf'), join(desktop, '活动照片', '方案.pdf'));
    copyFileSync(join(FIXTURES, 'photos', 'image00971.jpg'), join(desktop, 'not-dropped.jpg'));
  });

  it('two files and a folder dropped on a criterion are attached, the folder with what is inside it', async () => {
    const paths = await page.grantDropped([
      droppedFile(join(desktop, 'a.jpg')),
      droppedFile(join(desktop, 'b.jpg')),
      droppedFile(join(desktop, '活动照片')),
    ]);
    expect(paths).toEqual([join(desktop, 'a.jpg'), join(desktop, 'b.jpg'), join(desktop, '活动照片')]);

    const r = await page.invoke('materials:attach', { criterionCode: '3.1.2', paths });
    expect(r.ok).toBe(true);
    const results = (r.value as { results: AttachResult[] }).results;
    expect(results.map((x) => [x.file.split('/').at(-1), x.status]).sort()).toEqual([
      ['a.jpg', 'added'],
      ['b.jpg', 'added'],
      ['c.jpg', 'added'],
      ['方案.pdf', 'added'],
    ]);
    const list = await page.invoke('materials:list', { criterionCode: '3.1.2' });
    expect((list.value as { materials: Material[] }).materials).toHaveLength(4);
  });

  it('a path nobody dropped or picked is still refused', async () => {
    const r = await page.invoke('materials:attach', {
      criterionCode: '3.1.2',
      paths: [join(desktop, 'not-dropped.jpg')],
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'path-not-allowed' } });
  });

  it('the page cannot forge a drop: its own Files, strings and objects grant nothing', async () => {
    const made = new File([readFileSync(join(desktop, 'not-dropped.jpg'))], 'not-dropped.jpg');
    expect(await page.grantDropped([made])).toEqual([]);
    expect(await page.grantDropped([join(desktop, 'not-dropped.jpg')])).toEqual([]);
    expect(await page.grantDropped([{ path: join(desktop, 'not-dropped.jpg') }])).toEqual([]);
    expect(await page.grantDropped(join(desktop, 'not-dropped.jpg'))).toEqual([]);
    // The grant channel is not in the page's allowlist either.
    const direct = await page.invoke('wangbao:grant-dropped', [join(desktop, 'not-dropped.jpg')]);
    expect(direct).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    const r = await page.invoke('materials:attach', {
      criterionCode: '3.1.2',
      paths: [join(desktop, 'not-dropped.jpg')],
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'path-not-allowed' } });
  });

  it('main grants nothing to a frame that is not our page, nor a relative or missing path', async () => {
    const grant = electron.handlers.get('wangbao:grant-dropped')!;
    const from = (url: string) => ({ senderFrame: { url } });
    expect(await grant(from('https://example.com/'), [join(desktop, 'not-dropped.jpg')])).toEqual([]);
    expect(await grant(from('file:///opt/wangbao/index.html'), [join(desktop, 'not-dropped.jpg')])).toEqual([]);
    const ours = from(electron.senderUrl);
    expect(await grant(ours, ['not-dropped.jpg', join(desktop, 'missing.jpg')])).toEqual([]);
    expect(await grant(ours, 'not a list')).toEqual([]);
    expect(log.lines.filter((l) => /^WARN drop (grant )?refused/u.test(l))).toHaveLength(5);
  });
});
