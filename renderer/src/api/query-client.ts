import { QueryClient } from '@tanstack/react-query';
import { EFFECTS } from '@shared/ipc/effects';
import type { Channel } from '@shared/ipc/channels';

/**
 * The screens' cache of what they read from core. Nothing goes stale by time, focus or reconnection: a local
 * workspace changes only through our own calls, and each call refreshes what it changed (`refreshAfter`). A failed
 * read is shown, not retried: core's message already says why.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { staleTime: Infinity, retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
  },
});

/**
 * Refreshes what `channel` changed (`EFFECTS`): the screens showing it read it again once, and what no screen shows
 * is read when one next does. Resolves when the shown data is fresh, so a caller can rely on it.
 */
export async function refreshAfter(channel: Channel): Promise<void> {
  const effects = EFFECTS[channel];
  // Another workspace (设置 → 从备份恢复 may open one under the open screens): nothing of the old one may show.
  if (effects === 'opened') return queryClient.resetQueries();
  if (effects === 'closed') return queryClient.removeQueries();
  // Every change is logged (设置 → 操作记录 reads the log), so whatever changed data changed the log too.
  const touched = effects.length > 0 ? [...effects, 'log'] : [];
  await Promise.all(touched.map((data) => queryClient.invalidateQueries({ queryKey: [data] })));
}
