/**
 * `--by interval|day|week|month` of `run`, `compare` and `plan`: results rolled up by calendar period, the default
 * for long runs, and the text of a roll-up and of a budget (period, FTEs, annualised totals).
 */
import type { Argv } from 'yargs';
import wrapAnsi from 'wrap-ansi';
import type { PeriodUnit } from '../core/model/calendar-periods.js';
import { openDayCount } from '../core/model/calendar-days.js';
import type { Calendar } from '../core/model/contact-centre-model.js';
import { printable } from '../core/printable.js';
import type { Budget } from '../report/budget.js';
import { formatMoney, formatNumber, formatPercent, formatSeconds, renderTable } from '../report/format.js';
import type { PeriodRollup, PeriodRow } from '../report/period-rollup.js';
import { MONTHS_NEED_DATES, rollUpReport } from '../report/period-sources.js';
import type { RollupSource } from '../report/period-rollup.js';
import { UsageError } from './usage-error.js';

export const BY_CHOICES = ['interval', 'day', 'week', 'month'] as const;
export type ByChoice = (typeof BY_CHOICES)[number];

/** The most open days whose intervals the text output lists by default; longer runs show a roll-up instead. */
export const MAX_OPEN_DAYS_FOR_INTERVALS = 7;

export function withByOption<T>(y: Argv<T>): Argv<T> {
  return y.option('by', {
    choices: BY_CHOICES,
    describe:
      'Roll results up by calendar period: day, ISO week (undated: 7 days from day 1) or month (needs calendar.startDate); ' +
      `interval lists every interval (the default up to ${MAX_OPEN_DAYS_FOR_INTERVALS} open days; longer runs show months, or weeks when undated)`,
  });
}

/** The `--by` flag, or null when not given. */
export function byFlag(args: Readonly<Record<string, unknown>>): ByChoice | null {
  return (args['by'] as ByChoice | undefined) ?? null;
}

/**
 * What the text output shows for these calendars: `--by` as given, else every interval for short runs and a roll-up by
 * month (week when undated) for runs of more than `MAX_OPEN_DAYS_FOR_INTERVALS` open days.
 */
export function textBy(by: ByChoice | null, calendars: readonly Calendar[]): ByChoice {
  if (by !== null) return by;
  const long = calendars.some((calendar) => openDayCount(calendar) > MAX_OPEN_DAYS_FOR_INTERVALS);
  if (!long) return 'interval';
  return calendars.every((calendar) => calendar.startDate !== undefined) ? 'month' : 'week';
}

/** `--by month` of an undated calendar is a usage error; checked before any work. */
export function checkByFlag(by: ByChoice | null, calendars: readonly Calendar[]): void {
  if (by === 'month' && calendars.some((calendar) => calendar.startDate === undefined)) throw new UsageError(MONTHS_NEED_DATES);
}

/** What a roll-up is made of: each variant's figures by interval, labelled. */
export type RollupVariants = readonly { readonly scenario: string; readonly variant: string; readonly source: RollupSource }[];

/**
 * The roll-up for `unit`, or null for `interval`. `variants` is called only when there is something to roll up (its
 * sources put every metric of every interval in records, which a plan shown interval by interval does not need).
 */
export function rollUp(unit: ByChoice, variants: () => RollupVariants): PeriodRollup | null {
  if (unit === 'interval') return null;
  const rollup = rollUpReport(unit as PeriodUnit, variants());
  if (rollup === null) throw new UsageError(MONTHS_NEED_DATES);
  return rollup;
}

const UNIT_WORDS: Readonly<Record<PeriodUnit, string>> = { day: 'day', week: 'week', month: 'month' };

/** The note under a default roll-up: how to see every interval. */
export function defaultRollupNote(intervalRows: number): string {
  return `(${formatNumber(intervalRows)} interval rows not listed: the run is longer than ${MAX_OPEN_DAYS_FOR_INTERVALS} open days; --by interval lists them, --json has them all)`;
}

