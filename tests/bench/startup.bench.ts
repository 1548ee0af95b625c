/**
 * Start-up benchmark (issue 14, item 1): the CPU time (user + system) of whole `staffsim` processes against a bare
 * `node -e 0`, alternating command by command for several rounds, as the median of the round-by-round ratios.
 *
 *   npm run build && node --import tsx tests/bench/startup.bench.ts [rounds]
 *
 * Targets: `--version` and `--help` within 2.5× of node, a one-shot `erlang` within 3×, `plan` of the default
 * scenario within 4×. Figures only; nothing is asserted (the machine is shared).
 */
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { alternate, figure, median, pairedRatio, printFigure, type Figure } from './measure.js';
import { warnIfStale } from './simulation.bench.js';

const NODE = [process.execPath, '-e', '0'];
const STAFFSIM = [process.execPath, 'bin/staffsim.js'];

const CASES: readonly { readonly args: readonly string[]; readonly target: number }[] = [
  { args: ['--version'], target: 2.5 },
  { args: ['--help'], target: 2.5 },
  { args: ['erlang', '--arrivals-per-hour', '200', '--aht-seconds', '180'], target: 3 },
  { args: ['plan', 'scenarios/municipal-contact-centre.yaml'], target: 4 },
];

export async function main(rounds = 5): Promise<Figure[]> {
  warnIfStale();
  console.log(`staffsim start-up: CPU time of the whole process against \`node -e 0\`, ${rounds} alternating rounds (load average ${loadavg()[0]?.toFixed(2)})`);
  const commands = [NODE, ...CASES.map((c) => [...STAFFSIM, ...c.args])];
  const runs = alternate(commands, rounds);
  const node = (runs[0] ?? []).map((run) => run.cpuSeconds);
  console.log(`  node -e 0: median ${(median(node) * 1000).toFixed(0)} ms of CPU`);
  const figures: Figure[] = CASES.map((c, index) => {
    const cpu = (runs[index + 1] ?? []).map((run) => run.cpuSeconds);
    const ratio = pairedRatio(cpu, node);
    console.log(`  staffsim ${c.args.join(' ')}: median ${(median(cpu) * 1000).toFixed(0)} ms of CPU`);
    return figure(`start-up: staffsim ${c.args[0] === 'plan' ? 'plan <default scenario>' : c.args[0]} / node -e 0 (CPU)`, ratio, `${ratio.toFixed(2)}×`, {
      atMost: c.target,
      label: `≤ ${c.target}×`,
    });
  });
  figures.forEach(printFigure);
  return figures;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main(process.argv[2] === undefined ? 5 : Number(process.argv[2]));
}
