import type { CostBreakdown } from '../cost/cost-model.js';
import { costOf } from '../cost/cost-model.js';
import { InfeasibleError, InputError } from '../errors.js';
import type { MetricName } from '../metrics.js';
import type { ContactCentreModel, ServiceLevelRule } from '../model/contact-centre-model.js';
import { meanOf } from '../queueing/delay-kernel.js';
import type { QueueMetrics } from '../queueing/queue-metrics.js';
import { evaluateQueue } from '../queueing/queue-metrics.js';
import { solveRetrialFixedPoint } from '../queueing/retrial-fixed-point.js';
import type { StaffingTargets } from '../queueing/staffing-solver.js';
import { solveStaffing } from '../queueing/staffing-solver.js';
import { scheduledStaffing } from './staffing-schedule.js';

/** Which stationary model the analytic plan uses. */
export type AnalyticSource = 'erlang-c' | 'erlang-a';

/** One interval of an analytic plan: demand after the retrial fixed point, staffing, predicted service and cost. */
export interface IntervalPlanRow {
  /** 0-based day and interval of the day. */
  readonly day: number;
  readonly interval: number;
  /** Start of the interval, seconds after midnight. */
  readonly startSeconds: number;
  /** First contacts of new cases. */
  readonly cases: number;
  readonly redials: number;
  readonly repeatContacts: number;
  /** All attempts: cases + redials + repeat contacts (the fixed point). */
  readonly attempts: number;
  readonly answered: number;
  readonly abandoned: number;
  readonly resolvedCases: number;
  readonly unresolvedCases: number;
  /** Agents on the phones: solved for `target` staffing, else the (expected) scheduled number. */
  readonly onPhoneAgents: number;
  /** Paid agents (full-time equivalents in this interval): on-phone / (1 − shrinkage), or agents on shift. */
  readonly paidAgents: number;
  readonly paidAgentHours: number;
  readonly stable: boolean;
  readonly serviceLevel: number;
  readonly probabilityOfWaiting: number;
  readonly asaSeconds: number;
  readonly meanWaitSeconds: number;
  readonly abandonedShare: number;
  readonly occupancy: number;
  readonly costs: CostBreakdown;
}

/** The analytic plan of one variant: every interval and the whole-run totals under the metric names of SPEC §4. */
export interface VariantPlan {
  readonly model: ContactCentreModel;
  readonly source: AnalyticSource;
  readonly rows: readonly IntervalPlanRow[];
  /** Totals for the whole run (analytic metrics that exist: no waitP90Seconds). */
  readonly totals: Readonly<Partial<Record<MetricName, number>>>;
  /** Whether the retrial fixed point converged in every interval. */
  readonly converged: boolean;
}

/** Evaluation of one interval's queue with a (possibly fractional) number of agents. */
interface IntervalEvaluation {
  readonly onPhoneAgents: number;
  readonly metrics: Omit<QueueMetrics, 'agents' | 'model'>;
}

/**
 * The analytic plan of a variant (SIPP: each interval stationary). Per interval: the offered attempts from
 * the retrial fixed point of SPEC §3, the on-phone agents (solved for `target`, scheduled otherwise), the
 * predicted Erlang C or Erlang A metrics, and the cost lines. Other handle-time and patience distributions
 * enter by their means.
 *
 * @throws InfeasibleError when a `target` cannot be met in some interval by any staffing
 * @example planVariant(model).totals.serviceLevel // e.g. 0.83
 */
