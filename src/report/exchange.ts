/**
 * One currency per comparison (`compare --exchange SEK=1,USD=10.5`): money of other currencies converted into the
 * first scenario's. Pure.
 */
import { COST_LINE_NAMES, type GroupMetricName, type MetricName } from '../core/metrics.js';
import type { Budget } from './budget.js';
import type { ExchangeNote, VariantResult } from './report.js';

/** The metrics that are money (converted); the rest are counts, shares, times and hours. */
export const MONEY_METRICS: readonly MetricName[] = [...COST_LINE_NAMES, 'totalCost', 'costPerResolvedCase'];
export const GROUP_MONEY_METRICS: readonly GroupMetricName[] = ['staffCost', 'overtimeCost'];

/**
 * The rates of `--exchange`: `CODE=value` pairs, comma separated; each value is what one unit of that currency is worth
 * in a common unit (any: only ratios matter). Returns the problem in words instead when the text is malformed.
 * @example parseExchange('SEK=1,USD=10.5') // Map { 'SEK' => 1, 'USD' => 10.5 }
 */
export function parseExchange(text: string): Map<string, number> | string {
  const rates = new Map<string, number>();
  for (const part of text.split(',')) {
    const match = /^\s*([^=\s]+)\s*=\s*([^\s]+)\s*$/.exec(part);
    const value = match === null ? Number.NaN : Number(match[2]);
    if (match === null || !Number.isFinite(value) || value <= 0 || !/^\d*\.?\d+(?:[eE][+-]?\d+)?$/.test(match[2] as string)) {
      return `expected CURRENCY=RATE pairs with rates > 0, comma separated, such as SEK=1,USD=10.5 (got "${part.trim()}")`;
    }
    const code = match[1] as string;
    if (rates.has(code)) return `${code} is given twice`;
    rates.set(code, value);
  }
  return rates;
}

/**
 * The factor that turns money of `currency` into `into`, and the note that says so; each must be in `rates`.
 * @example exchangeNote('SEK', ['USD'], new Map([['SEK', 1], ['USD', 10.5]])).text // '1 USD = 10.5 SEK (--exchange)'
 */
export function exchangeNote(into: string, others: readonly string[], rates: ReadonlyMap<string, number>): ExchangeNote {
  const base = rates.get(into) as number;
  const converted: Record<string, number> = {};
  for (const currency of others) if (currency !== into) converted[currency] = (rates.get(currency) as number) / base;
  const text = Object.entries(converted)
    .map(([currency, factor]) => `1 ${currency} = ${Number(factor.toPrecision(6))} ${into}`)
    .join(', ');
  return { into, rates: converted, text: `${text === '' ? `all money in ${into}` : text} (--exchange)` };
}

/**
 * A record (of a replication, an interval, a group) with its money multiplied by `factor`; other fields as they are.
 * @example convertMoney({ totalCost: 10, cases: 3 }, 10.5, MONEY_METRICS) // { totalCost: 105, cases: 3 }
 */
export function convertMoney<R extends object>(record: R, factor: number, names: readonly string[]): R {
  if (factor === 1) return record;
  const out = { ...record } as Record<string, unknown>;
  for (const name of names) {
    const value = out[name];
    if (typeof value === 'number') out[name] = value * factor;
    else if (value !== null && typeof value === 'object' && 'mean' in value) {
      const estimate = value as { mean: number; ci95: number };
      out[name] = { mean: estimate.mean * factor, ci95: estimate.ci95 * factor };
    }
  }
  return out as R;
}

/** One replication with its money converted. */
export function convertReplication<R extends ReplicationLike>(run: R, factor: number): R {
  if (factor === 1) return run;
  return {
    ...run,
    ...(run.totals === undefined ? {} : { totals: convertMoney(run.totals, factor, MONEY_METRICS) }),
    intervals: run.intervals.map((record) => convertMoney(record, factor, MONEY_METRICS)),
    ...(run.groups === undefined
      ? {}
      : {
          groups: run.groups.map((group) => ({
            ...group,
            ...(group.totals === undefined ? {} : { totals: convertMoney(group.totals, factor, GROUP_MONEY_METRICS) }),
            intervals: group.intervals.map((record) => convertMoney(record, factor, GROUP_MONEY_METRICS)),
          })),
        }),
  };
}

/** What a replication (or an analytic plan's records) looks like to `convertReplication`. */
export interface ReplicationLike {
  readonly totals?: object;
  readonly intervals: readonly object[];
  readonly groups?: readonly { readonly totals?: object; readonly intervals: readonly object[] }[];
}

/** A variant's result with its money (totals, intervals, groups, annualised totals) converted into `currency`. */
export function convertVariant(variant: VariantResult, factor: number, currency: string): VariantResult {
  const budget = (b: Budget | undefined, names: readonly string[]): { budget?: Budget } =>
    b === undefined ? {} : { budget: b.annualised === undefined ? b : { ...b, annualised: { ...b.annualised, totals: convertMoney(b.annualised.totals, factor, names) } } };
  return {
    ...variant,
    currency,
    totals: convertMoney(variant.totals, factor, MONEY_METRICS),
    ...budget(variant.budget, MONEY_METRICS),
    intervals: variant.intervals.map((interval) => convertMoney(interval, factor, MONEY_METRICS)),
    ...(variant.groups === undefined
      ? {}
      : {
          groups: variant.groups.map((group) => ({
            ...group,
            totals: convertMoney(group.totals, factor, GROUP_MONEY_METRICS),
            ...budget(group.budget, GROUP_MONEY_METRICS),
            intervals: group.intervals.map((interval) => convertMoney(interval, factor, GROUP_MONEY_METRICS)),
          })),
        }),
  };
}
