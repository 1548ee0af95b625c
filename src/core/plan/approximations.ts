import type { ContactCentreModel, Distribution } from '../model/contact-centre-model.js';
import { networkOf } from '../model/network.js';
import { meanOf } from '../queueing/delay-kernel.js';
import { groupQueue } from './group-setup.js';

/**
 * Where the analytic plan of a model approximates the model the simulation runs exactly (SPEC §7: "the plan says
 * where it is an approximation"): one sentence per approximation this model meets, in the order the plan meets them
 * (the queues, the calls between them, the calls that come back, the tasks, the days). Empty when every interval is
 * planned by exact formulas: Poisson calls into Erlang B, C or A queues (or M/M/N/K+M chains) with exponential handle
 * times and patience, a tandem of Erlang C groups (Burke; Jackson with loops), no redials or repeat contacts, no tasks,
 * expected demand — as in the published cases. That each interval is taken as stationary is not listed: `plan` warns
 * where that matters (short days, queues that do not settle). Nor are the metrics it does not estimate (time to
 * resolution; the 90th-percentile wait where callers wait in a finite queue): they are null in its JSON.
 *
 * The queues are the plan's own (`groupQueue`), so that this list and the plan agree on which groups wait, abandon or
 * block.
 *
 * @example planApproximations(modelWithLognormalHandleTimes)
 *   // ['handle time is lognormal (mean 4 min): the queue formulas take only its mean; they are exact for exponential ones']
 */
