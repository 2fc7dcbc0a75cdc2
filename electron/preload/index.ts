import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { CHANNELS, GRANT_DROPPED_CHANNEL, INVOKE_CHANNEL, type Channel } from '@shared/ipc/channels';
import { EVENT_CHANNEL } from '@shared/ipc/events';

// The whole bridge between the sandboxed page and main: one invoke over an allowlist of channels, the grant of a
// drop, and core's events.
const allowed = new Set<string>(CHANNELS);

/** The real paths of dropped `File`s; a `File` the page made itself has none, and anything else is ignored. */
function pathsOf(files: unknown): string[] {
  if (!Array.isArray(files)) return [];
  const paths: string[] = [];
  for (const f of files as unknown[]) {
    try {
      const p = webUtils.getPathForFile(f as File);
      if (p) paths.push(p);
    } catch {
      // not a File
    }
  }
  return paths;
}

contextBridge.exposeInMainWorld('api', {
  invoke: (channel: Channel, args: unknown) =>
    allowed.has(channel)
      ? ipcRenderer.invoke(INVOKE_CHANNEL, channel, args)
      : Promise.resolve({ ok: false, error: { code: 'unknown-channel', message: '未知的操作。' } }),
  /** Grants core the files and folders of a drop (the page cannot name paths itself) and returns their paths. */
  grantDropped: (files: unknown): Promise<string[]> => {
    const paths = pathsOf(files);
    return paths.length > 0 ? ipcRenderer.invoke(GRANT_DROPPED_CHANNEL, paths) : Promise.resolve([]);
  },
  onEvent: (listener: (event: unknown) => void) => {
    const handler = (_e: unknown, event: unknown): void => listener(event);
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, handler);
  },
});
