import type { Argv } from 'yargs';
import type { SensitivityResult } from '../../core/sensitivity/sensitivity-result.js';
import { toJson } from '../../export/json.js';
import { sensitivityJson, sensitivityText } from '../../report/sensitivity.js';
import { readScenarioFile } from '../../scenario/load.js';
import { sensitivityWorkspace } from '../../scenario/sensitivity-inputs.js';
import { analyseSensitivity } from '../../runner/sensitivity.js';
import { defaultWorkerCount } from '../../runner/simulate.js';
import type { CliIo } from '../io.js';
import { flagText, numberFlag, optionalNumberFlag } from '../number-flags.js';
import { checkExportOptions, EXPORT_FORMATS, writeExport } from '../output.js';
import { progressBar } from '../progress.js';
import { seedFromFlagOrEnvironment } from '../seed.js';
import { UsageError } from '../usage-error.js';
import { staffsimVersion } from '../version.js';
import { withInterrupt } from './run.js';
import { COMMAND_LINES } from './catalogue.js';

/**
 * `staffsim sensitivity <scenario>`: how far the cost difference of two variants (and each one's total) moves with
 * each input, sorted by swing, and where the difference breaks even. Analytic by default; `--simulate` simulates every
 * point with common random numbers and checks each break-even by simulation.
 */
export function registerSensitivityCommand(cli: Argv, io: CliIo): Argv {
  return cli.command(
    COMMAND_LINES.sensitivity.command,
    COMMAND_LINES.sensitivity.describe,
    (y) =>
      y
        .positional('scenario', { type: 'string', demandOption: true, describe: 'Scenario file' })
        .option('variants', { type: 'string', describe: 'The two variants to compare, A,B (difference = B − A; default: the first two)' })
        .option('range', { describe: 'Relative range of each input without its own low and high (default 0.25: ±25%)' })
        .option('simulate', { type: 'boolean', default: false, describe: 'Simulate every point (common random numbers) and check the break-evens by simulation' })
        .option('replications', { describe: 'Replications per point with --simulate (default: the scenario’s)' })
        .option('seed', { type: 'string', describe: 'Base seed with --simulate (default: STAFFSIM_SEED, else simulation.seed)' })
        .option('workers', { describe: 'Worker threads with --simulate' })
        .option('json', { type: 'boolean', default: false, describe: 'Print one JSON document' })
        .option('format', { choices: EXPORT_FORMATS, describe: 'Export format (default: from the --out extension)' })
        .option('out', { type: 'string', describe: 'Write the export to this file (atomically) instead of stdout' })
        .example('$0 sensitivity scenarios/municipal-contact-centre.yaml', 'What the difference of the first two variants depends on')
        .example('$0 sensitivity scenarios/municipal-contact-centre.yaml --variants mediocre,world-class --range 0.5', 'Two other variants, inputs moved by ±50%')
        .example('$0 sensitivity scenarios/municipal-contact-centre.yaml --out tornado.html', 'The tornado chart'),
    async (args) => {
      checkExportOptions(args);
      const range = optionalNumberFlag('range', args.range, { min: 0, exclusiveMin: true, max: 1, exclusiveMax: true }) ?? 0.25;
      const variantsText = flagText('variants', args.variants);
      const chosen = variantsText === null ? undefined : variantsText.split(',').map((name) => name.trim());
      if (chosen !== undefined && (chosen.length !== 2 || chosen.some((name) => name === '') || chosen[0] === chosen[1])) {
        throw new UsageError(`--variants: expected two different variant names, A,B (got "${variantsText}")`);
      }
      const simulateEach = args.simulate === true;
      const replications = optionalNumberFlag('replications', args.replications, { min: 2, integer: true });
      if (!simulateEach && (replications !== null || args.seed !== undefined || args.workers !== undefined)) {
        throw new UsageError('--replications, --seed and --workers go with --simulate');
      }
      const seed = simulateEach ? seedFromFlagOrEnvironment(args.seed, io.env) : null;
      const workers = args.workers === undefined ? defaultWorkerCount() : numberFlag('workers', args.workers, { min: 1, integer: true });

      const scenario = readScenarioFile(String(args.scenario));
      if (scenario.variants.length < 2 && chosen === undefined) {
        io.stderr.write(`staffsim: note: ${scenario.file ?? 'the scenario'} has one variant; showing how its total moves with each input (no difference, no break-even).\n`);
      }
      const workspace = sensitivityWorkspace(scenario, { range, ...(chosen === undefined ? {} : { variants: chosen }) });
      const interactive = args.json !== true && args.out === undefined;
      const analyticProgress = progressBar(io.stderr, 'sensitivity (analytic)', interactive);
      let result: SensitivityResult = analyseSensitivity(workspace, scenario.name, { range, onRow: (done, total) => analyticProgress.update(done, total) });
      analyticProgress.done();
      if (simulateEach) {
        const { simulateSensitivity } = await import('../../runner/sensitivity-simulation.js');
        result = await withInterrupt(async (signal) => {
          const progress = progressBar(io.stderr, 'sensitivity (simulating)', interactive);
          const simulated = await simulateSensitivity(workspace, result, {
            replications: replications ?? workspace.baseModels[0]?.simulation.replications ?? 20,
            seed: seed ?? workspace.baseModels[0]?.simulation.seed ?? 1,
            workers,
            signal,
            onProgress: (done, total) => progress.update(done, total),
          });
          progress.done();
          return simulated;
        });
      }
      const json = sensitivityJson(result);
      const written = await writeExport(io, args, async (format) => {
        const exporter = await import('../../export/sensitivity-export.js');
        switch (format) {
          case 'json':
            return toJson(json);
          case 'csv':
            return exporter.sensitivityToCsv(result);
          case 'md':
            return exporter.sensitivityToMarkdown(result);
          case 'xlsx':
            return exporter.sensitivityToXlsx(result);
          case 'html':
            return exporter.sensitivityToHtml(result, staffsimVersion());
        }
      });
      if (written) return;
      io.stdout.write(args.json === true ? toJson(json) : `${sensitivityText(result)}\n`);
    },
  );
}
