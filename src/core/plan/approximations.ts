import type { ContactCentreModel, Distribution } from '../model/contact-centre-model.js';
import { networkOf } from '../model/network.js';
import { meanOf } from '../queueing/delay-kernel.js';

/**
 * Where the analytic plan of a model approximates the model the simulation runs exactly (SPEC §7: "the plan says
 * where it is an approximation"): one sentence per approximation this model meets, in the order the plan meets them
 * (the queues, the calls that come back, the tasks, the days). Empty when every interval is planned by exact formulas:
 * exponential handle times and patience, no tasks, no redials or repeat contacts, expected demand — as in the
 * published Erlang cases. That each interval is taken as stationary is not listed: `plan` warns where that matters
 * (short days, queues that do not settle). Nor are the metrics it does not estimate (the 90th-percentile wait, time
 * to resolution): they are null in its JSON.
 *
 * @example planApproximations(modelWithLognormalHandleTimes)
 *   // ['handle time is lognormal (mean 240 s): the queue formulas take only its mean; they are exact for exponential ones']
 */
export function planApproximations(model: ContactCentreModel): string[] {
  const network = networkOf(model);
  const named = model.network !== undefined;
  const out: string[] = [];
  const queueing = network.groups.filter((group) => group.maxQueue !== 0);

  // 1. Handle times: Erlang C and A (and the M/M/N/K+M chain) assume exponential ones. A group without waiting places
  //    (maxQueue 0) is Erlang B, whose blocking does not depend on the handle-time distribution beyond its mean.
  for (const group of queueing) {
    if (group.handleTime.kind === 'exponential') continue;
    out.push(
      `${named ? `${group.name}: ` : ''}handle time is ${describe(group.handleTime)}: the queue formulas take only its mean; they are exact for exponential ones`,
    );
  }

  // 2. Patience: Erlang A assumes exponential patience. The first group's callers have customers.patience, the others
  //    the transferred callers' patience (transfers.patience); the plan gives the first group customers.patience for
  //    every call, transfers into it included.
  const first = network.groups[0];
  const patienceOf: { readonly patience: Distribution | null; readonly where: string; readonly groups: boolean }[] = [
    { patience: model.customers.patience, where: 'customers.patience', groups: first !== undefined && first.maxQueue !== 0 },
    { patience: network.transferPatience, where: 'transfers.patience', groups: network.groups.slice(1).some((group) => group.maxQueue !== 0) },
  ];
  for (const { patience, where, groups } of patienceOf) {
    if (!groups || patience === null || patience.kind === 'exponential' || meanOf(patience) === 0) continue;
    if (where === 'transfers.patience' && !named) continue;
    out.push(`${where} is ${describe(patience)}: Erlang A takes only its mean; it is exact for exponential patience`);
  }
  const transfersIntoFirst = network.groups.some((group) => group.outcomes.transfers.some((transfer) => transfer.group === 0));
  if (transfersIntoFirst && first !== undefined && !samePatience(model.customers.patience, network.transferPatience)) {
    out.push(`calls transferred to ${first.name} are planned with customers.patience, not transfers.patience`);
  }

  // 3. Calls that come back: the plan adds redials and repeat contacts to each interval's calls as a steady stream.
  const redials = model.customers.redial.probability > 0 && (model.customers.patience !== null || network.groups.some((group) => group.maxQueue !== null));
  const repeats = model.handling.repeatContact.probability > 0 && (network.groups.some((group) => group.outcomes.unresolved > 0) || network.channels.some((channel) => channel.firstContactResolution < 1));
  if (redials || repeats) {
    const which = redials && repeats ? 'redials and repeat contacts' : redials ? 'redials' : 'repeat contacts';
    out.push(
      `${which} join each interval's calls as a steady stream of their expected number; in the simulation they follow ` +
        'the busy spells that caused them',
    );
  }

  // 4. Tasks: a fluid backlog worked first in, first out with the agent time calls leave.
  network.groups.forEach((group, g) => {
    const callbacks = network.groups.some((from) => from.outcomes.callbacks.some((callback) => callback.group === g));
    const channels = network.channels.filter((channel) => channel.group === g).map((channel) => channel.name);
    if (!callbacks && channels.length === 0) return;
    const work = [...(callbacks ? ['callbacks'] : []), ...channels].join(' and ');
    out.push(
      `${named ? `${group.name}: ` : ''}tasks (${work}) are a fluid backlog worked first in, first out with the agent time calls leave: ` +
        'their delays count the backlog but not the chance of a queue, and no call waits while an agent works a task ' +
        '(in the simulation both happen; its task delays are longer, most of all near closing)',
    );
  });

  // 5. Days: the plan takes each day's expected volume.
  if (model.demand.overdispersionCv > 0) {
    out.push(
      `demand.overdispersionCv is ${model.demand.overdispersionCv}: the plan takes each day's expected volume, while the simulation ` +
        'draws busier and quieter days',
    );
  }
  return out;
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
