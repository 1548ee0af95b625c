import type { Argv } from 'yargs';
import { InfeasibleError } from '../../core/errors.js';
import type { ServiceLevelDefinition, ServiceLevelRule } from '../../core/model/contact-centre-model.js';
import { evaluateQueue, paidAgentsFor, solveStaffing } from '../../core/queueing/index.js';
import type { QueueMetrics, StaffingTargets } from '../../core/queueing/index.js';
import { toJson } from '../../export/json.js';
import { formatNumber, formatPercent, formatSeconds, renderTable } from '../../report/format.js';
import type { CliIo } from '../io.js';
import { noteWriter } from '../io.js';
import { numberFlag, optionalFractionFlag, optionalNumberFlag } from '../number-flags.js';
import { COMMAND_LINES } from './catalogue.js';

/** The default service-level target when `erlang` solves and no target flag is given: the 80/20 convention. */
export const DEFAULT_TARGET_SERVICE_LEVEL = 0.8;

const SL_DEFINITIONS = ['answered-of-offered', 'answered-of-answered', 'exclude-short-abandons'] as const;

export function registerErlangCommand(cli: Argv, io: CliIo): Argv {
  return cli.command(
    COMMAND_LINES.erlang.command,
    COMMAND_LINES.erlang.describe,
    (y) =>
      y
        .option('arrivals-per-hour', { demandOption: true, describe: 'Offered attempts per hour' })
        .option('aht-seconds', { demandOption: true, describe: 'Mean handle time (talk + wrap-up), seconds' })
        .option('agents', { describe: 'Agents on the phones; omit to solve for the fewest that meet the targets' })
        .option('patience-seconds', { describe: 'Mean (exponential) patience: switches from Erlang C to Erlang A' })
        .option('answer-within-seconds', { default: 20, describe: 'Service-level threshold T, seconds' })
        .option('sl-definition', { choices: SL_DEFINITIONS, default: 'answered-of-offered' as const, describe: 'Service-level definition' })
        .option('short-abandon-seconds', { default: 5, describe: 'Abandons within this many seconds are excluded (exclude-short-abandons)' })
        .option('target-sl', { describe: `Minimum service level: 0.8, 80 or 80% (default ${DEFAULT_TARGET_SERVICE_LEVEL} when solving without targets)` })
        .option('max-abandon', { describe: 'Maximum abandoned share: 0.05, 5% (Erlang A)' })
        .option('max-occupancy', { describe: 'Maximum occupancy: 0.85, 85 or 85%' })
        .option('max-asa-seconds', { describe: 'Maximum mean wait of answered calls, seconds' })
        .option('shrinkage', { describe: 'Share of paid time off the phones: 0.3, 30 or 30%; adds paid agents' })
        .option('json', { type: 'boolean', default: false, describe: 'Print one JSON object' })
        .example('$0 erlang --arrivals-per-hour 200 --aht-seconds 180 --agents 14', 'Erlang C metrics for 14 agents')
        .example('$0 erlang --arrivals-per-hour 200 --aht-seconds 180 --patience-seconds 300 --target-sl 0.8 --max-abandon 0.05 --shrinkage 0.3', 'Erlang A staffing'),
    (args) => {
      const arrivalsPerHour = numberFlag('arrivals-per-hour', args['arrivals-per-hour'], { min: 0 });
      const ahtSeconds = numberFlag('aht-seconds', args['aht-seconds'], { min: 0, exclusiveMin: true });
      const agents = optionalNumberFlag('agents', args.agents, { min: 0, integer: true });
      const patienceSeconds = optionalNumberFlag('patience-seconds', args['patience-seconds'], { min: 0, exclusiveMin: true });
      const serviceLevel: ServiceLevelRule = {
        answerWithinSeconds: numberFlag('answer-within-seconds', args['answer-within-seconds'], { min: 0 }),
        definition: args['sl-definition'] as ServiceLevelDefinition,
        shortAbandonSeconds: numberFlag('short-abandon-seconds', args['short-abandon-seconds'], { min: 0 }),
      };
      // Shares as fractions (0.8) or percentages (80, 80%), with a note on stderr saying how a percentage was read.
      const share = { share: true, min: 0, max: 1 };
      const note = noteWriter(io);
      const targets: StaffingTargets = {
        minServiceLevel: optionalFractionFlag('target-sl', args['target-sl'], share, note),
        maxAbandonShare: optionalFractionFlag('max-abandon', args['max-abandon'], share, note),
        maxOccupancy: optionalFractionFlag('max-occupancy', args['max-occupancy'], share, note),
        maxAsaSeconds: optionalNumberFlag('max-asa-seconds', args['max-asa-seconds'], { min: 0 }),
      };
      const shrinkage = optionalFractionFlag('shrinkage', args.shrinkage, { share: true, min: 0, max: 1, exclusiveMax: true }, note);
      const queue = {
        arrivalsPerSecond: arrivalsPerHour / 3600,
        meanHandleSeconds: ahtSeconds,
        meanPatienceSeconds: patienceSeconds,
        serviceLevel,
      };

      let metrics: QueueMetrics;
      if (agents !== null) {
        metrics = evaluateQueue({ ...queue, agents });
      } else {
        const noTarget = Object.values(targets).every((v) => v === null);
        const solution = solveStaffing({
          ...queue,
          targets: noTarget ? { ...targets, minServiceLevel: DEFAULT_TARGET_SERVICE_LEVEL } : targets,
        });
        if (!solution.feasible) throw new InfeasibleError(solution.reason);
        metrics = solution.metrics;
      }
      const paidAgents = shrinkage === null ? null : paidAgentsFor(metrics.agents, shrinkage);
      io.stdout.write(args.json === true ? toJson(erlangJson(metrics, paidAgents)) : `${erlangTable(metrics, paidAgents, serviceLevel, agents === null)}\n`);
    },
  );
}

