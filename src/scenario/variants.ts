/**
 * Variants: each is a partial scenario deep-merged over the base.
 *
 * Merge rules (documented in scenarios/README.md):
 * - mappings merge key by key, recursively;
 * - lists replace (a variant's `shifts`, `intradayProfile`, … replace the base's whole list);
 * - a distribution replaces the base's wholesale (its fields differ by kind);
 * - a staffing form (agents | agentsPerInterval | shifts | target) or demand form (casesPerDay |
 *   casesPerHour | casesPerInterval) given by the variant drops the base's other forms;
 * - `null` removes the base's value (as in JSON Merge Patch, RFC 7386), e.g. `customers: { patience: null }`.
 */
import { isPrototypeKey } from '../core/prototype-keys.js';
import { getAt, isPlainObject, type Path, type PathSegment } from './issues.js';
import { DISTRIBUTION_PATHS, STAFFING_FORMS, VARIANT_SECTIONS } from './schema.js';

/**
 * Groups of keys that are alternatives: setting the first key of a group drops the keys of the others. `at` is the
 * path of the mapping (`*` for any group or channel name).
 */
const EXCLUSIVE_GROUPS: readonly { readonly at: readonly string[]; readonly groups: readonly (readonly string[])[] }[] = [
  { at: ['staffing'], groups: STAFFING_FORMS.map((form) => [form]) },
  { at: ['groups', '*', 'staffing'], groups: STAFFING_FORMS.map((form) => [form]) },
  { at: ['demand'], groups: [['casesPerDay', 'intradayProfile'], ['casesPerHour'], ['casesPerInterval']] },
  { at: ['channels', '*'], groups: [['casesPerDay', 'intradayProfile'], ['casesPerHour'], ['casesPerInterval']] },
  { at: ['groups', '*', 'handling'], groups: [['firstContactResolution'], ['outcomes']] },
];

/** Whether `path` matches `pattern`, where `*` matches any key. */
function matches(path: Path, pattern: readonly string[]): boolean {
  return path.length === pattern.length && pattern.every((segment, i) => segment === '*' ? typeof path[i] === 'string' : segment === path[i]);
}

/** Inside a distribution, the keys of the other unit form (used by overrides; a merged distribution is replaced whole). */
const UNIT_ALTERNATIVES: Readonly<Record<string, readonly string[]>> = {
  meanSeconds: ['meanMinutes'],
  meanMinutes: ['meanSeconds'],
  seconds: ['minutes'],
  minutes: ['seconds'],
  minSeconds: ['minMinutes', 'maxMinutes'],
  maxSeconds: ['minMinutes', 'maxMinutes'],
  minMinutes: ['minSeconds', 'maxSeconds'],
  maxMinutes: ['minSeconds', 'maxSeconds'],
};

function pathKey(path: Path): string {
  return JSON.stringify(path);
}

/**
 * True when `path` (relative to the scenario root) holds a distribution.
 * @example isDistributionPath(['customers', 'patience']) // true
 * @example isDistributionPath(['groups', 'case-officers', 'handling', 'handleTime']) // true
 */
export function isDistributionPath(path: Path): boolean {
  return DISTRIBUTION_PATHS.some((pattern) => matches(path, pattern));
}

/**
 * The keys to drop from the mapping at `path` (relative to the scenario root) when `key` is set in it:
 * the other staffing or demand forms, or, inside a distribution, the other unit form.
 * @example keysReplacedBy(['staffing'], 'target') // ['agents', 'agentsPerInterval', 'shifts']
 * @example keysReplacedBy(['handling', 'handleTime'], 'meanSeconds') // ['meanMinutes']
 */
export function keysReplacedBy(path: Path, key: string): readonly string[] {
  if (isDistributionPath(path)) return UNIT_ALTERNATIVES[key] ?? [];
  const groups = EXCLUSIVE_GROUPS.find((entry) => matches(path, entry.at))?.groups;
  const own = groups?.find((group) => group[0] === key);
  if (groups === undefined || own === undefined) return [];
  return groups.filter((group) => group !== own).flat();
}

