import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Protocol } from 'electron';

/**
 * The renderer is served from `app://wangbao/…`, a standard, secure scheme of our own, never from `file://`: with the
 * GrantFileProtocolExtraPrivileges fuse off, a page on this scheme cannot `fetch('file:///…')` past the path grants,
 * and main's IPC accepts calls from this exact origin only.
 */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://wangbao';
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  // pdf.js's CMaps and standard-font data (pdfjs/ beside the page): read as bytes by pdf.js, never sniffed.
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
  '.ttf': 'font/ttf',
};

/** The content type a renderer file is served with (the e2e bridge serves the same files the same way). */
export function contentTypeOf(file: string): string {
  return TYPES[extname(file)] ?? 'application/octet-stream';
}

/** Before the app is ready: our scheme behaves like https (origin, CSP 'self', fetch, module workers). */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * The file a request for our scheme may read: only GETs to `app://wangbao/`, only below the built renderer folder
 * (after decoding and normalising, so `..`, `%2e%2e` and backslashes cannot climb out), `/` meaning index.html.
 * Null for anything else.
 */
export function appFileFor(method: string, url: string, rendererDir: string): string | null {
  if (method !== 'GET') return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== 'wangbao') return null;
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  const rel = normalize(path === '/' ? 'index.html' : path.replace(/^\/+/u, ''));
  if (rel.startsWith('..') || rel.split(sep).includes('..')) return null;
  const file = join(rendererDir, rel);
  return file.startsWith(rendererDir + sep) ? file : null;
}

/** Serves the built renderer on our scheme: the files `appFileFor` allows, 404 for the rest. */
export function serveApp(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (req) => {
    const file = appFileFor(req.method, req.url, rendererDir);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: {
          'content-type': contentTypeOf(file),
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
