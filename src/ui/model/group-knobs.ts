/**
 * The knobs only an agent group has (SPEC §7): what its answered calls lead to (first-contact resolution, or the
 * outcome shares), its waiting places, its callbacks; and the patience of transferred callers, which belongs to the
 * whole scenario. Each writes through the group's scope, at `groups.<name>.…` inside the variant.
 */
import type { ContactCentreModel } from '../../core/model/contact-centre-model.js';
import type { AgentGroup, ContactNetwork } from '../../core/model/network.js';
import { formatPath, isPlainObject } from '../../scenario/issues.js';
import type { Knob, KnobScope } from './knob-kit.js';
import { formatKnobValue, meanSecondsKnob, noneIn, patienceKnob, round, shareKnob } from './knob-kit.js';
import { cutEnd } from './labels.js';
import { rebalancedShares } from './outcome-shares.js';

/** One outcome share of a group: where it sits in `outcomes`, its label and what it means. */
interface OutcomeShare {
  /** Path inside `handling.outcomes`, e.g. ['transfer', 'case-officers']. */
  readonly key: readonly string[];
  readonly label: string;
  /** "…answered calls that <what>". */
  readonly what: string;
  readonly share: number;
}

/**
 * What the group's answered calls lead to, in the form the variant gives it: first-contact resolution (one knob), or
 * the outcome shares — resolved, each transfer, each callback, not resolved — one knob each. Setting one share makes
 * the others keep their proportions, so that the shares still sum to 100 %; the status line says how they moved. The
 * whole `outcomes` mapping is written (with nulls for what the base has and the variant no longer does), so that it
 * replaces `firstContactResolution` and the base's outcomes as a staffing form replaces another.
 */
export function outcomeKnobs(at: KnobScope, group: AgentGroup, network: ContactNetwork): Knob[] {
  if (at.effective('handling.outcomes') === undefined) {
    return [
      shareKnob(at, {
        path: 'handling.firstContactResolution',
        label: '1st-call res.',
        description: `First-contact resolution: share of ${group.name}'s answered calls that resolve the case (${at.prefix}handling.firstContactResolution)`,
        fraction: group.outcomes.resolved,
      }),
    ];
  }
  const nameOf = (index: number): string => network.groups[index]?.name ?? String(index);
  const { outcomes } = group;
  const shares: OutcomeShare[] = [
    { key: ['resolved'], label: 'resolved', what: 'resolve the case', share: outcomes.resolved },
    ...outcomes.transfers.map((t): OutcomeShare => ({
      key: ['transfer', nameOf(t.group)],
      label: outcomes.transfers.length === 1 ? 'transferred' : `→ ${cutEnd(nameOf(t.group), 11)}`,
      what: `are put through to ${nameOf(t.group)} (lost when it cannot take the call: the caller calls again)`,
      share: t.share,
    })),
    ...outcomes.callbacks.map((c): OutcomeShare => ({
      key: ['callback', nameOf(c.group)],
      label: outcomes.callbacks.length === 1 ? 'callback' : `cb ${cutEnd(nameOf(c.group), 10)}`,
      what: `get a callback from ${nameOf(c.group)} (a task in its backlog)`,
      share: c.share,
    })),
    { key: ['unresolved'], label: 'not resolved', what: 'leave the case unresolved (a repeat contact, or given up)', share: outcomes.unresolved },
  ];
  const unresolved = shares.length - 1;
  const percent = (fraction: number): string => `${formatKnobValue(round(fraction * 100, 4))} %`;
  return shares.map((entry, index): Knob => {
    const rebalanced = (value: number | null): number[] =>
      rebalancedShares(
        shares.map((s) => s.share),
        index,
        (value ?? entry.share * 100) / 100,
        index === unresolved ? 0 : unresolved,
      );
    return {
      id: `${at.prefix}${formatPath(['handling', 'outcomes', ...entry.key])}`,
      label: entry.label,
      unit: '%',
      kind: 'share',
      description: `Share of ${group.name}'s answered calls that ${entry.what}; the other outcomes keep their proportions (${at.prefix}handling.outcomes)`,
      value: round(entry.share * 100, 4),
      step: 1,
      bigStep: 5,
      min: 0,
      max: 100,
      apply: (s, value) => at.set([['handling.outcomes', outcomesDocument(at, shares, rebalanced(value))]])(s),
      explain: (value) => {
        const next = rebalanced(value);
        const moved = shares.flatMap((other, j) =>
          j === index || Math.abs((next[j] as number) - other.share) < 1e-9 ? [] : [`${other.label} ${percent(other.share)} → ${percent(next[j] as number)}`],
        );
        return moved.length === 0 ? null : `${moved.join(', ')} (the other outcomes keep their proportions; all add up to 100 %)`;
      },
    };
  });
}

