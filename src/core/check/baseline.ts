/**
 * Baselines: the simulated metrics of a scenario stored as JSON, and the comparison of a new run with them.
 *
 * File format (one file per scenario file, `format: "staffsim-baseline/1"`):
 *
 * ```json
 * {
 *   "format": "staffsim-baseline/1",
 *   "scenario": "Municipal contact centre",
 *   "file": "municipal-contact-centre.yaml",
 *   "staffsimVersion": "0.1.0",
 *   "variants": {
 *     "world-class": {
 *       "replications": 20,
 *       "seed": 20261127,
 *       "totals": { "serviceLevel": { "mean": 0.9281, "ci95": 0.0065 }, "…": {} }
 *     }
 *   }
 * }
 * ```
 *
 * Seed and replications are kept per variant because a variant may change its `simulation` section. `totals` holds
 * every metric of SPEC §4 for the whole run; a metric without a value (no denominator) is `{ "mean": null, "ci95": null }`.
 *
 * The comparison rule, per variant and metric: a change fails when it is
 * 1. **statistically significant**: Welch's two-sample t-test on the two means. Each side's standard deviation is
 *    recovered from its 95% half-width (s = ci95 · √n / t(0.975, n − 1)), and each side is given the larger of the
 *    two standard deviations — a few replications (`--quick`) of a skewed metric often miss its tail and understate
 *    the spread, which would make noise look significant. Degrees of freedom by Welch–Satterthwaite. The 5% level is
 *    shared (Bonferroni) among all the metrics compared for the scenario file (variants × metrics, ≈ 29 per variant),
 *    so that re-drawn noise — another seed, or an engine change that draws its random numbers in another order —
 *    fails a file at most 5% of the time. With one replication on either side there is no noise estimate and every
 *    difference counts as significant; and
 * 2. **larger than the tolerance**: |new − old| > tolerance · |old| (relative; any change from an old value of 0).
 * A metric that becomes undefined, or defined, is a change. Metrics missing from the baseline (an older staffsim) are
 * listed, not compared. With the same seed and an unchanged model, the numbers are identical and nothing is flagged.
 */
import { ALL_METRIC_NAMES, isMetricName, type MetricEstimate, type MetricName } from '../metrics.js';
import { PROTOTYPE_KEYS, prototypeKeyPaths, withoutPrototypeKeys } from '../prototype-keys.js';
import { studentTQuantile, studentTUpperTail } from '../sim/student-t.js';

export const BASELINE_FORMAT = 'staffsim-baseline/1';

/** The family-wise significance level of the comparison of one variant with its baseline. */
export const BASELINE_SIGNIFICANCE = 0.05;

/** The relative change a metric may make without failing, by default (2%). */
export const DEFAULT_TOLERANCE = 0.02;

/** One variant's run as a baseline stores it. */
export interface BaselineVariant {
  readonly replications: number;
  readonly seed: number;
  /** NaN for a metric without a value (null in the file). */
  readonly totals: Partial<Record<MetricName, MetricEstimate>>;
}

export interface Baseline {
  readonly format: typeof BASELINE_FORMAT;
  /** The scenario's `name`. */
  readonly scenario: string;
  /** The scenario file, relative to the folder or file it was found under. */
  readonly file: string;
  readonly staffsimVersion: string;
  /** In the scenario's variant order. */
  readonly variants: Readonly<Record<string, BaselineVariant>>;
}

/** One simulated variant, as the check has it. */
export interface SimulatedTotals {
  readonly name: string;
  readonly replications: number;
  readonly seed: number;
  readonly totals: Readonly<Record<MetricName, MetricEstimate>>;
}

/**
 * A baseline of simulated variants (every metric of SPEC §4, in that order).
 * @example buildBaseline({ scenario: 'A', file: 'a.yaml', staffsimVersion: '0.1.0', variants: [run] }).variants.base.replications // 20
 */
