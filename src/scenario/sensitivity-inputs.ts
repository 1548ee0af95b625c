/**
 * The inputs of a scenario that `staffsim sensitivity` varies, found in the merged and validated variants, and the
 * models of the compared variants with one input at a value.
 *
 * Which inputs: every price in `costs` and in each group's `costs`; demand (each form, and each channel's); handle
 * times (top level or per group, callback handle times, channel handle times); first-contact resolution and outcome
 * shares; patience (also after a transfer); redial and repeat-contact probabilities and delays; callback reach and
 * retry delay; shrinkage; fixed agents. Or, when the file has `assumptions:`, exactly the inputs it lists.
 *
 * How an input moves:
 * - An input with the same value in both compared variants moves in both at once; one whose values differ (or that
 *   one variant does not have) is an input of each variant on its own.
 * - By `--range` r: the value × (1 − r) and × (1 + r); shares and probabilities clamped to 0..1, shrinkage to 0..0.95,
 *   agents rounded to whole numbers at least one apart from the scenario's. A value of 0 cannot move by a relative
 *   range: it is listed as not varied (give it a low and a high in `assumptions:`).
 * - A distribution moves by its mean (`meanSeconds`, `meanMinutes`, or `seconds`/`minutes` of a fixed time); its
 *   shape (cv, k) stays.
 * - An outcome share (`outcomes.resolved`, `.unresolved`, `.transfer.<group>`, `.callback.<group>`) moves and the other
 *   shares of the same group take up the difference in proportion to their size, so they still sum to 1 and keep
 *   their mix (with no other share, the rest goes to `unresolved`, or to `resolved` when `unresolved` is moved).
 */
import { InputError } from '../core/errors.js';
import type { ContactCentreModel } from '../core/model/contact-centre-model.js';
import type { ValidAssumption } from './assumptions.js';
import { formatPath, getAt, isPlainObject, parsePath, type Path } from './issues.js';
import { applyOverride, loadScenarioDocument, type LoadedScenario } from './load.js';
import { DISTRIBUTION_PATHS } from './schema.js';
import { validateScenario } from './validate.js';

/** What kind of number an input is: how it moves and how it is shown. */
export type InputKind = 'price' | 'volume' | 'duration' | 'share' | 'outcome-share' | 'probability' | 'shrinkage' | 'agents' | 'number';

/** The unit an input's values are shown in. */
export type InputUnit = 'money' | 'seconds' | 'minutes' | 'hours' | 'share' | 'count';

export interface SensitivityInput {
  /** The number's path inside a variant, e.g. `groups.front-line.handling.handleTime.meanSeconds`. */
  readonly path: string;
  /** How people call it, e.g. "front-line: handle time". */
  readonly label: string;
  /** The same as a noun phrase for sentences, e.g. "the front-line handle time in mediocre". */
  readonly phrase: string;
  /** The one compared variant it belongs to, or null when it moves in both. */
  readonly variant: string | null;
  readonly kind: InputKind;
  readonly unit: InputUnit;
  /** The scenario's value, and the range it moves over. */
  readonly base: number;
  readonly low: number;
  readonly high: number;
  /** Whether the range (and the label) come from `assumptions:`. */
  readonly fromAssumptions: boolean;
}

/** An input found but not varied, with the reason. */
export interface NotVaried {
  readonly path: string;
  readonly label: string;
  readonly variant: string | null;
  readonly reason: string;
}

export interface SensitivityWorkspace {
  /** The compared variants, in order: the difference is the second's total minus the first's. */
  readonly variants: readonly string[];
  readonly currency: string;
  readonly inputs: readonly SensitivityInput[];
  readonly notVaried: readonly NotVaried[];
  /** The models of the compared variants at the scenario's values. */
  readonly baseModels: readonly ContactCentreModel[];
  /**
   * The models of the compared variants (in order) with the input at `value` (in the variants it belongs to).
   * @throws InputError when the value makes a variant invalid, each issue prefixed with `path=value`
   */
  modelsAt(input: SensitivityInput, value: number): ContactCentreModel[];
}

