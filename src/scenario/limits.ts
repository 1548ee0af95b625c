/**
 * Size limits of scenario files (documented in scenarios/README.md, "Limits"). Every legitimate scenario fits well
 * inside them; they exist so that a huge or hostile file gets a clear answer (exit 2, with its location) in bounded
 * time and memory instead of exhausting the machine. They are checked before the document is validated, merged or
 * converted, so nothing expensive runs on an oversized input.
 *
 * Why these numbers:
 * - a day has at most 1,440 intervals (`intervalMinutes` is a whole number ≥ 1), so no per-interval list can be
 *   longer;
 * - the YAML reader needs about 10 µs and 1.3 kB per value it parses: 200,000 values are about 2.5 s and 300 MB,
 *   which is the most a file may hold; the largest legitimate scenarios hold a few thousand;
 * - aliases (`*name`) can make a small file expand into a huge document; the expanded document may hold 1,000,000
 *   values (about 50 MB once read), and there may be 5,000 aliases (the reader resolves each by scanning those before
 *   it: 5,000 take about 0.4 s);
 * - the counts of variants, shifts, templates and observed durations are far above any real centre's and keep
 *   validation (which merges every variant over the base) fast.
 */
import { isPlainObject, type PathSegment, type ScenarioIssue } from './issues.js';

/** The limits, as documented. */
export const SCENARIO_LIMITS = {
  /** Bytes of a scenario file (4 MiB). */
  fileBytes: 4 * 1024 * 1024,
  /** Values in the source text, counted as commas and line breaks (an upper bound on the values the reader parses). */
  sourceValues: 200_000,
  /** Values (scalars, lists and mappings) once every YAML alias is expanded. */
  expandedValues: 1_000_000,
  /** Levels of nested lists and mappings. */
  nestingDepth: 32,
  /** YAML aliases (`*name`): the reader resolves each by scanning the ones before it, so their time grows as their square. */
  aliases: 5_000,
  /** Variants in `variants:` (and variant names in `expect:`, plus "*"). */
  variants: 1_000,
  /** Keys of any other mapping. */
  mappingKeys: 10_000,
  /** Items of a list with no limit of its own. */
  listItems: 100_000,
} as const;

/** Lists with a limit of their own, by their key (wherever the key is: base, variants, and sections to come). */
export const LIST_LIMITS: Readonly<Record<string, { readonly max: number; readonly why: string }>> = {
  intradayProfile: { max: 1_440, why: 'one per interval: a day has at most 1,440 one-minute intervals' },
  casesPerInterval: { max: 1_440, why: 'one per interval: a day has at most 1,440 one-minute intervals' },
  agentsPerInterval: { max: 1_440, why: 'one per interval: a day has at most 1,440 one-minute intervals' },
  shifts: { max: 5_000, why: 'shift lines' },
  breaks: { max: 50, why: 'breaks of one shift' },
  days: { max: 7, why: 'weekdays' },
  closedWeekdays: { max: 7, why: 'weekdays' },
  holidays: { max: 10_000, why: 'holiday dates and country codes' },
  shiftTemplates: { max: 500, why: 'shift templates' },
  lengthsHours: { max: 50, why: 'lengths of one template' },
  seconds: { max: 100_000, why: 'observed durations of an empirical distribution' },
};

/** Mappings with a limit of their own, by their key at the top of the document. */
const MAPPING_LIMITS: Readonly<Record<string, number>> = {
  variants: SCENARIO_LIMITS.variants,
  expect: SCENARIO_LIMITS.variants + 1,
};

/** "see "Limits" in scenarios/README.md", the pointer every limit message ends with. */
const SEE = 'see "Limits" in scenarios/README.md';

/**
 * Every list and mapping of a parsed document that is longer than its limit, as an issue at its path (code
 * `too_many`). Lists are limited by their key (`LIST_LIMITS`), `variants` and `expect` by `SCENARIO_LIMITS.variants`,
 * anything else by `SCENARIO_LIMITS.listItems` items or `SCENARIO_LIMITS.mappingKeys` keys.
 * @example limitIssues({ demand: { intradayProfile: new Array(2000).fill(1) } })[0].message
 *   // 'too many items: at most 1,440 (one per interval: …) (got 2,000); see "Limits" in scenarios/README.md'
 */
export function limitIssues(document: unknown): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const walk = (value: unknown, path: PathSegment[]): void => {
    const key = path[path.length - 1];
    if (Array.isArray(value)) {
      const rule = typeof key === 'string' && Object.hasOwn(LIST_LIMITS, key) ? LIST_LIMITS[key] : undefined;
      const max = rule?.max ?? SCENARIO_LIMITS.listItems;
      if (value.length > max) {
        issues.push({ path, code: 'too_many', message: `too many items: at most ${count(max)}${rule === undefined ? '' : ` (${rule.why})`} (got ${count(value.length)}); ${SEE}` });
        return;
      }
      value.forEach((item, index) => walk(item, [...path, index]));
    } else if (isPlainObject(value)) {
      const keys = Object.keys(value);
      const max = (path.length === 1 && typeof key === 'string' ? MAPPING_LIMITS[key] : undefined) ?? SCENARIO_LIMITS.mappingKeys;
      if (keys.length > max) {
        const what = path.length === 1 && key === 'variants' ? 'variants' : path.length === 1 && key === 'expect' ? 'variant names ("*" included)' : 'keys';
        issues.push({ path, code: 'too_many', message: `too many ${what}: at most ${count(max)} (got ${count(keys.length)}); ${SEE}`, at: 'key' });
        return;
      }
      for (const name of keys) walk(value[name], [...path, name]);
    }
  };
  walk(document, []);
  return issues;
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}
