import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IN_THREAD, pooledReaders } from '../../electron/core/intake/readers';
import { WorkerPool } from '../../electron/core/workers/pool';
import { intakeWorkerScript } from '../../electron/core/workers/script';
import { FIXTURES } from '../helpers/ctx';
import { tmpDir } from '../helpers/tmp';

const pools: WorkerPool[] = [];
afterEach(async () => {
  for (const p of pools.splice(0)) await p.close();
});

describe('the intake worker pool', () => {
  it('reads in worker threads exactly what the calling thread reads', async () => {
    const pool = new WorkerPool(intakeWorkerScript(import.meta.url), 2);
    pools.push(pool);
    const workers = pooledReaders(pool);
    const dir = tmpDir();
    const photo = join(FIXTURES, 'photos', 'HMD_Nokia_8.3_5G.jpg');
    const pdf = join(FIXTURES, 'pdfs', 'pdflatex-4-pages.pdf');
    const [a, b] = await Promise.all([
      workers.readImage(photo, join(dir, 'a.jpg')),
      IN_THREAD.readImage(photo, join(dir, 'b.jpg')),
    ]);
    expect(a).toEqual(b);
    expect(await workers.readPdf(pdf)).toEqual(await IN_THREAD.readPdf(pdf));
    // More tasks than workers: they queue and all complete.
    const many = await Promise.all(
      ['Canon_40D.jpg', 'Nikon_D70.jpg', 'DSCN0010.jpg', 'orientation_portrait_6.jpg'].map((n, i) =>
        workers.readImage(join(FIXTURES, 'photos', n), join(dir, `${i}.jpg`)),
      ),
    );
    expect(many.every((r) => r.ok)).toBe(true);
  }, 60_000);

  it('a task that fails inside the worker fails alone; a worker that cannot start falls back to this thread', async () => {
    const pool = new WorkerPool(intakeWorkerScript(import.meta.url), 1);
    pools.push(pool);
    await expect(pool.run('noSuchOp')).rejects.toThrow('unknown op noSuchOp');
    const broken = new WorkerPool({ path: join(tmpDir(), 'missing-worker.js') }, 1);
    pools.push(broken);
    const r = await pooledReaders(broken).readPdf(join(FIXTURES, 'pdfs', 'minimal-document.pdf'));
    expect(r.facts.pages).toBe(1);
  }, 60_000);
});