/** The `erlang --json` document: exactly these keys (paidAgents only with --shrinkage). */
export function erlangJson(metrics: QueueMetrics, paidAgents: number | null): Record<string, unknown> {
  return {
    model: metrics.model,
    agents: metrics.agents,
    offeredLoadErlangs: metrics.offeredLoadErlangs,
    stable: metrics.stable,
    probabilityOfWaiting: metrics.probabilityOfWaiting,
    serviceLevel: metrics.serviceLevel,
    asaSeconds: metrics.asaSeconds,
    meanWaitSeconds: metrics.meanWaitSeconds,
    abandonedShare: metrics.abandonedShare,
    occupancy: metrics.occupancy,
    ...(paidAgents === null ? {} : { paidAgents }),
  };
}

function erlangTable(metrics: QueueMetrics, paidAgents: number | null, rule: ServiceLevelRule, solved: boolean): string {
  const rows: [string, string][] = [
    ['model', metrics.model === 'erlang-c' ? 'Erlang C (no abandonment)' : 'Erlang A (exponential patience)'],
    ['offered load', `${formatNumber(metrics.offeredLoadErlangs, 3)} Erlangs`],
    [solved ? 'agents needed (on the phones)' : 'agents (on the phones)', String(metrics.agents)],
    ...(paidAgents === null ? [] : [['paid agents (with shrinkage)', String(paidAgents)] as [string, string]]),
    ['stable', metrics.stable ? 'yes' : 'no: load ≥ agents, the queue grows without bound'],
    [`service level (${rule.answerWithinSeconds} s, ${rule.definition})`, formatPercent(metrics.serviceLevel, 2)],
    ['probability of waiting', formatPercent(metrics.probabilityOfWaiting, 2)],
    ['ASA (answered calls)', formatSeconds(metrics.asaSeconds, 2)],
    ['mean wait (all calls)', formatSeconds(metrics.meanWaitSeconds, 2)],
    ['abandoned', formatPercent(metrics.abandonedShare, 2)],
    ['occupancy', formatPercent(metrics.occupancy, 2)],
  ];
  return renderTable([{ header: 'metric', align: 'left' }, { header: 'value', align: 'left' }], rows);
}