/** The result of merging one variant over the base. */
export interface MergedVariant {
  /** The merged document (the base's sections with the variant's changes). */
  readonly document: Record<string, unknown>;
  /**
   * True when the value at `path` (or the key missing there) was set, replaced or removed by the variant,
   * so that a problem there belongs to the variant block.
   */
  readonly fromVariant: (path: Path) => boolean;
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

/**
 * Deep-merges a variant block over the base document (without its `variants` and `expect`).
 * @example mergeVariant({ staffing: { shifts: [], shrinkage: 0.3 } }, { staffing: { agents: 12 } }).document
 *   // { staffing: { shrinkage: 0.3, agents: 12 } }
 */
export function mergeVariant(base: Record<string, unknown>, variant: Record<string, unknown>): MergedVariant {
  const owned = new Set<string>();
  const merge = (baseValue: unknown, patch: unknown, path: PathSegment[]): unknown => {
    if (patch === undefined) return baseValue;
    if (patch === null) {
      owned.add(pathKey(path));
      return undefined;
    }
    if (!isPlainObject(patch)) {
      owned.add(pathKey(path));
      return clone(patch);
    }
    // A mapping merges into the base's mapping; a distribution, or a mapping over anything else, replaces
    // it (applied to {} so that nulls inside it still mean "absent").
    const mergeable = isPlainObject(baseValue) && !isDistributionPath(path);
    if (!mergeable) owned.add(pathKey(path));
    const result: Record<string, unknown> = mergeable ? { ...baseValue } : {};
    if (mergeable) {
      for (const key of Object.keys(patch)) {
        if (patch[key] === undefined || patch[key] === null) continue;
        for (const dropped of keysReplacedBy(path, key)) delete result[dropped];
      }
    }
    for (const [key, value] of Object.entries(patch)) {
      // Never assigned (validation reports them): `result.__proto__ = …` would change the prototype, not add a key.
      if (isPrototypeKey(key)) continue;
      const merged = merge(result[key], value, [...path, key]);
      if (merged === undefined) delete result[key];
      else result[key] = merged;
    }
    return result;
  };
  const document = merge(base, variant, []) as Record<string, unknown>;
  return {
    document,
    fromVariant: (path) => {
      for (let length = 0; length <= path.length; length++) {
        if (owned.has(pathKey(path.slice(0, length)))) return true;
      }
      return false;
    },
  };
}

/** One variant block as found in the file, before merging. */
export interface VariantBlock {
  readonly name: string;
  readonly block: Record<string, unknown>;
}

/**
 * The variant blocks of a document, in file order: the named ones, or a single `base: {}` when the
 * document has no `variants`. Blocks that are not mappings (or null) are left out; `validate.ts` reports them.
 * Only the sections a variant may override are kept.
 * @example variantBlocks({ name: 'x', variants: { lean: { staffing: { agents: 5 } }, base: null } })
 *   // [{ name: 'lean', block: { staffing: { agents: 5 } } }, { name: 'base', block: {} }]
 */
export function variantBlocks(document: Record<string, unknown>): VariantBlock[] {
  const variants = document['variants'];
  if (!isPlainObject(variants)) return [{ name: 'base', block: {} }];
  const blocks: VariantBlock[] = [];
  for (const [name, value] of Object.entries(variants)) {
    if (value !== null && !isPlainObject(value)) continue;
    const block: Record<string, unknown> = {};
    for (const section of VARIANT_SECTIONS) {
      const part = getAt(value, [section]);
      if (part !== undefined) block[section] = part;
    }
    blocks.push({ name, block });
  }
  return blocks;
}

/** The base document: every key but `variants`, `expect` and `assumptions`. @example baseOf({ name: 'x', expect: {} }) // { name: 'x' } */
export function baseOf(document: Record<string, unknown>): Record<string, unknown> {
  const { variants: _variants, expect: _expect, assumptions: _assumptions, ...base } = document;
  return base;
}
