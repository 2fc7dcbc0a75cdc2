/**
 * Events core pushes to the renderer while long work runs (Electron: webContents.send on `wangbao:event`; the e2e
 * bridge: server-sent events). Long work carries a `jobId` the renderer chose, so it can show progress and cancel.
 */
export interface ProgressEvent {
  type: 'progress';
  jobId: string;
  done: number;
  total: number;
  /** Files per second so far. */
  rate: number;
  /** Estimated milliseconds left, null until a rate is known. */
  remainingMs: number | null;
}

export type AppEvent = ProgressEvent;

export const EVENT_CHANNEL = 'wangbao:event';