export function planVariant(model: ContactCentreModel): VariantPlan {
  const { calendar, staffing } = model;
  const intervalSeconds = calendar.intervalSeconds;
  const meanHandleSeconds = meanOf(model.handling.handleTime);
  const patience = model.customers.patience;
  const targetRule = staffing.kind === 'target' ? staffing.target : null;
  if (targetRule?.method === 'isa') {
    throw new InputError([
      {
        path: 'staffing.target.method',
        code: 'unsupported',
        message:
          'method "isa" is simulation-based staffing, which the analytic plan cannot give: `staffsim plan <scenario>` runs it ' +
          '(add --shifts for a staffing.shifts section to simulate with `staffsim run`), or use erlang-a or erlang-c here',
      },
    ]);
  }
  const useErlangA = patience !== null && targetRule?.method !== 'erlang-c';
  const meanPatienceSeconds = useErlangA && patience !== null ? meanOf(patience) : null;
  const source: AnalyticSource = meanPatienceSeconds === null ? 'erlang-c' : 'erlang-a';
  const schedule = scheduledStaffing(model);

  const evaluateWith = (agents: number, attempts: number, rule: ServiceLevelRule): QueueMetrics =>
    evaluateQueue({ arrivalsPerSecond: attempts / intervalSeconds, meanHandleSeconds, agents, meanPatienceSeconds, serviceLevel: rule });

  const evaluate = (day: number, interval: number, attempts: number): IntervalEvaluation => {
    if (targetRule !== null) {
      const rule: ServiceLevelRule = { ...model.serviceLevel, answerWithinSeconds: targetRule.answerWithinSeconds };
      const targets: StaffingTargets = {
        minServiceLevel: targetRule.serviceLevel,
        maxAbandonShare: targetRule.maxAbandonShare,
        maxOccupancy: targetRule.maxOccupancy,
        maxAsaSeconds: targetRule.maxAsaSeconds,
      };
      const solution = solveStaffing({ arrivalsPerSecond: attempts / intervalSeconds, meanHandleSeconds, meanPatienceSeconds, serviceLevel: rule, targets });
      if (!solution.feasible) {
        throw new InfeasibleError(`day ${day + 1}, interval ${interval + 1}: ${solution.reason}`);
      }
      // Report the service level under the scenario's own rule (its threshold may differ from the target's).
      return { onPhoneAgents: solution.agents, metrics: evaluateWith(solution.agents, attempts, model.serviceLevel) };
    }
    const agents = schedule?.onPhoneAgents[day]?.[interval] ?? 0;
    return { onPhoneAgents: agents, metrics: mixedEvaluation(agents, (n) => evaluateWith(n, attempts, model.serviceLevel)) };
  };

  // The fixed point asks for the abandoned share at trial loads; cache the last evaluation per interval.
  const cache = new Map<number, { attempts: number; evaluation: IntervalEvaluation }>();
  const evaluateCached = (day: number, interval: number, attempts: number): IntervalEvaluation => {
    const key = day * calendar.intervalsPerDay + interval;
    const hit = cache.get(key);
    if (hit !== undefined && hit.attempts === attempts) return hit.evaluation;
    const evaluation = evaluate(day, interval, attempts);
    cache.set(key, { attempts, evaluation });
    return evaluation;
  };

  // Target staffing keeps the agents of the fixed point's last evaluation: where the solved staffing jumps by a
  // whole agent there is no exact fixed point, and the fixed point settles on the better-staffed side, whose
  // attempts are slightly below the load the agents were solved for. Fixed staffing is simply evaluated.
  const finalEvaluation = (day: number, interval: number, attempts: number): IntervalEvaluation => {
    const last = cache.get(day * calendar.intervalsPerDay + interval);
    if (targetRule === null || last === undefined) return evaluateCached(day, interval, attempts);
    const agents = last.evaluation.onPhoneAgents;
    return { onPhoneAgents: agents, metrics: evaluateWith(agents, attempts, model.serviceLevel) };
  };

  const flows = solveRetrialFixedPoint({
    calendar,
    firstContacts: model.demand.casesPerInterval,
    firstContactResolution: model.handling.firstContactResolution,
    redial: model.customers.redial,
    repeatContact: model.handling.repeatContact,
    maxAttempts: model.customers.maxAttempts,
    abandonedShareOf: (day, interval, attempts) => evaluateCached(day, interval, attempts).metrics.abandonedShare,
  });

  const intervalHours = intervalSeconds / 3600;
  const paidFactor = 1 / (1 - staffing.shrinkage);
  const rows: IntervalPlanRow[] = flows.intervals.map((flow) => {
    const { onPhoneAgents, metrics } = finalEvaluation(flow.day, flow.interval, flow.attempts);
    const paidAgentHours = schedule?.paidAgentHours[flow.day]?.[flow.interval] ?? onPhoneAgents * intervalHours * paidFactor;
    // An overloaded Erlang C interval waits without bound; its waiting is left out of the costs (stable: false says so).
    const waitingSeconds = flow.attempts * finiteOr(metrics.meanWaitSeconds, 0);
    return {
      day: flow.day,
      interval: flow.interval,
      startSeconds: calendar.openSeconds + flow.interval * intervalSeconds,
      cases: flow.firstContacts,
      redials: flow.redials,
      repeatContacts: flow.repeatContacts,
      attempts: flow.attempts,
      answered: flow.answered,
      abandoned: flow.abandoned,
      resolvedCases: flow.resolvedCases,
      unresolvedCases: flow.unresolvedCases,
      onPhoneAgents,
      paidAgents: paidAgentHours / intervalHours,
      paidAgentHours,
      stable: metrics.stable,
      serviceLevel: metrics.serviceLevel,
      probabilityOfWaiting: metrics.probabilityOfWaiting,
      asaSeconds: metrics.asaSeconds,
      meanWaitSeconds: metrics.meanWaitSeconds,
      abandonedShare: metrics.abandonedShare,
      occupancy: metrics.occupancy,
      costs: costOf(
        {
          paidAgentHours,
          overtimeHours: 0,
          connectedSeconds: waitingSeconds + flow.answered * meanHandleSeconds,
          waitingSeconds,
          repeatContacts: flow.repeatContacts,
          unresolvedCases: flow.unresolvedCases,
          resolvedCases: flow.resolvedCases,
          days: 1 / calendar.intervalsPerDay,
        },
        model.costs,
      ),
    };
  });

  return { model, source, rows, totals: planTotals(model, rows, flows.totals.openCasesAtEnd, meanHandleSeconds), converged: flows.converged };
}

