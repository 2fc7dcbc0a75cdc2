// The benches' one reporting module: ours and the standard tool timed in turn (`interleaved`), each figure printed
// and collected (`figure`), and the report written from what was collected (`writeReport`: test/bench/results.json,
// test/bench/RESULTS.md and the README's "Figures" section).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { arch, cpus, release, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { format, resolveConfig } from 'prettier';

export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Median wall time of `runs` calls (for what has no baseline to pair with). */
export async function timeIt(runs: number, fn: () => unknown): Promise<number> {
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    xs.push(performance.now() - t);
  }
  return median(xs);
}

/** Whether a command is on the PATH (a baseline tool may be missing: the figure is then printed without it). */
export function has(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** A trial: timed by its wall time, or `{ self }` that measures itself and returns milliseconds. */
export type Trial = (() => unknown) | { self: () => number | Promise<number> };

export interface Paired {
  /** Medians (ms) of ours and of the baseline. */
  ours: number;
  baseline: number;
  /** The median of the pairs' ratios ours ÷ baseline (NaN without a baseline). */
  ratio: number;
  /** Each pair's ratio, in run order. */
  ratios: number[];
}

const run = async (trial: Trial): Promise<number> => {
  if (typeof trial !== 'function') return trial.self();
  const t = performance.now();
  await trial();
  return performance.now() - t;
};

/**
 * Ours and the baseline one after the other, `pairs` times (ours, baseline, ours, baseline …), so that a busy moment
 * of the shared machine falls on both alike; the figure is the median of the pairs. A null baseline (its tool not
 * installed) times ours alone.
 */
export async function interleaved(pairs: number, ours: Trial, baseline: Trial | null): Promise<Paired> {
  if (pairs < 3) throw new Error(`interleaved: ${pairs} pairs (at least 3)`);
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < pairs; i++) {
    a.push(await run(ours));
    if (baseline !== null) b.push(await run(baseline));
  }
  const ratios = baseline === null ? [] : a.map((x, i) => x / b[i]!);
  return {
    ours: median(a),
    baseline: baseline === null ? Number.NaN : median(b),
    ratio: baseline === null ? Number.NaN : median(ratios),
    ratios,
  };
}

/** One figure of the report. These field names are a contract (issue 18 §3): keep them to the letter. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The standard tool measured in the same run, or "none". */
  baseline: string;
  baselineValue: number | null;
  /** ours ÷ baseline; for a rate (files/s, MB/s) ours' rate ÷ the baseline's, so above 1 is faster. */
  ratio: number | null;
  /** The issue's goal in words, e.g. "≤ 300 ms", "≤ 1.2× rsync -a", "≥ 0.8× vipsthumbnail's rate"; "—" for none. */
  goal: string;
  /** Whether the goal is met; null where the figure has no goal (shown for reference). */
  met: boolean | null;
}

interface Bound {
  atMost?: number;
  atLeast?: number;
}

export interface FigureInput {
  name: string;
  value: number;
  unit: string;
  /** The baseline tool's name; omitted for a figure with only an absolute goal. */
  baseline?: string;
  baselineValue?: number;
  /** Defaults to value ÷ baselineValue; pass the median of the pairs' ratios where they were interleaved. */
  ratio?: number;
  /** A rate (bigger is better): the ratio reads "ours is this many times as fast". */
  rate?: boolean;
  /** Bounds on the value (in its unit) and on the ratio; `goal` overrides the words. */
  within?: Bound;
  ratioWithin?: Bound;
  goal?: string;
  /** Extra words for the console line (pairs, sizes, …). */
  note?: string;
}

const collected: Figure[] = [];

export const figures = (): Figure[] => collected;

const num = (x: number): string =>
  Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : Number(x.toPrecision(3)).toString();
const fin = (x: number | undefined): x is number => x !== undefined && Number.isFinite(x);

