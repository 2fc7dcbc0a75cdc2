import { AppError } from '@shared/ipc/errors';
import { WorkerCrashed, WorkerPool } from '../workers/pool';
import { intakeWorkerScriptHere } from '../workers/script';
import type { LedgerSheet, LedgerSheetOutcome } from './read-workbook';
import { LIMITS, outOfMemory } from './xlsx-limits';

export type { LedgerSheet } from './read-workbook';

/** One worker thread for reading workbooks, started on first use and stopped after a while without work. */
let pool: WorkerPool | null = null;
let running = 0;
let idleTimer: NodeJS.Timeout | undefined;
const IDLE_MS = 10_000;

/**
 * Reads the 台账 sheet of an .xlsx (its bytes; `path` is for messages) into a plain grid — each cell's displayed text
 * (formula results, hyperlink texts, rich text, dates as YYYY-MM-DD) and the master of its merge — in a worker
 * thread (read-workbook.ts does the reading), never on core's: a workbook too large for a 台账 is refused there
 * with a message saying how large it is, and a heap limit keeps anything else from reaching this process.
 * `sheet`: the sheet to read; without it, the first whose header is recognised, else the first.
 */
export async function readLedgerSheet(bytes: Buffer, path: string, sheet?: string): Promise<LedgerSheet> {
  clearTimeout(idleTimer);
  const script = { ...intakeWorkerScriptHere(), resourceLimits: { maxOldGenerationSizeMb: LIMITS.workerHeapMb } };
  const workers = (pool ??= new WorkerPool(script, 1));
  running++;
  let outcome: LedgerSheetOutcome;
  try {
    outcome = await workers.run<LedgerSheetOutcome>('readLedgerSheet', bytes, path, sheet);
  } catch (e) {
    if (e instanceof WorkerCrashed && e.code === 'ERR_WORKER_OUT_OF_MEMORY') throw outOfMemory(`${path}: ${e.message}`);
    throw new AppError(
      'internal',
      '读取表格时出错：读取用的后台线程意外停止。请重试；如果仍然出错，请用 Excel 或 WPS 打开后另存为 .xlsx 再试。',
      `${path}: ${String(e)}`,
    );
  } finally {
    if (--running === 0) stopWhenIdle(workers);
  }
  if (!outcome.ok) throw new AppError(outcome.error.code, outcome.error.message, outcome.error.details);
  return outcome.value;
}

/** Frees the worker (and whatever its heap still holds) once no read has come for a while; never keeps a CLI alive. */
function stopWhenIdle(workers: WorkerPool): void {
  idleTimer = setTimeout(() => {
    if (pool !== workers) return;
    pool = null;
    void workers.close();
  }, IDLE_MS);
  idleTimer.unref();
}
