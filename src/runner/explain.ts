/**
 * What drives the difference between two variants: their analytic total-cost difference split into the contributions
 * of the inputs that differ between them, by Shapley values (`core/sensitivity/shapley.ts`) over the players of
 * `explainPlayers` — exactly, with 2^k plans (fewer: a coalition that only changes prices is repriced, and equal
 * models are planned once) up to k = 12 players, and above that estimated from sampled orders with a fixed seed. The
 * parts add up to the difference.
 */
import { InputError } from '../core/errors.js';
import type { Explanation } from '../core/sensitivity/explanation.js';
import { exactShapley, MAX_EXACT_PLAYERS, sampledShapley } from '../core/sensitivity/shapley.js';
import { coalitionDocument, explainPlayers, mergedVariantDocument } from '../scenario/explain-players.js';
import { loadScenarioDocument, type LoadedScenario } from '../scenario/load.js';
import { AnalyticTotals } from './analytic-totals.js';

/** Orders sampled above MAX_EXACT_PLAYERS players, and their seed. */
export const SAMPLED_PERMUTATIONS = 200;
export const SAMPLING_SEED = 20261127;

class NotFinite extends Error {}

/**
 * Explains `second`'s difference from `first` (both named variants of their scenarios).
 * @example explainDifference({ scenario, variant: 'switchboard' }, { scenario, variant: 'world-class' }).parts
 */
export function explainDifference(first: { scenario: LoadedScenario; variant: string }, second: { scenario: LoadedScenario; variant: string }): Explanation {
  const firstDocument = mergedVariantDocument(first.scenario, first.variant);
  const secondDocument = mergedVariantDocument(second.scenario, second.variant);
  const players = explainPlayers(firstDocument, secondDocument);
  const base = { variant: second.variant, against: first.variant };
  if (first.scenario.currency !== second.scenario.currency) {
    return { ...base, parts: [], total: Number.NaN, method: 'none', evaluations: 0, plans: 0, problem: `the two use different currencies (${first.scenario.currency}, ${second.scenario.currency})` };
  }
  const modelOf = (coalition: number): LoadedScenario['variants'][number]['model'] => {
    const loaded = loadScenarioDocument(coalitionDocument(firstDocument, players, coalition));
    return (loaded.variants[0] as LoadedScenario['variants'][number]).model;
  };
  let totals: AnalyticTotals;
  try {
    totals = new AnalyticTotals(modelOf(0));
  } catch (error) {
    if (error instanceof InputError) return { ...base, parts: [], total: Number.NaN, method: 'none', evaluations: 0, plans: 0, problem: error.message };
    throw error;
  }
  const evaluated = new Set<number>();
  const value = (coalition: number): number => {
    evaluated.add(coalition);
    let model;
    try {
      model = modelOf(coalition);
    } catch (error) {
      if (error instanceof InputError) throw new NotFinite(`combining ${describe(coalition)} gives an invalid scenario: ${error.issues[0]?.message ?? error.message}`);
      throw error;
    }
    const result = totals.total(model);
    if (result.status !== 'ok') throw new NotFinite(`with ${describe(coalition)} switched, the variant is ${result.status === 'unstable' ? 'unstable (an overloaded queue without patience: unbounded cost)' : 'infeasible (no staffing meets its target)'}`);
    return result.totalCost;
  };
  const describe = (coalition: number): string => {
    const names = players.filter((_, i) => (coalition & (1 << i)) !== 0).map((player) => player.label);
    return names.length === 0 ? `none of the inputs of ${second.variant}` : `${names.join(', ')} of ${second.variant}`;
  };
  const all = players.length === 0 ? 0 : 2 ** players.length - 1;
  try {
    const total = value(all) - value(0);
    if (players.length <= MAX_EXACT_PLAYERS) {
      const parts = exactShapley(players.length, value);
      return {
        ...base,
        parts: players.map((player, i) => ({ path: player.path, label: player.label, contribution: parts[i] as number })),
        total,
        method: 'exact',
        evaluations: evaluated.size,
        plans: totals.plans,
      };
    }
    const sampled = sampledShapley(players.length, value, { permutations: SAMPLED_PERMUTATIONS, seed: SAMPLING_SEED });
    return {
      ...base,
      parts: players.map((player, i) => ({ path: player.path, label: player.label, contribution: sampled.parts[i] as number, standardError: sampled.standardErrors[i] as number })),
      total,
      method: 'sampled',
      evaluations: evaluated.size,
      plans: totals.plans,
    };
  } catch (error) {
    if (error instanceof NotFinite) return { ...base, parts: [], total: Number.NaN, method: 'none', evaluations: evaluated.size, plans: totals.plans, problem: error.message };
    throw error;
  }
}
