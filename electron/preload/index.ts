import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { CHANNELS, INVOKE_CHANNEL, type Channel } from '../../shared/ipc/channels';
import { EVENT_CHANNEL } from '../../shared/ipc/events';

// The whole bridge between the sandboxed page and main: one invoke over an allowlist of channels.
const allowed = new Set<string>(CHANNELS);

contextBridge.exposeInMainWorld('api', {
  invoke: (channel: Channel, args: unknown) =>
    allowed.has(channel)
      ? ipcRenderer.invoke(INVOKE_CHANNEL, channel, args)
      : Promise.resolve({ ok: false, error: { code: 'unknown-channel', message: '未知的操作。' } }),
  getPathForFile: (file: File) => webUtils.getPathForFile(file),
  onEvent: (listener: (event: unknown) => void) => {
    const handler = (_e: unknown, event: unknown): void => listener(event);
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, handler);
  },
});