export function buildBaseline(options: {
  readonly scenario: string;
  readonly file: string;
  readonly staffsimVersion: string;
  readonly variants: readonly SimulatedTotals[];
}): Baseline {
  const variants: Record<string, BaselineVariant> = {};
  for (const variant of options.variants) {
    const totals: Partial<Record<MetricName, MetricEstimate>> = {};
    // The metrics the run reports: those of SPEC §4, and of §7 for a scenario with agent groups.
    for (const metric of ALL_METRIC_NAMES) {
      const estimate = variant.totals[metric];
      if (estimate === undefined) continue;
      totals[metric] = { mean: estimate.mean, ci95: estimate.ci95 };
    }
    variants[variant.name] = { replications: variant.replications, seed: variant.seed, totals };
  }
  return { format: BASELINE_FORMAT, scenario: options.scenario, file: options.file, staffsimVersion: options.staffsimVersion, variants };
}

export interface BaselineIssue {
  /** Dotted path into the baseline document; empty for the whole document. */
  readonly path: string;
  /** The same path as keys, to locate it in the file. */
  readonly at: readonly string[];
  readonly code: string;
  readonly message: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return JSON.stringify(value) ?? typeof value;
}

/**
 * Validates a parsed baseline document. Metric names this staffsim does not know are ignored (a baseline of another
 * version); everything else must have the shape written by `buildBaseline`.
 * @returns the baseline, or every problem with its path
 */
export function parseBaseline(input: unknown): { ok: true; baseline: Baseline } | { ok: false; issues: BaselineIssue[] } {
  const issues: BaselineIssue[] = [];
  const report = (at: readonly string[], code: string, message: string): void => {
    issues.push({ path: at.join('.'), at, code, message });
  };
  if (!isRecord(input)) return { ok: false, issues: [{ path: '', at: [], code: 'invalid_type', message: `expected a staffsim baseline (a JSON object; got ${describe(input)})` }] };
  // Reserved keys are reported and left out, so that no variant or metric name is ever assigned as `__proto__`.
  for (const at of prototypeKeyPaths(input)) {
    report(at.map(String), 'unknown_key', `unknown key "${String(at[at.length - 1])}" (${PROTOTYPE_KEYS.join(', ')} are reserved and never keys of a baseline)`);
  }
  const document = withoutPrototypeKeys(input);
  if (document['format'] !== BASELINE_FORMAT) {
    report(['format'], 'unknown_format', `expected "${BASELINE_FORMAT}" (got ${describe(document['format'])}); rewrite the baseline with --update-baseline`);
  }
  const text = (key: string): string => {
    const value = document[key];
    if (typeof value === 'string') return value;
    report([key], 'invalid_type', `expected a text (got ${describe(value)})`);
    return '';
  };
  const scenario = text('scenario');
  const file = text('file');
  const staffsimVersion = text('staffsimVersion');
  const variants: Record<string, BaselineVariant> = {};
  const rawVariants = document['variants'];
  if (!isRecord(rawVariants)) {
    report(['variants'], 'invalid_type', `expected a mapping from variant name to its metrics (got ${describe(rawVariants)})`);
  } else {
    for (const [name, raw] of Object.entries(rawVariants)) {
      const at = ['variants', name];
      if (!isRecord(raw)) {
        report(at, 'invalid_type', `expected { replications, seed, totals } (got ${describe(raw)})`);
        continue;
      }
      const replications = raw['replications'];
      if (typeof replications !== 'number' || !Number.isInteger(replications) || replications < 1) {
        report([...at, 'replications'], 'invalid_type', `expected an integer ≥ 1 (got ${describe(replications)})`);
      }
      const seed = raw['seed'];
      if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0) {
        report([...at, 'seed'], 'invalid_type', `expected an integer ≥ 0 (got ${describe(seed)})`);
      }
      const rawTotals = raw['totals'];
      const totals: Partial<Record<MetricName, MetricEstimate>> = {};
      if (!isRecord(rawTotals)) {
        report([...at, 'totals'], 'invalid_type', `expected a mapping from metric name to { mean, ci95 } (got ${describe(rawTotals)})`);
      } else {
        for (const [metric, estimate] of Object.entries(rawTotals)) {
          if (!isMetricName(metric)) continue;
          const mean = isRecord(estimate) ? estimate['mean'] : undefined;
          const ci95 = isRecord(estimate) ? estimate['ci95'] : undefined;
          const meanOk = mean === null || (typeof mean === 'number' && Number.isFinite(mean));
          const ciOk = ci95 === null || (typeof ci95 === 'number' && Number.isFinite(ci95) && ci95 >= 0);
          if (!meanOk || !ciOk) {
            report([...at, 'totals', metric], 'invalid_type', `expected { "mean": number or null, "ci95": number ≥ 0 or null } (got ${JSON.stringify(estimate)})`);
            continue;
          }
          totals[metric] = { mean: mean ?? Number.NaN, ci95: ci95 ?? Number.NaN };
        }
      }
      variants[name] = { replications: typeof replications === 'number' ? replications : 1, seed: typeof seed === 'number' ? seed : 0, totals };
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, baseline: { format: BASELINE_FORMAT, scenario, file, staffsimVersion, variants } };
}

