/**
 * First contacts from historical calls. A call count from an ACD holds every call: first contacts, redials after
 * abandoning and repeat contacts of unresolved cases. A scenario's `demand` is first contacts only; staffsim adds the
 * redials and repeat contacts itself, from `customers.redial` and `handling.repeatContact`. Taking the calls as first
 * contacts therefore counts those calls twice.
 *
 * The estimate: the calls C are the attempts of the first contacts F, so C = F × a(F), with a(F) the attempts per case
 * of the analytic plan (Erlang C or A per interval, with the retrial fixed point for redials and repeat contacts) of
 * the behaviour scenario with the imported calendar and demand at F first contacts a day. F is found by fixed-point
 * iteration, F ← C / a(F), from F = C; a(F) changes slowly with F (through the waits and the abandonment), so a few
 * rounds settle it. The intraday profile and the day factors are kept as the calls show them.
 */
import { InfeasibleError, InputError } from '../core/errors.js';
import { planVariant } from '../core/plan/interval-plan.js';
import { loadScenarioDocument, type LoadedScenario } from './load.js';

/** The imported sections, as they go into a scenario. */
export interface ImportedDemandSections {
  readonly calendar: Readonly<Record<string, unknown>>;
  readonly demand: Readonly<Record<string, unknown>> & { readonly casesPerDay: number };
}

export interface FirstContactEstimate {
  /** First contacts a day (F). */
  readonly firstContactsPerDay: number;
  /** Calls a day in the data (C). */
  readonly callsPerDay: number;
  /** Attempts per case of the plan at F: C / F. */
  readonly attemptsPerCase: number;
  /** The variant whose behaviour was used. */
  readonly variant: string;
  /** Rounds of the fixed-point iteration. */
  readonly iterations: number;
}

/** The iteration stops when F changes by less than this share. */
const TOLERANCE = 1e-6;
const MAX_ITERATIONS = 50;

/**
 * First contacts a day from the calls a day of `sections`, with the redial and repeat-contact behaviour (and the
 * staffing, which sets the waits and so the abandonment) of one variant of `behaviour` (the first by default).
 * @throws InputError when the behaviour scenario does not fit the imported calendar (e.g. `agentsPerInterval` of another
 *   length), or the variant does not exist; InfeasibleError when its staffing target cannot be met at this demand
 * @example estimateFirstContacts(readScenarioFile('centre.yaml'), undefined, sections).firstContactsPerDay
 */
export function estimateFirstContacts(behaviour: LoadedScenario, variantName: string | undefined, sections: ImportedDemandSections): FirstContactEstimate {
  const variant = variantName ?? behaviour.variants[0]?.name;
  if (variant === undefined || !behaviour.variants.some((v) => v.name === variant)) {
    throw new InputError([
      { path: '', code: 'unknown_variant', message: `--variant: no variant named "${String(variant)}" in ${behaviour.file ?? behaviour.name}; it has ${behaviour.variants.map((v) => `"${v.name}"`).join(', ')}` },
    ]);
  }
  const calls = sections.demand.casesPerDay;
  const attemptsPerCase = (firstContacts: number): number => {
    const model = modelWith(behaviour, variant, sections, firstContacts);
    let plan;
    try {
      plan = planVariant(model);
    } catch (error) {
      if (error instanceof InfeasibleError) throw new InfeasibleError(`--behaviour-from ${behaviour.file ?? behaviour.name}, variant "${variant}", at ${firstContacts.toFixed(1)} first contacts a day: ${error.message}`);
      throw error;
    }
    const ratio = plan.totals.attemptsPerCase;
    return ratio !== undefined && Number.isFinite(ratio) && ratio >= 1 ? ratio : 1;
  };
  if (!(calls > 0)) return { firstContactsPerDay: 0, callsPerDay: calls, attemptsPerCase: 1, variant, iterations: 0 };
  let firstContacts = calls;
  let iterations = 0;
  for (; iterations < MAX_ITERATIONS; iterations++) {
    const next = calls / attemptsPerCase(firstContacts);
    const settled = Math.abs(next - firstContacts) <= TOLERANCE * firstContacts;
    firstContacts = next;
    if (settled) break;
  }
  return { firstContactsPerDay: firstContacts, callsPerDay: calls, attemptsPerCase: calls / firstContacts, variant, iterations: iterations + 1 };
}

/** The variant's model with the imported calendar and demand (at `firstContacts` a day) in place of its own. */
function modelWith(behaviour: LoadedScenario, variant: string, sections: ImportedDemandSections, firstContacts: number) {
  const document = structuredClone(behaviour.document) as Record<string, unknown>;
  document['calendar'] = structuredClone(sections.calendar);
  document['demand'] = { ...structuredClone(sections.demand), casesPerDay: firstContacts };
  const variants = document['variants'];
  if (typeof variants === 'object' && variants !== null) {
    for (const block of Object.values(variants as Record<string, unknown>)) {
      if (typeof block !== 'object' || block === null) continue;
      delete (block as Record<string, unknown>)['calendar'];
      delete (block as Record<string, unknown>)['demand'];
    }
  }
  try {
    return (loadScenarioDocument(document, behaviour.file === null ? {} : { file: behaviour.file }).variants.find((v) => v.name === variant) as LoadedScenario['variants'][number]).model;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new InputError(error.issues.map((issue) => ({ ...issue, message: `with the imported calendar and demand, --behaviour-from does not fit: ${issue.message}` })));
  }
}
