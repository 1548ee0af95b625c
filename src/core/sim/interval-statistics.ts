import { costOf } from '../cost/cost-model.js';
import type { ContactCentreModel } from '../model/contact-centre-model.js';
import { ALL_METRIC_NAMES, type MetricName, type MetricRecord } from '../metrics.js';

/**
 * Streamed statistics of one replication: a block of running sums per interval in one Float64Array
 * (`interval × STAT_FIELDS + field`), so the event loop only adds numbers and nothing is kept per call.
 *
 * Attempt fields are booked to the interval in which the **attempt arrived**; case fields to the interval of the
 * attempt that decided the case's fate (first contact for `CASES`); agent-time fields to the interval of the
 * **clock** (agent time after a close goes to the day's last interval).
 */
/** First contacts (new cases), by the first contact's interval. */
export const S_CASES = 0;
/** All attempts. */
export const S_ATTEMPTS = 1;
/** Repeat contacts (attempts after an answered, unresolved contact). */
export const S_REPEATS = 2;
export const S_ANSWERED = 3;
export const S_ABANDONED = 4;
/** Attempts still waiting when the run ended (only possible with no agents left and infinite patience). */
export const S_UNANSWERED_AT_END = 5;
/** Attempts that found no free agent on arrival (had to queue). */
export const S_QUEUED = 6;
/** Answered attempts with wait ≤ answerWithinSeconds. */
export const S_ANSWERED_WITHIN = 7;
/** Abandons with wait ≤ shortAbandonSeconds. */
export const S_SHORT_ABANDONS = 8;
/** Sum of the waits of answered attempts, seconds. */
export const S_WAIT_ANSWERED = 9;
/** Sum of the time in queue of every attempt (answered, abandoned, unanswered at end), seconds. */
export const S_WAIT_ALL = 10;
/** Sum of the handle times of answered attempts, seconds. */
export const S_HANDLE = 11;
export const S_RESOLVED = 12;
/** Cases given up (no redial / no repeat) or lost (maxAttempts reached), unresolved. */
export const S_UNRESOLVED = 13;
/** Cases whose next contact would fall after the last close, or still queued at the end. */
export const S_OPEN_AT_END = 14;
/** ∫ planned on-phone agents dt, agent-seconds (clock). */
export const S_AGENT_SECONDS = 15;
/** ∫ min(busy, planned) dt, agent-seconds (clock). */
export const S_BUSY_IN_PLAN = 16;
/** ∫ max(0, busy − planned) dt, agent-seconds (clock): overtime. */
export const S_OVERTIME = 17;
/** Paid agent hours of the measured part of the interval (from the plan). */
export const S_PAID_HOURS = 18;
/** Measured length of the interval in days (for the fixed cost). */
export const S_DAYS = 19;
/** Calls the customer dialled: first contacts, redials and repeat contacts (not transfers). */
export const S_DIALLED = 20;
/** Transfers made (attempts offered to a group by another group). */
export const S_TRANSFERS = 21;
/** Transfers blocked (target queue full) or abandoned in the target queue. */
export const S_FAILED_TRANSFERS = 22;
/** Sum over resolved cases of the time from the case's first contact to its resolution, seconds. */
export const S_RESOLUTION_SECONDS = 23;
/** Tasks created (callback tries and channel tasks), by the interval they became ready. */
export const S_TASKS = 24;
/** Of those, tasks started. */
export const S_TASKS_STARTED = 25;
/** Sum of the time from a task's creation to its start, seconds. */
export const S_TASK_DELAY = 26;
/** Tasks started within their group's due time. */
export const S_TASKS_WITHIN_DUE = 27;
/** Tasks still waiting when the run ended. */
export const S_TASK_BACKLOG_AT_END = 28;
/** Seconds customers were connected in callbacks that reached them (for the telephony cost). */
export const S_CALLBACK_CONNECTED = 29;
/** Staff and overtime cost at each group's own prices (filled in at the end for a model with groups). */
export const S_STAFF_COST = 30;
export const S_OVERTIME_COST = 31;
/** Calls blocked (their group's queue was full); counted among the abandoned as well. */
export const S_BLOCKED = 32;
/**
 * Answered attempts of counted cases (whose first contact arrived after the warm-up): the numerator of
 * contactsPerResolvedCase, so that it and resolvedCases speak of the same cases (without a warm-up: every answer).
 */
export const S_ANSWERED_OF_COUNTED = 33;

export const STAT_FIELDS = 34;

/**
 * The metric record (SPEC §4) of one block of sums. A ratio with an empty denominator is undefined and is NaN
 * (no attempts → no service level, no answered attempts → no ASA or 90th-percentile wait, no resolved case → no
 * contacts or cost per resolved case, no on-phone time → no occupancy): `summariseReplications` leaves such a
 * replication out of that metric's mean, and a metric undefined in every replication is reported as null in JSON.
 *
 * @param sums the Float64Array of sums; `base` is the index of the block's first field
 * @param waitP90Seconds the 90th percentile of the answered waits of the block (from its histogram)
 */
