// The intake worker: runs the heavy readers off core's thread (started by WorkerPool). Each message names an op
// and its arguments; the answer carries the value or the error's message.
import { parentPort } from 'node:worker_threads';
import { readDocx, readPdf } from '../intake/document-facts';
import { heicToJpeg } from '../intake/heic';
import { readImage, readPhash } from '../intake/image-facts';
import { hashFile } from '../store/blob-store';

const OPS: Record<string, (...args: never[]) => Promise<unknown>> = {
  readPdf,
  readDocx,
  heicToJpeg,
  readImage,
  readPhash,
  hashFile,
};

parentPort?.on('message', (m: { id: number; op: string; args: never[] }) => {
  const op = OPS[m.op];
  if (!op) {
    parentPort!.postMessage({ id: m.id, ok: false, error: `unknown op ${m.op}` });
    return;
  }
  op(...m.args).then(
    (value) => parentPort!.postMessage({ id: m.id, ok: true, value }),
    (e: unknown) => parentPort!.postMessage({ id: m.id, ok: false, error: String((e as Error)?.stack ?? e) }),
  );
});
