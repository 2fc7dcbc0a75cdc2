// The intake worker: runs the heavy readers off core's thread (started by WorkerPool). Each message names an op and
// its arguments; the answer carries the value or the error's message. Each op's module is loaded on its first use,
// so a worker that only reads PDFs does not carry sharp and libheif, nor one that only reads images pdf.js. The 台账
// reader (office/read-sheet.ts) runs its op in a pool of its own over this same script.
import { parentPort } from 'node:worker_threads';

type Op = (...args: never[]) => Promise<unknown>;

const OPS: Record<string, () => Promise<Op>> = {
  readPdf: async () => (await import('../intake/document-facts')).readPdf,
  readDocx: async () => (await import('../intake/document-facts')).readDocx,
  heicToJpeg: async () => (await import('../intake/heic')).heicToJpeg,
  readImage: async () => (await import('../intake/image-facts')).readImage,
  readPhash: async () => (await import('../intake/image-facts')).readPhash,
  readLedgerSheet: async () => (await import('../office/read-workbook')).readLedgerSheetHere,
};

parentPort?.on('message', (m: { id: number; op: string; args: never[] }) => {
  const load = OPS[m.op];
  if (!load) {
    parentPort!.postMessage({ id: m.id, ok: false, error: `unknown op ${m.op}` });
    return;
  }
  load()
    .then((op) => op(...m.args))
    .then(
      (value) => parentPort!.postMessage({ id: m.id, ok: true, value }),
      (e: unknown) => parentPort!.postMessage({ id: m.id, ok: false, error: String((e as Error)?.stack ?? e) }),
    );
});
