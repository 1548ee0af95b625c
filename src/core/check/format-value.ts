/**
 * Numbers in check messages. Values are shown in the units of the scenario file's bounds (shares as 0..1, seconds,
 * money), so that a message reads against the `expect:` line it comes from; no percentages, no separators.
 */

/**
 * A value with `significantDigits` significant digits (trailing zeros dropped), whole numbers from 10,000 up, and
 * `undefined` for NaN (a metric without a denominator, e.g. no attempts).
 * @example formatValue(0.928118626) // '0.9281'
 * @example formatValue(171799.29) // '171799'
 * @example formatValue(0.0065214, 2) // '0.0065'
 */
export function formatValue(value: number, significantDigits = 4): string {
  if (Number.isNaN(value)) return 'undefined';
  if (value === Number.POSITIVE_INFINITY) return '∞';
  if (value === Number.NEGATIVE_INFINITY) return '−∞';
  if (Math.abs(value) >= 10_000) return String(Math.round(value));
  if (value === 0) return '0';
  return String(Number(value.toPrecision(significantDigits)));
}

/**
 * A mean with the half-width of its 95% interval, `0.9281 ± 0.0065`; the half-width is left out when it is 0 and
 * `exact` (one replication, or a metric that does not vary).
 * @example formatEstimate({ mean: 0.928118, ci95: 0.006521 }) // '0.9281 ± 0.0065'
 */
export function formatEstimate(estimate: { readonly mean: number; readonly ci95: number }): string {
  if (Number.isNaN(estimate.mean)) return 'undefined';
  if (!(estimate.ci95 > 0)) return formatValue(estimate.mean);
  return `${formatValue(estimate.mean)} ± ${formatValue(estimate.ci95, 2)}`;
}

/**
 * A signed relative change as a percentage with one decimal (`+4.2%`, `−12.0%`), `new` when the old value was 0.
 * @example formatRelativeChange(-0.0841) // '−8.4%'
 */
export function formatRelativeChange(relativeChange: number): string {
  if (Number.isNaN(relativeChange)) return '–';
  if (!Number.isFinite(relativeChange)) return 'from 0';
  const percent = (relativeChange * 100).toFixed(1);
  return relativeChange < 0 ? `−${percent.slice(1)}%` : `+${percent}%`;
}
