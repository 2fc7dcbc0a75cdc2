import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jsYaml from 'js-yaml';
import { describe, expect, it, vi } from 'vitest';
import { Session } from '../../electron/core/context';
import { call } from '../../electron/core/dispatch';
import { appFileFor, registerAppScheme, serveApp } from '../../electron/main/app-protocol';
import { fromOurPage } from '../../electron/main/ipc';
import { REPO, testCtx } from '../helpers/ctx';
import { tmpDir } from '../helpers/tmp';

// ipc.ts registers on ipcMain when asked; only its origin check runs here (no Electron binary on this machine).
vi.mock('electron', () => ({ ipcMain: { handle: () => undefined } }));

describe('the renderer on app://wangbao/ (electron/main/app-protocol.ts)', () => {
  const dir = '/opt/wangbao/out/renderer';

  it('serves only GETs of files below the built renderer, whatever the URL says', () => {
    expect(appFileFor('GET', 'app://wangbao/index.html', dir)).toBe(join(dir, 'index.html'));
    expect(appFileFor('GET', 'app://wangbao/', dir)).toBe(join(dir, 'index.html'));
    expect(appFileFor('GET', 'app://wangbao/assets/pdf.worker.min.mjs?v=1', dir)).toBe(
      join(dir, 'assets', 'pdf.worker.min.mjs'),
    );
    for (const url of [
      'app://wangbao/../../etc/passwd',
      'app://wangbao/%2e%2e/%2e%2e/etc/passwd',
      'app://wangbao/assets/..%2f..%2f..%2fetc%2fpasswd',
      'app://wangbao/..%5c..%5cwindows%5cwin.ini',
      'app://wangbao/index.html%00.png',
      'app://wangbao/%E0%A4%A',
      'app://evil/index.html',
      'file:///etc/passwd',
      'https://wangbao/index.html',
      'not a url',
    ])
      expect([url, appFileFor('GET', url, dir)]).toEqual([
        url,
        expect.toSatisfy((f) => f === null || f.startsWith(dir + '/')),
      ]);
    // Dot segments, encoded or not, are resolved by the URL parser itself: what is left stays inside the folder.
    expect(appFileFor('GET', 'app://wangbao/%2e%2e/%2e%2e/etc/passwd', dir)).toBe(join(dir, 'etc', 'passwd'));
    expect(appFileFor('GET', 'app://wangbao/..%5c..%5cwin.ini', dir)).toBeNull();
    expect(appFileFor('GET', 'app://evil/index.html', dir)).toBeNull();
    expect(appFileFor('POST', 'app://wangbao/index.html', dir)).toBeNull();
  });

  it('the handler answers the page, and 404 for anything else', async () => {
    const root = tmpDir();
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html>');
    writeFileSync(join(root, 'assets', 'a.mjs'), 'export {}');
    writeFileSync(join(root, '..', 'secret.txt'), 'secret');
    let handler: ((r: Request) => Promise<Response>) | undefined;
    serveApp({ handle: (_s: string, h: (r: Request) => Promise<Response>) => (handler = h) } as never, root);
    const get = (url: string) => handler!(new Request(url));
    const page = await get('app://wangbao/index.html');
    expect([page.status, page.headers.get('content-type'), await page.text()]).toEqual([
      200,
      'text/html; charset=utf-8',
      '<!doctype html>',
    ]);
    expect((await get('app://wangbao/assets/a.mjs')).headers.get('content-type')).toContain('text/javascript');
    expect((await get('app://wangbao/%2e%2e/secret.txt')).status).toBe(404);
    expect((await get('app://wangbao/missing.js')).status).toBe(404);
    let schemes: unknown;
    registerAppScheme({ registerSchemesAsPrivileged: (s: unknown) => (schemes = s) } as never);
    expect(schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('main’s IPC answers that exact origin only (and the dev server’s during npm start)', () => {
    expect(fromOurPage('app://wangbao/index.html', undefined)).toBe(true);
    for (const url of [
      'file:///opt/wangbao/out/renderer/index.html',
      'app://wangbao.evil/index.html',
      'app://evil/index.html',
      'https://wangbao/index.html',
      '',
    ])
      expect([url, fromOurPage(url, undefined)]).toEqual([url, false]);
    expect(fromOurPage('http://localhost:5173/src/main.tsx', 'http://localhost:5173')).toBe(true);
    expect(fromOurPage('http://localhost:51730/', 'http://localhost:5173')).toBe(false);
  });
});

describe('the packaged binary’s fuses (electron-builder.yml)', () => {
  it('turn off RunAsNode, NODE_OPTIONS, --inspect and file:// privileges; load only the checked asar', () => {
    const config = jsYaml.load(readFileSync(join(REPO, 'electron-builder.yml'), 'utf8')) as {
      electronFuses: Record<string, boolean>;
    };
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    // Every key is one electron-builder knows (a misspelt fuse would be silently ignored).
    const scheme = JSON.parse(readFileSync(join(REPO, 'node_modules/app-builder-lib/scheme.json'), 'utf8')) as {
      definitions: { FuseOptionsV1: { properties: Record<string, unknown> } };
    };
    for (const key of Object.keys(config.electronFuses))
      expect(Object.keys(scheme.definitions.FuseOptionsV1.properties)).toContain(key);
  });
});

describe('path grants compare real paths', () => {
  it('a link inside a granted folder does not lead outside it; new files inside it are granted', () => {
    const base = tmpDir();
    mkdirSync(join(base, 'granted'));
    mkdirSync(join(base, 'private'));
    writeFileSync(join(base, 'private', 'key.txt'), 'secret');
    symlinkSync(join(base, 'private'), join(base, 'granted', 'shortcut'));
    symlinkSync(join(base, 'granted'), join(base, 'alias'));
    const s = new Session();
    s.grant(join(base, 'granted'));
    expect(s.isGranted(join(base, 'granted', 'shortcut', 'key.txt'))).toBe(false);
    expect(s.isGranted(join(base, 'granted', 'shortcut'))).toBe(false);
    expect(s.isGranted(join(base, 'granted', 'new', 'p.zip'))).toBe(true);
    expect(s.isGranted(join(base, 'alias', 'x.jpg'))).toBe(true); // the same real folder
    expect(s.isGranted(join(base, 'granted-not', 'x'))).toBe(false);
  });

  it('the window may create a new workspace in Documents/网报通 but not open or read the others there', async () => {
    const base = tmpDir();
    const cli = testCtx(base).ctx; // the user's own shell made another workspace there earlier
    const root = cli.platform.defaultWorkspaceRoot;
    await call('workspace:create', { dir: join(root, '其他单位'), unit: '市卫健委', year: 2026 }, cli);
    cli.session.workspace!.close();
    const { ctx } = testCtx(base, false);
    const made = await call(
      'workspace:create',
      { dir: join(root, '市教育局-2026'), unit: '市教育局', year: 2026 },
      ctx,
    );
    expect(made.dir).toBe(join(root, '市教育局-2026'));
    await expect(call('workspace:open', { dir: join(root, '其他单位') }, ctx)).rejects.toMatchObject({
      code: 'path-not-allowed',
    });
    await expect(
      call('workspace:create', { dir: join(root, '其他单位', 'inner'), unit: '甲', year: 2026 }, ctx),
    ).rejects.toMatchObject({ code: 'path-not-allowed' });
    await expect(
      call('materials:attach', { criterionCode: '1', paths: [join(root, '其他单位', 'workspace.db')] }, ctx),
    ).rejects.toMatchObject({ code: 'path-not-allowed' });
  });
});
