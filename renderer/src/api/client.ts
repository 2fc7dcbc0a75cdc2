import type { Api, ArgsIn, Channel, Result } from '../../../shared/ipc/contract';
import type { ErrorData } from '../../../shared/ipc/errors';

declare global {
  interface Window {
    /** Provided by the preload in Electron, by the bridge shim in the e2e browser build. */
    api: Api & {
      /** The path of a dropped file (Electron's webUtils.getPathForFile); absent in the e2e browser. */
      getPathForFile?(file: File): string;
      /** The e2e bridge's stand-in (test builds only): stores the bytes, returns a path core may read. */
      upload?(file: File): Promise<string>;
    };
  }
}

/** A failed call, carrying core's Chinese message for the user. */
export class ApiError extends Error {
  readonly code: ErrorData['code'];
  readonly details: string | undefined;
  constructor(e: ErrorData) {
    super(e.message);
    this.code = e.code;
    this.details = e.details;
  }
}

/** The one typed function the UI calls core with. */
export async function invoke<C extends Channel>(channel: C, args: ArgsIn<C>): Promise<Result<C>> {
  const r = await window.api.invoke(channel, args);
  if (!r.ok) throw new ApiError(r.error);
  return r.value;
}

/** Paths core can read for files dropped on the page: Electron gives real paths; the e2e bridge uploads. */
export async function pathsOfDropped(files: File[]): Promise<string[]> {
  const api = window.api;
  if (api.getPathForFile) return files.map((f) => api.getPathForFile!(f)).filter((p) => p !== '');
  if (api.upload) return Promise.all(files.map((f) => api.upload!(f)));
  return [];
}