/**
 * Metrics for a fractional number of agents as the simulation sees it: stochastic rounding puts ⌈n⌉ agents on
 * the phones with probability n − ⌊n⌋, else ⌊n⌋; shares mix linearly, ASA is weighted by answered attempts.
 */
function mixedEvaluation(agents: number, evaluateAt: (agents: number) => QueueMetrics): Omit<QueueMetrics, 'agents' | 'model'> {
  const lower = Math.floor(agents);
  const upperWeight = agents - lower;
  const low = evaluateAt(lower);
  if (upperWeight < 1e-12) return low;
  const high = evaluateAt(lower + 1);
  const mix = (a: number, b: number): number => (1 - upperWeight) * a + upperWeight * b;
  const answeredLow = (1 - upperWeight) * (1 - low.abandonedShare);
  const answeredHigh = upperWeight * (1 - high.abandonedShare);
  const answered = answeredLow + answeredHigh;
  return {
    offeredLoadErlangs: low.offeredLoadErlangs,
    stable: low.stable || high.stable,
    probabilityOfWaiting: mix(low.probabilityOfWaiting, high.probabilityOfWaiting),
    serviceLevel: mix(low.serviceLevel, high.serviceLevel),
    asaSeconds: answered > 0 ? (answeredLow * low.asaSeconds + answeredHigh * high.asaSeconds) / answered : 0,
    meanWaitSeconds: mix(low.meanWaitSeconds, high.meanWaitSeconds),
    abandonedShare: mix(low.abandonedShare, high.abandonedShare),
    // Busy time over on-phone time: weight each occupancy by its agent count.
    occupancy: agents > 0 ? ((1 - upperWeight) * lower * low.occupancy + upperWeight * (lower + 1) * high.occupancy) / agents : 0,
  };
}

function planTotals(
  model: ContactCentreModel,
  rows: readonly IntervalPlanRow[],
  openCasesAtEnd: number,
  meanHandleSeconds: number,
): Partial<Record<MetricName, number>> {
  const sum = (pick: (row: IntervalPlanRow) => number): number => rows.reduce((total, row) => total + pick(row), 0);
  // A ratio with an empty denominator is undefined (NaN; null in JSON), as in the simulation.
  const ratio = (numerator: number, denominator: number): number => (denominator > 0 ? numerator / denominator : Number.NaN);
  const cases = sum((r) => r.cases);
  const attempts = sum((r) => r.attempts);
  const answered = sum((r) => r.answered);
  const abandoned = sum((r) => r.abandoned);
  const resolvedCases = sum((r) => r.resolvedCases);
  const unresolvedCases = sum((r) => r.unresolvedCases);
  const slWeight = (r: IntervalPlanRow): number => (model.serviceLevel.definition === 'answered-of-answered' ? r.answered : r.attempts);
  const onPhoneSeconds = sum((r) => r.onPhoneAgents) * model.calendar.intervalSeconds;
  const busySeconds = answered * meanHandleSeconds;
  const waitingSeconds = sum((r) => r.attempts * r.meanWaitSeconds);
  // An overloaded Erlang C interval waits without bound; its waiting is left out of the costs (rows say stable: false).
  const pricedWaitingSeconds = sum((r) => r.attempts * finiteOr(r.meanWaitSeconds, 0));
  const costs = costOf(
    {
      paidAgentHours: sum((r) => r.paidAgentHours),
      overtimeHours: 0,
      connectedSeconds: pricedWaitingSeconds + busySeconds,
      waitingSeconds: pricedWaitingSeconds,
      repeatContacts: sum((r) => r.repeatContacts),
      unresolvedCases,
      resolvedCases,
      days: model.calendar.days,
    },
    model.costs,
  );
  return {
    cases,
    attempts,
    attemptsPerCase: ratio(attempts, cases),
    answered,
    abandoned,
    answeredShare: ratio(answered, attempts),
    abandonedShare: ratio(abandoned, attempts),
    serviceLevel: ratio(sum((r) => r.serviceLevel * slWeight(r)), sum(slWeight)),
    probabilityOfWaiting: ratio(sum((r) => r.probabilityOfWaiting * r.attempts), attempts),
    asaSeconds: ratio(sum((r) => (r.answered > 0 ? r.asaSeconds * r.answered : 0)), answered),
    meanWaitSeconds: ratio(waitingSeconds, attempts),
    occupancy: Math.min(1, ratio(busySeconds, onPhoneSeconds)),
    resolvedCases,
    resolvedShareOfCases: ratio(resolvedCases, cases),
    contactsPerResolvedCase: ratio(answered, resolvedCases),
    unresolvedCases,
    openCasesAtEnd,
    paidAgentHours: sum((r) => r.paidAgentHours),
    overtimeHours: 0,
    ...costs,
  };
}

function finiteOr(value: number, fallback: number): number {
  return Number.isFinite(value) ? value : fallback;
}
