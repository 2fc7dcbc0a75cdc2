import { availableParallelism } from 'node:os';
import { Worker, type ResourceLimits } from 'node:worker_threads';

/** Where the worker script is and how to start it (a TS source runs under tsx in tests and `npm run cli`). */
export interface WorkerScript {
  path: string;
  /** Passed to the worker as `workerData` (the dev bootstrap reads the TS script to load from it). */
  workerData?: unknown;
  /** Heap limits of each worker: one that exceeds them is stopped (`ERR_WORKER_OUT_OF_MEMORY`), not this process. */
  resourceLimits?: ResourceLimits;
}

/** The worker itself failed (it could not start or it crashed), as opposed to the task's own error. */
export class WorkerCrashed extends Error {
  override readonly name = 'WorkerCrashed';
  constructor(
    message: string,
    /** Node's error code, e.g. `ERR_WORKER_OUT_OF_MEMORY`. */
    readonly code?: string,
  ) {
    super(message);
  }
}

interface Task {
  id: number;
  op: string;
  args: unknown[];
  resolve(v: unknown): void;
  reject(e: Error): void;
}

/**
 * A fixed pool of worker threads, one per core (at least two), for work that would otherwise hold core's thread:
 * pdf.js parsing, libheif decoding, the image measures. Tasks queue when every worker is busy; a crashed worker is
 * replaced and its task fails alone.
 */
export class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Task>();
  private readonly queue: Task[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly script: WorkerScript,
    readonly size = Math.max(2, availableParallelism()),
  ) {}

  /** Runs `op(...args)` in a worker (see intake-worker.ts for the ops). */
  run<T>(op: string, ...args: unknown[]): Promise<T> {
    if (this.closed) return Promise.reject(new Error('worker pool closed'));
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, op, args, resolve: resolve as (v: unknown) => void, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const all = [...this.idle, ...this.busy.keys()];
    this.idle.length = 0;
    await Promise.all(all.map((w) => w.terminate()));
  }

  private pump(): void {
    while (this.queue.length > 0) {
      const worker = this.idle.pop() ?? (this.busy.size < this.size ? this.spawn() : undefined);
      if (!worker) return;
      const task = this.queue.shift()!;
      this.busy.set(worker, task);
      worker.ref(); // a busy worker keeps the process alive until its answer arrives
      worker.postMessage({ id: task.id, op: task.op, args: task.args });
    }
  }

  private spawn(): Worker {
    const { path, workerData, resourceLimits } = this.script;
    const w = new Worker(path, { workerData, ...(resourceLimits ? { resourceLimits } : {}) });
    w.on('message', (m: { id: number; ok: boolean; value?: unknown; error?: string }) => {
      const task = this.busy.get(w);
      this.busy.delete(w);
      if (task) {
        if (m.ok) task.resolve(m.value);
        else task.reject(new Error(m.error));
      }
      w.unref(); // an idle worker must not keep a finished CLI run alive
      if (!this.closed) this.idle.push(w);
      this.pump();
    });
    w.on('error', (e) => {
      const task = this.busy.get(w);
      this.busy.delete(w);
      task?.reject(new WorkerCrashed(String(e), (e as NodeJS.ErrnoException).code));
      this.pump();
    });
    return w;
  }
}
