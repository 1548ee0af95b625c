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
  const document = scenario.document;
  const hasVariants = typeof document === 'object' && document !== null && 'variants' in document;
  const fullPath = hasVariants ? `variants[${JSON.stringify(variantName)}].${path}` : path;
  try {
    return loadScenarioDocument(applyOverride(document, fullPath, value), scenario.file === null ? {} : { file: scenario.file });
  } catch (error) {
    if (error instanceof InputError) {
      throw new InputError(error.issues.map((issue) => ({ ...issue, message: `${path}=${String(value)}: ${issue.message}` })));
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