/** How a found number is set back into a variant: the path to override and the value to put there. */
type Setter = (sections: unknown, value: number) => readonly [Path, unknown];

interface Candidate {
  readonly path: Path;
  readonly kind: InputKind;
  readonly unit: InputUnit;
  readonly base: number;
  readonly set: Setter;
}

const PRICE_KEYS = ['agentHour', 'overtimeHour', 'telephonyMinute', 'customerWaitMinute', 'repeatContact', 'unresolvedCase', 'fixedPerDay'] as const;
const GROUP_PRICE_KEYS = ['agentHour', 'overtimeHour'] as const;
const DEMAND_KEYS = ['casesPerDay', 'casesPerHour'] as const;
const MEAN_KEYS = ['meanSeconds', 'meanMinutes', 'seconds', 'minutes'] as const;

const plainSetter =
  (path: Path): Setter =>
  (_sections, value) => [path, value];

/** Sets a distribution's mean key inside the whole distribution (a variant's distribution replaces the base's whole). */
const distributionSetter =
  (distribution: Path, key: string): Setter =>
  (sections, value) => [distribution, { ...(getAt(sections, distribution) as Record<string, unknown>), [key]: value }];

/** A per-interval list scaled so that its daily sum is the value. */
const listSetter =
  (path: Path, base: number): Setter =>
  (sections, value) => [path, (getAt(sections, path) as number[]).map((n) => (base > 0 ? (n * value) / base : n))];

/** The shares of an outcomes mapping as (path inside it, share) pairs. */
function outcomeShares(outcomes: Record<string, unknown>): [Path, number][] {
  const shares: [Path, number][] = [];
  for (const [key, value] of Object.entries(outcomes)) {
    if (typeof value === 'number') shares.push([[key], value]);
    else if (isPlainObject(value)) for (const [group, share] of Object.entries(value)) if (typeof share === 'number') shares.push([[key, group], share]);
  }
  return shares;
}

/**
 * The outcomes with the share at `key` set to `value` and the other shares scaled to take up the difference (see the
 * module comment).
 * @example outcomesWithShare({ resolved: 0.5, callback: { b: 0.3 }, unresolved: 0.2 }, ['resolved'], 0.6)
 *   // { resolved: 0.6, callback: { b: 0.24 }, unresolved: 0.16 }
 */
export function outcomesWithShare(outcomes: Record<string, unknown>, key: Path, value: number): Record<string, unknown> {
  const shares = outcomeShares(outcomes);
  const same = (path: Path): boolean => path.length === key.length && path.every((segment, i) => segment === key[i]);
  const others = shares.filter(([path]) => !same(path));
  const rest = others.reduce((sum, [, share]) => sum + share, 0);
  const result: Record<string, unknown> = structuredClone(outcomes);
  const put = (path: Path, share: number): void => {
    if (path.length === 1) result[path[0] as string] = share;
    else {
      const inner = isPlainObject(result[path[0] as string]) ? (result[path[0] as string] as Record<string, unknown>) : {};
      result[path[0] as string] = { ...inner, [path[1] as string]: share };
    }
  };
  put(key, value);
  if (rest > 0) {
    for (const [path, share] of others) put(path, (share * (1 - value)) / rest);
  } else if (value < 1) {
    put(key[0] === 'unresolved' ? ['resolved'] : ['unresolved'], 1 - value);
  }
  return result;
}

const outcomeSetter =
  (outcomes: Path, key: Path): Setter =>
  (sections, value) => [outcomes, outcomesWithShare(getAt(sections, outcomes) as Record<string, unknown>, key, value)];