function goalWords(f: FigureInput): string {
  const words: string[] = [];
  const bound = (b: Bound | undefined, show: (x: number) => string) => {
    if (b?.atLeast !== undefined) words.push(`≥ ${show(b.atLeast)}`);
    if (b?.atMost !== undefined) words.push(`≤ ${show(b.atMost)}`);
  };
  bound(f.within, (x) => `${x} ${f.unit}`);
  bound(f.ratioWithin, (x) => `${x}× ${f.baseline}${f.rate ? "'s rate" : ''}`);
  return words.length > 0 ? words.join(', ') : '—';
}

const inside = (x: number, b: Bound | undefined): boolean =>
  b === undefined || ((b.atLeast === undefined || x >= b.atLeast) && (b.atMost === undefined || x <= b.atMost));

/** Records a figure (ours beside its baseline, the ratio, the goal) and prints its console line. */
export function figure(f: FigureInput): Figure {
  const baselineValue = fin(f.baselineValue) ? f.baselineValue : null;
  const ratio = fin(f.ratio) ? f.ratio : baselineValue !== null ? f.value / baselineValue : null;
  const hasGoal = f.within !== undefined || f.ratioWithin !== undefined;
  const met = !hasGoal
    ? null
    : inside(f.value, f.within) && (f.ratioWithin === undefined || (ratio !== null && inside(ratio, f.ratioWithin)));
  const out: Figure = {
    name: f.name,
    value: Number(f.value.toPrecision(4)),
    unit: f.unit,
    baseline: f.baseline ?? 'none',
    baselineValue: baselineValue === null ? null : Number(baselineValue.toPrecision(4)),
    ratio: ratio === null ? null : Number(ratio.toFixed(3)),
    goal: f.goal ?? goalWords(f),
    met,
  };
  collected.push(out);
  const base =
    f.baseline === undefined
      ? ''
      : `   ${f.baseline} ${baselineValue === null ? '(not installed)' : `${num(baselineValue)} ${f.unit}`}`;
  console.log(
    `${f.name.padEnd(44)} ours ${`${num(f.value)} ${f.unit}`.padStart(12)}${base}` +
      (ratio === null ? '' : `   ratio ${ratio.toFixed(2)}×`) +
      (met === null ? '' : `   goal ${out.goal}: ${met ? 'OK' : 'MISSED'}`) +
      (f.note ? `   (${f.note})` : ''),
  );
  return out;
}

/** Peak RSS (MB) of this process so far. */
export const peakRssMb = (): number => process.resourceUsage().maxRSS / 1024;

export interface Machine {
  cpus: number;
  memoryGb: number;
  os: string;
  node: string;
}

export const machine = (): Machine => ({
  cpus: cpus().length,
  memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
  os: `${type()} ${release()} ${arch()}`,
  node: process.version,
});

export interface Results {
  machine: Machine;
  figures: Figure[];
}

const BENCH_DIR = import.meta.dirname;
export const RESULTS_JSON = join(BENCH_DIR, 'results.json');
export const RESULTS_MD = join(BENCH_DIR, 'RESULTS.md');
const README = join(BENCH_DIR, '..', '..', 'README.md');
const BENCH_RSS = /^peak RSS of the bench process: /;

const cell = (s: string): string => s.replace(/\|/g, '\\|');
const show = (x: number | null, unit: string): string => (x === null ? '—' : `${num(x)} ${unit}`);

