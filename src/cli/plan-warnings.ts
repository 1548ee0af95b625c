import { formatClock } from '../core/model/clock.js';
import type { ContactCentreModel } from '../core/model/contact-centre-model.js';
import { overloadedIntervals, planVariant, type VariantPlan } from '../core/plan/interval-plan.js';
import { taskOverloads } from '../core/plan/network-plan.js';
import { formatNumber } from '../report/format.js';
import { printable } from '../core/printable.js';
import { noCostsWarning, occupancyWarnings, transientReasons, undoneWork, undoneWorkWarning, type VariantFigures } from '../report/warnings.js';
import type { CliIo } from './io.js';

/** How many overloaded intervals a warning names before it says "…". */
const NAMED_INTERVALS = 8;

/** One warning line on stderr: `staffsim: warning: <label>: <text>`. */
function warn(io: CliIo, label: string, text: string): void {
  io.stderr.write(`staffsim: warning: ${label}: ${printable(text)}\n`);
}

/**
 * Warnings about an analytic plan, on stderr: the intervals where a queue without patience is overloaded (its wait,
 * and so the plan's total cost, is unbounded), named by day and time (and group); groups with more task work than their
 * calls leave time for (a backlog that grows without end: unbounded too); a fixed point that did not converge. Used by `plan`, `compare --analytic` and `sweep`.
 */
export function warnAboutPlan(plan: VariantPlan, io: CliIo, label: string = printable(plan.model.variantName)): void {
  const overloaded = overloadedIntervals(plan);
  if (overloaded.length > 0) {
    const named = overloaded
      .slice(0, NAMED_INTERVALS)
      .map((at) => `day ${at.day + 1} ${formatClock(at.startSeconds)}${at.group === null ? '' : ` (${printable(at.group)})`}`)
      .join(', ');
    io.stderr.write(
      `staffsim: warning: ${label}: unstable in ${overloaded.length} interval(s) — calls without patience arrive faster than the agents can answer them, ` +
        `so the queue grows without end: ${named}${overloaded.length > NAMED_INTERVALS ? ', …' : ''}. Waits and the waiting, telephony and total cost are unbounded (∞); ` +
        'add agents there, or give customers a patience.\n',
    );
  }
  for (const overload of taskOverloads(plan)) {
    // As many decimals as it takes to show that the work is more than the time left over (127.6 against 127.5 hours).
    let digits = 1;
    while (digits < 4 && formatNumber(overload.workHours, digits) === formatNumber(overload.spareHours, digits)) digits += 1;
    io.stderr.write(
      `staffsim: warning: ${label}: ${printable(overload.group)} has ${formatNumber(overload.workHours, digits)} hours of callbacks and other tasks but its calls ` +
        `leave only ${formatNumber(overload.spareHours, digits)} hours over, so the backlog grows without end from one run to the next: ` +
        'the total cost is unbounded (∞); add agents to the group, or send it fewer tasks.\n',
    );
  }
  if (!plan.converged) io.stderr.write(`staffsim: warning: ${label}: the retrial fixed point did not converge in every interval.\n`);
}

/** Occupancy above the scenario's `maxOccupancy` (else 90 %), per agent group, with the intervals named (plan, run). */
export function warnAboutOccupancy(model: ContactCentreModel, figures: VariantFigures, io: CliIo, label: string = printable(model.variantName)): void {
  for (const text of occupancyWarnings(model, figures)) warn(io, label, text);
}

/** Work left in a group's backlog at the end of the run, which no cost line prices (plan, run, compare). */
export function warnAboutUndoneWork(model: ContactCentreModel, figures: VariantFigures, io: CliIo, label: string = printable(model.variantName)): void {
  const text = undoneWorkWarning(undoneWork(model, figures));
  if (text !== null) warn(io, label, text);
}

/**
 * A scenario without prices: one line per scenario (naming the variants when only some of them are unpriced), since
 * every money figure of the output is 0.
 */
export function warnAboutCosts(scenarioName: string, models: readonly ContactCentreModel[], io: CliIo): void {
  const unpriced = models.filter((model) => noCostsWarning(model) !== null);
  const text = unpriced.length === 0 ? null : noCostsWarning(unpriced[0] as ContactCentreModel);
  if (text === null) return;
  const which = unpriced.length === models.length ? '' : ` (variant${unpriced.length === 1 ? '' : 's'} ${unpriced.map((model) => printable(model.variantName)).join(', ')})`;
  warn(io, `${printable(scenarioName)}${which}`, text);
}

/**
 * Why the analytic plan and the simulation of a variant differ (a short day, a long warm-up, queues that do not settle
 * within an interval), said from the side of the command that runs: `plan` or `run`. For `run`, the plan is computed
 * here (a variant whose target cannot be planned analytically is left out).
 */
export function warnAboutTransients(model: ContactCentreModel, side: 'plan' | 'run', io: CliIo, plan: VariantPlan | null = null): void {
  let analytic = plan;
  if (analytic === null) {
    try {
      analytic = planVariant(model);
    } catch {
      return;
    }
  }
  const reasons = transientReasons(analytic);
  if (reasons.length === 0) return;
  const lead = side === 'plan' ? 'the simulation (staffsim run) will differ from this analytic plan' : 'these simulated figures differ from the analytic plan (staffsim plan)';
  warn(io, printable(model.variantName), `${lead}: ${reasons.join('; ')}`);
}
