/**
 * Pure validation of a parsed scenario document (a plain JSON value): no files, no source text. Every problem
 * is collected, each at its path in the document; `load.ts` locates them in the source and throws.
 */
import { isGroupMetricName, isMetricName, parseGroupMetricKey, type ExpectMetric } from '../core/metrics.js';
import { PROTOTYPE_KEYS, prototypeKeyPaths, withoutPrototypeKeys } from '../core/prototype-keys.js';
import { fromZodIssues, isPlainObject, suggestion, type Path, type ScenarioIssue, type Validated } from './issues.js';
import { limitIssues } from './limits.js';
import { checkAssumptions, type ValidAssumption } from './assumptions.js';
import { checkExpectations, checkRules } from './rules.js';
import { ExpectBoundSchema, ExpectSchema, ScenarioBaseSchema, ScenarioSchema, VARIANT_SECTIONS, describeValue, type ScenarioSections } from './schema.js';
import { baseOf, mergeVariant, variantBlocks } from './variants.js';

/** One variant, merged over the base and validated (defaults filled in, units as the user wrote them). */
export interface ValidVariant {
  readonly name: string;
  readonly sections: ScenarioSections;
}

/** One `expect:` assertion. */
export interface ValidExpectation {
  /** A variant name, or "*" for every variant. */
  readonly variant: string;
  /** A metric of the variant, or `groups.<name>.<metric>` for one of its agent groups. */
  readonly metric: ExpectMetric;
  readonly min?: number;
  readonly max?: number;
  readonly confidence: 'mean' | 'strict';
  /** Where the bound is in the document. */
  readonly path: Path;
}

export interface ValidScenario {
  readonly name: string;
  readonly description: string;
  readonly currency: string;
  /** In file order; a single `base` without `variants`. */
  readonly variants: readonly ValidVariant[];
  readonly expect: readonly ValidExpectation[];
  /** The inputs `staffsim sensitivity` varies (`assumptions:`), in file order; empty when the file has none. */
  readonly assumptions: readonly ValidAssumption[];
}

/** `expect:` with the group-metric keys taken out of every variant's block (they are validated apart). */
function withoutGroupMetricKeys(expectations: unknown): unknown {
  if (!isPlainObject(expectations)) return expectations;
  return Object.fromEntries(
    Object.entries(expectations).map(([variant, metrics]) => [
      variant,
      isPlainObject(metrics) ? Object.fromEntries(Object.entries(metrics).filter(([key]) => parseGroupMetricKey(key) === undefined)) : metrics,
    ]),
  );
}

/** A metric of SPEC §4/§7, or a well-formed `groups.<name>.<group metric>` key. */
function isExpectMetric(key: string): key is ExpectMetric {
  const group = parseGroupMetricKey(key);
  return group === undefined ? isMetricName(key) : isGroupMetricName(group.metric);
}

/** Keys of the whole file that a variant cannot change. */
const SCENARIO_ONLY_KEYS = ['name', 'description', 'currency', 'variants', 'expect', 'assumptions'];

/** The `variants:` block itself: a non-empty mapping of mappings, each with only section keys. */
function checkVariantBlocks(variants: unknown): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  if (!isPlainObject(variants)) {
    issues.push({
      path: ['variants'],
      code: 'invalid_type',
      message: `expected a mapping from variant name to a partial scenario (got ${describeValue(variants)})`,
    });
    return issues;
  }
  if (Object.keys(variants).length === 0) {
    issues.push({
      path: ['variants'],
      code: 'no_variants',
      message: 'expected at least one variant (add `base: {}` to run the base, or leave out `variants`)',
    });
  }
  for (const [name, block] of Object.entries(variants)) {
    if (name === '*' || name.trim() === '') {
      issues.push({ path: ['variants', name], code: 'reserved_name', message: `expected a variant name other than "${name}"`, at: 'key' });
    }
    if (block === null) continue;
    if (!isPlainObject(block)) {
      issues.push({
        path: ['variants', name],
        code: 'invalid_type',
        message: `expected a partial scenario (a mapping of sections), or {} for the base as is (got ${describeValue(block)})`,
      });
      continue;
    }
    for (const key of Object.keys(block)) {
      if ((VARIANT_SECTIONS as readonly string[]).includes(key)) continue;
      issues.push(
        SCENARIO_ONLY_KEYS.includes(key)
          ? {
              path: ['variants', name, key],
              code: 'not_allowed_in_variant',
              message: `"${key}" belongs to the whole scenario and cannot differ between variants (a variant may set: ${VARIANT_SECTIONS.join(', ')})`,
              at: 'key',
            }
          : {
              path: ['variants', name, key],
              code: 'unknown_key',
              message: `unknown key "${key}" (${suggestion(key, VARIANT_SECTIONS)})`,
              at: 'key',
            },
      );
    }
  }
  return issues;
}

/** Every `__proto__`, `constructor` or `prototype` key in the document, as an unknown key. */
function reservedKeyIssues(document: unknown): ScenarioIssue[] {
  return prototypeKeyPaths(document).map((path) => ({
    path,
    code: 'unknown_key',
    message: `unknown key "${String(path[path.length - 1])}" (${PROTOTYPE_KEYS.join(', ')} are reserved and never keys of a scenario)`,
    at: 'key',
  }));
}

