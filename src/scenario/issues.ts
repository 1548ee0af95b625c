/**
 * Paths into a scenario document and the issues found at them: formatting (`staffing.shifts[1].end`),
 * parsing (for `--set`), lookup, and the rewriting of zod issues into `{path, code, message}` with a
 * message that says what was expected.
 */
import * as z from 'zod';
import { closestName } from '../core/closest-name.js';
import { isPrototypeKey } from '../core/prototype-keys.js';
import { describeValue, DISTRIBUTION_KINDS, ExpectMetricsSchema, TIME_PATTERN } from './schema.js';

export type PathSegment = string | number;
/** A path into a document: keys of mappings and indices of lists. */
export type Path = readonly PathSegment[];

/** One problem in a scenario document, before it is located in the source text. */
export interface ScenarioIssue {
  readonly path: Path;
  /** Stable machine-readable code, e.g. `unknown_key`, `too_small`, `close_before_open`. */
  readonly code: string;
  /** What was expected, e.g. `expected a positive integer (got -5)`. */
  readonly message: string;
  /** Point at the key rather than its value (unknown keys). */
  readonly at?: 'key';
}

/** Pure validation result. */
export type Validated<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: readonly ScenarioIssue[] };

const PLAIN_KEY = /^[A-Za-z0-9_*$-]+$/;

/**
 * Dotted form of a path, with `[n]` for list indices and `["…"]` for keys that are not plain words.
 * @example formatPath(['staffing', 'shifts', 1, 'end']) // 'staffing.shifts[1].end'
 */
export function formatPath(path: Path): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/**
 * The inverse of `formatPath`: `a.b[2].c`, `variants.world-class.staffing.agents`, `a["x.y"]`.
 * @returns the segments, or `undefined` when the text is not a path
 * @example parsePath('staffing.shifts[1].end') // ['staffing', 'shifts', 1, 'end']
 */
export function parsePath(dotted: string): Path | undefined {
  const segments: PathSegment[] = [];
  let rest = dotted.trim();
  if (rest === '') return undefined;
  let first = true;
  while (rest !== '') {
    const index = /^\[(\d+)\]/.exec(rest);
    const quoted = /^\[("(?:[^"\\]|\\.)*")\]/.exec(rest);
    if (index !== null) {
      segments.push(Number(index[1]));
      rest = rest.slice(index[0].length);
    } else if (quoted !== null) {
      segments.push(JSON.parse(quoted[1] as string) as string);
      rest = rest.slice(quoted[0].length);
    } else {
      if (!first) {
        if (!rest.startsWith('.')) return undefined;
        rest = rest.slice(1);
      }
      const key = /^[^.[\]]+/.exec(rest);
      if (key === null) return undefined;
      segments.push(key[0]);
      rest = rest.slice(key[0].length);
    }
    first = false;
  }
  return segments;
}

/** True for `{…}` values (not lists, not null). @example isPlainObject([]) // false */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at `path`, or `undefined` when any step is missing. @example getAt({ a: [1, { b: 2 }] }, ['a', 1, 'b']) // 2 */
export function getAt(value: unknown, path: Path): unknown {
  let current = value;
  for (const segment of path) {
    if (typeof segment === 'number') {
      if (!Array.isArray(current)) return undefined;
      current = current[segment];
    } else {
      if (!isPlainObject(current) || !Object.hasOwn(current, segment)) return undefined;
      current = current[segment];
    }
  }
  return current;
}

export { closestName };

/**
 * "did you mean …?" or the list of allowed names.
 * @example suggestion('staffng', ['demand', 'staffing']) // 'did you mean "staffing"?'
 */
export function suggestion(name: string, allowed: readonly string[]): string {
  const close = closestName(name, allowed);
  if (close !== undefined) return `did you mean "${close}"?`;
  return allowed.length > 0 ? `expected one of: ${allowed.join(', ')}` : 'no keys are allowed here';
}

// ---------------------------------------------------------------------------------------------------------
// zod issues → scenario issues
// ---------------------------------------------------------------------------------------------------------

