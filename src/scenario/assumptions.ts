/**
 * The optional `assumptions:` section: the inputs that `staffsim sensitivity` varies, each with a label and a range.
 * Pure validation: the shape by the schema, then each path against the validated variants (it must name a number in
 * the base or in a variant, or in the named variant for `variants.<name>.<path>`).
 */
import { isPrototypeKey } from '../core/prototype-keys.js';
import { closestName, formatPath, fromZodIssues, getAt, isPlainObject, parsePath, type Path, type ScenarioIssue } from './issues.js';
import { AssumptionEntrySchema, AssumptionSchema, VARIANT_SECTIONS, describeValue, type ScenarioSections } from './schema.js';

/** One input to vary, validated. */
export interface ValidAssumption {
  /** The path inside a variant, e.g. `costs.unresolvedCase` (without a `variants.<name>.` prefix). */
  readonly path: string;
  /** The one variant it applies to (`variants.<name>.<path>`), or null for every variant that has the path. */
  readonly variant: string | null;
  readonly label?: string;
  /** Both or neither. */
  readonly low?: number;
  readonly high?: number;
  /** Where the entry is in the document. */
  readonly location: Path;
}

/** Every path to a number in `value`, dotted (lists of numbers are left out: they are not one input). */
export function numberPaths(value: unknown, prefix: Path = []): string[] {
  if (typeof value === 'number') return [formatPath(prefix)];
  if (!isPlainObject(value)) return [];
  return Object.entries(value).flatMap(([key, inner]) => numberPaths(inner, [...prefix, key]));
}

/**
 * Checks `assumptions:` against the validated variants.
 * @param variants the variants that validated, merged and with defaults (so `costs.repeatContact` exists even when 0 by default)
 */
export function checkAssumptions(raw: unknown, variants: readonly { readonly name: string; readonly sections: ScenarioSections }[]): { issues: ScenarioIssue[]; assumptions: ValidAssumption[] } {
  const issues: ScenarioIssue[] = [];
  const assumptions: ValidAssumption[] = [];
  const list = Array.isArray(raw);
  if (!list && !isPlainObject(raw)) {
    issues.push({ path: ['assumptions'], code: 'invalid_type', message: `expected a mapping from scenario path to label, low and high, or a list of { path, label, low, high } (got ${describeValue(raw)})` });
    return { issues, assumptions };
  }
  // Each entry on its own, so that one broken entry does not hide the problems of the others.
  const entries: { path: string; label?: string; low?: number; high?: number; location: Path; at: 'key' | undefined }[] = [];
  const items: [string | number, unknown][] = list ? (raw as unknown[]).map((item, i) => [i, item]) : Object.entries(raw as Record<string, unknown>);
  for (const [key, item] of items) {
    const schema = list ? AssumptionEntrySchema : AssumptionSchema;
    const parsed = schema.safeParse(item);
    if (!parsed.success) {
      issues.push(...fromZodIssues(parsed.error.issues, schema, item, ['assumptions', key]));
      continue;
    }
    const data = parsed.data as { path?: string; label?: string; low?: number; high?: number };
    entries.push({
      ...data,
      path: list ? (data.path as string) : (key as string),
      location: list ? ['assumptions', key, 'path'] : ['assumptions', key],
      at: list ? undefined : 'key',
    });
  }
  const known = [...new Set(variants.flatMap((variant) => numberPaths(variant.sections)))];
  for (const entry of entries) {
    const report = (code: string, message: string, at: 'key' | undefined = entry.at): void => {
      issues.push({ path: entry.location, code, message, ...(at === undefined ? {} : { at }) });
    };
    const rangeAt: Path = list ? [...entry.location.slice(0, -1)] : entry.location;
    if ((entry.low === undefined) !== (entry.high === undefined)) {
      issues.push({ path: [...rangeAt, entry.low === undefined ? 'low' : 'high'], code: 'incomplete_range', message: 'expected both low and high, or neither (then the input moves by --range)' });
    } else if (entry.low !== undefined && entry.high !== undefined && entry.low > entry.high) {
      issues.push({ path: [...rangeAt, 'high'], code: 'low_above_high', message: `expected high ≥ low ${entry.low} (got ${entry.high})` });
    }
    const path = parsePath(entry.path);
    if (path === undefined || path.length === 0 || path.some((segment) => typeof segment === 'number')) {
      report('bad_path', `expected a path to a number, such as costs.unresolvedCase or groups.front-line.handling.handleTime.meanSeconds (got "${entry.path}")`);
      continue;
    }
    const reserved = path.find((segment) => typeof segment === 'string' && isPrototypeKey(segment));
    if (reserved !== undefined) {
      report('bad_path', `"${String(reserved)}" is not a key of a scenario`);
      continue;
    }
    let variant: string | null = null;
    let inner: Path = path;
    if (path[0] === 'variants') {
      const name = path[1];
      const found = variants.find((candidate) => candidate.name === name);
      if (typeof name !== 'string' || path.length < 3 || found === undefined) {
        const names = variants.map((candidate) => candidate.name);
        report('unknown_variant', `no variant named "${String(name)}" (${names.length > 0 ? `expected one of: ${names.join(', ')}` : 'the file has no valid variant'})`);
        continue;
      }
      variant = name;
      inner = path.slice(2);
    }
    if (!(VARIANT_SECTIONS as readonly string[]).includes(String(inner[0]))) {
      report('bad_path', `"${String(inner[0])}" is not a section a variant can change (expected one of: ${VARIANT_SECTIONS.join(', ')})`);
      continue;
    }
    const scope = variant === null ? variants : variants.filter((candidate) => candidate.name === variant);
    const values = scope.map((candidate) => getAt(candidate.sections, inner));
    if (!values.some((value) => typeof value === 'number')) {
      const shown = values.find((value) => value !== undefined);
      const close = closestName(formatPath(inner), known);
      report(
        'not_a_number',
        shown === undefined
          ? `no value at ${formatPath(inner)} in ${variant === null ? 'any variant' : `variant "${variant}"`}${close === undefined ? '' : ` (did you mean ${close}?)`}`
          : `expected a path to a number (got ${describeValue(shown)} at ${formatPath(inner)})`,
      );
      continue;
    }
    assumptions.push({
      path: formatPath(inner),
      variant,
      ...(entry.label === undefined ? {} : { label: entry.label }),
      ...(entry.low === undefined || entry.high === undefined ? {} : { low: entry.low, high: entry.high }),
      location: entry.location,
    });
  }
  return { issues, assumptions };
}
