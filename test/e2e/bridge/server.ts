import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, join, resolve } from 'node:path';
import { dispatch } from '../../../electron/core/dispatch';
import { createHost, grantDropped } from '../../../electron/core/host';
import { memoryLogger } from '../../../electron/core/log';
import type { Platform } from '../../../electron/core/platform';
import { APP_ORIGIN, appFileFor, contentTypeOf } from '../../../electron/main/app-protocol';

export const E2E_RENDERER = resolve(import.meta.dirname, '..', '..', '..', 'out', 'e2e-renderer');

/**
 * The e2e bridge: serves the e2e renderer build and carries `window.api.invoke` to the real core dispatcher over
 * HTTP on 127.0.0.1 — same handlers, same SQLite, same files as in Electron; only the transport differs. Its `Ctx`
 * comes from the host factory main uses (untrusted: paths must come from the test-answered dialogs or a drop).
 */
export async function startBridge(given: Platform, staticDir = E2E_RENDERER) {
  const log = memoryLogger();
  // Desktop notifications (月收集 reminders): main shows them with Electron's Notification; the bridge records what
  // core asked it to show, as its dialogs answer from queues — it never decides what or when, core does.
  const notifications: { title: string; body: string }[] = [];
  const platform: Platform = given.notify
    ? given
    : { ...given, notify: (n: { title: string; body: string }) => void notifications.push({ ...n }) };
  // Server-sent events carry core's events to the page (Electron: webContents.send).
  const listeners = new Set<ServerResponse>();
  const ctx = createHost({
    platform,
    trusted: false,
    log,
    emit: (event) => {
      for (const res of listeners) res.write(`data: ${JSON.stringify(event)}\n\n`);
    },
  });
  const uploads = await mkdtemp(join(tmpdir(), 'wangbao-uploads-'));
  const server = createServer((req, res) => {
    void (async () => {
      if (req.method === 'GET' && req.url === '/api/events') {
        res.writeHead(200, {
          'content-type': 'text/event-stream',
          'cache-control': 'no-cache',
          connection: 'keep-alive',
        });
        res.write(': connected\n\n');
        listeners.add(res);
        req.on('close', () => listeners.delete(res));
        return;
      }
      if (req.method === 'POST' && req.url?.startsWith('/api/upload?')) {
        // Files dropped in a browser carry no path (the transport's one difference): the bridge copies their bytes
        // and grants exactly that copy through the grant main's preload uses.
        const name = new URL(req.url, 'http://x').searchParams.get('name') ?? 'file';
        const dir = join(uploads, randomUUID());
        await mkdir(dir, { recursive: true });
        const path = join(dir, basename(name));
        await writeFile(path, await bodyBytes(req));
        const granted = await grantDropped(ctx, [path]);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ path: granted[0] ?? null }));
        return;
      }
      if (req.method === 'POST' && req.url === '/api/invoke') {
        const { channel, args } = JSON.parse(await body(req)) as { channel: string; args: unknown };
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(await dispatch(channel, args, ctx)));
        return;
      }
      // The files main's app:// handler would serve, confined the same way (app-protocol.ts), nothing more.
      const file = appFileFor(req.method ?? '', `${APP_ORIGIN}${req.url ?? '/'}`, staticDir);
      if (!file) return void res.writeHead(404).end();
      try {
        const data = await readFile(file);
        res.writeHead(200, { 'content-type': contentTypeOf(file) });
        res.end(data);
      } catch {
        res.writeHead(404).end();
      }
    })();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    ctx,
    log,
    /** What core asked the desktop to show, in order. */
    notifications,
    close: async () => {
      ctx.session.workspace?.close();
      for (const res of listeners) res.end();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await rm(uploads, { recursive: true, force: true });
    },
  };
}

function bodyBytes(req: IncomingMessage): Promise<Buffer> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => ok(Buffer.concat(chunks)));
    req.on('error', fail);
  });
}

async function body(req: IncomingMessage): Promise<string> {
  return (await bodyBytes(req)).toString('utf8');
}