/** One variant's periods as a table: attempts, service level, ASA, abandoned, occupancy, paid hours, FTE, total cost. */
export function periodTable(rows: readonly PeriodRow[], currency: string, simulated: boolean): string {
  const ci = (mean: string, half: number, format: (v: number) => string): string => (simulated && Number.isFinite(half) && half > 0 ? `${mean} ±${format(half)}` : mean);
  return renderTable(
    [
      { header: 'period', align: 'left' },
      { header: 'from', align: 'left' },
      { header: 'to', align: 'left' },
      { header: 'open days' },
      { header: 'attempts' },
      { header: 'SL' },
      { header: 'ASA' },
      { header: 'aband.' },
      { header: 'occ.' },
      { header: 'paid h' },
      { header: 'FTE' },
      { header: 'total cost' },
    ],
    rows.map((row) => {
      const t = row.totals;
      const none = !(t.attempts.mean > 0);
      return [
        printable(row.period),
        row.from ?? '',
        row.to ?? '',
        String(row.openDays),
        formatNumber(t.attempts.mean, 1),
        none ? '–' : formatPercent(t.serviceLevel.mean),
        none ? '–' : formatSeconds(t.asaSeconds.mean),
        none ? '–' : formatPercent(t.abandonedShare.mean),
        formatPercent(t.occupancy.mean),
        formatNumber(t.paidAgentHours.mean, 1),
        formatNumber(row.fte.mean, 1),
        ci(formatMoney(t.totalCost.mean, currency), t.totalCost.ci95, (v) => formatNumber(v, 0)),
      ];
    }),
  );
}

/** The heading above a roll-up table. */
export function periodHeading(unit: PeriodUnit, simulated: boolean): string {
  return `By ${UNIT_WORDS[unit]} (${simulated ? 'means, ±95% interval of the total cost; ' : ''}hours, FTEs and money per ${UNIT_WORDS[unit]}):`;
}

/**
 * The budget lines of a variant: its period, FTEs, and for a run shorter than a year the annualised totals.
 * @example budgetLines(budget, 'SEK', true) // ['period: 5 days, 5 open days = 1.92% of a year (260.9 open days) · FTE 10.8 (352.1 paid h / (1,700 h × 0.0192))', 'a year, estimated: …']
 */
export function budgetLines(budget: Budget, totals: { readonly paidAgentHours: { readonly mean: number } }, currency: string, simulated: boolean): string[] {
  const ci = (estimate: { mean: number; ci95: number }, format: (v: number) => string): string =>
    simulated && Number.isFinite(estimate.ci95) && estimate.ci95 > 0 ? `${format(estimate.mean)} ± ${format(estimate.ci95)}` : format(estimate.mean);
  const lines = [
    `period: ${budget.period.text}, ${budget.period.openDays} open day${budget.period.openDays === 1 ? '' : 's'} = ${formatPercent(budget.yearShare, 2)} of a year ` +
      `(${formatNumber(budget.openDaysPerYear, 1)} open days) · FTE ${ci(budget.fte, (v) => formatNumber(v, 1))} ` +
      `(${formatNumber(totals.paidAgentHours.mean, 1)} paid h / (${formatNumber(budget.hoursPerFte)} h a year × ${formatNumber(budget.yearShare, 4)}))`,
  ];
  const a = budget.annualised;
  if (a !== undefined) {
    const money = (v: number): string => formatMoney(v, currency);
    const get = (name: string): { mean: number; ci95: number } => a.totals[name] ?? { mean: Number.NaN, ci95: Number.NaN };
    lines.push(
      `a year, estimated: total cost ${ci(get('totalCost'), money)} · paid agent hours ${ci(get('paidAgentHours'), (v) => formatNumber(v, 0))} · ` +
        `cases ${ci(get('cases'), (v) => formatNumber(v, 0))} · calls ${ci(get('attempts'), (v) => formatNumber(v, 0))}`,
      `(${a.note})`,
    );
  }
  // Each line fits a terminal of TEXT_COLUMNS: continuations (and the note) are indented by two spaces.
  return lines.flatMap((line, i) => wrappedLines(line, a !== undefined && i === lines.length - 1));
}

/**
 * A line of text output wrapped to TEXT_COLUMNS: its continuations indented by two spaces (and its first line too
 * when `indentFirst`, for a note that belongs to the line above).
 */
export function wrappedLines(text: string, indentFirst = false): string[] {
  return wrapAnsi(text, TEXT_COLUMNS - 2, { trim: true })
    .split('\n')
    .map((part, j) => (j === 0 && !indentFirst ? part : `  ${part}`));
}

/** The width the budget lines are wrapped to, in columns (a terminal's, with room to spare). */
const TEXT_COLUMNS = 100;

/**
 * `make()`, called once, on first use.
 * @example const sources = once(() => plans.map(rollupSourceOfPlan)); rollUp(unit, sources)
 */
export function once<T>(make: () => T): () => T {
  let made: { readonly value: T } | null = null;
  return () => (made ??= { value: make() }).value;
}
