import type { Argv } from 'yargs';
import { InfeasibleError } from '../../core/errors.js';
import type { ServiceLevelDefinition, ServiceLevelRule } from '../../core/model/contact-centre-model.js';
import { erlangBMetrics, evaluateQueue, linesForBlocking, paidAgentsFor, solveStaffing } from '../../core/queueing/index.js';
import type { ErlangBMetrics, QueueMetrics, StaffingTargets } from '../../core/queueing/index.js';
import { toJson } from '../../export/json.js';
import { erlangOccupancyWarning } from '../../report/warnings.js';
import { formatNumber, formatPercent, formatSeconds, renderTable } from '../../report/format.js';
import type { CliIo } from '../io.js';
import { noteWriter } from '../io.js';
import { numberFlag, optionalFractionFlag, optionalNumberFlag } from '../number-flags.js';
import { UsageError } from '../usage-error.js';
import { COMMAND_LINES } from './catalogue.js';

/** The default service-level target when `erlang` solves and no target flag is given: the 80/20 convention. */
export const DEFAULT_TARGET_SERVICE_LEVEL = 0.8;

/** The default blocking target when `erlang --model erlang-b` solves for lines: 1 %, the usual grade of service. */
export const DEFAULT_TARGET_BLOCKING = 0.01;

const SL_DEFINITIONS = ['answered-of-offered', 'answered-of-answered', 'exclude-short-abandons'] as const;
const MODELS = ['erlang-c', 'erlang-a', 'erlang-b'] as const;

/** The flags of a queue (Erlang C and A) that mean nothing for lines that block (Erlang B). */
const QUEUE_FLAGS = [
  'patience-seconds',
  'answer-within-seconds',
  'sl-definition',
  'short-abandon-seconds',
  'target-sl',
  'max-abandon',
  'max-occupancy',
  'max-asa-seconds',
  'shrinkage',
] as const;

