import type { ArgsOut, Channel, Result } from '@shared/ipc/contract';
import type { Ctx } from '../context';

/** A handler takes its validated argument object and the context; one file per domain holds them. */
export type Handler<C extends Channel> = (args: ArgsOut<C>, ctx: Ctx) => Promise<Result<C>> | Result<C>;
export type HandlerMap = { [C in Channel]: Handler<C> };
export type HandlersOf<K extends Channel> = { [C in K]: Handler<C> };
