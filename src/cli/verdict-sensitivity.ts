/**
 * The sensitivity analysis behind an HTML report's verdict: which assumption the difference between the cheapest
 * variant and the runner-up depends on most (analytic, `staffsim sensitivity` with its default range). A long calendar
 * is analysed on an average week of it, so that the report takes seconds, not minutes; the report says so.
 */
import { InputError } from '../core/errors.js';
import { openDayCount, isOpenDay } from '../core/model/calendar-days.js';
import { WEEKDAYS, weekdayOfDay } from '../core/model/contact-centre-model.js';
import type { SensitivityResult } from '../core/sensitivity/sensitivity-result.js';
import { analyseSensitivity } from '../runner/sensitivity.js';
import { loadScenarioDocument, type LoadedScenario } from '../scenario/load.js';
import { sensitivityWorkspace } from '../scenario/sensitivity-inputs.js';

/** Calendars longer than this many open days are analysed on an average week. */
const MAX_OPEN_DAYS = 10;
const RANGE = 0.25;

/**
 * The sensitivity of `second − first` of one scenario, and what it was based on; the result is null (with the reason)
 * when it cannot be run.
 */
export function verdictSensitivity(scenario: LoadedScenario, first: string, second: string): { result: SensitivityResult | null; basis: string } {
  const model = scenario.variants.find((variant) => variant.name === first)?.model;
  if (model === undefined) return { result: null, basis: 'No sensitivity analysis: the variants come from different scenario files.' };
  const long = openDayCount(model.calendar) > MAX_OPEN_DAYS;
  try {
    const analysed = long ? averageWeek(scenario) : scenario;
    const workspace = sensitivityWorkspace(analysed, { range: RANGE, variants: [first, second] });
    const result = analyseSensitivity(workspace, scenario.name, { range: RANGE });
    const calendar = long
      ? 'on an average week of the scenario (its dates, holidays and month factors left out, so that the analysis takes seconds)'
      : 'on the scenario as it is';
    return {
      result,
      basis:
        `The assumption the answer depends on most comes from staffsim sensitivity: the analytic difference ${second} − ${first}, ` +
        `each of ${result.rows.length} inputs moved by ±${RANGE * 100}% (or over the scenario's assumptions), ${calendar}.`,
    };
  } catch (error) {
    if (error instanceof InputError) return { result: null, basis: `No sensitivity analysis: ${error.issues.map((issue) => issue.message).join('; ')}` };
    throw error;
  }
}

/**
 * The scenario over one undated week, Monday first, open on the weekdays its run is open (a centre closed at weekends
 * stays closed), without dates, holidays or month factors: demand is then the mean over the months.
 */
function averageWeek(scenario: LoadedScenario): LoadedScenario {
  const model = scenario.variants[0]?.model;
  const document = structuredClone(scenario.document) as Record<string, unknown>;
  const calendar = { ...((document['calendar'] as Record<string, unknown> | undefined) ?? {}) };
  const open = new Set<string>();
  if (model !== undefined) for (let day = 0; day < model.calendar.days && open.size < 7; day++) if (isOpenDay(model.calendar, day)) open.add(weekdayOfDay(model.calendar, day));
  for (const key of ['startDate', 'endDate', 'holidays', 'startWeekday', 'days', 'closedWeekdays']) delete calendar[key];
  document['calendar'] = { ...calendar, days: 7, startWeekday: 'mon', closedWeekdays: WEEKDAYS.filter((day) => !open.has(day)) };
  const withoutMonths = (section: unknown): void => {
    if (section !== null && typeof section === 'object') delete (section as Record<string, unknown>)['monthFactors'];
  };
  withoutMonths(document['demand']);
  for (const channel of Object.values((document['channels'] as Record<string, unknown> | undefined) ?? {})) withoutMonths(channel);
  for (const variant of Object.values((document['variants'] as Record<string, unknown> | undefined) ?? {})) {
    if (variant === null || typeof variant !== 'object') continue;
    delete (variant as Record<string, unknown>)['calendar'];
    withoutMonths((variant as Record<string, unknown>)['demand']);
  }
  return loadScenarioDocument(document, scenario.file === null || scenario.file === undefined ? {} : { file: scenario.file });
}
