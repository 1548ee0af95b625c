/**
 * Loading scenarios: the thin readers around the pure validation of `validate.ts`.
 *
 * `parseScenarioText` parses YAML or JSON, validates, locates every problem in the source and converts each
 * variant to a `ContactCentreModel`; `readScenarioFile` only reads the file and delegates. Bad input throws
 * one `InputError` carrying every issue.
 */
import { SCENARIO_LIMITS } from './limits.js';
import { readInputFile } from './read-input-file.js';
import { extname } from 'node:path';
import * as z from 'zod';
import { InputError, type InputIssue } from '../core/errors.js';
import { isPrototypeKey, PROTOTYPE_KEYS } from '../core/prototype-keys.js';
import type { ExpectMetric } from '../core/metrics.js';
import type { ContactCentreModel } from '../core/model/contact-centre-model.js';
import { formatPath, isPlainObject, parsePath, type PathSegment, type ScenarioIssue } from './issues.js';
import { ScenarioSchema, describeValue } from './schema.js';
import { parseSource, type SourceFormat, type SourcePosition } from './source.js';
import { toModel } from './to-model.js';
import type { ValidAssumption } from './assumptions.js';
import { validateScenario, type ValidScenario } from './validate.js';
import { keysReplacedBy } from './variants.js';

/** Bounds on one metric, from `expect:`. */
export interface ExpectBound {
  min?: number;
  max?: number;
  /** `mean`: the mean across replications must be within bounds; `strict`: the whole 95% interval must be. */
  confidence: 'mean' | 'strict';
  /** Where the bound is in the source (for reports such as JUnit). */
  line?: number;
  column?: number;
}

/** A scenario file, validated, with one model per variant. */
export interface LoadedScenario {
  /** The path as given, `null` for text. */
  file: string | null;
  name: string;
  description: string;
  currency: string;
  /** In file order; one variant named `base` when the file has no `variants`. */
  variants: { name: string; model: ContactCentreModel }[];
  /** `variant` is a variant name or "*" (every variant). */
  expect: { variant: string; metric: ExpectMetric; bound: ExpectBound }[];
  /** The parsed document (plain JSON value, before defaults), for overrides and saving. */
  document: unknown;
  /** The inputs `staffsim sensitivity` varies (`assumptions:`); empty when the file has none. */
  assumptions: readonly ValidAssumption[];
}

type Locate = (path: readonly PathSegment[], at?: 'key') => SourcePosition | undefined;

function located(issue: ScenarioIssue, file: string | undefined, locate: Locate | undefined): InputIssue {
  const position = locate?.(issue.path, issue.at);
  return {
    ...(file === undefined ? {} : { file }),
    ...(position === undefined ? {} : { line: position.line, column: position.column }),
    path: formatPath(issue.path),
    code: issue.code,
    message: issue.message,
  };
}

function byPosition(a: InputIssue, b: InputIssue): number {
  return (a.line ?? Infinity) - (b.line ?? Infinity) || (a.column ?? 0) - (b.column ?? 0);
}

function assemble(valid: ValidScenario, document: unknown, file: string | undefined, locate: Locate | undefined): LoadedScenario {
  return {
    file: file ?? null,
    name: valid.name,
    description: valid.description,
    currency: valid.currency,
    variants: valid.variants.map((variant) => ({ name: variant.name, model: toModel(variant.sections, variant.name) })),
    expect: valid.expect.map((expectation) => {
      const position = locate?.(expectation.path, 'key');
      const bound: ExpectBound = {
        ...(expectation.min === undefined ? {} : { min: expectation.min }),
        ...(expectation.max === undefined ? {} : { max: expectation.max }),
        confidence: expectation.confidence,
        ...(position === undefined ? {} : { line: position.line, column: position.column }),
      };
      return { variant: expectation.variant, metric: expectation.metric, bound };
    }),
    document,
    assumptions: valid.assumptions,
  };
}

/** At most this many problems of one file are listed; the rest are counted in a last line. */
export const MAX_LISTED_ISSUES = 100;

function validateAndAssemble(document: unknown, file: string | undefined, locate: Locate | undefined): LoadedScenario {
  const result = validateScenario(document);
  if (!result.ok) {
    const issues = result.issues.map((issue) => located(issue, file, locate));
    const sorted = locate === undefined ? issues : [...issues].sort(byPosition);
    if (sorted.length <= MAX_LISTED_ISSUES) throw new InputError(sorted);
    const more = sorted.length - MAX_LISTED_ISSUES;
    throw new InputError([
      ...sorted.slice(0, MAX_LISTED_ISSUES),
      { ...(file === undefined ? {} : { file }), path: '', code: 'more_problems', message: `… and ${more.toLocaleString('en-US')} more problem${more === 1 ? '' : 's'}` },
    ]);
  }
  return assemble(result.value, document, file, locate);
}

/**
 * Parses and validates scenario text (YAML by default; JSON is read by the same parser).
 *
 * @param options.file the file name to put in issues and in `LoadedScenario.file`
 * @throws InputError with every problem, each with file, line and column where the source has them
 * @example parseScenarioText(text, { file: 'centre.yaml' }).variants[0].model.calendar.intervalSeconds // 1800
 */
export function parseScenarioText(text: string, options: { file?: string; format?: 'yaml' | 'json' } = {}): LoadedScenario {
  const format: SourceFormat = options.format ?? 'yaml';
  const parsed = parseSource(text, format);
  if (!parsed.ok) {
    throw new InputError(parsed.issues.map((issue) => (options.file === undefined ? issue : { file: options.file, ...issue })));
  }
  return validateAndAssemble(parsed.source.document, options.file, parsed.source.locate);
}