/** Every candidate input of one variant's validated sections. */
function candidatesOf(sections: Record<string, unknown>): Candidate[] {
  const out: Candidate[] = [];
  const number = (path: Path, kind: InputKind, unit: InputUnit, set: Setter = plainSetter(path)): void => {
    const value = getAt(sections, path);
    if (typeof value === 'number') out.push({ path, kind, unit, base: value, set });
  };
  const hasGroups = isPlainObject(sections['groups']);
  const groups = hasGroups ? Object.keys(sections['groups'] as Record<string, unknown>) : [];
  const channels = isPlainObject(sections['channels']) ? Object.keys(sections['channels'] as Record<string, unknown>) : [];

  for (const key of PRICE_KEYS) number(['costs', key], 'price', 'money');
  for (const group of groups) for (const key of GROUP_PRICE_KEYS) number(['groups', group, 'costs', key], 'price', 'money');

  const demand = (owner: Path): void => {
    for (const key of DEMAND_KEYS) number([...owner, key], 'volume', 'count');
    const list = getAt(sections, [...owner, 'casesPerInterval']);
    if (Array.isArray(list) && list.every((n) => typeof n === 'number')) {
      const perDay = (list as number[]).reduce((sum, n) => sum + n, 0);
      out.push({ path: [...owner, 'casesPerInterval'], kind: 'volume', unit: 'count', base: perDay, set: listSetter([...owner, 'casesPerInterval'], perDay) });
    }
  };
  demand(['demand']);
  for (const channel of channels) demand(['channels', channel]);

  // Distributions by their mean; the top-level handle time only without groups (with groups it is not used).
  for (const pattern of DISTRIBUTION_PATHS) {
    const concrete: Path[] = [];
    const star = pattern.indexOf('*' as never);
    if (star < 0) concrete.push(pattern);
    else for (const name of pattern[star - 1] === 'groups' ? groups : channels) concrete.push(pattern.map((segment) => (segment === '*' ? name : segment)));
    for (const distribution of concrete) {
      if (hasGroups && distribution.length === 2 && distribution[0] === 'handling' && distribution[1] === 'handleTime') continue;
      const value = getAt(sections, distribution);
      if (!isPlainObject(value)) continue;
      const key = MEAN_KEYS.find((candidate) => typeof value[candidate] === 'number');
      if (key === undefined) continue;
      const unit: InputUnit = key === 'meanSeconds' || key === 'seconds' ? 'seconds' : 'minutes';
      const kind: InputKind = 'duration';
      out.push({ path: [...distribution, key], kind, unit, base: value[key] as number, set: distributionSetter(distribution, key) });
    }
  }

  if (!hasGroups) number(['handling', 'firstContactResolution'], 'share', 'share');
  for (const group of groups) {
    number(['groups', group, 'handling', 'firstContactResolution'], 'share', 'share');
    const outcomesPath: Path = ['groups', group, 'handling', 'outcomes'];
    const outcomes = getAt(sections, outcomesPath);
    if (isPlainObject(outcomes)) {
      for (const [key, share] of outcomeShares(outcomes)) {
        out.push({ path: [...outcomesPath, ...key], kind: 'outcome-share', unit: 'share', base: share, set: outcomeSetter(outcomesPath, key) });
      }
    }
    number(['groups', group, 'tasks', 'callbackReach', 'probability'], 'probability', 'share');
    number(['groups', group, 'staffing', 'shrinkage'], 'shrinkage', 'share');
    number(['groups', group, 'staffing', 'agents'], 'agents', 'count');
  }
  for (const channel of channels) number(['channels', channel, 'firstContactResolution'], 'share', 'share');
  number(['customers', 'redial', 'probability'], 'probability', 'share');
  number(['handling', 'repeatContact', 'probability'], 'probability', 'share');
  if (!hasGroups) {
    number(['staffing', 'shrinkage'], 'shrinkage', 'share');
    number(['staffing', 'agents'], 'agents', 'count');
  }
  return out;
}

