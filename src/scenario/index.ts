/** The scenario layer: untrusted file → validated scenario with one `ContactCentreModel` per variant. */
export {
  applyOverride,
  loadScenarioDocument,
  parseScenarioText,
  readScenarioFile,
  scenarioJsonSchema,
  type ExpectBound,
  type LoadedScenario,
} from './load.js';
export { formatPath, parsePath, type Path, type ScenarioIssue, type Validated } from './issues.js';
export { validateScenario, type ValidExpectation, type ValidScenario, type ValidVariant } from './validate.js';
export { toModel, distributionToModel } from './to-model.js';
export { mergeVariant } from './variants.js';
export { ScenarioSchema, type ScenarioSections } from './schema.js';
