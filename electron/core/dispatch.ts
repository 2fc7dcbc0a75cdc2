import { z } from 'zod';
import { contract, type Channel, type Result } from '@shared/ipc/contract';
import { AppError, type Envelope } from '@shared/ipc/errors';
import type { Ctx } from './context';
import { handlers } from './handlers';
import type { Handler } from './handlers/types';

/**
 * The single entry into core from any transport: checks the channel, validates the arguments with the contract's
 * zod schema, runs the handler and wraps the outcome. Never throws: errors come back as data.
 */
export async function dispatch(channel: string, rawArgs: unknown, ctx: Ctx): Promise<Envelope<unknown>> {
  if (!Object.hasOwn(contract, channel)) {
    ctx.log.warn(`unknown channel ${channel}`);
    return { ok: false, error: { code: 'unknown-channel', message: '未知的操作。', details: channel } };
  }
  const c = channel as Channel;
  const parsed = contract[c].args.safeParse(rawArgs ?? {});
  if (!parsed.success) {
    const details = `${c}: ${z.prettifyError(parsed.error)}`;
    ctx.log.warn(`invalid args ${details}`);
    return { ok: false, error: { code: 'invalid-args', message: '参数不正确。', details } };
  }
  try {
    const handler = handlers[c] as Handler<Channel>;
    return { ok: true, value: await handler(parsed.data as never, ctx) };
  } catch (e) {
    if (e instanceof AppError) {
      ctx.log.warn(`${c} failed: ${e.code} ${e.details ?? e.message}`);
      return { ok: false, error: e.toData() };
    }
    ctx.log.error(`${c} crashed: ${(e as Error)?.stack ?? String(e)}`);
    return {
      ok: false,
      error: { code: 'internal', message: '发生了意外错误，操作未完成。详细信息已写入日志。', details: String(e) },
    };
  }
}

/** Calls a handler and returns its value, throwing the AppError on failure (for the CLI and tests). */
export async function call<C extends Channel>(channel: C, args: unknown, ctx: Ctx): Promise<Result<C>> {
  const r = await dispatch(channel, args, ctx);
  if (!r.ok) throw new AppError(r.error.code, r.error.message, r.error.details);
  return r.value as Result<C>;
}
