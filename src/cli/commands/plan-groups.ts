/**
 * `staffsim plan` for a variant with agent groups (SPEC §7): `--method` for every group with a target, the ISA report
 * per ISA group, and `--shifts` per group with shift templates (text, JSON and the `groups:` section to paste).
 */
import { InputError } from '../../core/errors.js';
import type { ContactCentreModel, StaffingTarget } from '../../core/model/contact-centre-model.js';
import { networkOf, type AgentGroup } from '../../core/model/network.js';
import type { NetworkIsaPlan } from '../../core/plan/network-isa.js';
import type { SolvedShiftPlan } from '../../runner/shift-solver.js';
import { printable } from '../../core/printable.js';
import { UsageError } from '../usage-error.js';
import {
  describeEnding,
  describeSettled,
  isaComparisonJson,
  isaComparisonLines,
  isaTitle,
  shiftsJson,
  shiftsText,
  solveShiftRequirement,
  staffingYaml,
  yamlKey,
  type ShiftSubject,
} from './plan-output.js';

const GROUP_SHIFT_TEMPLATES_EXAMPLE = `groups:
  switchboard:
    staffing:
      target: { serviceLevel: 0.8, answerWithinSeconds: 60 }
      shrinkage: 0.3
      shiftTemplates:
        - { name: full, lengthsHours: [8], startEveryMinutes: 30, break: { minutes: 30, earliestAfterHours: 3, latestAfterHours: 5 } }`;

/**
 * `--method` for a variant with agent groups: every group with a target gets the method (groups with fixed staffing
 * keep it). Erlang A needs the group's callers to have a patience: `customers.patience` for the first group,
 * `transfers.patience` for the others.
 *
 * @throws UsageError when no group has a target, or erlang-a is asked for a group whose callers never abandon
 */
export function withGroupsMethod(model: ContactCentreModel, method: StaffingTarget['method']): ContactCentreModel {
  const network = networkOf(model);
  const targeted = network.groups.filter((group) => group.staffing.kind === 'target');
  if (targeted.length === 0) {
    throw new UsageError(
      `--method: applies to staffing.target, and no agent group of variant "${model.variantName}" has one (` +
        `${network.groups.map((group) => `${group.name}: staffing.${group.staffing.kind}`).join(', ')})`,
    );
  }
  if (method === 'erlang-a') {
    const patient = network.groups.map((_, g) => (g === 0 ? model.customers.patience : network.transferPatience) !== null);
    const without = network.groups.filter((group, g) => group.staffing.kind === 'target' && patient[g] !== true);
    if (without.length > 0) {
      throw new UsageError(
        `--method erlang-a: models callers who abandon; in variant "${model.variantName}" the callers of ${without.map((group) => `group "${group.name}"`).join(', ')} ` +
          'have no patience (customers.patience for the first group, transfers.patience for the others; use erlang-c or isa)',
      );
    }
  }
  const groups = network.groups.map((group): AgentGroup =>
    group.staffing.kind === 'target' ? { ...group, staffing: { ...group.staffing, target: { ...group.staffing.target, method } } } : group,
  );
  return { ...model, staffing: (groups[0] as AgentGroup).staffing, network: { ...network, groups } };
}

// ------------------------------------------------------------------------------------------------ shifts

/** The shifts of one agent group, and the on-phone requirement they were solved for. */
export interface GroupShiftPlan {
  readonly group: AgentGroup;
  readonly shifts: SolvedShiftPlan;
  /** Required on-phone agents per [day][interval]. */
  readonly requirement: number[][];
}

/** The shifts of every agent group with shift templates, and the groups without templates (skipped). */
export interface GroupShifts {
  readonly solved: readonly GroupShiftPlan[];
  readonly withoutTemplates: readonly string[];
}

/**
 * Solves shifts for every agent group that has `staffing.shiftTemplates`, from that group's requirement and shrinkage,
 * priced at its templates' `costPerHour` (by default the group's agent hour). Groups without templates are skipped.
 *
 * @throws InputError when no group has shift templates
 */
export async function solveGroupShifts(
  model: ContactCentreModel,
  requirementOf: (group: number) => number[][],
  timeLimitSeconds: number,
): Promise<GroupShifts> {
  const { groups } = networkOf(model);
  const withTemplates = groups.flatMap((group, g) => ((group.shiftTemplates ?? []).length > 0 ? [{ group, g }] : []));
  if (withTemplates.length === 0) {
    throw new InputError([
      {
        path: 'groups',
        code: 'missing_shift_templates',
        message:
          `--shifts needs shift templates in at least one agent group (variant "${model.variantName}" has none in ` +
          `${groups.map((group) => group.name).join(', ')}), e.g.`,
        hint: GROUP_SHIFT_TEMPLATES_EXAMPLE,
      },
    ]);
  }
  const solved: GroupShiftPlan[] = [];
  for (const { group, g } of withTemplates) {
    const requirement = requirementOf(g);
    const shifts = await solveShiftRequirement(model.calendar, group.shiftTemplates ?? [], requirement, group.staffing.shrinkage, timeLimitSeconds);
    solved.push({ group, shifts, requirement });
  }
  return { solved, withoutTemplates: groups.filter((group) => (group.shiftTemplates ?? []).length === 0).map((group) => group.name) };
}