/** RESULTS.md's body (without its title): the machine, the date, the figures table and the bench processes' RSS. */
function markdown(r: Results, date: string, ran: string[], fresh: Set<string>): string {
  const m = r.machine;
  const carried = r.figures.some((f) => !fresh.has(f.name));
  const row = (f: Figure) =>
    `| ${cell(f.name)}${fresh.has(f.name) ? '' : ' †'} | ${show(f.value, f.unit)} | ${f.baselineValue === null ? cell(f.baseline) : `${cell(f.baseline)}: ${show(f.baselineValue, f.unit)}`} | ${f.ratio === null ? '—' : `${f.ratio.toFixed(2)}×`} | ${cell(f.goal)} | ${f.met === null ? '—' : f.met ? '✓' : '✗'} |`;
  const main = r.figures.filter((f) => !BENCH_RSS.test(f.name));
  const rss = r.figures.filter((f) => BENCH_RSS.test(f.name));
  return [
    `The latest \`npm run bench\` on this machine: ${date} (benches run: ${ran.join(', ')}).`,
    '',
    `Machine: ${m.cpus} CPUs, ${m.memoryGb} GB memory, ${m.os}, Node ${m.node}. The machine is shared and often busy: ` +
      'every figure is timed beside its standard tool in the same run, interleaved (ours, baseline, ours, baseline …, ' +
      'at least 3 pairs), so read the ratio first. Values are the medians of the pairs; the ratio is the median of the ' +
      "pairs' ratios ours ÷ baseline (for a rate, ours' rate ÷ the baseline's: above 1 is faster). Peak RSS of a child " +
      'process is measured with GNU `time`.',
    '',
    '| figure | ours | baseline (same run) | ratio | goal | met |',
    '| --- | --- | --- | --- | --- | --- |',
    ...main.map(row),
    '',
    ...(carried ? ['† not re-run this time: the figure of an earlier run on this machine.', ''] : []),
    'Peak RSS of the bench processes (each bench runs in a process of its own; its build-up of fixtures included):',
    '',
    '| bench process | peak RSS |',
    '| --- | --- |',
    ...rss.map(
      (f) => `| ${cell(f.name.replace(BENCH_RSS, ''))}${fresh.has(f.name) ? '' : ' †'} | ${show(f.value, f.unit)} |`,
    ),
    '',
  ].join('\n');
}

async function pretty(text: string, file: string, parser: 'json' | 'markdown'): Promise<string> {
  const config = (await resolveConfig(file)) ?? {};
  return format(text, { ...config, parser });
}

/**
 * Merges this run's figures into results.json by name (a subset run updates only its own; a full run that went
 * through replaces the file), then writes RESULTS.md and the README's "Figures" section from it.
 */
export async function writeReport(fresh: Figure[], ran: string[], full: boolean): Promise<void> {
  const old: Results | null = existsSync(RESULTS_JSON)
    ? (JSON.parse(readFileSync(RESULTS_JSON, 'utf8')) as Results)
    : null;
  const byName = new Map(fresh.map((f) => [f.name, f]));
  // Names are the merge key: two figures of one name would overwrite each other in the next subset run.
  if (byName.size !== fresh.length) console.error('bench report: figure names repeat; give each figure its own name');
  let list: Figure[];
  if (full || old === null) list = fresh;
  else {
    list = old.figures.map((f) => byName.get(f.name) ?? f);
    for (const f of fresh) if (!old.figures.some((o) => o.name === f.name)) list.push(f);
  }
  const results: Results = { machine: machine(), figures: list };
  writeFileSync(RESULTS_JSON, await pretty(JSON.stringify(results, null, 2), RESULTS_JSON, 'json'));

  const date = new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  const body = markdown(results, date, ran, new Set(byName.keys()));
  writeFileSync(RESULTS_MD, await pretty(`# Benchmark results\n\n${body}`, RESULTS_MD, 'markdown'));

  const readme = readFileSync(README, 'utf8');
  const start = readme.search(/^## Figures \(`npm run bench`/m);
  if (start < 0) throw new Error('README: no "## Figures (`npm run bench`, …)" section');
  const end = readme.slice(start + 1).search(/^## /m);
  const section =
    '## Figures (`npm run bench`, the latest run on this machine)\n\n' +
    '`npm run bench` (`npm run bench -- check signoff` for some) writes [`test/bench/results.json`](test/bench/results.json) ' +
    'and [`test/bench/RESULTS.md`](test/bench/RESULTS.md) and this section, a copy of RESULTS.md. ' +
    `${body}\n`;
  const next = readme.slice(0, start) + section + (end < 0 ? '' : readme.slice(start + 1 + end));
  writeFileSync(README, await pretty(next, README, 'markdown'));
}
