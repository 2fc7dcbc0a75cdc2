import { WorkerCrashed, type WorkerPool } from '../workers/pool';
import { readDocx, readPdf } from './document-facts';
import { heicToJpeg } from './heic';
import { readImage, readPhash } from './image-facts';

/** The heavy readers intake uses: run in the worker pool when there is one, else on the calling thread. */
export interface Readers {
  readPdf: typeof readPdf;
  readDocx: typeof readDocx;
  heicToJpeg: typeof heicToJpeg;
  readImage: typeof readImage;
  readPhash: typeof readPhash;
}

export const IN_THREAD: Readers = { readPdf, readDocx, heicToJpeg, readImage, readPhash };

/** Readers that run in the pool; should a worker fail to start or crash, the file is read on this thread instead. */
export function pooledReaders(pool: WorkerPool): Readers {
  async function via<T>(op: keyof Readers, args: unknown[], here: () => Promise<T>): Promise<T> {
    try {
      return await pool.run<T>(op, ...args);
    } catch (e) {
      if (e instanceof WorkerCrashed) return here();
      throw e;
    }
  }
  return {
    readPdf: (...a) => via('readPdf', a, () => readPdf(...a)),
    readDocx: (...a) => via('readDocx', a, () => readDocx(...a)),
    heicToJpeg: (...a) => via('heicToJpeg', a, () => heicToJpeg(...a)),
    readImage: (...a) => via('readImage', a, () => readImage(...a)),
    readPhash: (...a) => via('readPhash', a, () => readPhash(...a)),
  };
}