export function planApproximations(model: ContactCentreModel): string[] {
  const network = networkOf(model);
  const named = model.network !== undefined;
  const groups = network.groups;
  const setups = groups.map((group, g) => groupQueue(model, group, g));
  const nameOf = (g: number): string => (groups[g] as (typeof groups)[number]).name;
  const prefix = (g: number): string => (named ? `${nameOf(g)}: ` : '');
  const patienceOf = (g: number): Distribution | null => (g === 0 ? model.customers.patience : network.transferPatience);
  const patienceKey = (g: number): string => (g === 0 ? 'customers.patience' : 'transfers.patience');
  /** Calls wait in the group's queue (not Erlang B: no waiting places, or callers who leave at once). */
  const waits = (g: number): boolean => (setups[g] as (typeof setups)[number]).maxQueue !== 0;
  /** Callers give up while waiting (Erlang A or M/M/N/K+M). */
  const abandons = (g: number): boolean => (setups[g] as (typeof setups)[number]).patienceSeconds !== null;
  const out: string[] = [];

  // 1. Handle times: Erlang C and A (and the M/M/N/K+M chain) assume exponential ones. A group without waiting places
  //    (maxQueue 0, or callers who leave at once) is Erlang B, whose blocking depends on the handle time only by its mean.
  groups.forEach((group, g) => {
    if (waits(g) && group.handleTime.kind !== 'exponential') {
      out.push(`${prefix(g)}handle time is ${describe(group.handleTime)}: the queue formulas take only its mean; they are exact for exponential ones`);
    }
  });

  // 2. Patience: Erlang A assumes it exponential; an Erlang C target leaves it out.
  const reported = new Set<string>();
  groups.forEach((group, g) => {
    const patience = patienceOf(g);
    if (patience === null || meanOf(patience) === 0 || !waits(g)) return;
    const method = group.staffing.kind === 'target' ? group.staffing.target.method : null;
    if (method === 'erlang-c') {
      out.push(
        `${prefix(g)}the target's method erlang-c leaves out the callers' patience (${patienceKey(g)}): the plan has nobody abandon there, ` +
          'the simulation has them give up; erlang-a plans with it',
      );
    } else if (abandons(g) && patience.kind !== 'exponential' && !reported.has(patienceKey(g))) {
      reported.add(patienceKey(g));
      out.push(`${patienceKey(g)} is ${describe(patience)}: Erlang A takes only its mean; it is exact for exponential patience`);
    }
  });
  const transfersIntoFirst = groups.some((group) => group.outcomes.transfers.some((transfer) => transfer.group === 0));
  if (transfersIntoFirst && !samePatience(model.customers.patience, network.transferPatience)) {
    out.push(`calls transferred to ${nameOf(0)} are planned with customers.patience, not transfers.patience`);
  }

  // 3. Calls between groups: a group's formulas assume its transferred calls arrive at random (Poisson), which holds
  //    when they come from an Erlang C group (Burke's theorem; Jackson's with loops) fed that way itself. Callers who
  //    abandon, a finite queue or handle times that are not exponential make the stream that leaves a group irregular.
  const irregular = setups.map((setup, g) => setup.patienceSeconds !== null || setup.maxQueue !== null || (groups[g] as (typeof groups)[number]).handleTime.kind !== 'exponential');
  for (let round = 0; round < groups.length; round++) {
    groups.forEach((group, h) => {
      if (irregular[h]) for (const transfer of group.outcomes.transfers) irregular[transfer.group] = true;
    });
  }
  groups.forEach((group, h) => {
    const targets = group.outcomes.transfers.filter((transfer) => transfer.share > 0 && irregular[h]).map((transfer) => nameOf(transfer.group));
    if (targets.length === 0) return;
    out.push(
      `the calls ${nameOf(h)} transfers to ${targets.join(' and ')} are taken to arrive at random; they do not quite, since ` +
        `${nameOf(h)} ${whyIrregular(setups[h] as (typeof setups)[number], group.handleTime.kind !== 'exponential', irregular, groups, h)}`,
    );
  });

  // 4. Calls that come back: the plan adds redials and repeat contacts to each interval's calls as a steady stream.
  const fails = setups.some((setup) => setup.patienceSeconds !== null || setup.maxQueue !== null);
  const redials = model.customers.redial.probability > 0 && fails;
  // A case is left unresolved by an answer, a channel task, or a callback never reached (or one whose outcome would transfer).
  const receivesCallbacks = (g: number): boolean => groups.some((from) => from.outcomes.callbacks.some((callback) => callback.group === g));
  const unresolved =
    groups.some((group) => group.outcomes.unresolved > 0) ||
    network.channels.some((channel) => channel.firstContactResolution < 1) ||
    groups.some((group, g) => receivesCallbacks(g) && (group.tasks.callbackReach.probability < 1 || group.outcomes.transfers.length > 0));
  const repeats = model.handling.repeatContact.probability > 0 && unresolved;
  if (redials || repeats) {
    const which = redials && repeats ? 'redials and repeat contacts' : redials ? 'redials' : 'repeat contacts';
    out.push(`${which} join each interval's calls as a steady stream of their expected number; in the simulation they follow the busy spells that caused them`);
  }

  // 5. Tasks: a fluid backlog worked first in, first out with the agent time calls leave.
  groups.forEach((group, g) => {
    const callbacks = receivesCallbacks(g);
    const channels = network.channels.filter((channel) => channel.group === g).map((channel) => channel.name);
    if (!callbacks && channels.length === 0) return;
    const work = [...(callbacks ? ['callbacks'] : []), ...channels].join(' and ');
    out.push(
      `${prefix(g)}tasks (${work}) are a fluid backlog worked first in, first out with the agent time calls leave: ` +
        'their delays count the backlog but not the chance of a queue, and no call waits while an agent works a task ' +
        '(in the simulation both happen; its task delays are longer, most of all near closing)',
    );
  });

  // 6. Days: the plan takes each day's expected volume.
  if (model.demand.overdispersionCv > 0) {
    out.push(
      `demand.overdispersionCv is ${model.demand.overdispersionCv}: the plan takes each day's expected volume, while the simulation ` +
        'draws busier and quieter days',
    );
  }
  return out;
}

/** Why the calls a group sends on are not a Poisson stream, in words. */
function whyIrregular(
  setup: { readonly patienceSeconds: number | null; readonly maxQueue: number | null },
  nonExponential: boolean,
  irregular: readonly boolean[],
  groups: readonly { readonly name: string; readonly outcomes: { readonly transfers: readonly { readonly group: number }[] } }[],
  h: number,
): string {
  if (setup.patienceSeconds !== null) return 'loses callers who give up';
  if (setup.maxQueue !== null) return 'turns calls away when full';
  if (nonExponential) return 'has handle times that are not exponential';
  const from = groups.findIndex((group, g) => irregular[g] && group.outcomes.transfers.some((transfer) => transfer.group === h));
  return `gets such calls from ${(groups[from] as { name: string } | undefined)?.name ?? 'another group'}`;
}

/** A distribution in a few words, with its mean. @example describe({ kind: 'fixed', seconds: 60 }) // 'fixed (mean 60 s)' */
function describe(distribution: Distribution): string {
  const mean = meanOf(distribution);
  const text = mean >= 120 ? `${Number((mean / 60).toFixed(1))} min` : `${Number(mean.toFixed(1))} s`;
  return `${distribution.kind} (mean ${text})`;
}

function samePatience(a: Distribution | null, b: Distribution | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
