// `npm run test:load [-- RUNS]`: the whole `npm test`, RUNS times in a row (3 by default), with every core kept busy
// by stress-ng (or, without it, by spinning Node processes) — proof that no test depends on a quiet machine. Prints
// each run's time and outcome and exits 1 if any run failed.
import { spawn, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');
const runs = Number(process.argv[2] ?? 3);
const cores = availableParallelism();
const hasStress = spawnSync('which', ['stress-ng']).status === 0;
const load = hasStress
  ? [spawn('stress-ng', ['--cpu', String(cores), '--quiet'], { stdio: 'ignore' })]
  : Array.from({ length: cores }, () => spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }));
const stopLoad = () => load.forEach((p) => p.kill('SIGKILL'));
process.on('exit', stopLoad);
console.log(`== load: ${hasStress ? `stress-ng --cpu ${cores}` : `${cores} spinning Node processes`}`);

const results = [];
for (let i = 1; i <= runs; i++) {
  const started = Date.now();
  const r = spawnSync('npm', ['test'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  results.push({ run: i, seconds: Math.round((Date.now() - started) / 1000), passed: r.status === 0 });
  console.log(`== run ${i}/${runs}: ${r.status === 0 ? 'green' : 'RED'} in ${results.at(-1).seconds} s`);
}
stopLoad();
console.log(JSON.stringify({ load: hasStress ? 'stress-ng' : 'node', cores, results }));
process.exit(results.every((r) => r.passed) ? 0 : 1);