function groupShiftSubject(model: ContactCentreModel, group: AgentGroup): ShiftSubject {
  return {
    label: `${printable(model.variantName)}, group ${printable(group.name)}`,
    calendar: model.calendar,
    shrinkage: group.staffing.shrinkage,
    templateCount: (group.shiftTemplates ?? []).length,
    perPaidAgentHour: group.costs.perPaidAgentHour,
    priceKey: `groups.${group.name}.costs.agentHour`,
    currency: model.currency,
  };
}

/** Each group's shift report, and the groups skipped for want of templates. */
export function groupShiftsText(model: ContactCentreModel, shifts: GroupShifts): string {
  const parts = shifts.solved.map((plan) => shiftsText(groupShiftSubject(model, plan.group), plan.shifts, plan.requirement));
  if (shifts.withoutTemplates.length > 0) {
    parts.push(
      `No shifts for ${shifts.withoutTemplates.map((name) => `group ${printable(name)}`).join(', ')} of ${printable(model.variantName)}: no staffing.shiftTemplates there.`,
    );
  }
  return parts.join('\n\n');
}

/** `groupShifts` (per group with templates) and `groupsWithoutShiftTemplates` for the JSON document. */
export function groupShiftsJson(shifts: GroupShifts): Record<string, unknown> {
  return {
    groupShifts: shifts.solved.map((plan) => ({ group: plan.group.name, ...shiftsJson(plan.group.staffing.shrinkage, plan.shifts) })),
    groupsWithoutShiftTemplates: shifts.withoutTemplates,
  };
}

/** The `groups:` section to paste: `groups: { <name>: { staffing: { shifts, shrinkage } } }` at `indent`. */
export function groupShiftsYaml(shifts: GroupShifts, indent: string): string[] {
  const lines = [`${indent}groups:`];
  for (const plan of shifts.solved) {
    lines.push(`${indent}  ${yamlKey(plan.group.name)}:`, ...staffingYaml(plan.shifts.plan.shifts, plan.group.staffing.shrinkage, `${indent}    `));
  }
  return lines;
}

/** The groups whose shifts leave intervals short of the requirement, with how many. */
export function groupsShortOfShifts(model: ContactCentreModel, shifts: GroupShifts): { label: string; count: number }[] {
  return shifts.solved
    .filter((plan) => plan.shifts.plan.unmetIntervals.length > 0)
    .map((plan) => ({ label: `${printable(model.variantName)}, group ${printable(plan.group.name)}`, count: plan.shifts.plan.unmetIntervals.length }));
}

// ------------------------------------------------------------------------------------------------ ISA

/** The ISA report of a variant with agent groups: one SIPP-against-ISA table per ISA group, with the group's name. */
export function networkIsaText(plan: NetworkIsaPlan): string {
  const { model } = plan;
  // Settled intervals are told per group.
  const title = isaTitle(model, describeEnding({ ending: plan.ending, iterations: plan.iterations, settledIntervals: 0 }));
  const head =
    plan.otherGroups.length === 0
      ? title
      : `${title}\nother groups keep their staffing: ${plan.otherGroups
          .map((group) => `${printable(group.name)} (${group.method === null ? `staffing.${group.staffing}` : group.method === 'erlang-a' ? 'target, Erlang A' : 'target, Erlang C'})`)
          .join(', ')}`;
  const blocks = plan.groups.map((group) => {
    const note = describeSettled(group.settledIntervals);
    return [`group ${printable(group.name)}${note === '' ? '' : ` (${note})`}:`, ...isaComparisonLines(group, model.currency)].join('\n');
  });
  return [head, ...blocks].join('\n\n');
}

/** The JSON of a variant with agent groups planned by ISA: the iteration, the other groups and each ISA group. */
export function networkIsaJson(plan: NetworkIsaPlan): Record<string, unknown> {
  return {
    name: plan.model.variantName,
    source: 'isa',
    converged: plan.converged,
    ending: plan.ending,
    iterations: plan.iterations,
    replications: plan.model.simulation.replications,
    seed: plan.model.simulation.seed,
    otherGroups: plan.otherGroups,
    groups: plan.groups.map((group) => ({
      name: group.name,
      sippSource: group.sippSource,
      settledIntervals: group.settledIntervals,
      target: group.target,
      ...isaComparisonJson(group),
    })),
  };
}