export function registerErlangCommand(cli: Argv, io: CliIo): Argv {
  return cli.command(
    COMMAND_LINES.erlang.command,
    COMMAND_LINES.erlang.describe,
    (y) =>
      y
        .option('model', {
          choices: MODELS,
          describe:
            'erlang-c (nobody abandons), erlang-a (exponential patience; the default with --patience-seconds) or erlang-b (lines and trunks: ' +
            'a call that finds every line busy is lost, not queued)',
        })
        .option('arrivals-per-hour', { demandOption: true, describe: 'Offered attempts (calls) per hour' })
        .option('aht-seconds', { demandOption: true, describe: 'Mean handle time (talk + wrap-up), seconds; with erlang-b the mean holding time of a line' })
        .option('agents', { alias: 'lines', describe: 'Agents on the phones (--lines: lines of a trunk group, erlang-b); omit to solve for the fewest that meet the targets' })
        .option('patience-seconds', { describe: 'Mean (exponential) patience: switches from Erlang C to Erlang A' })
        .option('answer-within-seconds', { describe: 'Service-level threshold T, seconds (default 20)' })
        .option('sl-definition', { choices: SL_DEFINITIONS, describe: 'Service-level definition (default answered-of-offered)' })
        .option('short-abandon-seconds', { describe: 'Abandons within this many seconds are excluded (exclude-short-abandons; default 5)' })
        .option('target-sl', { describe: `Minimum service level: 0.8, 80 or 80% (default ${DEFAULT_TARGET_SERVICE_LEVEL} when solving without targets)` })
        .option('max-abandon', { describe: 'Maximum abandoned share: 0.05, 5% (Erlang A)' })
        .option('max-occupancy', { describe: 'Maximum occupancy: 0.85, 85 or 85%' })
        .option('max-asa-seconds', { describe: 'Maximum mean wait of answered calls, seconds' })
        .option('target-blocking', { describe: `erlang-b: the highest acceptable blocking, 0.01 or 1% (default ${DEFAULT_TARGET_BLOCKING} when solving)` })
        .option('shrinkage', { describe: 'Share of paid time off the phones: 0.3, 30 or 30%; adds paid agents' })
        .option('json', { type: 'boolean', default: false, describe: 'Print one JSON object' })
        .example('$0 erlang --arrivals-per-hour 200 --aht-seconds 180 --agents 14', 'Erlang C metrics for 14 agents')
        .example('$0 erlang --arrivals-per-hour 200 --aht-seconds 180 --patience-seconds 300 --target-sl 0.8 --max-abandon 0.05 --shrinkage 0.3', 'Erlang A staffing')
        .example('$0 erlang --model erlang-b --arrivals-per-hour 162.16 --aht-seconds 180 --target-blocking 1%', 'Erlang B: lines needed for 1% blocking')
        .example('$0 erlang --model erlang-b --arrivals-per-hour 162.16 --aht-seconds 180 --lines 12', 'Erlang B: blocking with 12 lines'),
    (args) => {
      const arrivalsPerHour = numberFlag('arrivals-per-hour', args['arrivals-per-hour'], { min: 0 });
      const ahtSeconds = numberFlag('aht-seconds', args['aht-seconds'], { min: 0, exclusiveMin: true });
      const agents = optionalNumberFlag('agents', args.agents, { min: 0, integer: true });
      const note = noteWriter(io);
      if (args.model === 'erlang-b') {
        const lonely = QUEUE_FLAGS.find((flag) => args[flag] !== undefined);
        if (lonely !== undefined) throw new UsageError(`--${lonely}: applies to erlang-c and erlang-a (queues); erlang-b has lines that block, not a queue`);
        const offeredLoadErlangs = (arrivalsPerHour / 3600) * ahtSeconds;
        const targetBlocking = optionalFractionFlag('target-blocking', args['target-blocking'], { share: true, min: 0, exclusiveMin: true, max: 1, exclusiveMax: true }, note);
        if (agents !== null && targetBlocking !== null) throw new UsageError('--target-blocking: solves for the lines; leave out --lines (or --agents) to solve, or --target-blocking to evaluate');
        const lines = agents ?? linesForBlocking(offeredLoadErlangs, targetBlocking ?? DEFAULT_TARGET_BLOCKING);
        const metrics = erlangBMetrics(offeredLoadErlangs, lines);
        io.stdout.write(args.json === true ? toJson(erlangBJson(metrics, arrivalsPerHour)) : `${erlangBTable(metrics, arrivalsPerHour, agents === null)}\n`);
        return;
      }
      if (args['target-blocking'] !== undefined) throw new UsageError('--target-blocking: applies to --model erlang-b (lines that block); queues have --target-sl, --max-abandon …');
      const patienceSeconds = optionalNumberFlag('patience-seconds', args['patience-seconds'], { min: 0, exclusiveMin: true });
      if (args.model === 'erlang-a' && patienceSeconds === null) throw new UsageError('--model erlang-a: models callers who abandon; give --patience-seconds');
      if (args.model === 'erlang-c' && patienceSeconds !== null) throw new UsageError('--model erlang-c: nobody abandons; leave out --patience-seconds (or use erlang-a)');
      const serviceLevel: ServiceLevelRule = {
        answerWithinSeconds: args['answer-within-seconds'] === undefined ? 20 : numberFlag('answer-within-seconds', args['answer-within-seconds'], { min: 0 }),
        definition: (args['sl-definition'] as ServiceLevelDefinition | undefined) ?? 'answered-of-offered',
        shortAbandonSeconds: args['short-abandon-seconds'] === undefined ? 5 : numberFlag('short-abandon-seconds', args['short-abandon-seconds'], { min: 0 }),
      };
      // Shares as fractions (0.8) or percentages (80, 80%), with a note on stderr saying how a percentage was read.
      const share = { share: true, min: 0, max: 1 };
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
      const busy = metrics.stable ? erlangOccupancyWarning(metrics.occupancy, targets.maxOccupancy) : null;
      if (busy !== null) io.stderr.write(`staffsim: warning: ${busy}\n`);
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

/** The `erlang --model erlang-b --json` document: exactly these keys. */
export function erlangBJson(metrics: ErlangBMetrics, arrivalsPerHour: number): Record<string, unknown> {
  return {
    model: 'erlang-b',
    lines: metrics.lines,
    offeredLoadErlangs: metrics.offeredLoadErlangs,
    blockingProbability: metrics.blockingProbability,
    carriedLoadErlangs: metrics.carriedLoadErlangs,
    lostLoadErlangs: metrics.lostLoadErlangs,
    blockedCallsPerHour: arrivalsPerHour * metrics.blockingProbability,
    occupancy: metrics.occupancy,
  };
}

function erlangBTable(metrics: ErlangBMetrics, arrivalsPerHour: number, solved: boolean): string {
  const rows: [string, string][] = [
    ['model', 'Erlang B (a call that finds every line busy is lost)'],
    ['offered traffic', `${formatNumber(metrics.offeredLoadErlangs, 3)} Erlangs`],
    [solved ? 'lines needed' : 'lines', String(metrics.lines)],
    ['blocking probability', formatPercent(metrics.blockingProbability, 3)],
    ['calls blocked per hour', formatNumber(arrivalsPerHour * metrics.blockingProbability, 2)],
    ['carried traffic', `${formatNumber(metrics.carriedLoadErlangs, 3)} Erlangs`],
    ['lost traffic', `${formatNumber(metrics.lostLoadErlangs, 3)} Erlangs`],
    ['occupancy per line', formatPercent(metrics.occupancy, 2)],
  ];
  return renderTable([{ header: 'metric', align: 'left' }, { header: 'value', align: 'left' }], rows);
}
