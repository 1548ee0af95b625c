/**
 * `npm run bench`: runs every benchmark in this folder one after another and prints its figures.
 * Figures only — no thresholds (the machine is shared and noisy); targets are printed beside them.
 */
const benches = ['./queueing.bench.ts', './plan.bench.ts', './simulation.bench.ts', './planning.bench.ts'];

for (const path of benches) {
  const module = (await import(path)) as { main?: () => Promise<void> };
  if (typeof module.main !== 'function') throw new Error(`${path} has no main()`);
  await module.main();
  process.stdout.write('\n');
}
