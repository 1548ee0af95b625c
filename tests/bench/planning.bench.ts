/**
 * Benchmark of the path from history to a staffing plan: `estimateDemand` on the whole fpp3 bank file (27,716 rows of
 * 5-minute counts), a week's shift solve with HiGHS in its worker thread (7 days × 28 half-hours, 1,065 candidate
 * shifts with break positions), and ISA runs (simulation-based staffing). Run:
 * `node --import tsx tests/bench/planning.bench.ts`. Prints figures only.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ContactCentreModel } from '../../src/core/model/contact-centre-model.js';
import { estimateDemand } from '../../src/core/history/demand-history.js';
import { planVariant } from '../../src/core/plan/interval-plan.js';
import { buildShiftProblem, paidRequirement } from '../../src/core/plan/shift-model.js';
import { planWithIsa } from '../../src/core/plan/simulation-staffing.js';
import { solveShiftProblem } from '../../src/runner/shift-solver.js';
import { readScenarioFile } from '../../src/scenario/load.js';

const root = join(import.meta.dirname, '..', '..');
const BANK_FILE = join(root, '..', 'shared', 'data', 'bank_calls_fpp3.csv');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

async function timed<T>(work: () => Promise<T> | T): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}

function firstModel(path: string): ContactCentreModel {
  return readScenarioFile(join(root, path)).variants[0]?.model as ContactCentreModel;
}

export async function main(): Promise<void> {
  console.log('staffsim planning benchmark (history → demand → shifts → simulation-verified staffing)');

  if (existsSync(BANK_FILE)) {
    const text = readFileSync(BANK_FILE, 'utf8');
    estimateDemand(text, { intervalMinutes: 30 }); // warm up the JIT
    const times: number[] = [];
    let days = 0;
    for (let i = 0; i < 5; i++) {
      const { result, ms } = await timed(() => estimateDemand(text, { intervalMinutes: 30 }));
      times.push(ms);
      days = result.report.days;
    }
    console.log(`import: estimateDemand, whole fpp3 bank file (27,716 rows, ${days} days), median of 5    ${median(times).toFixed(0)} ms`);
  } else {
    console.log(`import: skipped (${BANK_FILE} not found)`);
  }

  const week = firstModel('tests/fixtures/shifts/week.yaml');
  const onPhone = Array.from({ length: week.calendar.days }, () => new Array<number>(week.calendar.intervalsPerDay).fill(0));
  for (const row of planVariant(week).rows) (onPhone[row.day] as number[])[row.interval] = row.onPhoneAgents;
  const problem = buildShiftProblem({
    calendar: week.calendar,
    templates: week.shiftTemplates ?? [],
    requiredPaidAgents: paidRequirement(onPhone, week.staffing.shrinkage),
  });
  const solves: { solve: number; wall: number }[] = [];
  let status = '';
  for (let i = 0; i < 3; i++) {
    const { result } = await timed(() => solveShiftProblem(problem, { timeLimitSeconds: 60 }));
    solves.push({ solve: result.solveSeconds * 1000, wall: result.wallSeconds * 1000 });
    status = `${result.solverStatus}, ${result.columns} candidate shifts, ${result.rows} rows, ${result.plan.shifts.length} shift lines`;
  }
  console.log(
    `shifts: a week of half-hours (${status}), median of 3    HiGHS ${median(solves.map((s) => s.solve)).toFixed(0)} ms, ` +
      `with worker start and model text ${median(solves.map((s) => s.wall)).toFixed(0)} ms`,
  );

  const sinusoid = firstModel('tests/fixtures/shifts/isa-sinusoid.yaml');
  const small = await timed(() => planWithIsa(sinusoid));
  console.log(
    `isa: sinusoidal morning (24 × 10 min, 10 replications per plan, ${small.result.isa.iterations} plans + SIPP)    ${small.ms.toFixed(0)} ms`,
  );
  if (week.staffing.kind !== 'target') throw new Error('tests/fixtures/shifts/week.yaml must have a staffing target');
  const weekWithIsa: ContactCentreModel = { ...week, staffing: { ...week.staffing, target: { ...week.staffing.target, method: 'isa' } } };
  const weekIsa = await timed(() => planWithIsa(weekWithIsa, { replications: 5 }));
  console.log(
    `isa: the shift week (7 × 28 half-hours, ~2,300 cases a day, 5 replications per plan, ${weekIsa.result.isa.iterations} plans + SIPP)    ${weekIsa.ms.toFixed(0)} ms`,
  );
}

const invokedPath = process.argv[1];
if (invokedPath !== undefined && import.meta.url === pathToFileURL(invokedPath).href) {
  await main();
}