/** The candidate at a path given in `assumptions:` (known kinds keep their setter; any other number is set as it is). */
function candidateAt(sections: Record<string, unknown>, path: Path): Candidate | undefined {
  const key = formatPath(path);
  const known = candidatesOf(sections).find((candidate) => formatPath(candidate.path) === key);
  if (known !== undefined) return known;
  const value = getAt(sections, path);
  if (typeof value !== 'number') return undefined;
  // Unknown kinds: a share if the schema says so is not known here; it is validated when set.
  return { path, kind: 'number', unit: 'count', base: value, set: plainSetter(path) };
}

const PHRASES: readonly [RegExp, string, string][] = [
  // pattern (after the group or channel), phrase without an owner, phrase with one ($G)
  [/^costs\.agentHour$/, 'the price of an agent hour', 'the price of a $G hour'],
  [/^costs\.overtimeHour$/, 'the price of an overtime hour', 'the price of a $G overtime hour'],
  [/^costs\.telephonyMinute$/, 'the price of a telephony minute', ''],
  [/^costs\.customerWaitMinute$/, 'the value of a caller’s waiting minute', ''],
  [/^costs\.repeatContact$/, 'the price of a repeat contact', ''],
  [/^costs\.unresolvedCase$/, 'the cost of an unresolved case', ''],
  [/^costs\.fixedPerDay$/, 'the fixed cost a day', ''],
  [/^casesPerDay$/, 'the number of new cases a day', 'the number of new $G cases a day'],
  [/^casesPerHour$/, 'the number of new cases an hour', 'the number of new $G cases an hour'],
  [/^casesPerInterval$/, 'the number of new cases a day', 'the number of new $G cases a day'],
  [/^(handling\.)?handleTime\.\w+$/, 'the handle time', 'the $G handle time'],
  [/^tasks\.callbackHandleTime\.\w+$/, 'the callback handle time', 'the $G callback handle time'],
  [/^tasks\.callbackReach\.probability$/, 'the share of callbacks that reach the customer', 'the share of $G callbacks that reach the customer'],
  [/^tasks\.callbackReach\.retryDelay\.\w+$/, 'the callback retry delay', 'the $G callback retry delay'],
  [/^(handling\.)?firstContactResolution$/, 'first-contact resolution', '$G first-contact resolution'],
  [/^handling\.outcomes\.resolved$/, 'the share resolved at once', 'the share the $G resolves at once'],
  [/^handling\.outcomes\.unresolved$/, 'the share left unresolved', 'the share the $G leaves unresolved'],
  [/^handling\.outcomes\.transfer\.(.+)$/, 'the share put through to $1', 'the share the $G puts through to $1'],
  [/^handling\.outcomes\.callback\.(.+)$/, 'the share turned into callbacks for $1', 'the share the $G turns into callbacks for $1'],
  [/^customers\.patience\.\w+$/, 'the callers’ patience', ''],
  [/^transfers\.patience\.\w+$/, 'the patience after a transfer', ''],
  [/^customers\.redial\.probability$/, 'the redial probability', ''],
  [/^customers\.redial\.delay\.\w+$/, 'the redial delay', ''],
  [/^handling\.repeatContact\.probability$/, 'the repeat-contact probability', ''],
  [/^handling\.repeatContact\.delay\.\w+$/, 'the repeat-contact delay', ''],
  [/^staffing\.shrinkage$/, 'shrinkage', 'the $G shrinkage'],
  [/^staffing\.agents$/, 'the number of agents on the phones', 'the number of $G on the phones'],
];

/**
 * A noun phrase for sentences: "the cost of an unresolved case", "the front-line handle time in mediocre".
 * @example inputPhrase('groups.case-officers.staffing.agents', 'mediocre') // 'the number of case-officers on the phones in mediocre'
 */
