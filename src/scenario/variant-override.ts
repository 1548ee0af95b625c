import { InputError } from '../core/errors.js';
import type { ContactCentreModel } from '../core/model/contact-centre-model.js';
import type { LoadedScenario } from './load.js';
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