/** "(in variant "a")" when a problem of the base shows up in some variants only. */
function variantSuffix(names: readonly string[]): string {
  const quoted = names.map((name) => `"${name}"`).join(', ');
  return names.length === 1 ? ` (in variant ${quoted})` : ` (in variants ${quoted})`;
}

/**
 * Validates a parsed scenario document: the base, every variant merged over it, and the assertions.
 *
 * A problem inside a variant block is reported under `variants.<name>.…`; a problem of the base is reported
 * once at its own path (with "(in variant …)" when only some variants have it, e.g. because the others
 * override the broken value).
 *
 * @example validateScenario({ name: 'x' }).ok // false: calendar, demand, handling and staffing are required
 */
export function validateScenario(input: unknown): Validated<ValidScenario> {
  // Reserved keys are reported, then left out, so that nothing below ever assigns one.
  const reserved = reservedKeyIssues(input);
  const document = reserved.length === 0 ? input : withoutPrototypeKeys(input);
  if (!isPlainObject(document)) {
    return {
      ok: false,
      issues: [
        {
          path: [],
          code: 'invalid_type',
          message: `expected a mapping of sections (name, calendar, demand, handling, staffing, …) (got ${document === undefined || document === null ? 'an empty document' : describeValue(document)})`,
        },
      ],
    };
  }
  // Oversized lists and mappings are refused before anything else runs on them (every variant is merged and validated).
  const tooMany = limitIssues(document);
  if (tooMany.length > 0) return { ok: false, issues: [...reserved, ...tooMany] };
  const issues: ScenarioIssue[] = [...reserved];
  const hasVariants = document['variants'] !== undefined;
  if (hasVariants) issues.push(...checkVariantBlocks(document['variants']));

  const base = baseOf(document);
  const blocks = variantBlocks(document).filter((block) => block.name !== '*');
  const valid: ValidVariant[] = [];
  const baseIssues = new Map<string, { issue: ScenarioIssue; variants: string[] }>();
  const seen = new Set<string>();
  const groupNames = new Set<string>();
  for (const { name, block } of blocks) {
    const merged = mergeVariant(base, block);
    const groups = merged.document['groups'];
    if (isPlainObject(groups)) for (const group of Object.keys(groups)) groupNames.add(group);
    const parsed = ScenarioBaseSchema.safeParse(merged.document);
    const found = [
      // messages come from the whole file's schema, so that a misspelt `varaints:` suggests `variants`
      ...(parsed.success ? [] : fromZodIssues(parsed.error.issues, ScenarioSchema, merged.document)),
      ...checkRules(merged.document),
    ];
    for (const issue of found) {
      if (merged.fromVariant(issue.path)) {
        const located = { ...issue, path: ['variants', name, ...issue.path] };
        const key = JSON.stringify([located.path, located.code, located.message]);
        if (!seen.has(key)) issues.push(located);
        seen.add(key);
      } else {
        const key = JSON.stringify([issue.path, issue.code, issue.message]);
        const entry = baseIssues.get(key);
        if (entry === undefined) baseIssues.set(key, { issue, variants: [name] });
        else if (!entry.variants.includes(name)) entry.variants.push(name);
      }
    }
    if (parsed.success && found.length === 0) valid.push({ name, sections: parsed.data });
  }
  for (const { issue, variants } of baseIssues.values()) {
    const partial = hasVariants && variants.length < blocks.length;
    issues.push(partial ? { ...issue, message: issue.message + variantSuffix(variants) } : issue);
  }

  const expectations: ValidExpectation[] = [];
  const rawExpect = document['expect'];
  if (rawExpect !== undefined) {
    const names = isPlainObject(document['variants']) ? Object.keys(document['variants']) : ['base'];
    // Group metrics (`groups.<name>.<metric>`) are checked by checkExpectations; the schema sees the others.
    const variantMetrics = withoutGroupMetricKeys(rawExpect);
    const parsed = ExpectSchema.safeParse(variantMetrics);
    if (!parsed.success) issues.push(...fromZodIssues(parsed.error.issues, ExpectSchema, variantMetrics, ['expect']));
    issues.push(...checkExpectations(rawExpect, names, [...groupNames]));
    if (isPlainObject(rawExpect)) {
      for (const [variant, metrics] of Object.entries(rawExpect)) {
        if (!isPlainObject(metrics)) continue;
        for (const [metric, rawBound] of Object.entries(metrics)) {
          const bound = ExpectBoundSchema.safeParse(rawBound);
          if (!isExpectMetric(metric) || !bound.success) continue;
          expectations.push({
            variant,
            metric,
            ...(bound.data.min === undefined ? {} : { min: bound.data.min }),
            ...(bound.data.max === undefined ? {} : { max: bound.data.max }),
            confidence: bound.data.confidence,
            path: ['expect', variant, metric],
          });
        }
      }
    }
  }

  let assumptions: readonly ValidAssumption[] = [];
  if (document['assumptions'] !== undefined) {
    const checked = checkAssumptions(document['assumptions'], valid);
    issues.push(...checked.issues);
    assumptions = checked.assumptions;
  }

  if (issues.length > 0) return { ok: false, issues };
  const { shape } = ScenarioBaseSchema;
  return {
    ok: true,
    value: {
      name: shape.name.parse(base['name']),
      description: shape.description.parse(base['description']),
      currency: shape.currency.parse(base['currency']),
      variants: valid,
      expect: expectations,
      assumptions,
    },
  };
}
