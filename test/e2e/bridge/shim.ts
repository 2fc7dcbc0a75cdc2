// Browser-side half of the e2e bridge: the same window.api the preload gives in Electron, carried over HTTP to the
// bridge server, which calls the very same core dispatcher. Only the e2e renderer build contains this file.
import type { Api } from '@shared/ipc/contract';
import type { AppEvent } from '@shared/ipc/events';

/** A dropped file's bytes to the bridge, which stores and grants them; the path core may read, or null. */
async function upload(file: File): Promise<string | null> {
  const res = await fetch(`/api/upload?name=${encodeURIComponent(file.name)}`, { method: 'POST', body: file });
  return ((await res.json()) as { path: string | null }).path;
}

const api: Api & { grantDropped(files: File[]): Promise<string[]> } = {
  /** The preload reads a drop's paths with webUtils.getPathForFile; a browser has none, so the bytes travel. */
  grantDropped: async (files) => (await Promise.all(files.map(upload))).filter((p): p is string => p !== null),
  onEvent: (listener) => {
    const source = new EventSource('/api/events');
    source.onmessage = (m) => listener(JSON.parse(m.data as string) as AppEvent);
    return () => source.close();
  },
  invoke: async (channel, args) => {
    const res = await fetch('/api/invoke', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ channel, args }),
    });
    return res.json();
  },
};
(window as unknown as { api: Api }).api = api;
