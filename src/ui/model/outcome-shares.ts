/**
 * Outcome shares that always sum to 1 (SPEC §7: resolved, each transfer, each callback, unresolved): when a manager
 * sets one, the others keep their proportions and make up the rest. Pure.
 */
import { round } from './knob-kit.js';

/** The precision a share is written with: a millionth (0.0001 %), well inside the scenario's tolerance of 1e-6 on the sum. */
const SHARE_DECIMALS = 6;

/**
 * The shares after share `index` is set to `value` (clamped to 0..1): the others shrink or grow in proportion, so they
 * keep their ratios to each other and everything still sums to 1. When the others are all 0, what is left goes to the
 * share `fallback` (e.g. "unresolved"). Each share is rounded to a millionth, and the largest other one takes up the
 * rounding, so the sum is 1 to within 1e-12.
 *
 * @example rebalancedShares([0.15, 0.75, 0.1], 0, 0.2, 2) // [0.2, 0.705882, 0.094118]
 * @example rebalancedShares([1, 0, 0], 0, 0.9, 2) // [0.9, 0, 0.1]
 */
export function rebalancedShares(shares: readonly number[], index: number, value: number, fallback: number): number[] {
  const own = roundShare(Math.min(1, Math.max(0, value)));
  const rest = 1 - own;
  const others = shares.map((share, i) => (i === index ? 0 : Math.max(0, share)));
  const othersSum = others.reduce((sum, share) => sum + share, 0);
  const next = others.map((share, i) => {
    if (i === index) return own;
    if (othersSum > 0) return roundShare((share * rest) / othersSum);
    return i === fallback ? roundShare(rest) : 0;
  });
  // The largest other share absorbs the rounding.
  let largest = -1;
  next.forEach((share, i) => {
    if (i !== index && (largest < 0 || share > (next[largest] as number))) largest = i;
  });
  if (largest >= 0) {
    const withoutLargest = next.reduce((sum, share, i) => (i === largest ? sum : sum + share), 0);
    next[largest] = Math.max(0, round(1 - withoutLargest, 12));
  }
  return next;
}

function roundShare(share: number): number {
  return round(share, SHARE_DECIMALS);
}
