import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { serveApp } from '../../electron/main/app-protocol';
import { REPO } from '../helpers/ctx';

// pdf.js's CMaps and standard-font data ship beside the renderer (electron.vite.config.ts, `pdfjsAssets`); needs
// `npm run build && npm run build:e2e` first, as the e2e tests do.
const PDFJS = join(REPO, 'node_modules', 'pdfjs-dist');
const FOLDERS = ['cmaps', 'standard_fonts'];

describe('pdf.js’s CMaps and standard fonts beside the renderer', () => {
  it('are in both builds, every file as pdf.js ships it', () => {
    for (const out of ['renderer', 'e2e-renderer'])
      for (const f of FOLDERS) {
        const names = readdirSync(join(PDFJS, f));
        expect([out, f, readdirSync(join(REPO, 'out', out, 'pdfjs', f)).sort()]).toEqual([out, f, names.sort()]);
        for (const n of ['UniGB-UCS2-H.bcmap', 'GBK-EUC-H.bcmap', 'FoxitDingbats.pfb'].filter((x) => names.includes(x)))
          expect(readFileSync(join(REPO, 'out', out, 'pdfjs', f, n)).equals(readFileSync(join(PDFJS, f, n)))).toBe(
            true,
          );
      }
  });

  it('are served on app://wangbao/ as bytes, and the handler still keeps to the renderer folder', async () => {
    let handler: ((r: Request) => Promise<Response>) | undefined;
    serveApp(
      { handle: (_s: string, h: (r: Request) => Promise<Response>) => (handler = h) } as never,
      join(REPO, 'out', 'renderer'),
    );
    const get = (path: string) => handler!(new Request(`app://wangbao/${path}`));
    for (const [path, type] of [
      ['pdfjs/cmaps/UniGB-UCS2-H.bcmap', 'application/octet-stream'],
      ['pdfjs/cmaps/GBK-EUC-H.bcmap', 'application/octet-stream'],
      ['pdfjs/standard_fonts/FoxitDingbats.pfb', 'application/octet-stream'],
      ['pdfjs/standard_fonts/LiberationSans-Regular.ttf', 'font/ttf'],
    ] as const) {
      const r = await get(path);
      expect([path, r.status, r.headers.get('content-type'), r.headers.get('x-content-type-options')]).toEqual([
        path,
        200,
        type,
        'nosniff',
      ]);
      expect(Buffer.from(await r.arrayBuffer()).equals(readFileSync(join(PDFJS, path.slice('pdfjs/'.length))))).toBe(
        true,
      );
    }
    for (const path of [
      'pdfjs/cmaps/..%2f..%2f..%2fpackage.json',
      'pdfjs/cmaps/%2e%2e/%2e%2e/%2e%2e/package.json',
      'pdfjs/cmaps/..%5c..%5c..%5cpackage.json',
      'pdfjs/cmaps/Missing-H.bcmap',
    ])
      expect([path, (await get(path)).status]).toEqual([path, 404]);
  });

  it('are packaged: electron-builder takes out/renderer/** and excludes none of them', () => {
    const { files } = jsYaml.load(readFileSync(join(REPO, 'electron-builder.yml'), 'utf8')) as { files: string[] };
    expect(files).toContain('out/renderer/**');
    // The exclusions are `!**/*.ext` or inside node_modules/; none may catch a CMap or a font (`*.map` is not
    // `*.bcmap`).
    const excluded = files.filter((f) => f.startsWith('!') && !f.startsWith('!node_modules/'));
    for (const x of excluded) expect(x).toMatch(/^!\*\*\/\*\.\w+$/u);
    const suffixes = excluded.map((x) => x.slice('!**/*'.length));
    for (const f of FOLDERS)
      for (const n of readdirSync(join(REPO, 'out', 'renderer', 'pdfjs', f)))
        expect([n, suffixes.some((s) => n.endsWith(s))]).toEqual([n, false]);
  });
});
