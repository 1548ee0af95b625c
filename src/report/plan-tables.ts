/**
 * The plan's own tables for its exports (`plan --format csv|md|xlsx|html`): agents per interval and agent group, with
 * paid hours and FTEs, and the shift lines of `--shifts`. Pure.
 */
import { intervalLabel, openRows } from '../core/model/calendar-days.js';
import { formatClock } from '../core/model/clock.js';
import { DEFAULT_HOURS_PER_FTE, type Shift } from '../core/model/contact-centre-model.js';
import type { VariantPlan } from '../core/plan/interval-plan.js';
import { budgetOf } from './budget.js';
import type { PlanShiftRow, PlanStaffingRow } from './report.js';

/**
 * One row per open interval of the variant (and of each agent group): attempts, agents on the phones, paid agents,
 * paid hours, FTEs (the interval's paid hours over hoursPerFte × the run's share of a year, so the rows add up to the
 * run's FTEs), service level and staff cost.
 */
export function planStaffingRows(plan: VariantPlan): PlanStaffingRow[] {
  const { model } = plan;
  const calendar = model.calendar;
  const budget = budgetOf(calendar, model.costs.hoursPerFte, {}, []);
  const perFte = (model.costs.hoursPerFte ?? DEFAULT_HOURS_PER_FTE) * budget.yearShare;
  /** One row: where it sits, its agents and hours, and the FTEs that those hours make. */
  const staffingRow = (
    group: string | null,
    row: { day: number; interval: number; attempts: number; onPhoneAgents: number; paidAgents: number; paidAgentHours: number; serviceLevel: number },
    staffCost: number,
  ): PlanStaffingRow => ({
    variant: model.variantName,
    group,
    ...intervalLabel(calendar, row.day, row.interval),
    attempts: row.attempts,
    onPhoneAgents: row.onPhoneAgents,
    paidAgents: row.paidAgents,
    paidAgentHours: row.paidAgentHours,
    fte: row.paidAgentHours / perFte,
    serviceLevel: row.serviceLevel,
    staffCost,
  });
  if (model.network !== undefined && plan.groups !== undefined) {
    return plan.groups.flatMap((group) => openRows(calendar, group.rows).map((row) => staffingRow(group.name, row, row.staffCost)));
  }
  return openRows(calendar, plan.rows).map((row) => staffingRow(null, row, row.costs.staffCost));
}

/** The shift lines of a solved plan. */
export function planShiftRows(variant: string, group: string | null, shifts: readonly Shift[]): PlanShiftRow[] {
  return shifts.map((shift) => ({
    variant,
    group,
    name: shift.name,
    start: formatClock(shift.startSeconds),
    end: formatClock(shift.endSeconds),
    agents: shift.agents,
    breaks: shift.breaks.map((pause) => `${formatClock(pause.startSeconds)} ${pause.durationSeconds / 60} min`).join(', '),
    days: shift.days === null ? '' : [...shift.days].join(', '),
  }));
}
