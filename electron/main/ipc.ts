import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { GRANT_DROPPED_CHANNEL, INVOKE_CHANNEL } from '../../shared/ipc/channels';
import type { Envelope } from '../../shared/ipc/errors';
import type { Ctx } from '../core/context';
import { dispatch } from '../core/dispatch';
import { grantDropped } from '../core/host';

/** Only the app's own page may call core: the built file, or the dev server during `npm start`. */
function fromOurPage(e: IpcMainInvokeEvent): boolean {
  const url = e.senderFrame?.url ?? '';
  const dev = process.env.ELECTRON_RENDERER_URL;
  return url.startsWith('file://') || (dev !== undefined && url.startsWith(dev));
}

/**
 * Two ipcMain handlers: one for every channel of the contract (the shared dispatcher validates and routes), and the
 * preload's grant of what the user dropped on the window.
 */
export function registerIpc(ctx: Ctx): void {
  ipcMain.handle(INVOKE_CHANNEL, async (e, channel: unknown, args: unknown): Promise<Envelope<unknown>> => {
    if (!fromOurPage(e) || typeof channel !== 'string') {
      ctx.log.warn(`ipc refused from ${e.senderFrame?.url ?? '?'}`);
      return { ok: false, error: { code: 'unknown-channel', message: '未知的操作。' } };
    }
    return dispatch(channel, args, ctx);
  });
  ipcMain.handle(GRANT_DROPPED_CHANNEL, async (e, paths: unknown): Promise<string[]> => {
    if (!fromOurPage(e)) {
      ctx.log.warn(`drop grant refused from ${e.senderFrame?.url ?? '?'}`);
      return [];
    }
    return grantDropped(ctx, paths);
  });
}
