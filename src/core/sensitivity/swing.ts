/**
 * The swing of an input in a tornado chart: how far the quantity charted (the cost difference of two variants, or a
 * variant's total) ranges over the input's low, scenario and high values. A value that is not finite (an unstable or
 * infeasible variant) gives an unbounded swing, so such inputs come first.
 *
 * @example swing(-100, 20, 50) // 150: from −100 to 50
 * @example swing(Infinity, 20, 50) // Infinity
 */
export function swing(atLow: number, atBase: number, atHigh: number): number {
  const values = [atLow, atBase, atHigh];
  if (values.some((value) => !Number.isFinite(value))) return Number.POSITIVE_INFINITY;
  return Math.max(...values) - Math.min(...values);
}

/**
 * Indices of `rows` in tornado order: largest swing first; equal swings keep their given order.
 * @example tornadoOrder([{ swing: 1 }, { swing: 5 }, { swing: Infinity }]) // [2, 1, 0]
 */
export function tornadoOrder(rows: readonly { readonly swing: number }[]): number[] {
  return rows
    .map((row, index) => ({ index, swing: Number.isNaN(row.swing) ? -1 : row.swing }))
    .sort((a, b) => (b.swing === a.swing ? a.index - b.index : b.swing > a.swing ? 1 : -1))
    .map((row) => row.index);
}
