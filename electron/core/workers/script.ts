import { fileURLToPath } from 'node:url';
import type { WorkerScript } from './pool';

/**
 * The intake worker's script for an entry module (`import.meta.url` of electron/main/index.ts or electron/cli/index.ts):
 * built, it is `intake-worker.js` beside the entry in out/main/ (electron.vite.config.ts emits it there); run from
 * source (tests, `npm run cli`), it is the TS file, loaded through dev-worker.mjs, which registers tsx.
 */
export function intakeWorkerScript(entryUrl: string): WorkerScript {
  if (entryUrl.endsWith('.ts'))
    return {
      path: fileURLToPath(new URL('./dev-worker.mjs', import.meta.url)),
      workerData: { script: new URL('./intake-worker.ts', import.meta.url).href },
    };
  return { path: fileURLToPath(new URL('./intake-worker.js', entryUrl)) };
}

/**
 * The same script, found from where this module itself is, for core code that has no entry URL at hand (the 台账
 * reader, called from a handler). From source this module is a .ts file; built, it is bundled into out/main/ or,
 * shared by several entries, into a chunk in out/main/chunks/: the worker sits in out/main/ either way.
 */
export function intakeWorkerScriptHere(): WorkerScript {
  if (import.meta.url.endsWith('.ts')) return intakeWorkerScript(import.meta.url);
  const dir = new URL('.', import.meta.url);
  const outMain = dir.pathname.endsWith('/chunks/') ? new URL('..', dir) : dir;
  return { path: fileURLToPath(new URL('intake-worker.js', outMain)) };
}
