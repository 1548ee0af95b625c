import { formatClock } from '../core/model/clock.js';
import { overloadedIntervals, type VariantPlan } from '../core/plan/interval-plan.js';
import { taskOverloads } from '../core/plan/network-plan.js';
import { formatNumber } from '../report/format.js';
import { printable } from '../core/printable.js';
import type { CliIo } from './io.js';

/** How many overloaded intervals a warning names before it says "…". */
const NAMED_INTERVALS = 8;

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
    io.stderr.write(
      `staffsim: warning: ${label}: ${printable(overload.group)} has ${formatNumber(overload.workHours, 1)} hours of callbacks and other tasks but its calls ` +
        `leave only ${formatNumber(overload.spareHours, 1)} hours over, so the backlog grows without end from one run to the next: ` +
        'the total cost is unbounded (∞); add agents to the group, or send it fewer tasks.\n',
    );
  }
  if (!plan.converged) io.stderr.write(`staffsim: warning: ${label}: the retrial fixed point did not converge in every interval.\n`);
}
