/**
 * The result of `staffsim check` as data: per scenario file its simulated variants, assertion results, baseline
 * comparisons and errors; and its flattening into test cases (one per assertion, one per variant compared with a
 * baseline, one per error) that the table, the JUnit report and the CI annotations all show.
 */
import { formatInputIssue, type InputIssue } from '../errors.js';
import { describeBound, type AssertionResult } from './assertions.js';
import type { BaselineVariantOutcome, VariantComparison } from './baseline.js';
import { formatEstimate, formatRelativeChange, formatValue } from './format-value.js';

export interface VariantRun {
  readonly name: string;
  readonly replications: number;
  readonly seed: number;
  /** Wall-clock seconds its simulation took. */
  readonly seconds: number;
}

/** A problem that kept (part of) a scenario from being checked. */
export interface CheckError {
  /** `input`: the file or its baseline is bad (exit 2); `infeasible`: a staffing target cannot be met (exit 3). */
  readonly kind: 'input' | 'infeasible';
  /** The variant it concerns, or null for the whole file. */
  readonly variant: string | null;
  readonly issue: InputIssue;
}

export type ScenarioBaseline =
  | {
      readonly mode: 'compare';
      /** The baseline file for this scenario. */
      readonly file: string;
      readonly variants: readonly BaselineVariantOutcome[];
      /** Variants in the baseline that the scenario no longer has. */
      readonly unmatchedVariants: readonly string[];
    }
  | { readonly mode: 'update'; readonly file: string; /** false when the file already held exactly this. */ readonly written: boolean };

export interface ScenarioCheck {
  /** The scenario file (or the path given, when nothing could be read from it). */
  readonly file: string;
  /** The scenario's `name`; null when it could not be loaded. */
  readonly name: string | null;
  /** Wall-clock seconds from loading to the last simulation of this file. */
  readonly seconds: number;
  readonly variants: readonly VariantRun[];
  readonly assertions: readonly AssertionResult[];
  /** Null without `--baseline`. */
  readonly baseline: ScenarioBaseline | null;
  readonly errors: readonly CheckError[];
}

export interface CheckRun {
  readonly staffsimVersion: string;
  /** ISO 8601, UTC, whole seconds: when the check started. */
  readonly timestamp: string;
  readonly seconds: number;
  /** `--quick`: at most `quickReplications` replications per variant. */
  readonly quick: boolean;
  readonly quickReplications: number;
  /** `--seed`, when it overrides the scenarios' seeds. */
  readonly seed: number | null;
  readonly tolerance: number;
  readonly baselineDir: string | null;
  readonly requireBaseline: boolean;
  /**
   * `--set` values, as written (`staffing.agents=12`), set in every variant of every scenario: the run checked changed
   * scenarios, not the files as they are. Empty or absent for an unchanged run.
   */
  readonly overrides?: readonly string[];
  readonly scenarios: readonly ScenarioCheck[];
}

export type CaseStatus = 'passed' | 'failed' | 'skipped' | 'error';

/** One test case. */
export interface CheckCase {
  readonly kind: 'assertion' | 'baseline' | 'error';
  /** Unique within its scenario file: `world-class: serviceLevel ≥ 0.78`. */
  readonly name: string;
  readonly variant: string | null;
  /** For tables: what is checked (`serviceLevel`, `abandonedShare ("*")`, `baseline`, `load`), the value found and the bound. */
  readonly check: string;
  readonly value: string;
  readonly bound: string;
  /** The file the case points at when it is not the scenario file (a broken baseline). */
  readonly file?: string;
  readonly status: CaseStatus;
  /** Failure or error type: `AssertionFailed`, `BaselineChanged`, `BaselineMissing`, `InputError`, `Infeasible`. */
  readonly type: string;
  /** One line. */
  readonly message: string;
  /** Several lines: the numbers behind the message. */
  readonly detail: string;
  /** Where in the scenario file (1-based), when known. */
  readonly line?: number;
  readonly column?: number;
  /** The variant's simulation time shared equally among the variant's test cases; 0 for errors. */
  readonly seconds: number;
}

export interface CheckCounts {
  readonly scenarios: number;
  readonly variants: number;
  readonly tests: number;
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly errors: number;
}

