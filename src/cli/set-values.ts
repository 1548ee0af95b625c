import { parse } from 'yaml';
import type { LoadedScenario } from '../scenario/load.js';
import { readScenarioFile } from '../scenario/load.js';
import { withValuesInEveryVariant, type EveryVariantValue } from '../scenario/variant-override.js';
import { printable } from '../core/printable.js';
import type { CliIo } from './io.js';
import { UsageError } from './usage-error.js';

/** The `--set` option of run, compare, plan and check (sweep has its own `path=from:to:step`). */
export const SET_OPTION = {
  type: 'string',
  describe:
    'path=value: set one value of the scenario in every variant, e.g. staffing.target.serviceLevel=0.9 or ' +
    'groups.front-line.staffing.agents=12; the value is read as YAML (12, 0.9, true, null to remove, "08:00", [..], {..}); repeat for several',
} as const;

/**
 * Reads the `--set` flags (none, one, or one per `--set`): each `path=value`, the value read as a YAML scalar or flow
 * value (`12`, `0.9`, `true`, `null`, `erlang-c`, `"08:00"`, `[4, 6]`, `{ distribution: fixed, seconds: 30 }`).
 *
 * @throws UsageError for text that is not `path=value`, or a value that is not YAML
 * @example parseSetFlags(['staffing.agents=12', 'customers.patience=null']) // [{ path: 'staffing.agents', value: 12, … }, { …, value: null }]
 */
export function parseSetFlags(flag: unknown): EveryVariantValue[] {
  if (flag === undefined || flag === null) return [];
  return (Array.isArray(flag) ? flag : [flag]).map((text) => parseSetValue(String(text)));
}

function parseSetValue(text: string): EveryVariantValue {
  const at = text.indexOf('=');
  const path = text.slice(0, Math.max(at, 0)).trim();
  if (at < 0 || path === '') throw new UsageError(`--set: expected path=value, e.g. staffing.target.serviceLevel=0.9 (got "${text}")`);
  const raw = text.slice(at + 1).trim();
  const label = `${path}=${raw}`;
  if (raw === '') throw new UsageError(`--set ${path}: expected a value after "=" (null removes the value)`);
  if (/^[-+]?[\d.]+:[-+]?[\d.]+:[-+]?[\d.]+$/.test(raw)) {
    throw new UsageError(`--set ${label}: a range from:to:step is swept by staffsim sweep; give one value here`);
  }
  try {
    return { path, value: parse(raw) as unknown, label };
  } catch (error) {
    const reason = (error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)).replace(/:$/, '');
    throw new UsageError(`--set ${label}: not a value (${reason}); quote text with spaces or colons, e.g. name="A: B"`);
  }
}

/**
 * Reads a scenario file and sets the `--set` values in every variant of it.
 * @throws InputError (the file, or a path or value of --set, is not valid)
 */
export function readScenarioWithValues(path: string, values: readonly EveryVariantValue[]): LoadedScenario {
  return withValuesInEveryVariant(readScenarioFile(path), values);
}

/** The `--set` values as the user wrote them, for notes and reports: `staffing.agents=12; customers.patience=null`. */
export function describeSetValues(values: readonly EveryVariantValue[]): string {
  return values.map((value) => value.label).join('; ');
}

/** One note on stderr that every variant was changed (nothing without `--set`). */
export function noteSetValues(io: CliIo, values: readonly EveryVariantValue[]): void {
  if (values.length > 0) io.stderr.write(`staffsim: note: every variant with --set ${printable(describeSetValues(values))}\n`);
}