export function inputPhrase(dotted: string, variant: string | null = null): string {
  const path = parsePath(dotted) ?? [dotted];
  const owned = (path[0] === 'groups' || path[0] === 'channels') && path.length > 2;
  const owner = owned ? String(path[1]) : null;
  const rest = owned ? path.slice(2) : path[0] === 'demand' && path.length === 2 ? path.slice(1) : path;
  const key = formatPath(rest);
  const match = PHRASES.find(([pattern]) => pattern.test(key));
  let phrase: string;
  if (match === undefined) phrase = owner === null ? dotted : `${owner} ${key}`;
  else if (owner === null || match[2] === '') phrase = key.replace(match[0], match[1]);
  else phrase = key.replace(match[0], match[2]).replace('$G', owner);
  return variant === null ? phrase : `${phrase} in ${variant}`;
}

const LABELS: readonly [RegExp, string][] = [
  [/^costs\.agentHour$/, 'price of an agent hour'],
  [/^costs\.overtimeHour$/, 'price of an overtime hour'],
  [/^costs\.telephonyMinute$/, 'price of a telephony minute'],
  [/^costs\.customerWaitMinute$/, 'value of a caller’s waiting minute'],
  [/^costs\.repeatContact$/, 'price of a repeat contact'],
  [/^costs\.unresolvedCase$/, 'cost of an unresolved case'],
  [/^costs\.fixedPerDay$/, 'fixed cost a day'],
  [/^casesPerDay$/, 'new cases a day'],
  [/^casesPerHour$/, 'new cases an hour'],
  [/^casesPerInterval$/, 'new cases a day (every interval scaled)'],
  [/^handling\.handleTime\.\w+$/, 'handle time'],
  [/^handleTime\.\w+$/, 'handle time'],
  [/^tasks\.callbackHandleTime\.\w+$/, 'callback handle time'],
  [/^tasks\.callbackReach\.probability$/, 'callbacks that reach the customer'],
  [/^tasks\.callbackReach\.retryDelay\.\w+$/, 'callback retry delay'],
  [/^handling\.firstContactResolution$/, 'first-contact resolution'],
  [/^firstContactResolution$/, 'resolution'],
  [/^handling\.outcomes\.resolved$/, 'resolved at once'],
  [/^handling\.outcomes\.unresolved$/, 'left unresolved'],
  [/^handling\.outcomes\.transfer\.(.+)$/, 'put through to $1'],
  [/^handling\.outcomes\.callback\.(.+)$/, 'callbacks booked for $1'],
  [/^customers\.patience\.\w+$/, 'patience'],
  [/^transfers\.patience\.\w+$/, 'patience after a transfer'],
  [/^customers\.redial\.probability$/, 'redial probability'],
  [/^customers\.redial\.delay\.\w+$/, 'redial delay'],
  [/^handling\.repeatContact\.probability$/, 'repeat-contact probability'],
  [/^handling\.repeatContact\.delay\.\w+$/, 'repeat-contact delay'],
  [/^staffing\.shrinkage$/, 'shrinkage'],
  [/^staffing\.agents$/, 'agents on the phones'],
];

/**
 * A label for people from a path: "front-line: handle time", "cost of an unresolved case", "e-mail: new cases a day".
 * @example inputLabel('groups.case-officers.costs.agentHour') // 'case-officers: price of an agent hour'
 */
export function inputLabel(dotted: string): string {
  const path = parsePath(dotted) ?? [dotted];
  let prefix = '';
  let rest = path;
  if ((path[0] === 'groups' || path[0] === 'channels') && path.length > 2) {
    prefix = `${String(path[1])}: `;
    rest = path.slice(2);
  } else if (path[0] === 'demand' && path.length === 2) {
    rest = path.slice(1);
  }
  const key = formatPath(rest);
  const match = LABELS.find(([pattern]) => pattern.test(key));
  return `${prefix}${match === undefined ? key : key.replace(match[0], match[1])}`;
}

