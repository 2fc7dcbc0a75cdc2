import { performance } from 'node:perf_hooks';

export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;

/** One printed figure: ours beside the standard tool, the ratio and the target. */
export function report(name: string, ours: number, base: number, baseName: string, target: number): void {
  console.log(
    `${name.padEnd(38)} ours ${ms(ours).padStart(10)}   ${baseName} ${ms(base).padStart(10)}   ratio ${(ours / base).toFixed(2)}×   target ≤ ${target} ms: ${ours <= target ? 'OK' : 'MISSED'}`,
  );
}

/** Median wall time of `runs` calls. */
export async function timeIt(runs: number, fn: () => unknown): Promise<number> {
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    xs.push(performance.now() - t);
  }
  return median(xs);
}
