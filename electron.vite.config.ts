import { createReadStream } from 'node:fs';
import { cp } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/**
 * pdf.js's predefined CMaps (CJK text in fonts a PDF does not embed) and standard-font data, shipped beside the
 * renderer as `pdfjs/cmaps/` and `pdfjs/standard_fonts/` (renderer/src/features/materials/pdfjs.ts points pdf.js
 * there). pdf.js fetches these 185 files by name at run time; nothing imports them, so they are copied as two
 * folders once the bundle is written rather than emitted one by one (vite-plugin-static-copy is not a dependency,
 * and `publicDir` would have to be a folder of our own holding copies). The dev server serves them from
 * node_modules. The e2e build (test/e2e/bridge/build-renderer.mjs) takes the renderer's plugins from here.
 */
function pdfjsAssets(): Plugin {
  const from = resolve('node_modules/pdfjs-dist');
  const folders = ['cmaps', 'standard_fonts'];
  return {
    name: 'wangbao-pdfjs-assets',
    configureServer(server) {
      server.middlewares.use('/pdfjs', (req, res, next) => {
        // `/cmaps/UniGB-UCS2-H.bcmap`: one of the two folders and a plain file name, nothing else.
        const m = /^\/(\w+)\/([\w-]+\.(?:bcmap|pfb|ttf))$/u.exec(req.url?.split('?')[0] ?? '');
        if (!m || !folders.includes(m[1]!)) return next();
        res.setHeader('content-type', m[2]!.endsWith('.ttf') ? 'font/ttf' : 'application/octet-stream');
        createReadStream(join(from, m[1]!, m[2]!))
          .on('error', () => res.writeHead(404, { 'content-type': 'text/plain' }).end())
          .pipe(res);
      });
    },
    async writeBundle({ dir }) {
      for (const f of folders) await cp(join(from, f), join(dir!, 'pdfjs', f), { recursive: true });
    },
  };
}

/** `@shared/…`: the pure TypeScript both processes use (tsconfig.json `paths`, vitest.config.ts, the same alias). */
export const SHARED_ALIAS = { '@shared': resolve('shared') };

/**
 * Three builds: the main process (with the `wangbao` CLI as a second entry, same core), the sandboxed preload
 * (CommonJS, as a sandboxed preload must be) and the renderer. The e2e renderer build lives in test/e2e/bridge.
 */
export default defineConfig({
  main: {
    resolve: { alias: SHARED_ALIAS },
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // The intake worker is an entry of its own, emitted beside index.js and cli.js (core/workers/script.ts).
        input: {
          index: resolve('electron/main/index.ts'),
          cli: resolve('electron/cli/index.ts'),
          'intake-worker': resolve('electron/core/workers/intake-worker.ts'),
        },
        output: { banner: (chunk) => (chunk.name === 'cli' ? '#!/usr/bin/env node' : '') },
      },
    },
  },
  preload: {
    resolve: { alias: SHARED_ALIAS },
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    plugins: [react(), pdfjsAssets()],
    resolve: { alias: SHARED_ALIAS },
    build: {
      outDir: resolve('out/renderer'),
      minify: true,
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
