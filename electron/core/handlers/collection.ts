import { AppError } from '@shared/ipc/errors';
import type { HandlersOf } from './types';

// Placeholder: 月收集 is being built (issue 16).
const notYet = (): never => {
  throw new AppError('internal', '尚未实现。', 'collection handlers not built yet');
};

export const collectionHandlers: HandlersOf<
  | 'collection:month'
  | 'collection:year'
  | 'request:add'
  | 'request:list'
  | 'request:close'
  | 'request:reopen'
  | 'request:setMet'
  | 'request:chaseList'
  | 'reminders:list'
  | 'reminders:dismiss'
  | 'materials:setMonth'
> = {
  'collection:month': notYet,
  'collection:year': notYet,
  'request:add': notYet,
  'request:list': notYet,
  'request:close': notYet,
  'request:reopen': notYet,
  'request:setMet': notYet,
  'request:chaseList': notYet,
  'reminders:list': notYet,
  'reminders:dismiss': notYet,
  'materials:setMonth': notYet,
};
