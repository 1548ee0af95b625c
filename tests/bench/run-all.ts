/**
 * `npm run bench`: runs every benchmark in this folder one after another, then prints every figure of issue 14
 * ("Fast to start, fast to finish") with its target. Figures only — nothing fails on a missed target: the machine
 * is shared and noisy, so read the ratios (each measured against its yardstick in the same run) and the load average.
 */
import { cpus, loadavg } from 'node:os';
import { printFigure, type Figure } from './measure.js';

const benches = [
  './queueing.bench.ts',
  './plan.bench.ts',
  './planning.bench.ts',
  './startup.bench.ts',
  './simulation.bench.ts',
  './explorer.bench.ts',
  './sensitivity.bench.ts',
];

const figures: Figure[] = [];
for (const path of benches) {
  const module = (await import(path)) as { main?: () => Promise<unknown> };
  if (typeof module.main !== 'function') throw new Error(`${path} has no main()`);
  const result = await module.main();
  if (Array.isArray(result)) figures.push(...(result as Figure[]));
  process.stdout.write('\n');
}

console.log(`Issue 14 figures (${cpus().length} cores, node ${process.version}, load average now ${loadavg()[0]?.toFixed(2)}):`);
figures.forEach(printFigure);
const missed = figures.filter((f) => !f.met).length;
console.log(missed === 0 ? 'every target met' : `${missed} of ${figures.length} targets not met on this run`);