/** The `outcomes` mapping of the given shares, with a null for every key the base has and these shares do not. */
function outcomesDocument(at: KnobScope, shares: readonly OutcomeShare[], values: readonly number[]): Record<string, unknown> {
  const document: Record<string, unknown> = {};
  shares.forEach((entry, i) => {
    const [first, second] = entry.key as [string, string | undefined];
    if (second === undefined) document[first] = values[i];
    else document[first] = { ...(document[first] as Record<string, unknown> | undefined), [second]: values[i] };
  });
  return at.hasVariants ? withRemovals(document, at.base('handling.outcomes')) : document;
}

/** `next` with null for each key of `base` that it lacks (mappings in both are handled key by key). */
function withRemovals(next: Record<string, unknown>, base: unknown): Record<string, unknown> {
  if (!isPlainObject(base)) return next;
  const out: Record<string, unknown> = { ...next };
  for (const [key, value] of Object.entries(base)) {
    if (!(key in out)) out[key] = null;
    else if (isPlainObject(value) && isPlainObject(out[key])) out[key] = withRemovals(out[key] as Record<string, unknown>, value);
  }
  return out;
}

/** Waiting places in the group's queue (∞ = unlimited; 0 = a call that finds every agent busy is blocked). */
export function maxQueueKnob(at: KnobScope, group: AgentGroup): Knob {
  return {
    id: `${at.prefix}maxQueue`,
    label: 'max queue',
    unit: '',
    description: `Waiting places in ${group.name}'s queue; 0 = a call that finds every agent busy is blocked (a transfer is lost), ∞ = unlimited (${at.prefix}maxQueue)`,
    value: group.maxQueue,
    step: 1,
    bigStep: 5,
    min: 0,
    max: 999,
    noneText: '∞',
    startValue: 10,
    apply: (s, value) => at.set([['maxQueue', value === null ? noneIn(at) : Math.round(value)]])(s),
  };
}

/**
 * The group's callbacks, when the variant routes any to it: time per try, reach, tries and the due time of a task
 * (a group that gets no callbacks in this variant shows none of them: turning them would change nothing).
 */
export function callbackKnobs(at: KnobScope, group: AgentGroup, network: ContactNetwork): Knob[] {
  const { tasks } = group;
  const handle = tasks.callbackHandleTime;
  const index = network.groups.indexOf(group);
  const routed = network.groups.some((g) => g.outcomes.callbacks.some((c) => c.group === index && c.share > 0));
  if (handle === null || !routed) return [];
  return [
    meanSecondsKnob(at, {
      path: 'tasks.callbackHandleTime',
      label: 'callback time',
      what: 'Mean agent time of one callback try, reached or not',
      distribution: handle,
      step: 30,
      bigStep: 120,
    }),
    shareKnob(at, {
      path: 'tasks.callbackReach.probability',
      label: 'reached',
      description: `Probability that a callback try reaches the customer; else it is tried again later (${at.prefix}tasks.callbackReach.probability)`,
      fraction: tasks.callbackReach.probability,
    }),
    {
      id: `${at.prefix}tasks.callbackReach.maxTries`,
      label: 'tries',
      unit: '',
      description: `Callback tries in all; after the last one that does not reach the customer the case is unresolved (${at.prefix}tasks.callbackReach.maxTries)`,
      value: tasks.callbackReach.maxTries,
      step: 1,
      bigStep: 2,
      min: 1,
      max: 100,
      apply: (s, value) => at.set([['tasks.callbackReach.maxTries', Math.round(value ?? tasks.callbackReach.maxTries)]])(s),
    },
    {
      id: `${at.prefix}tasks.dueHours`,
      label: 'due within',
      unit: 'h',
      description: `Target: a task is started within this many hours of its creation ("tasks on time"), hours (${at.prefix}tasks.dueHours)`,
      value: round(tasks.dueSeconds / 3600, 2),
      step: 1,
      bigStep: 8,
      min: 0,
      max: 1000,
      apply: (s, value) => at.set([['tasks.dueHours', round(value ?? tasks.dueSeconds / 3600, 4)]])(s),
    },
  ];
}

/**
 * The mean patience of a transferred caller in the new queue (`transfers.patience`; by default the callers' own). It
 * can be none (infinite) only when callers have none either, since "none" here means "as the callers'". Removing the
 * last patience staffs an Erlang A target by Erlang C, as the callers' patience knob does.
 */
export function transferPatienceKnob(scope: KnobScope, model: ContactCentreModel, network: ContactNetwork, switched: readonly string[]): Knob {
  const own = scope.effective('transfers.patience') !== undefined;
  return {
    ...patienceKnob(scope, {
      path: 'transfers.patience',
      label: 'transfer pat.',
      description: `Mean time a transferred caller waits in the new queue before hanging up (a lost transfer: the caller calls again), seconds (transfers.patience${
        own ? '' : '; now the callers’ patience'
      })`,
      patience: network.transferPatience,
      none: model.customers.patience === null,
      switched,
    }),
    explain: (value) => (value === null && switched.length > 0 ? 'nobody hangs up after a transfer now, so those targets are staffed by Erlang C' : null),
  };
}
