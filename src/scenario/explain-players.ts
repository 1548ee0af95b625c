/**
 * What differs between two variants, as "players" for a Shapley decomposition of their cost difference: every value
 * that differs between the two merged variant documents, grouped by the part of the scenario it belongs to (a group's
 * resolution, its handle time, its staffing, the prices …), so that each player can be switched from the first
 * variant's values to the second's on its own and the scenario stays valid. Pure.
 */
import { isPrototypeKey } from '../core/prototype-keys.js';
import { formatPath, getAt, isPlainObject, type Path } from './issues.js';
import type { LoadedScenario } from './load.js';
import { baseOf, mergeVariant, variantBlocks } from './variants.js';

/** One group of differing values, switched together. */
export interface ExplainPlayer {
  /** The scenario path the values are grouped under, e.g. `groups.front-line.handling.outcomes`. */
  readonly path: string;
  /** How people call it, e.g. "front-line: resolution (outcomes)". */
  readonly label: string;
  /** The differing values: their paths and the second variant's value there (undefined: the key is absent there). */
  readonly leaves: readonly { readonly path: Path; readonly value: unknown }[];
}

/** Sections that do not change the analytic costs (the simulation settings) or are not inputs (names). */
const IGNORED = new Set(['simulation', 'name', 'description', 'variants', 'expect', 'assumptions']);

/**
 * A variant's merged document, as a scenario file of its own (without variants): the base's sections with the
 * variant's changes.
 * @throws RangeError for a variant the scenario does not have
 */
export function mergedVariantDocument(scenario: LoadedScenario, variant: string): Record<string, unknown> {
  const document = scenario.document as Record<string, unknown>;
  const block = variantBlocks(document).find((candidate) => candidate.name === variant);
  if (block === undefined) throw new RangeError(`no variant named "${variant}"`);
  return mergeVariant(baseOf(document), block.block).document;
}

/** Every path to a value that is not a mapping (lists are values), in document order. */
function leafPaths(value: unknown, prefix: Path = []): Path[] {
  if (!isPlainObject(value)) return [prefix];
  const keys = Object.keys(value).filter((key) => !isPrototypeKey(key));
  if (keys.length === 0) return [prefix];
  return keys.flatMap((key) => leafPaths(value[key], [...prefix, key]));
}

/** The part of the scenario a differing value belongs to (its player), or null when it is ignored. */
function playerPath(path: Path, onlyInOne: (groupPath: Path) => boolean): Path | null {
  const [section, name, part, sub] = path;
  if (section === undefined || IGNORED.has(String(section))) return null;
  if (section === 'groups' && name !== undefined) {
    if (onlyInOne(['groups', name])) return ['groups', name];
    if (part === 'costs' || part === 'tasks' || part === 'maxQueue' || part === undefined) return path.slice(0, 3);
    if (part === 'staffing') return sub === 'shrinkage' || sub === 'shiftTemplates' ? path.slice(0, 4) : path.slice(0, 3);
    if (part === 'handling') return sub === 'firstContactResolution' || sub === 'outcomes' ? ['groups', name, 'handling', 'outcomes'] : path.slice(0, 4);
    return path.slice(0, 3);
  }
  if (section === 'channels' && name !== undefined) return ['channels', name];
  if (section === 'staffing') return name === 'shrinkage' || name === 'shiftTemplates' ? path.slice(0, 2) : ['staffing'];
  if (section === 'handling' || section === 'customers') return path.slice(0, 2);
  return [section];
}

/**
 * A label for a player's path.
 * @example playerLabel('groups.front-line.handling.outcomes', false) // 'front-line: resolution (outcomes)'
 */
