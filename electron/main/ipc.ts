import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { INVOKE_CHANNEL } from '../../shared/ipc/channels';
import type { Envelope } from '../../shared/ipc/errors';
import type { Ctx } from '../core/context';
import { dispatch } from '../core/dispatch';

/** Only the app's own page may call core: the built file, or the dev server during `npm start`. */
function fromOurPage(e: IpcMainInvokeEvent): boolean {
  const url = e.senderFrame?.url ?? '';
  const dev = process.env.ELECTRON_RENDERER_URL;
  return url.startsWith('file://') || (dev !== undefined && url.startsWith(dev));
}

/** One ipcMain handler for every channel; the shared dispatcher validates and routes. */
export function registerIpc(ctx: Ctx): void {
  ipcMain.handle(INVOKE_CHANNEL, async (e, channel: unknown, args: unknown): Promise<Envelope<unknown>> => {
    if (!fromOurPage(e) || typeof channel !== 'string') {
      ctx.log.warn(`ipc refused from ${e.senderFrame?.url ?? '?'}`);
      return { ok: false, error: { code: 'unknown-channel', message: '未知的操作。' } };
    }
    return dispatch(channel, args, ctx);
  });
}
