/**
 * Explorer benchmark (issue 14, item 4): the CPU time until `npm start` shows its first screen, and the time a key
 * press takes to recompute the analytic figures.
 *
 *   npm run build && node --import tsx tests/bench/explorer.bench.ts [rounds]
 *
 * - First screen: `node bin/staffsim.js explore scenarios/municipal-contact-centre.yaml` (the command `npm start`
 *   runs; npm's own start-up is not counted) in a real pseudo-terminal (tmux, 100 × 30), until the header says
 *   "computed in"; its CPU time is read from /proc/<pid>/stat at that moment (Linux). Median of `rounds` starts;
 *   target 1 s. Skipped without tmux or /proc.
 * - Key press: what the explorer does on → (src/ui/hooks/use-explorer.ts): the knob's `apply` (the scenario with the
 *   new value, validated again) and the analyser's recomputation of the changed variant, timed in this process for
 *   one step of every knob of the first variant, after one warm-up step of each. Median and slowest step, on the
 *   default scenario (target < 50 ms) and on tests/bench/fixtures/bank-shifts.yaml (84 shifts, 93 knobs; < 100 ms).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { readScenarioFile } from '../../src/scenario/load.js';
import { createAnalyser } from '../../src/ui/model/analysis.js';
import { knobsFor, steppedValue } from '../../src/ui/model/knobs.js';
import { nodeServices } from '../../src/ui/node-services.js';
import { figure, median, printFigure, repoRoot, type Figure } from './measure.js';
import { warnIfStale } from './simulation.bench.js';

const SCENARIO = 'scenarios/municipal-contact-centre.yaml';
const CLOCK_TICKS_PER_SECOND = 100;

/** CPU seconds of one explorer start until its first screen, or null when it did not show within 30 s. */
async function firstScreenCpu(round: number): Promise<number | null> {
  const socket = `staffsim-bench-${process.pid}-${round}`;
  const tmux = (...args: string[]): string => execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
  const command = `exec env -u CI -u CONTINUOUS_INTEGRATION -u NODE_ENV ${JSON.stringify(process.execPath)} bin/staffsim.js explore ${SCENARIO}`;
  const pid = Number(tmux('new-session', '-d', '-P', '-F', '#{pane_pid}', '-x', '100', '-y', '30', '-c', repoRoot, command).trim());
  try {
    const deadline = performance.now() + 30_000;
    while (performance.now() < deadline) {
      if (/computed in \d+ ms/.test(tmux('capture-pane', '-p'))) {
        const fields = (readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1] ?? '').split(' ');
        return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND; // utime and stime, fields 14 and 15
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return null;
  } finally {
    spawnSync('tmux', ['-L', socket, 'kill-server']);
  }
}

/** Milliseconds of one → on every knob of the first variant (after a warm-up step of each). */
function keyPressMs(path: string): { knobs: number; times: number[] } {
  let scenario = readScenarioFile(path);
  const analyser = createAnalyser((model) => nodeServices().plan(model));
  analyser.analyse(scenario);
  const variant = scenario.variants[0]?.name ?? '';
  const knobs = knobsFor(scenario, variant).length;
  const times: number[] = [];
  for (let round = 0; round < 2; round++) {
    for (let index = 0; index < knobs; index++) {
      const knob = knobsFor(scenario, variant)[index];
      if (knob === undefined) continue;
      const started = performance.now();
      const next = knob.apply(scenario, steppedValue(knob, 1, false));
      analyser.analyse(next);
      if (round === 1) times.push(performance.now() - started);
      scenario = next;
    }
  }
  return { knobs, times };
}

export async function main(rounds = 5): Promise<Figure[]> {
  warnIfStale();
  console.log('staffsim explorer: first screen of `npm start`, and key presses');
  const figures: Figure[] = [];
  const tmuxThere = spawnSync('tmux', ['-V']).status === 0;
  if (!tmuxThere || !existsSync('/proc/self/stat')) {
    console.log('  first screen: skipped (needs tmux and /proc)');
  } else {
    const cpu: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const seconds = await firstScreenCpu(round);
      if (seconds !== null) cpu.push(seconds);
    }
    if (cpu.length === 0) console.log('  first screen: the explorer did not show its figures within 30 s');
    else {
      const value = median(cpu);
      console.log(`  first screen: ${cpu.map((seconds) => seconds.toFixed(2)).join(', ')} s of CPU (${cpu.length} starts)`);
      figures.push(figure('explorer: CPU until the first screen of `npm start`', value, `${value.toFixed(2)} s`, { atMost: 1, label: '≤ 1 s' }));
    }
  }
  for (const [path, target] of [
    [SCENARIO, 50],
    ['tests/bench/fixtures/bank-shifts.yaml', 100],
  ] as const) {
    const { knobs, times } = keyPressMs(path);
    const value = median(times);
    console.log(`  ${path}: ${knobs} knobs, one step each: median ${value.toFixed(1)} ms, slowest ${Math.max(...times).toFixed(1)} ms`);
    figures.push(
      figure(`explorer: key press, ${path.split('/').at(-1)} (median)`, value, `${value.toFixed(1)} ms`, {
        atMost: target,
        label: `< ${target} ms`,
      }),
    );
  }
  figures.forEach(printFigure);
  return figures;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main(process.argv[2] === undefined ? 5 : Number(process.argv[2]));
}