export function playerLabel(path: string, target: boolean): string {
  const labels: readonly [RegExp, string][] = [
    [/^groups\.([^.]+)\.costs$/, '$1: prices'],
    [/^groups\.([^.]+)\.staffing$/, target ? '$1: staffing target' : '$1: staffing'],
    [/^groups\.([^.]+)\.staffing\.shrinkage$/, '$1: shrinkage'],
    [/^groups\.([^.]+)\.staffing\.shiftTemplates$/, '$1: shift templates'],
    [/^groups\.([^.]+)\.handling\.handleTime$/, '$1: handle time'],
    [/^groups\.([^.]+)\.handling\.outcomes$/, '$1: resolution (outcomes)'],
    [/^groups\.([^.]+)\.tasks$/, '$1: callbacks and tasks'],
    [/^groups\.([^.]+)\.maxQueue$/, '$1: waiting places'],
    [/^groups\.([^.]+)$/, 'group $1'],
    [/^channels\.([^.]+)$/, 'channel $1'],
    [/^costs$/, 'prices'],
    [/^staffing$/, target ? 'staffing target' : 'staffing'],
    [/^staffing\.shrinkage$/, 'shrinkage'],
    [/^handling\.handleTime$/, 'handle time'],
    [/^handling\.firstContactResolution$/, 'resolution'],
    [/^handling\.repeatContact$/, 'repeat contacts'],
    [/^customers\.patience$/, 'patience'],
    [/^customers\.redial$/, 'redials'],
    [/^customers\.maxAttempts$/, 'attempt cap'],
    [/^transfers$/, 'transfers'],
    [/^demand$/, 'demand'],
    [/^calendar$/, 'calendar and opening hours'],
    [/^serviceLevel$/, 'service-level definition'],
  ];
  const match = labels.find(([pattern]) => pattern.test(path));
  return match === undefined ? path : path.replace(match[0], match[1]);
}

/**
 * The players between two merged variant documents, in document order of their first differing value.
 * @example explainPlayers(switchboard, worldClass).map((p) => p.path)
 *   // ['groups.front-line.staffing', 'groups.front-line.handling.handleTime', 'groups.front-line.handling.outcomes', …]
 */
export function explainPlayers(first: Record<string, unknown>, second: Record<string, unknown>): ExplainPlayer[] {
  const paths = new Map<string, Path>();
  for (const path of [...leafPaths(first), ...leafPaths(second)]) paths.set(JSON.stringify(path), path);
  const onlyInOne = (groupPath: Path): boolean => (getAt(first, groupPath) === undefined) !== (getAt(second, groupPath) === undefined);
  const players = new Map<string, { path: Path; leaves: { path: Path; value: unknown }[] }>();
  for (const path of paths.values()) {
    const a = getAt(first, path);
    const b = getAt(second, path);
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    // an empty mapping on one side and nested values on the other: the nested values carry the difference
    if (isPlainObject(a) && isPlainObject(b)) continue;
    const owner = playerPath(path, onlyInOne);
    if (owner === null) continue;
    const key = formatPath(owner);
    const entry = players.get(key) ?? { path: owner, leaves: [] };
    entry.leaves.push({ path, value: b });
    players.set(key, entry);
  }
  return [...players.entries()].map(([key, entry]) => {
    const target = [first, second].some((document) => isPlainObject(getAt(document, [...entry.path, 'target'])));
    return { path: key, label: playerLabel(key, target), leaves: entry.leaves };
  });
}

/**
 * The first document with the players in `coalition` (a bit mask over `players`) switched to the second's values.
 * @example coalitionDocument(first, players, 0b101) // players 0 and 2 switched
 */
export function coalitionDocument(first: Record<string, unknown>, players: readonly ExplainPlayer[], coalition: number): Record<string, unknown> {
  const document = structuredClone(first);
  players.forEach((player, i) => {
    if ((coalition & (1 << i)) === 0) return;
    for (const leaf of player.leaves) setOrDelete(document, leaf.path, leaf.value);
  });
  return document;
}

function setOrDelete(document: Record<string, unknown>, path: Path, value: unknown): void {
  let container: Record<string, unknown> = document;
  for (let i = 0; i < path.length - 1; i++) {
    const key = String(path[i]);
    const next = container[key];
    if (!isPlainObject(next)) {
      if (value === undefined) return;
      container[key] = {};
    }
    container = container[key] as Record<string, unknown>;
  }
  const last = String(path[path.length - 1]);
  if (value === undefined) delete container[last];
  else container[last] = structuredClone(value);
}
