/**
 * Benchmark of a whole analytic plan (SPEC §6): `planVariant` on a week of 672 quarter-hours with a staffing
 * target, redials and repeat contacts — the fixed point of SPEC §3 plus a staffing solve per interval and trial
 * load. Run: `node --import tsx tests/bench/plan.bench.ts`. Prints figures only.
 */
import { pathToFileURL } from 'node:url';
import { planVariant } from '../../src/core/plan/interval-plan.js';
import { makeModel } from '../helpers/model.js';

function weekModel() {
  const days = 7;
  const dayFactors = [1.25, 1.05, 1.0, 0.95, 0.9, 0.5, 0.35];
  const casesPerInterval = dayFactors.slice(0, days).map((factor) =>
    Array.from({ length: 96 }, (_, quarter) => {
      const hour = (quarter + 0.5) / 4;
      const perHour = 40 + 1800 * (Math.exp(-((hour - 10) ** 2) / (2 * 1.6 ** 2)) + 0.8 * Math.exp(-((hour - 14) ** 2) / 8));
      return (factor * perHour) / 4;
    }),
  );
  const model = makeModel({
    calendar: { days, intervalSeconds: 900, intervalsPerDay: 96 },
    handling: {
      handleTime: { kind: 'exponential', meanSeconds: 240 },
      firstContactResolution: 0.8,
      repeatContact: { probability: 0.7, delay: { kind: 'exponential', meanSeconds: 4 * 3600 } },
    },
    customers: {
      patience: { kind: 'exponential', meanSeconds: 120 },
      redial: { probability: 0.6, delay: { kind: 'exponential', meanSeconds: 600 } },
      maxAttempts: null,
    },
    staffing: {
      kind: 'target',
      shrinkage: 0.3,
      target: { serviceLevel: 0.8, answerWithinSeconds: 20, maxAbandonShare: 0.05, maxOccupancy: 0.85, maxAsaSeconds: null, method: 'erlang-a' },
    },
  });
  return { ...model, demand: { ...model.demand, casesPerInterval } };
}

export async function main(): Promise<void> {
  const model = weekModel();
  planVariant(model); // warm up the JIT
  const times: number[] = [];
  let converged = true;
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    converged = planVariant(model).converged && converged;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log('staffsim plan benchmark (median of 5)');
  console.log(
    `planVariant, 672-interval week, target + redials + repeat contacts (fixed point)   ${(times[2] ?? 0).toFixed(1)} ms   (converged: ${converged})`,
  );
}

const invokedPath = process.argv[1];
if (invokedPath !== undefined && import.meta.url === pathToFileURL(invokedPath).href) {
  await main();
}