/** `expect.world-class.serviceLevel`, `expect["*"].abandonedShare`. */
function expectPath(variant: string, metric: string): string {
  return /^[A-Za-z0-9_-]+$/.test(variant) ? `expect.${variant}.${metric}` : `expect[${JSON.stringify(variant)}].${metric}`;
}

function assertionCase(scenario: ScenarioCheck, result: AssertionResult, seconds: number): CheckCase {
  const { assertion, value } = result;
  const run = scenario.variants.find((variant) => variant.name === assertion.variant);
  const where = `${scenario.file}${assertion.line === undefined ? '' : `:${assertion.line}${assertion.column === undefined ? '' : `:${assertion.column}`}`}`;
  const interval = value.ci95 > 0 ? `, 95% interval ${formatValue(value.mean - value.ci95)} … ${formatValue(value.mean + value.ci95)}` : '';
  const detail = [
    `assertion: ${expectPath(assertion.fromWildcard ? '*' : assertion.variant, assertion.metric)} (${where})`,
    `variant: ${assertion.variant}${run === undefined ? '' : ` (${run.replications} replication${run.replications === 1 ? '' : 's'}, seed ${run.seed})`}`,
    `value: ${assertion.metric} mean ${formatValue(value.mean)}${interval}`,
    `bound: ${describeBound(assertion)}, on ${assertion.confidence === 'strict' ? 'the whole 95% interval (confidence: strict)' : 'the mean'}`,
  ].join('\n');
  return {
    kind: 'assertion',
    name: `${assertion.variant}: ${assertion.metric} ${describeBound(assertion)}${assertion.fromWildcard ? ' (from "*")' : ''}`,
    variant: assertion.variant,
    check: `${assertion.metric}${assertion.fromWildcard ? ' ("*")' : ''}`,
    value: formatEstimate(value),
    bound: describeBound(assertion),
    status: result.passed ? 'passed' : 'failed',
    type: 'AssertionFailed',
    message: result.message,
    detail,
    ...(assertion.line === undefined ? {} : { line: assertion.line }),
    ...(assertion.column === undefined ? {} : { column: assertion.column }),
    seconds,
  };
}

/** One changed metric in words: `serviceLevel 0.9281 ± 0.0065 → 0.8412 ± 0.011 (−9.4%, p = 2e-12)`. */
export function describeChange(change: VariantComparison['metrics'][number]): string {
  const p = change.pValue === null ? 'one replication: no noise estimate' : `p = ${formatValue(change.pValue, 2)}`;
  const relative = Number.isNaN(change.relativeChange) ? 'defined ↔ undefined' : formatRelativeChange(change.relativeChange);
  return `${change.metric} ${formatEstimate(change.baseline)} → ${formatEstimate(change.current)} (${relative}, ${p})`;
}

function baselineCase(scenario: ScenarioCheck, baselineFile: string, outcome: BaselineVariantOutcome, requireBaseline: boolean, seconds: number): CheckCase {
  const name = `${outcome.variant}: matches baseline`;
  if (outcome.status === 'missing') {
    return {
      kind: 'baseline',
      name,
      variant: outcome.variant,
      check: 'baseline',
      value: 'no baseline',
      bound: '–',
      status: requireBaseline ? 'failed' : 'skipped',
      type: 'BaselineMissing',
      message: outcome.reason,
      detail: `baseline file: ${baselineFile}\nscenario: ${scenario.file}`,
      seconds,
    };
  }
  const { comparison } = outcome;
  const tolerance = `${formatValue(comparison.tolerance * 100)}%`;
  const changed = comparison.changed;
  const message =
    changed.length === 0
      ? `${comparison.metrics.length} metrics compared with ${baselineFile}: no significant change beyond ${tolerance}`
      : `${changed.length} of ${comparison.metrics.length} metrics changed significantly by more than ${tolerance}: ${changed
          .slice(0, 3)
          .map((change) => `${change.metric} ${formatRelativeChange(change.relativeChange)}`)
          .join(', ')}${changed.length > 3 ? ', …' : ''}`;
  const detail = [
    `baseline file: ${baselineFile}`,
    `rule: fails when |new − old| > ${tolerance} of old and the change is significant (Welch's t-test, p < ${formatValue(comparison.metrics[0]?.alpha ?? Number.NaN, 2)}: 5% shared among the metrics of the scenario)`,
    ...changed.map((change) => `changed: ${describeChange(change)}`),
    ...(comparison.missingMetrics.length > 0 ? [`not in the baseline: ${comparison.missingMetrics.join(', ')}`] : []),
  ].join('\n');
  return {
    kind: 'baseline',
    name,
    variant: outcome.variant,
    check: 'baseline',
    value: changed.length === 0 ? `${comparison.metrics.length} metrics, none changed` : `${changed.length} of ${comparison.metrics.length} changed`,
    bound: `±${tolerance} & significant`,
    status: comparison.passed ? 'passed' : 'failed',
    type: 'BaselineChanged',
    message,
    detail,
    seconds,
  };
}

