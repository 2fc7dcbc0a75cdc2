import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { GRANT_DROPPED_CHANNEL, INVOKE_CHANNEL } from '@shared/ipc/channels';
import type { Envelope } from '@shared/ipc/errors';
import type { Ctx } from '../core/context';
import { dispatch } from '../core/dispatch';
import { grantDropped } from '../core/host';
import { APP_ORIGIN } from './app-protocol';

/** Only the app's own page may call core: `app://wangbao/`, or the dev server's origin during `npm start`. */
export function fromOurPage(url: string, dev = process.env.ELECTRON_RENDERER_URL): boolean {
  if (url.startsWith(`${APP_ORIGIN}/`)) return true;
  if (!dev) return false;
  try {
    return new URL(url).origin === new URL(dev).origin;
  } catch {
    return false;
  }
}

const sender = (e: IpcMainInvokeEvent): string => e.senderFrame?.url ?? '';

/**
 * Two ipcMain handlers: one for every channel of the contract (the shared dispatcher validates and routes), and the
 * preload's grant of what the user dropped on the window.
 */
export function registerIpc(ctx: Ctx): void {
  ipcMain.handle(INVOKE_CHANNEL, async (e, channel: unknown, args: unknown): Promise<Envelope<unknown>> => {
    if (!fromOurPage(sender(e)) || typeof channel !== 'string') {
      ctx.log.warn(`ipc refused from ${e.senderFrame?.url ?? '?'}`);
      return { ok: false, error: { code: 'unknown-channel', message: '未知的操作。' } };
    }
    return dispatch(channel, args, ctx);
  });
  ipcMain.handle(GRANT_DROPPED_CHANNEL, async (e, paths: unknown): Promise<string[]> => {
    if (!fromOurPage(sender(e))) {
      ctx.log.warn(`drop grant refused from ${e.senderFrame?.url ?? '?'}`);
      return [];
    }
    return grantDropped(ctx, paths);
  });
}
