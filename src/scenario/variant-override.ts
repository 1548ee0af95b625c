import { InputError } from '../core/errors.js';
import type { ContactCentreModel } from '../core/model/contact-centre-model.js';
import type { LoadedScenario } from './load.js';
import { formatPath } from './issues.js';
import { applyOverride, loadScenarioDocument } from './load.js';

/**
 * The scenario with one value of one variant changed: the path is set inside the variant's own block (so it wins
 * over the base), or in the base when the file has no variants. The result is validated like a file.
 *
 * @throws InputError (the path or value is not valid), each issue prefixed with `path=value`
 * @example withVariantValue(scenario, 'world-class', 'handling.firstContactResolution', 0.9)
 */
export function withVariantValue(scenario: LoadedScenario, variantName: string, path: string, value: unknown): LoadedScenario {
  return withVariantValues(scenario, variantName, [[path, value]]);
}

/**
 * The scenario with several values of one variant changed at once (each as in `withVariantValue`), validated once, so
 * that values that only make sense together (infinite patience and Erlang C staffing) can be set together.
 *
 * @throws InputError (a path or value is not valid), each issue prefixed with the first `path=value`
 * @example withVariantValues(scenario, 'lean', [['customers.patience', null], ['staffing.target.method', 'erlang-c']])
 */
export function withVariantValues(scenario: LoadedScenario, variantName: string, entries: readonly (readonly [string, unknown])[]): LoadedScenario {
  const document = scenario.document;
  const hasVariants = typeof document === 'object' && document !== null && 'variants' in document;
  const fullPath = (path: string): string => (hasVariants ? `variants[${JSON.stringify(variantName)}].${path}` : path);
  const [firstPath, firstValue] = entries[0] ?? ['', undefined];
  try {
    const changed = entries.reduce<unknown>((doc, [path, value]) => applyOverride(doc, fullPath(path), value), document);
    return loadScenarioDocument(changed, scenario.file === null ? {} : { file: scenario.file });
  } catch (error) {
    if (error instanceof InputError) {
      throw new InputError(error.issues.map((issue) => ({ ...issue, message: `${firstPath}=${String(firstValue)}: ${issue.message}` })));
    }
    throw error;
  }
}

/** The model of one variant with one value changed (see `withVariantValue`). */
export function variantModelWith(scenario: LoadedScenario, variantName: string, path: string, value: unknown): ContactCentreModel {
  const variant = withVariantValue(scenario, variantName, path, value).variants.find((v) => v.name === variantName);
  if (variant === undefined) throw new InputError([{ path, code: 'unknown_variant', message: `no variant named "${variantName}"` }]);
  return variant.model;
}

/** One value to set in every variant: a path of the scenario format, the value, and how it was written (for messages). */
export interface EveryVariantValue {
  readonly path: string;
  readonly value: unknown;
  /** As the user wrote it, e.g. `staffing.agents=12`; names the value in messages. */
  readonly label: string;
}

/**
 * The scenario with values set in **every** variant: inside each variant's own block (so that they win over what the
 * variant sets itself), or in the base when the file has no variants; then validated once, like a file.
 *
 * A problem that every variant has (a misspelt path, a value out of range) is reported once, at the path as given;
 * one that only some variants have keeps their variant paths. Each message is prefixed with the values it concerns.
 *
 * @throws InputError (a path or value is not valid)
 * @example withValuesInEveryVariant(scenario, [{ path: 'staffing.agents', value: 12, label: 'staffing.agents=12' }])
 */
export function withValuesInEveryVariant(scenario: LoadedScenario, values: readonly EveryVariantValue[]): LoadedScenario {
  if (values.length === 0) return scenario;
  const document = scenario.document;
  const hasVariants = typeof document === 'object' && document !== null && 'variants' in document;
  const names = hasVariants ? scenario.variants.map((variant) => variant.name) : [null];
  const blockOf = (name: string | null): string => (name === null ? '' : `${formatPath(['variants', name])}.`);
  const labelFor = (path: string): string => {
    const own = values.filter((entry) => path === entry.path || path.startsWith(`${entry.path}.`) || path.startsWith(`${entry.path}[`) || entry.path.startsWith(`${path}.`));
    return (own.length > 0 ? own : values).map((entry) => entry.label).join(', ');
  };
  let changed: unknown = document;
  for (const { path, value, label } of values) {
    try {
      for (const name of names) changed = applyOverride(changed, `${blockOf(name)}${path}`, value);
    } catch (error) {
      // A path that cannot be set is the same in every variant.
      if (error instanceof InputError) throw new InputError(error.issues.map((issue) => ({ ...issue, path, message: `--set ${label}: ${issue.message}` })));
      throw error;
    }
  }
  try {
    return loadScenarioDocument(changed, scenario.file === null ? {} : { file: scenario.file });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    // Each issue with the path inside its variant's block, then the issues every variant has merged into one.
    const found = error.issues.map((issue) => {
      const name = names.find((n) => n !== null && issue.path.startsWith(blockOf(n)));
      return { issue, inner: name === undefined ? issue.path : issue.path.slice(blockOf(name).length) };
    });
    const key = (entry: (typeof found)[number]): string => JSON.stringify([entry.inner, entry.issue.code, entry.issue.message]);
    const count = new Map<string, number>();
    for (const entry of found) count.set(key(entry), (count.get(key(entry)) ?? 0) + 1);
    const shown = new Set<string>();
    const issues = found.flatMap((entry) => {
      const everywhere = names.length > 1 && count.get(key(entry)) === names.length;
      if (everywhere && shown.has(key(entry))) return [];
      shown.add(key(entry));
      const path = everywhere ? entry.inner : entry.issue.path;
      return [{ ...entry.issue, path, message: `--set ${labelFor(entry.inner)}: ${entry.issue.message}` }];
    });
    throw new InputError(issues);
  }
}
