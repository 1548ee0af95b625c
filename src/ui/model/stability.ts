/** What the explorer says about a variant whose analytic plan is unstable. Pure. */
import { formatClock } from '../../core/model/clock.js';
import type { OverloadedInterval } from '../../core/plan/interval-plan.js';
import type { TaskOverload } from '../../core/plan/network-plan.js';
import { formatNumber } from '../../report/format.js';

/** How many intervals the status line names before "…". */
const NAMED_INTERVALS = 6;

/**
 * One line naming where a variant's plan is unstable: a queue without patience overloaded in those intervals (its
 * wait grows without end, so waits and the total cost are ∞), by day and time, with the group when there are groups;
 * or the groups whose tasks outgrow the time their calls leave over (a backlog without end); null when the plan is
 * stable.
 * @example unstableSummary('switchboard', overloaded) // 'switchboard: unstable in 4 intervals (case-officers) — day 1 08:00, day 1 08:30, … · …'
 */
export function unstableSummary(variant: string, overloaded: readonly OverloadedInterval[], taskOverloads: readonly TaskOverload[] = []): string | null {
  if (overloaded.length === 0) {
    if (taskOverloads.length === 0) return null;
    const named = taskOverloads.map((o) => `${o.group} ${formatNumber(o.workHours, 0)} h of tasks, ${formatNumber(o.spareHours, 0)} h left over from calls`);
    return `${variant}: unstable — ${named.join('; ')} · the backlog grows without end: total cost ∞`;
  }
  const groups = [...new Set(overloaded.flatMap((at) => (at.group === null ? [] : [at.group])))];
  const one = groups.length === 1 ? ` (${groups[0] ?? ''})` : '';
  const named = overloaded
    .slice(0, NAMED_INTERVALS)
    .map((at) => `day ${at.day + 1} ${formatClock(at.startSeconds)}${groups.length > 1 && at.group !== null ? ` ${at.group}` : ''}`);
  const count = `${overloaded.length} interval${overloaded.length === 1 ? '' : 's'}`;
  return (
    `${variant}: unstable in ${count}${one} — ${named.join(', ')}${overloaded.length > NAMED_INTERVALS ? ', …' : ''} · ` +
    'calls without patience arrive faster than the agents answer them: waits and total cost ∞'
  );
}