export function metricRecordFromSums(
  sums: Float64Array,
  base: number,
  waitP90Seconds: number,
  model: ContactCentreModel,
  timeToResolutionP90Seconds = Number.NaN,
): MetricRecord {
  const at = (field: number): number => sums[base + field] as number;
  const cases = at(S_CASES);
  const attempts = at(S_ATTEMPTS);
  const answered = at(S_ANSWERED);
  const abandoned = at(S_ABANDONED);
  const resolvedCases = at(S_RESOLVED);
  const unresolvedCases = at(S_UNRESOLVED);
  const waitingSeconds = at(S_WAIT_ALL);
  const within = at(S_ANSWERED_WITHIN);
  const ratio = (numerator: number, denominator: number): number => (denominator > 0 ? numerator / denominator : Number.NaN);

  let serviceLevel: number;
  switch (model.serviceLevel.definition) {
    case 'answered-of-offered':
      serviceLevel = ratio(within, attempts);
      break;
    case 'answered-of-answered':
      serviceLevel = ratio(within, answered);
      break;
    case 'exclude-short-abandons':
      serviceLevel = ratio(within, attempts - at(S_SHORT_ABANDONS));
      break;
  }

  const paidAgentHours = at(S_PAID_HOURS);
  const overtimeHours = at(S_OVERTIME) / 3600;
  const usage = {
    paidAgentHours,
    overtimeHours,
    connectedSeconds: waitingSeconds + at(S_HANDLE) + at(S_CALLBACK_CONNECTED),
    waitingSeconds,
    repeatContacts: at(S_REPEATS),
    unresolvedCases,
    resolvedCases,
    days: at(S_DAYS),
  };
  // With agent groups, each group's hours are priced at its own rates (summed at the end of the run).
  const cost = model.network === undefined ? costOf(usage, model.costs) : costOf(usage, model.costs, { staffCost: at(S_STAFF_COST), overtimeCost: at(S_OVERTIME_COST) });
  const tasks = at(S_TASKS);
  const tasksStarted = at(S_TASKS_STARTED);
  const transfers = at(S_TRANSFERS);

  const values: Record<MetricName, number> = {
    cases,
    attempts,
    attemptsPerCase: ratio(attempts, cases),
    answered,
    abandoned,
    answeredShare: ratio(answered, attempts),
    abandonedShare: ratio(abandoned, attempts),
    serviceLevel,
    probabilityOfWaiting: ratio(at(S_QUEUED), attempts),
    asaSeconds: ratio(at(S_WAIT_ANSWERED), answered),
    meanWaitSeconds: ratio(waitingSeconds, attempts),
    waitP90Seconds: answered > 0 ? waitP90Seconds : Number.NaN,
    occupancy: ratio(at(S_BUSY_IN_PLAN), at(S_AGENT_SECONDS)),
    resolvedCases,
    resolvedShareOfCases: ratio(resolvedCases, cases),
    contactsPerResolvedCase: ratio(at(S_ANSWERED_OF_COUNTED), resolvedCases),
    unresolvedCases,
    openCasesAtEnd: at(S_OPEN_AT_END),
    unansweredAtEnd: at(S_UNANSWERED_AT_END),
    paidAgentHours,
    overtimeHours,
    staffCost: cost.staffCost,
    overtimeCost: cost.overtimeCost,
    telephonyCost: cost.telephonyCost,
    customerTimeCost: cost.customerTimeCost,
    repeatContactCost: cost.repeatContactCost,
    unresolvedCaseCost: cost.unresolvedCaseCost,
    fixedCost: cost.fixedCost,
    totalCost: cost.totalCost,
    costPerResolvedCase: cost.costPerResolvedCase,
    callsPerCase: ratio(at(S_DIALLED), cases),
    transfers,
    failedTransfers: at(S_FAILED_TRANSFERS),
    failedTransferShare: ratio(at(S_FAILED_TRANSFERS), transfers),
    timeToResolutionSeconds: ratio(at(S_RESOLUTION_SECONDS), resolvedCases),
    timeToResolutionP90Seconds: resolvedCases > 0 ? timeToResolutionP90Seconds : Number.NaN,
    tasks,
    tasksDone: tasksStarted,
    taskDelaySeconds: ratio(at(S_TASK_DELAY), tasksStarted),
    tasksWithinDueShare: ratio(at(S_TASKS_WITHIN_DUE), tasksStarted),
    taskBacklogAtEnd: at(S_TASK_BACKLOG_AT_END),
  };
  // Same key order as ALL_METRIC_NAMES, whatever the literal above says, so JSON output is stable.
  const record = {} as MetricRecord;
  for (const name of ALL_METRIC_NAMES) record[name] = values[name];
  return record;
}
