import seedrandom from 'seedrandom';

/**
 * Shapley values of a cooperative game: how much each of k players contributes to v(all) − v(none), averaged over
 * every order in which the players could join (L. S. Shapley, 1953). Here a player is an input that differs between
 * two variants, and v(S) is a total cost with the inputs in S at the second variant's values and the others at the
 * first's. The parts are order-free and add up to the difference (efficiency); players who change v in the same way
 * get the same part (symmetry); a player who never changes v gets 0 (null player).
 *
 * Coalitions are bit masks: player i is in S when bit i of the mask is set.
 */

/** The most players for which `exactShapley` evaluates every coalition (2^12 = 4096 evaluations). */
export const MAX_EXACT_PLAYERS = 12;

/**
 * Exact Shapley values with 2^k evaluations of v:
 * φ_i = Σ_{S ∌ i} |S|! (k − |S| − 1)! / k! · (v(S ∪ {i}) − v(S)).
 *
 * @param players k, from 0 to 30 (the caller keeps k ≤ MAX_EXACT_PLAYERS for time's sake)
 * @param value v(mask); called once per coalition
 * @returns φ_0 … φ_{k−1}; they sum to v(all) − v(none) up to rounding
 * @example exactShapley(2, (s) => [0, 1, 2, 5][s]) // [2, 3]: (1 + 3) / 2 and (2 + 4) / 2
 */
export function exactShapley(players: number, value: (coalition: number) => number): number[] {
  if (!Number.isInteger(players) || players < 0 || players > 30) throw new RangeError(`players must be an integer from 0 to 30 (got ${players})`);
  const size = 2 ** players;
  const values = new Float64Array(size);
  for (let mask = 0; mask < size; mask++) values[mask] = value(mask);
  // weight[s] = s! (k − s − 1)! / k!, built without factorials: weight[0] = 1/k, weight[s] = weight[s − 1] · s / (k − s).
  const weight = new Float64Array(Math.max(players, 1));
  if (players > 0) weight[0] = 1 / players;
  for (let s = 1; s < players; s++) weight[s] = ((weight[s - 1] as number) * s) / (players - s);
  const parts = new Array<number>(players).fill(0);
  for (let mask = 0; mask < size; mask++) {
    const members = popCount(mask);
    for (let i = 0; i < players; i++) {
      const bit = 1 << i;
      if ((mask & bit) !== 0) continue;
      parts[i] = (parts[i] as number) + (weight[members] as number) * ((values[mask | bit] as number) - (values[mask] as number));
    }
  }
  return parts;
}

export interface SampledShapley {
  /** The estimates; they sum to v(all) − v(none) exactly as in the exact method (each order's steps telescope). */
  readonly parts: number[];
  /** Standard error of each estimate across the sampled orders. */
  readonly standardErrors: number[];
  /** Orders sampled, and distinct coalitions evaluated. */
  readonly permutations: number;
  readonly evaluations: number;
}

/**
 * Shapley values estimated from random orders of the players (Castro, Gómez and Tejada, 2009): each order adds the
 * players one by one and credits each with its marginal change; the parts are the means over the orders. The orders
 * come from a seeded generator, so the same seed gives the same estimate; each coalition is evaluated once.
 *
 * @param options.permutations orders to sample (≥ 1)
 * @param options.seed the generator's seed
 * @example sampledShapley(3, v, { permutations: 200, seed: 1 }).parts
 */
export function sampledShapley(players: number, value: (coalition: number) => number, options: { permutations: number; seed: string | number }): SampledShapley {
  if (!Number.isInteger(players) || players < 0 || players > 30) throw new RangeError(`players must be an integer from 0 to 30 (got ${players})`);
  if (!Number.isInteger(options.permutations) || options.permutations < 1) throw new RangeError(`permutations must be an integer ≥ 1 (got ${options.permutations})`);
  const random = seedrandom(`shapley:${String(options.seed)}`);
  const cache = new Map<number, number>();
  const v = (mask: number): number => {
    let found = cache.get(mask);
    if (found === undefined) {
      found = value(mask);
      cache.set(mask, found);
    }
    return found;
  };
  const sums = new Array<number>(players).fill(0);
  const squares = new Array<number>(players).fill(0);
  const order = Array.from({ length: players }, (_, i) => i);
  for (let p = 0; p < options.permutations; p++) {
    // Fisher–Yates with the seeded generator.
    for (let i = players - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    let mask = 0;
    let before = v(0);
    for (const player of order) {
      mask |= 1 << player;
      const after = v(mask);
      const change = after - before;
      sums[player] = (sums[player] as number) + change;
      squares[player] = (squares[player] as number) + change * change;
      before = after;
    }
  }
  const n = options.permutations;
  const parts = sums.map((sum) => sum / n);
  const standardErrors = squares.map((square, i) => {
    if (n < 2) return Number.NaN;
    const mean = parts[i] as number;
    const variance = Math.max(0, (square - n * mean * mean) / (n - 1));
    return Math.sqrt(variance / n);
  });
  return { parts, standardErrors, permutations: n, evaluations: cache.size };
}

function popCount(mask: number): number {
  let count = 0;
  for (let m = mask; m !== 0; m &= m - 1) count++;
  return count;
}