/** The schema that describes the value at `path` (choosing a distribution's kind from the document). */
function schemaAt(root: z.ZodType, document: unknown, path: Path): z.ZodType | undefined {
  let schema: z.ZodType | undefined = root;
  for (let depth = 0; depth <= path.length && schema !== undefined; depth++) {
    for (;;) {
      if (schema instanceof z.ZodDefault || schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) {
        schema = schema.unwrap() as z.ZodType;
      } else if (schema instanceof z.ZodDiscriminatedUnion) {
        const kind = getAt(document, [...path.slice(0, depth), 'distribution']);
        const options = schema.options as readonly z.ZodType[];
        schema = options.find((option) => option instanceof z.ZodObject && (option.shape as Record<string, z.ZodType>)['distribution']?.safeParse(kind).success);
        if (schema === undefined) return undefined;
      } else break;
    }
    if (depth === path.length) return schema;
    const segment = path[depth] as PathSegment;
    if (schema instanceof z.ZodObject) schema = (schema.shape as Record<string, z.ZodType>)[String(segment)];
    else if (schema instanceof z.ZodArray) schema = schema.element as z.ZodType;
    else if (schema instanceof z.ZodRecord) schema = schema.valueType as z.ZodType;
    else return undefined;
  }
  return schema;
}

/**
 * The keys a mapping at `path` accepts, per the schema (a distribution's keys depend on its kind).
 * @example allowedKeysAt(CalendarSchema, {}, []) // ['days', 'startWeekday', 'open', 'close', 'intervalMinutes']
 */
export function allowedKeysAt(root: z.ZodType, document: unknown, path: Path): readonly string[] {
  const schema = schemaAt(root, document, path);
  return schema instanceof z.ZodObject ? Object.keys(schema.shape as object) : [];
}

/**
 * Rewrites zod's issues for `input` (validated against `root`) as scenario issues: one issue per unknown
 * key, stable codes, and messages that say what was expected and what was found.
 *
 * Codes: `unknown_key` (`unknown_metric` under `expect`), `required`, `invalid_type`, `not_integer`,
 * `too_small`, `too_big`, `invalid_time`, `invalid_value`, `invalid_distribution`, `invalid_format`.
 *
 * @example fromZodIssues(CalendarSchema.safeParse({ open: '08:00' }).error.issues, CalendarSchema, { open: '08:00' })
 *   // [{ path: ['close'], code: 'required', message: 'required: expected a time "HH:MM"' }]
 */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[], root: z.ZodType, input: unknown, prefix: Path = []): ScenarioIssue[] {
  const out: ScenarioIssue[] = [];
  for (const issue of issues) {
    const path: Path = issue.path.filter((segment): segment is PathSegment => typeof segment !== 'symbol');
    const found = getAt(input, path);
    const located = (code: string, message: string): ScenarioIssue => ({ path: [...prefix, ...path], code, message });
    switch (issue.code) {
      case 'unrecognized_keys': {
        const objectSchema = schemaAt(root, input, path);
        const allowed = allowedKeysAt(root, input, path);
        const isMetric = objectSchema === ExpectMetricsSchema;
        for (const key of issue.keys) {
          if (isPrototypeKey(key)) continue; // reported once, by validateScenario
          out.push({
            path: [...prefix, ...path, key],
            code: isMetric ? 'unknown_metric' : 'unknown_key',
            message: `${isMetric ? 'unknown metric' : 'unknown key'} "${key}" (${suggestion(key, allowed)})`,
            at: 'key',
          });
        }
        break;
      }
      case 'invalid_type':
        out.push(located(found === undefined ? 'required' : issue.expected === 'int' ? 'not_integer' : 'invalid_type', issue.message));
        break;
      case 'invalid_format':
        out.push(located(issue.format === 'regex' && issue.pattern === TIME_PATTERN.toString() ? 'invalid_time' : 'invalid_format', issue.message));
        break;
      case 'invalid_union': {
        if (issue.discriminator === 'distribution') {
          const kinds = DISTRIBUTION_KINDS.join(', ');
          out.push(
            found === undefined
              ? located('required', `required: expected the distribution's kind, one of ${kinds}`)
              : located('invalid_distribution', `expected one of ${kinds} (got ${describeValue(found)})`),
          );
        } else out.push(located('invalid_value', issue.message));
        break;
      }
      case 'custom': {
        const code = issue.params?.['code'];
        out.push(located(typeof code === 'string' ? code : 'invalid', issue.message));
        break;
      }
      default:
        out.push(located(issue.code, issue.message));
    }
  }
  return out;
}
