import type { ArgsIn } from '@shared/ipc/contract';
import { invoke } from '../../api/client';
import { M } from './messages';

export interface MaterialNotice {
  text: string;
  /** Ids to restore for 撤销 after a delete. */
  undo?: string[];
}

/**
 * The edits a material can get — save, move or copy, 优化图片, delete and undo — wherever it is shown (the
 * materials panel, the 体检 view). Each runs, reports what happened in Chinese, then `after` refreshes the caller.
 */
export function useMaterialActions(opts: {
  after(): Promise<void> | void;
  onNotice(n: MaterialNotice | null): void;
  onError(message: string): void;
}) {
  const run = async (work: () => Promise<void>) => {
    try {
      await work();
      await opts.after();
    } catch (e) {
      opts.onError((e as Error).message);
    }
  };
  return {
    save: (v: ArgsIn<'materials:update'>) => run(async () => void (await invoke('materials:update', v))),
    move: (id: string, to: string, copy: boolean) =>
      run(async () => {
        const r = await invoke('materials:move', { ids: [id], toCriterionCode: to, copy });
        opts.onNotice({ text: M.moved(r.done.length, r.skipped.length) });
      }),
    optimize: (id: string) =>
      run(async () => {
        const r = await invoke('materials:optimize', { id });
        opts.onNotice({ text: 'refused' in r ? r.refused : M.optimized(r.before, r.after) });
      }),
    remove: (ids: string[], deleted: boolean) =>
      run(async () => {
        const r = await invoke('materials:delete', { ids, deleted });
        opts.onNotice(deleted ? { text: M.deleted(r.changed.length), undo: r.changed } : null);
      }),
  };
}