/** The range an input moves over by a relative `range` (see the module comment). */
export function relativeRange(kind: InputKind, base: number, range: number): { low: number; high: number } {
  const low = base * (1 - range);
  const high = base * (1 + range);
  switch (kind) {
    case 'share':
    case 'outcome-share':
    case 'probability':
      return { low: clamp(low, 0, 1), high: clamp(high, 0, 1) };
    case 'shrinkage':
      return { low: clamp(low, 0, 0.95), high: clamp(high, 0, 0.95) };
    case 'agents':
      return { low: Math.max(0, Math.min(base - 1, Math.round(low))), high: Math.max(base + 1, Math.round(high)) };
    default:
      return { low, high };
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** The working document: the compared variants only, without `expect` and `assumptions` (they name other variants). */
function workingDocument(document: unknown, variants: readonly string[]): Record<string, unknown> {
  const source = document as Record<string, unknown>;
  const { expect: _expect, assumptions: _assumptions, variants: blocks, ...base } = source;
  if (!isPlainObject(blocks)) return base;
  return { ...base, variants: Object.fromEntries(variants.map((name) => [name, blocks[name] ?? null])) };
}

/**
 * The inputs of the compared variants and a way to get their models with one input changed.
 *
 * @param options.variants the variants to compare (one or two names; default: the first two of the file, or its one)
 * @param options.range the relative range, in (0, 1)
 * @throws InputError for an unknown variant name
 * @example sensitivityWorkspace(scenario, { range: 0.25 }).inputs.map((i) => i.path)
 */
export function sensitivityWorkspace(scenario: LoadedScenario, options: { variants?: readonly string[]; range: number }): SensitivityWorkspace {
  const names = scenario.variants.map((variant) => variant.name);
  const variants = options.variants ?? names.slice(0, 2);
  for (const name of variants) {
    if (!names.includes(name)) throw new InputError([{ path: '', code: 'unknown_variant', message: `--variants: no variant named "${name}" (expected ${names.join(', ')})` }]);
  }
  const document = workingDocument(scenario.document, variants);
  const hasVariants = isPlainObject(document['variants']);
  const validated = validateScenario(document);
  if (!validated.ok) throw new InputError(validated.issues.map((issue) => ({ path: formatPath(issue.path), code: issue.code, message: issue.message })));
  const sectionsOf = new Map(validated.value.variants.map((variant) => [variant.name, variant.sections as unknown as Record<string, unknown>]));
  const baseModels = variants.map((name) => scenario.variants.find((variant) => variant.name === name)?.model as ContactCentreModel);

  // Setters per (input key, variant).
  const setters = new Map<string, Map<string, Setter>>();
  const inputs: SensitivityInput[] = [];
  const notVaried: NotVaried[] = [];
  const add = (candidates: ReadonlyMap<string, Candidate>, given: { label?: string; low?: number; high?: number } = {}): void => {
    const entries = [...candidates.entries()];
    const first = entries[0]?.[1] as Candidate;
    const path = formatPath(first.path);
    const joint = entries.length === variants.length && entries.every(([, candidate]) => candidate.base === first.base);
    const groups: [string | null, [string, Candidate][]][] = joint ? [[null, entries]] : entries.map((entry) => [entry[0], [entry]]);
    for (const [variant, members] of groups) {
      const candidate = (members[0] as [string, Candidate])[1];
      const label = `${given.label ?? inputLabel(path)}${variant === null || variants.length < 2 ? '' : ` (${variant})`}`;
      const id = `${path}\u0000${variant ?? ''}`;
      setters.set(id, new Map(members.map(([name, c]) => [name, c.set])));
      const fromAssumptions = given.low !== undefined && given.high !== undefined;
      if (!fromAssumptions && candidate.base === 0) {
        notVaried.push({ path, label, variant: variants.length < 2 ? null : variant, reason: 'it is 0: a relative range does not move it; give it a low and a high in assumptions:' });
        continue;
      }
      const range = fromAssumptions ? { low: given.low as number, high: given.high as number } : relativeRange(candidate.kind, candidate.base, options.range);
      const own = variants.length < 2 ? null : variant;
      inputs.push({
        path,
        label,
        phrase: given.label === undefined ? inputPhrase(path, own) : `${given.label}${own === null ? '' : ` in ${own}`}`,
        variant: own,
        kind: candidate.kind,
        unit: candidate.unit,
        base: candidate.base,
        low: range.low,
        high: range.high,
        fromAssumptions: fromAssumptions || given.label !== undefined,
      });
    }
  };

  if (scenario.assumptions.length > 0) {
    for (const assumption of scenario.assumptions) addAssumption(assumption);
  } else {
    const byPath = new Map<string, Map<string, Candidate>>();
    for (const name of variants) {
      for (const candidate of candidatesOf(sectionsOf.get(name) ?? {})) {
        const key = formatPath(candidate.path);
        const entry = byPath.get(key) ?? new Map<string, Candidate>();
        entry.set(name, candidate);
        byPath.set(key, entry);
      }
    }
    for (const candidates of byPath.values()) add(candidates);
  }

  function addAssumption(assumption: ValidAssumption): void {
    const path = parsePath(assumption.path) as Path;
    const candidates = new Map<string, Candidate>();
    for (const name of variants) {
      if (assumption.variant !== null && assumption.variant !== name) continue;
      const candidate = candidateAt(sectionsOf.get(name) ?? {}, path);
      if (candidate !== undefined) candidates.set(name, candidate);
    }
    if (candidates.size === 0) {
      const label = assumption.label ?? inputLabel(assumption.path);
      notVaried.push({ path: assumption.path, label, variant: assumption.variant, reason: `the compared variants (${variants.join(', ')}) have no number there` });
      return;
    }
    add(candidates, {
      ...(assumption.label === undefined ? {} : { label: assumption.label }),
      ...(assumption.low === undefined || assumption.high === undefined ? {} : { low: assumption.low, high: assumption.high }),
    });
  }

  const fullPath = (variant: string, path: Path): string => (hasVariants ? `variants[${JSON.stringify(variant)}].${formatPath(path)}` : formatPath(path));
  const modelsAt = (input: SensitivityInput, value: number): ContactCentreModel[] => {
    const byVariant = setters.get(`${input.path}\u0000${input.variant ?? ''}`);
    if (byVariant === undefined) throw new RangeError(`not an input of this workspace: ${input.path}`);
    let changed: unknown = document;
    for (const [name, set] of byVariant) {
      const [path, setTo] = set(sectionsOf.get(name), value);
      changed = applyOverride(changed, fullPath(name, path), setTo);
    }
    // An input of one variant leaves the other as it is: only the changed variant is validated and built again.
    const unchanged = hasVariants ? variants.filter((name) => !byVariant.has(name)) : [];
    if (unchanged.length > 0) {
      const blocks = (changed as Record<string, unknown>)['variants'] as Record<string, unknown>;
      changed = { ...(changed as Record<string, unknown>), variants: Object.fromEntries([...byVariant.keys()].map((name) => [name, blocks[name]])) };
    }
    let loaded: LoadedScenario;
    try {
      loaded = loadScenarioDocument(changed, scenario.file === null ? {} : { file: scenario.file });
    } catch (error) {
      if (error instanceof InputError) {
        throw new InputError(error.issues.map((issue) => ({ ...issue, message: `${input.path}=${value}: ${issue.message}` })));
      }
      throw error;
    }
    return variants.map((name, i) => (unchanged.includes(name) ? baseModels[i] : loaded.variants.find((variant) => variant.name === name)?.model) as ContactCentreModel);
  };
  return { variants, currency: scenario.currency, inputs, notVaried, baseModels, modelsAt };
}
