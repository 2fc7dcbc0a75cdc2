import { availableParallelism } from 'node:os';

/** Files processed at once: enough to keep both libvips and the disk busy on an office PC. */
export const LANES = Math.max(2, Math.min(4, availableParallelism()));

/**
 * Runs `work` over the items with at most `lanes` in flight (the heavy reading happens in the worker pool); the
 * results keep the items' order.
 */
export async function inLanes<T, R>(
  items: readonly T[],
  work: (item: T, index: number) => Promise<R>,
  lanes = LANES,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    for (let i = next++; i < items.length; i = next++) out[i] = await work(items[i]!, i);
  };
  await Promise.all(Array.from({ length: Math.min(lanes, items.length) }, lane));
  return out;
}