/** A metric of the new run against its baseline. */
export interface MetricComparison {
  readonly metric: MetricName;
  readonly baseline: MetricEstimate & { readonly replications: number };
  readonly current: MetricEstimate & { readonly replications: number };
  /** new − old (NaN when either is undefined). */
  readonly difference: number;
  /** (new − old) / |old|; ±Infinity from an old value of 0, 0 when both are 0, NaN when either is undefined. */
  readonly relativeChange: number;
  /** Two-sided p-value of the test; null without a noise estimate (one replication) or when a value is undefined. */
  readonly pValue: number | null;
  /** The level this metric was tested at: 5% shared among the metrics compared for the scenario file. */
  readonly alpha: number;
  readonly significant: boolean;
  readonly beyondTolerance: boolean;
  /** Significant and beyond the tolerance: the check fails. */
  readonly changed: boolean;
}

export interface VariantComparison {
  readonly variant: string;
  readonly tolerance: number;
  /** Every metric present on both sides, in the order of SPEC §4. */
  readonly metrics: readonly MetricComparison[];
  /** The metrics that changed (significant and beyond the tolerance). */
  readonly changed: readonly MetricComparison[];
  /** Metrics of this staffsim that the baseline does not have. */
  readonly missingMetrics: readonly MetricName[];
  readonly passed: boolean;
}

/** A variant of the new run: compared, or without a baseline (`reason` says why and what to do). */
export type BaselineVariantOutcome =
  | { readonly variant: string; readonly status: 'compared'; readonly comparison: VariantComparison }
  | { readonly variant: string; readonly status: 'missing'; readonly reason: string };

export interface ScenarioComparison {
  /** In the order of the new run's variants. */
  readonly variants: readonly BaselineVariantOutcome[];
  /** Variants in the baseline that the new run does not have. */
  readonly unmatchedVariants: readonly string[];
}

interface Side {
  readonly mean: number;
  readonly ci95: number;
  readonly replications: number;
}

const quantileCache = new Map<number, number>();

/** t(0.975, n − 1), the factor between a standard error and a 95% half-width over n replications. */
function halfWidthFactor(replications: number): number {
  let value = quantileCache.get(replications);
  if (value === undefined) {
    value = studentTQuantile(0.975, replications - 1);
    quantileCache.set(replications, value);
  }
  return value;
}

/**
 * The two-sided p-value for the difference of two means, each given as mean ± 95% half-width over n replications:
 * Welch's t-test, with each side given the larger of the two standard deviations (see the module comment). Null when
 * either side has a single replication (no noise estimate); 0 or 1 when neither side varies.
 * @example welchPValue({ mean: 1, ci95: 0.1, replications: 20 }, { mean: 1, ci95: 0.1, replications: 20 }) // 1
 */
export function welchPValue(a: Side, b: Side): number | null {
  if (a.replications < 2 || b.replications < 2) return null;
  const sdA = (a.ci95 * Math.sqrt(a.replications)) / halfWidthFactor(a.replications);
  const sdB = (b.ci95 * Math.sqrt(b.replications)) / halfWidthFactor(b.replications);
  const sd = Math.max(sdA, sdB);
  const varA = (sd * sd) / a.replications;
  const varB = (sd * sd) / b.replications;
  const variance = varA + varB;
  const difference = Math.abs(b.mean - a.mean);
  if (!(variance > 0)) return difference === 0 ? 1 : 0;
  const degreesOfFreedom = (variance * variance) / ((varA * varA) / (a.replications - 1) + (varB * varB) / (b.replications - 1));
  return Math.min(1, 2 * studentTUpperTail(difference / Math.sqrt(variance), degreesOfFreedom));
}

