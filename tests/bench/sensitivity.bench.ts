/**
 * Sensitivity benchmark (issue 11): how long `staffsim sensitivity` of the default scenario takes.
 *
 *   npm run build && node --import tsx tests/bench/sensitivity.bench.ts [rounds]
 *
 * - The points: every input at its low and high value for both compared variants (34 inputs, about 80 plans, price
 *   inputs repriced), timed inside a fresh process after the scenario is read — cold, as a command meets them. The
 *   measured module (tests/bench/fixtures/sensitivity-points.ts) is bundled with esbuild as the build bundles the
 *   command line. Target: well under a second (printed against 1 s).
 * - The whole command, `staffsim sensitivity scenarios/municipal-contact-centre.yaml` (points, break-evens and finite
 *   limits, text output), wall and CPU time of the process.
 * Median of `rounds`. Figures only; nothing is asserted (the machine is shared).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { figure, measureProcess, median, printFigure, repoRoot, type Figure } from './measure.js';
import { warnIfStale } from './simulation.bench.js';

const SCENARIO = 'scenarios/municipal-contact-centre.yaml';

export async function main(rounds = 5): Promise<Figure[]> {
  warnIfStale();
  console.log(`staffsim sensitivity of the default scenario, median of ${rounds} (load average ${loadavg()[0]?.toFixed(2)})`);
  const folder = mkdtempSync(join(tmpdir(), 'staffsim-bench-'));
  try {
    const bundle = join(folder, 'sensitivity-points.mjs');
    await esbuild.build({
      entryPoints: [join(repoRoot, 'tests/bench/fixtures/sensitivity-points.ts')],
      outfile: bundle,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20.19',
      minifyWhitespace: true,
      minifySyntax: true,
      logLevel: 'warning',
      banner: { js: "import { createRequire as __benchCreateRequire } from 'node:module';\nconst require = __benchCreateRequire(import.meta.url);" },
    });
    const points: { pointsMs: number; plans: number; repricings: number; inputs: number }[] = [];
    const whole: { cpu: number; wall: number }[] = [];
    for (let round = 0; round < rounds; round++) {
      const child = spawnSync(process.execPath, [bundle, SCENARIO], { cwd: repoRoot, encoding: 'utf8' });
      if (child.status !== 0) throw new Error(`sensitivity points failed:\n${child.stderr}`);
      points.push(JSON.parse(child.stdout.trim()) as (typeof points)[number]);
      const usage = measureProcess([process.execPath, 'bin/staffsim.js', 'sensitivity', SCENARIO]);
      whole.push({ cpu: usage.cpuSeconds, wall: usage.wallSeconds });
    }
    const last = points[points.length - 1] as (typeof points)[number];
    const pointsSeconds = median(points.map((p) => p.pointsMs)) / 1000;
    console.log(`  the points: ${last.inputs} inputs × low and high, ${last.plans} plans and ${last.repricings} repricings, cold: median ${(pointsSeconds * 1000).toFixed(0)} ms`);
    console.log(
      `  the whole command (points, break-evens, finite limits, text): median ${median(whole.map((w) => w.wall)).toFixed(2)} s wall, ` +
        `${median(whole.map((w) => w.cpu)).toFixed(2)} s CPU`,
    );
    const figures = [figure('sensitivity: all points of the default scenario, cold (wall)', pointsSeconds, `${(pointsSeconds * 1000).toFixed(0)} ms`, { atMost: 1, label: '< 1 s' })];
    figures.forEach(printFigure);
    return figures;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main(process.argv[2] === undefined ? 5 : Number(process.argv[2]));
}