/**
 * Validates an already parsed document (e.g. after `applyOverride`); issues have paths but no lines.
 * @throws InputError with every problem
 * @example loadScenarioDocument(applyOverride(loaded.document, 'staffing.agents', 14)).variants[0].model.staffing
 */
export function loadScenarioDocument(document: unknown, options: { file?: string } = {}): LoadedScenario {
  return validateAndAssemble(document, options.file, undefined);
}

/** `.json` → JSON; `.yaml`, `.yml` and anything else → YAML (which also reads JSON). */
function formatOf(path: string): SourceFormat {
  return extname(path).toLowerCase() === '.json' ? 'json' : 'yaml';
}

/**
 * Reads a scenario file (YAML, or JSON by extension) and validates it.
 * @throws InputError: one `file_not_found` issue when the file cannot be read, else every problem in it
 * @example readScenarioFile('scenarios/municipal.yaml').variants.map((v) => v.name) // ['mediocre', 'world-class']
 */
export function readScenarioFile(path: string): LoadedScenario {
  return parseScenarioText(readInputFile(path, SCENARIO_LIMITS.fileBytes), { file: path, format: formatOf(path) });
}

function badPath(dottedPath: string, message: string): InputError {
  return new InputError([{ path: dottedPath, code: 'bad_path', message }]);
}

/**
 * Returns a copy of `document` with the value at `dottedPath` set (`a.b[2].c`; `["x.y"]` for keys with
 * dots). Only the mappings and lists on the path are copied; the rest is shared with `document`, which is never
 * changed (documents are read, not written, once loaded). Missing mappings on the way are created. Setting a staffing or demand form drops the other forms
 * of the same mapping, and setting a unit form of a distribution (e.g. `meanSeconds`) drops the other
 * (`meanMinutes`), so a sweep can set any of them. `undefined` removes the key.
 *
 * @throws InputError with code `bad_path` when the path cannot be set (through a number, an index on a
 *   mapping, an index past the end of a list, or malformed)
 * @example applyOverride({ staffing: { agents: 10 } }, 'staffing.agents', 12) // { staffing: { agents: 12 } }
 */
export function applyOverride(document: unknown, dottedPath: string, value: unknown): unknown {
  const path = parsePath(dottedPath);
  if (path === undefined || path.length === 0) {
    throw badPath(dottedPath, 'expected a path such as staffing.agents or staffing.shifts[0].agents');
  }
  const reserved = path.find(isPrototypeKey);
  if (reserved !== undefined) throw badPath(dottedPath, `"${reserved}" is not a key of a scenario (${PROTOTYPE_KEYS.join(', ')} are reserved)`);
  if (!isPlainObject(document)) throw badPath(dottedPath, `the document is not a mapping (got ${describeValue(document)})`);
  const root: unknown = { ...document };
  let container: unknown = root;
  for (let depth = 0; depth < path.length; depth++) {
    const segment = path[depth] as PathSegment;
    const last = depth === path.length - 1;
    const where = formatPath(path.slice(0, depth)) || 'the document';
    if (typeof segment === 'number') {
      if (!Array.isArray(container)) {
        throw badPath(dottedPath, `${where} is ${describeValue(container)}, not a list, so [${segment}] cannot be set`);
      }
      if (segment > container.length) {
        throw badPath(dottedPath, `${where} has ${container.length} items; [${segment}] is past its end`);
      }
      if (last) {
        if (value === undefined) container.splice(segment, 1);
        else container[segment] = value;
        break;
      }
      container[segment] = copyOnPath(container[segment], path[depth + 1] as PathSegment);
      container = container[segment];
    } else {
      if (!isPlainObject(container)) {
        throw badPath(dottedPath, `${where} is ${describeValue(container)}, not a mapping, so "${segment}" cannot be set`);
      }
      if (last) {
        const parent = path[0] === 'variants' ? path.slice(2, depth) : path.slice(0, depth);
        for (const key of keysReplacedBy(parent, segment)) delete container[key];
        if (value === undefined) delete container[segment];
        else container[segment] = value;
        break;
      }
      container[segment] = copyOnPath(container[segment], path[depth + 1] as PathSegment);
      container = container[segment];
    }
  }
  return root;
}

/**
 * The copy of one container on an override's path, which the next segment then changes: a list or mapping is copied
 * (one level), anything else is left as it is for the next step to report, and a missing one is created (a list for
 * an index).
 */
function copyOnPath(value: unknown, next: PathSegment): unknown {
  if (value === undefined || value === null) return typeof next === 'number' ? [] : {};
  if (Array.isArray(value)) return [...(value as unknown[])];
  if (isPlainObject(value)) return { ...value };
  return value;
}

let jsonSchema: object | undefined;

/**
 * The JSON Schema (draft 2020-12) of the scenario format, generated from the zod schema: every key with its
 * description, unit and default, for editors (`staffsim schema`).
 * @example Object.keys(scenarioJsonSchema().properties) // ['name', 'description', 'currency', 'calendar', …]
 */
export function scenarioJsonSchema(): object {
  jsonSchema ??= z.toJSONSchema(ScenarioSchema, { io: 'input', unrepresentable: 'any' });
  return structuredClone(jsonSchema);
}
