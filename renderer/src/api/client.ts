import type { Api, ArgsIn, Channel, Result } from '@shared/ipc/contract';
import type { ErrorData } from '@shared/ipc/errors';
import { refreshAfter } from './query-client';

declare global {
  interface Window {
    /** Provided by the preload in Electron, by the bridge shim in the e2e browser build. */
    api: Api & {
      /**
       * Grants core the files and folders dropped on the page and returns their paths: the preload reads them with
       * Electron's webUtils.getPathForFile; the e2e bridge's shim sends the bytes instead.
       */
      grantDropped(files: File[]): Promise<string[]>;
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

/**
 * The one typed function the UI calls core with. After a call that changes data (succeeded, failed or cancelled:
 * a job may have done part of its work) the screens showing that data are refreshed before it resolves.
 */
export async function invoke<C extends Channel>(channel: C, args: ArgsIn<C>): Promise<Result<C>> {
  try {
    const r = await window.api.invoke(channel, args);
    if (!r.ok) throw new ApiError(r.error);
    return r.value;
  } finally {
    await refreshAfter(channel);
  }
}

/** Paths core may read for the files and folders dropped on the page (granted to core for this session). */
export function pathsOfDropped(files: File[]): Promise<string[]> {
  return window.api.grantDropped(files);
}