function errorCases(scenario: ScenarioCheck): CheckCase[] {
  const cases: CheckCase[] = [];
  const groups = new Map<string, CheckError[]>();
  for (const error of scenario.errors) {
    const key = `${error.kind}\u0000${error.variant ?? ''}\u0000${error.issue.file ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), error]);
  }
  for (const errors of groups.values()) {
    const first = errors[0] as CheckError;
    const lines = errors.map(({ issue }) => formatInputIssue(issue));
    const check = first.kind === 'input' ? 'load' : 'plan staffing';
    cases.push({
      kind: 'error',
      name: first.variant === null ? `${check} scenario` : `${first.variant}: ${check}`,
      variant: first.variant,
      check,
      value: '–',
      bound: '–',
      ...(first.issue.file === undefined || first.issue.file === scenario.file ? {} : { file: first.issue.file }),
      status: 'error',
      type: first.kind === 'input' ? 'InputError' : 'Infeasible',
      message: `${lines[0] as string}${lines.length > 1 ? ` (and ${lines.length - 1} more)` : ''}`,
      detail: lines.join('\n'),
      ...(first.issue.line === undefined ? {} : { line: first.issue.line }),
      ...(first.issue.column === undefined ? {} : { column: first.issue.column }),
      seconds: 0,
    });
  }
  return cases;
}

/**
 * The test cases of one scenario file: its errors first, then per variant (in file order) its assertions and its
 * baseline comparison. A missing baseline is skipped, or failed with `requireBaseline`.
 */
export function checkCases(scenario: ScenarioCheck, options: { readonly requireBaseline: boolean }): CheckCase[] {
  const cases = errorCases(scenario);
  const baseline = scenario.baseline?.mode === 'compare' ? scenario.baseline : null;
  for (const variant of scenario.variants) {
    const results = scenario.assertions.filter((result) => result.assertion.variant === variant.name);
    const outcome = baseline?.variants.find((entry) => entry.variant === variant.name);
    const count = results.length + (outcome === undefined ? 0 : 1);
    const seconds = count === 0 ? 0 : variant.seconds / count;
    for (const result of results) cases.push(assertionCase(scenario, result, seconds));
    if (outcome !== undefined && baseline !== null) cases.push(baselineCase(scenario, baseline.file, outcome, options.requireBaseline, seconds));
  }
  return cases;
}

/** Counts over a list of cases. */
export function countCases(cases: readonly CheckCase[]): Pick<CheckCounts, 'tests' | 'passed' | 'failed' | 'skipped' | 'errors'> {
  const count = (status: CaseStatus): number => cases.filter((c) => c.status === status).length;
  return { tests: cases.length, passed: count('passed'), failed: count('failed'), skipped: count('skipped'), errors: count('error') };
}

/** Counts over the whole run. */
export function countRun(run: CheckRun): CheckCounts {
  const cases = run.scenarios.flatMap((scenario) => checkCases(scenario, run));
  return {
    scenarios: run.scenarios.filter((scenario) => scenario.name !== null).length,
    variants: run.scenarios.reduce((sum, scenario) => sum + scenario.variants.length, 0),
    ...countCases(cases),
  };
}

/**
 * The exit code of a check (SPEC §5): 2 when any input was bad (a file, a baseline), else 3 when a staffing target
 * was infeasible, else 1 when an assertion or a baseline comparison failed, else 0.
 */
export function checkExitCode(run: CheckRun): 0 | 1 | 2 | 3 {
  const errors = run.scenarios.flatMap((scenario) => scenario.errors);
  if (errors.some((error) => error.kind === 'input')) return 2;
  if (errors.length > 0) return 3;
  return countRun(run).failed > 0 ? 1 : 0;
}
