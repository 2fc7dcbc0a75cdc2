// Runs a TypeScript worker from source (tests, `npm run cli`): registers tsx in this worker thread, then loads the
// worker named in workerData. Built apps never use it: their worker is plain JS (core/workers/script.ts).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.script);
