// Builds the renderer for the e2e tests: the production renderer plus the bridge shim (imported first by
// main.tsx through a transform), into out/e2e-renderer. Production builds never contain the shim.
import { resolve } from 'node:path';
import { loadConfigFromFile } from 'electron-vite';
import { build } from 'vite';

const root = resolve(import.meta.dirname, '..', '..', '..');
const shim = resolve(import.meta.dirname, 'shim.ts');

// The production renderer's plugins (React, pdf.js's CMaps and standard fonts copied beside the page), read from
// electron.vite.config.ts so the two builds cannot drift apart.
const { config } = await loadConfigFromFile(
  { command: 'build', mode: 'e2e' },
  resolve(root, 'electron.vite.config.ts'),
  root,
  'warn',
);

await build({
  root: resolve(root, 'renderer'),
  mode: 'e2e',
  logLevel: 'warn',
  resolve: config.renderer.resolve,
  plugins: [
    ...config.renderer.plugins,
    {
      name: 'wangbao-e2e-shim',
      transform(code, id) {
        if (id.endsWith('/renderer/src/main.tsx')) return `import ${JSON.stringify(shim)};\n${code}`;
        return undefined;
      },
    },
  ],
  build: { outDir: resolve(root, 'out', 'e2e-renderer'), emptyOutDir: true, minify: true },
});
