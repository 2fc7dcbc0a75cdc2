import { AppError } from '@shared/ipc/errors';
import type { HandlersOf } from './types';

// Placeholder: the hand-out import is being built (issue 16).
const notYet = (): never => {
  throw new AppError('internal', '尚未实现。', 'handout handlers not built yet');
};

export const handoutHandlers: HandlersOf<'handout:preview' | 'handout:import' | 'handout:status'> = {
  'handout:preview': notYet,
  'handout:import': notYet,
  'handout:status': notYet,
};