function compareMetric(metric: MetricName, old: Side, now: Side, alpha: number, tolerance: number): MetricComparison {
  const base = { metric, alpha, baseline: old, current: now };
  const oldDefined = !Number.isNaN(old.mean);
  const newDefined = !Number.isNaN(now.mean);
  if (!oldDefined || !newDefined) {
    const changed = oldDefined !== newDefined;
    return { ...base, difference: Number.NaN, relativeChange: Number.NaN, pValue: null, significant: changed, beyondTolerance: changed, changed };
  }
  const difference = now.mean - old.mean;
  const relativeChange = difference === 0 ? 0 : old.mean === 0 ? Math.sign(difference) * Infinity : difference / Math.abs(old.mean);
  const pValue = welchPValue(old, now);
  const significant = pValue === null ? difference !== 0 : pValue < alpha;
  const beyondTolerance = Math.abs(difference) > tolerance * Math.abs(old.mean);
  return { ...base, difference, relativeChange, pValue, significant, beyondTolerance, changed: significant && beyondTolerance };
}

/** The metrics of a variant that both sides have, and those the baseline lacks. */
function metricsOf(current: SimulatedTotals, stored: BaselineVariant): { present: MetricName[]; tested: number; missing: MetricName[] } {
  const reported = ALL_METRIC_NAMES.filter((metric) => current.totals[metric] !== undefined);
  const present = reported.filter((metric) => stored.totals[metric] !== undefined);
  const tested = present.filter((metric) => Number.isFinite((current.totals[metric] as MetricEstimate).mean) && Number.isFinite((stored.totals[metric] as MetricEstimate).mean)).length;
  return { present, tested, missing: reported.filter((metric) => stored.totals[metric] === undefined) };
}

/**
 * Compares the variants of a new run of a scenario file with its baseline (the rule is in this module's comment).
 * A variant the baseline lacks, or whose stored totals hold no metric at all (`"totals": {}`), is not compared: it is
 * `missing`, which `check` reports, and fails with `--require-baseline`. It never passes by comparing nothing.
 * @param options.tolerance relative change allowed, ≥ 0 (default 0.02)
 * @param options.file the baseline file, for the reasons (default "the baseline")
 * @example compareWithBaseline([run], baseline).variants[0].status // 'compared'
 */
export function compareWithBaseline(
  current: readonly SimulatedTotals[],
  baseline: Pick<Baseline, 'variants'>,
  options: { readonly tolerance?: number; readonly file?: string } = {},
): ScenarioComparison {
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  const file = options.file ?? 'the baseline';
  const pairs = current.map((variant) => ({ variant, stored: Object.hasOwn(baseline.variants, variant.name) ? baseline.variants[variant.name] : undefined }));
  const family = pairs.reduce((sum, { variant, stored }) => sum + (stored === undefined ? 0 : metricsOf(variant, stored).tested), 0);
  const alpha = BASELINE_SIGNIFICANCE / Math.max(1, family);
  const variants = pairs.map(({ variant, stored }): BaselineVariantOutcome => {
    if (stored === undefined) return { variant: variant.name, status: 'missing', reason: `no variant "${variant.name}" in ${file} (create it with --update-baseline)` };
    const { present, missing } = metricsOf(variant, stored);
    if (present.length === 0) {
      return { variant: variant.name, status: 'missing', reason: `the baseline of "${variant.name}" in ${file} holds no metric (empty totals); rewrite it with --update-baseline` };
    }
    const metrics = present.map((metric) =>
      compareMetric(
        metric,
        { ...(stored.totals[metric] as MetricEstimate), replications: stored.replications },
        { ...variant.totals[metric], replications: variant.replications },
        alpha,
        tolerance,
      ),
    );
    const changed = metrics.filter((comparison) => comparison.changed);
    return { variant: variant.name, status: 'compared', comparison: { variant: variant.name, tolerance, metrics, changed, missingMetrics: missing, passed: changed.length === 0 } };
  });
  const names = new Set(current.map((variant) => variant.name));
  return { variants, unmatchedVariants: Object.keys(baseline.variants).filter((name) => !names.has(name)) };
}
