import type { Argv } from 'yargs';
import { InputError } from '../../core/errors.js';
import { demandHistory, type DemandEstimate, type DemandHistoryOptions } from '../../core/history/demand-history.js';
import { formatClock } from '../../core/model/clock.js';
import { WEEKDAYS } from '../../core/model/contact-centre-model.js';
import { printable } from '../../core/printable.js';
import { toJson } from '../../export/json.js';
import { writeFileAtomic } from '../../export/write-file.js';
import { formatNumber, formatPercent } from '../../report/format.js';
import { estimateFirstContacts, type FirstContactEstimate } from '../../scenario/first-contact-estimate.js';
import { readScenarioFile } from '../../scenario/load.js';
import { forEachLine } from '../../scenario/read-input-file.js';
import type { CliIo } from '../io.js';
import { flagText, numberFlag } from '../number-flags.js';
import { checkOutExtension, checkOutputFlag } from '../output.js';
import { UsageError } from '../usage-error.js';
import { COMMAND_LINES } from './catalogue.js';

/** The sections `staffsim import` prints, as they go into a scenario (rounded for reading; the scenario normalises). */
export interface ImportedSections {
  readonly calendar: { days: number; startWeekday: string; open: string; close: string; intervalMinutes: number };
  readonly demand: { casesPerDay: number; intradayProfile: number[]; dayFactors: Record<string, number>; overdispersion: number };
  /** With an average-handle-time column: its call-weighted mean (the data gives only the mean). */
  readonly handling?: { handleTime: { distribution: 'exponential'; meanSeconds: number } };
}

/** What the counts are: every call (the default reading: all taken as first contacts), or attempts to turn into first contacts. */
const CALLS_ARE = ['first-contacts', 'attempts'] as const;

/** No line of a counts file is longer than this (a file without line breaks is not a table). */
const MAX_LINE_CHARACTERS = 65_536;

export function registerImportCommand(cli: Argv, io: CliIo): Argv {
  return cli.command(
    COMMAND_LINES.import.command,
    COMMAND_LINES.import.describe,
    (y) =>
      y
        .positional('counts', {
          type: 'string',
          demandOption: true,
          describe: 'Interval counts with a header row: a timestamp column (or a date and a time column) and a count column; comma, semicolon or tab separated',
        })
        // Untyped: yargs would turn `--interval-minutes abc` into NaN; numberFlag checks the text and quotes it.
        .option('interval-minutes', {
          default: 30,
          describe: "Scenario interval length, minutes: a multiple of the data's interval. The day is cut to whole intervals; a shorter remainder at the end is counted in the last interval",
        })
        .option('timestamp-column', { type: 'string', describe: 'Header of the timestamp column (default: detected)' })
        .option('date-column', { type: 'string', describe: 'Header of a date column, with --time-column: the time of a row in two columns (default: detected when no timestamp column is found)' })
        .option('time-column', { type: 'string', describe: 'Header of a time column (08:15, or an interval such as 08:15-08:30: its start counts), with --date-column' })
        .option('count-column', { type: 'string', describe: 'Header of the count column (default: detected)' })
        .option('aht-column', { type: 'string', describe: 'Header of an average-handle-time column, which becomes handling.handleTime.meanSeconds (default: detected by a name such as AHT or Handle time)' })
        .option('aht-unit', { choices: ['seconds', 'minutes'] as const, describe: 'Unit of plain numbers in the AHT column; m:ss and h:mm:ss are read as durations (default: minutes when its header says so, else seconds)' })
        .option('timestamp-format', {
          type: 'string',
          describe: 'iso (YYYY-MM-DD[T ]HH:MM[:SS]; a zone suffix such as Z is ignored: times are local clock times) or a pattern of YYYY MM DD HH mm ss, e.g. "DD/MM/YYYY HH:mm" (default: detected)',
        })
        .option('date-format', { type: 'string', describe: 'With a date column: a pattern of YYYY MM DD, e.g. "DD.MM.YYYY" for day-first dates (default: detected)' })
        .option('calls-are', {
          choices: CALLS_ARE,
          default: 'first-contacts' as const,
          describe:
            'first-contacts: casesPerDay is the calls as they are; attempts: the calls include redials and repeat contacts, and casesPerDay is the first contacts estimated with the behaviour of --behaviour-from',
        })
        .option('behaviour-from', { type: 'string', describe: 'With --calls-are attempts: the scenario whose redials, repeat contacts and staffing turn calls into first contacts' })
        .option('variant', { type: 'string', describe: 'With --behaviour-from: the variant whose behaviour is used (default: the first)' })
        .option('out', { type: 'string', describe: 'Write the sections to this file (atomically) instead of stdout' })
        .option('json', { type: 'boolean', default: false, describe: 'Print { "calendar": …, "demand": … } as JSON instead of YAML' })
        .example('$0 import bank_calls.csv', 'calendar + demand as YAML, to paste into a scenario')
        .example('$0 import bank_calls.csv --interval-minutes 15 --out demand.yaml', 'Quarter-hours, into a file')
        .example('$0 import acd.csv --date-column Datum --time-column Intervall --date-format DD.MM.YYYY', 'An export with the date and the time in two columns')
        .example('$0 import acd.csv --calls-are attempts --behaviour-from centre.yaml', 'First contacts: the calls less the redials and repeat contacts that centre.yaml describes')
        .example('$0 import calls.csv --timestamp-column Start --count-column Offered --timestamp-format "DD/MM/YYYY HH:mm"', 'Name the columns and the format'),
    (args) => {
      const intervalMinutes = numberFlag('interval-minutes', args['interval-minutes'], { min: 1, integer: true });
      const path = String(args.counts);
      const out = flagText('out', args.out);
      const behaviourFrom = flagText('behaviour-from', args['behaviour-from']);
      const variant = flagText('variant', args.variant);
      const callsAre = args['calls-are'] as (typeof CALLS_ARE)[number];
      if (callsAre === 'attempts' && behaviourFrom === null) {
        throw new UsageError('--calls-are attempts: give the scenario whose redials and repeat contacts turn calls into first contacts, with --behaviour-from SCENARIO');
      }
      if (callsAre !== 'attempts' && behaviourFrom !== null) throw new UsageError('--behaviour-from: applies to --calls-are attempts');
      if (variant !== null && behaviourFrom === null) throw new UsageError('--variant: applies to --behaviour-from');
      const options: DemandHistoryOptions = {
        intervalMinutes,
        ...optional('timestampColumn', flagText('timestamp-column', args['timestamp-column'])),
        ...optional('dateColumn', flagText('date-column', args['date-column'])),
        ...optional('timeColumn', flagText('time-column', args['time-column'])),
        ...optional('countColumn', flagText('count-column', args['count-column'])),
        ...optional('ahtColumn', flagText('aht-column', args['aht-column'])),
        ...optional('ahtUnit', (args['aht-unit'] as 'seconds' | 'minutes' | undefined) ?? null),
        ...optional('timestampFormat', flagText('timestamp-format', args['timestamp-format'])),
        ...optional('dateFormat', flagText('date-format', args['date-format'])),
      };
      if (options.timestampColumn !== undefined && (options.dateColumn !== undefined || options.timeColumn !== undefined)) {
        throw new UsageError('--timestamp-column: give either a timestamp column or a date and a time column');
      }
      if (out !== null) {
        checkOutputFlag('out', out);
        checkOutExtension(out, args.json === true ? 'json' : 'yaml', args.json === true ? '--json' : 'import without --json');
      }
      // The behaviour scenario is read before the counts, so that a broken one is reported before a long import.
      const behaviour = behaviourFrom === null ? null : readScenarioFile(behaviourFrom);

      const estimate = readCounts(path, options);
      let sections = importedSections(estimate);
      let firstContacts: FirstContactEstimate | null = null;
      if (behaviour !== null) {
        firstContacts = estimateFirstContacts(behaviour, variant ?? undefined, sections);
        sections = { ...sections, demand: { ...sections.demand, casesPerDay: round(firstContacts.firstContactsPerDay, 1) } };
      }
      const document = args.json === true ? toJson(sections) : sectionsYaml(sections, estimate, path, firstContacts === null ? null : { ...firstContacts, scenario: behaviourFrom as string });
      io.stderr.write(importReport(estimate, path, firstContacts === null ? null : { ...firstContacts, scenario: behaviourFrom as string }));
      if (out === null) {
        io.stdout.write(document);
      } else {
        writeFileAtomic(out, document);
        io.stderr.write(`staffsim: wrote ${printable(out)}\n`);
      }
    },
  );
}

function optional<K extends string, V>(key: K, value: V | null): { [P in K]?: V } {
  return (value === null ? {} : { [key]: value }) as { [P in K]?: V };
}

/** Reads the file line by line into the estimate; problems get the file name, and those caused by a flag say which flag. */
function readCounts(path: string, options: DemandHistoryOptions): DemandEstimate {
  try {
    const history = demandHistory(options);
    forEachLine(path, (line) => history.addLine(line), MAX_LINE_CHARACTERS);
    return history.finish();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const flagOf: Record<string, string> = {
      interval_not_multiple: '--interval-minutes',
      day_too_short: '--interval-minutes',
      bad_timestamp_format: '--timestamp-format',
      bad_date_format: '--date-format',
      date_without_time: '--date-column',
    };
    const first = error.issues[0];
    const flag = first === undefined ? undefined : flagOf[first.code];
    if (flag !== undefined && first !== undefined) throw new UsageError(`${flag}: ${first.message}`);
    throw new InputError(
      error.issues.map((issue) => ({
        ...issue,
        file: issue.file ?? path,
        message: issue.message.replace(/^(timestamp column|date column|time column|count column|AHT column): /, (_m, what: string) => `--${what.toLowerCase().replace(' ', '-')}: `),
      })),
    );
  }
}

/** The sections, with figures rounded for reading (the scenario normalises the profile and the day factors). */
export function importedSections(estimate: DemandEstimate): ImportedSections {
  const { calendar, demand } = estimate;
  const dayFactors: Record<string, number> = {};
  for (const weekday of WEEKDAYS) {
    const factor = demand.dayFactors[weekday];
    if (factor !== undefined) dayFactors[weekday] = round(factor, 4);
  }
  return {
    calendar: {
      days: calendar.days,
      startWeekday: calendar.startWeekday,
      open: formatClock(calendar.openSeconds),
      close: formatClock(calendar.closeSeconds),
      intervalMinutes: calendar.intervalSeconds / 60,
    },
    demand: {
      casesPerDay: round(demand.casesPerDay, 1),
      intradayProfile: demand.intradayProfile.map((share) => Number(share.toPrecision(4))),
      dayFactors,
      overdispersion: round(demand.overdispersionCv, 4),
    },
    ...(estimate.meanHandleSeconds === null ? {} : { handling: { handleTime: { distribution: 'exponential', meanSeconds: round(estimate.meanHandleSeconds, 1) } } }),
  };
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

type FirstContactsUsed = FirstContactEstimate & { readonly scenario: string };

/** The sections as YAML to paste into a scenario: block mappings, the profile as a wrapped flow list. */
export function sectionsYaml(sections: ImportedSections, estimate: DemandEstimate, path: string, firstContacts: FirstContactsUsed | null): string {
  const { calendar, demand } = sections;
  const report = estimate.report;
  const profileLines: string[] = [];
  for (let i = 0; i < demand.intradayProfile.length; i += 10) profileLines.push(demand.intradayProfile.slice(i, i + 10).join(', '));
  const factors = Object.entries(demand.dayFactors)
    .map(([day, factor]) => `${day}: ${factor}`)
    .join(', ');
  const { calendar: cal } = estimate;
  const casesComment =
    firstContacts === null
      ? [
          `  # casesPerDay: the mean of the weekday means of the calls in the data. Calls include redials and repeat contacts, which`,
          `  # staffsim adds on top of casesPerDay: if the scenario has them, import with --calls-are attempts --behaviour-from it.`,
        ]
      : [
          `  # casesPerDay: first contacts, estimated as ${formatNumber(firstContacts.callsPerDay, 1)} calls a day ÷ ${formatNumber(firstContacts.attemptsPerCase, 4)} attempts per case`,
          `  # (the analytic plan of ${printable(firstContacts.scenario)}, variant "${printable(firstContacts.variant)}", with this calendar and demand).`,
        ];
  const thin = report.thinWeekdays.map((day) => `${day} (${report.daysPerWeekday[day]})`);
  const lines = [
    `# staffsim import ${printable(path)}: ${report.days} days (${report.firstDate} to ${report.lastDate}), ${describeDataInterval(report.dataIntervalSeconds)} counts re-binned to ${calendar.intervalMinutes} minutes.`,
    ...(report.foldedSeconds > 0
      ? [
          `# The data runs until ${formatClock(report.dataCloseSeconds)}: the calls of ${formatClock(cal.closeSeconds)}–${formatClock(report.dataCloseSeconds)} are counted in the ` +
            `${formatClock(cal.closeSeconds - cal.intervalSeconds)} interval, so the day closes at ${calendar.close} with no call lost.`,
        ]
      : []),
    ...(report.weekdaysContiguous ? [] : ['# The weekdays in the data are not consecutive days: the calendar simulates one day.']),
    'calendar:',
    `  days: ${calendar.days}`,
    `  startWeekday: ${calendar.startWeekday}`,
    `  open: "${calendar.open}"`,
    `  close: "${calendar.close}"`,
    `  intervalMinutes: ${calendar.intervalMinutes}`,
    'demand:',
    ...casesComment,
    '  # intradayProfile: share of the calls per interval; overdispersion: cv of a gamma day factor, by the method of moments',
    '  # on the daily totals divided by their weekday mean.',
    `  casesPerDay: ${demand.casesPerDay}`,
    `  intradayProfile: [${profileLines.join(',\n    ')}]`,
    ...(thin.length > 0 ? [`  # dayFactors of ${thin.join(', ')}: fewer than four days each, so these factors are rough.`] : []),
    `  dayFactors: { ${factors} }`,
    `  overdispersion: ${demand.overdispersion}`,
    ...(sections.handling === undefined
      ? []
      : [
          'handling:',
          `  # handleTime: the mean of the column "${printable(report.aht?.column ?? '')}", weighted by the calls of each row. The data gives only the mean:`,
          '  # exponential is assumed (cv 1); use a lognormal with a measured cv if you have one.',
          `  handleTime: { distribution: exponential, meanSeconds: ${sections.handling.handleTime.meanSeconds} }`,
        ]),
    '',
  ];
  return lines.join('\n');
}

function describeDataInterval(seconds: number): string {
  return seconds % 60 === 0 ? `${seconds / 60}-minute` : `${seconds}-second`;
}

/** The report on stderr: what the file held, how it was re-binned, how overdispersion was estimated, and what to watch. */
function importReport(estimate: DemandEstimate, path: string, firstContacts: FirstContactsUsed | null): string {
  const r = estimate.report;
  const { calendar, demand } = estimate;
  const perWeekday = WEEKDAYS.filter((day) => r.daysPerWeekday[day] !== undefined)
    .map((day) => `${day} ${r.daysPerWeekday[day]}`)
    .join(', ');
  const slotsPerDay = (r.dataCloseSeconds - r.dataOpenSeconds) / r.dataIntervalSeconds;
  const folded =
    r.foldedSeconds > 0
      ? `; the calls of ${formatClock(calendar.closeSeconds)}–${formatClock(r.dataCloseSeconds)} (${formatPercent(r.foldedShare, 2)} of all) are counted in the ${formatClock(calendar.closeSeconds - calendar.intervalSeconds)} interval`
      : '';
  const dispersion =
    r.overdispersionDegreesOfFreedom > 0
      ? `overdispersion ${formatNumber(demand.overdispersionCv, 4)}: cv of a gamma day factor, by the method of moments on the daily totals divided by ` +
        `their weekday mean (cv² = max(0, s² − mean 1/m), ${r.overdispersionDegreesOfFreedom} degrees of freedom); Poisson alone would give ` +
        `${formatNumber(r.poissonCv, 4)}. Trends and seasons over the period count as day-to-day variation.`
      : 'overdispersion 0: not estimated (no weekday occurs on two days).';
  const times = r.timestampColumn !== null ? `timestamps in "${r.timestampColumn}"` : `dates in "${r.dateColumn ?? ''}", times in "${r.timeColumn ?? ''}"`;
  const separator = r.delimiter === ',' ? '' : `, separated by ${r.delimiter === ';' ? 'semicolons' : 'tabs'}`;
  const lines = [
    `staffsim import: ${printable(path)}: ${formatNumber(r.rows)} rows (${printable(times)}, ${printable(r.timestampFormat)}; counts in "${printable(r.countColumn)}"${separator})`,
    `  ${r.days} days from ${r.firstDate} to ${r.lastDate}: ${perWeekday}${r.weekdaysContiguous ? '' : ' (not consecutive weekdays: the calendar simulates one day)'}`,
    `  data: ${describeDataInterval(r.dataIntervalSeconds)} intervals, ${formatClock(r.dataOpenSeconds)}–${formatClock(r.dataCloseSeconds)} (${slotsPerDay} per day); ` +
      `scenario: ${calendar.intervalsPerDay} intervals of ${calendar.intervalSeconds / 60} minutes, ${formatClock(calendar.openSeconds)}–${formatClock(calendar.closeSeconds)}${folded}`,
    `  calls per day: mean ${formatNumber(r.meanPerDay, 1)}, min ${formatNumber(r.minPerDay)}, max ${formatNumber(r.maxPerDay)}; mean of the weekday means ${formatNumber(demand.casesPerDay, 1)}`,
    `  ${dispersion}`,
    ...(r.aht === null
      ? []
      : [
          estimate.meanHandleSeconds === null
            ? `  handle time: the column "${printable(r.aht.column)}" has no value on a row with calls; no handling section`
            : `  handle time: mean ${formatNumber(estimate.meanHandleSeconds, 1)} s from "${printable(r.aht.column)}" (${r.aht.unit}), weighted by the calls of ${formatNumber(r.aht.rows)} rows`,
        ]),
    firstContacts === null
      ? '  casesPerDay: the calls as they are. Calls include redials and repeat contacts; staffsim adds those on top of casesPerDay, so with redials or repeat contacts in your scenario use --calls-are attempts --behaviour-from SCENARIO.'
      : `  casesPerDay ${formatNumber(firstContacts.firstContactsPerDay, 1)} first contacts = ${formatNumber(firstContacts.callsPerDay, 1)} calls ÷ ${formatNumber(firstContacts.attemptsPerCase, 4)} attempts per case ` +
        `(the analytic plan of ${printable(firstContacts.scenario)}, variant "${printable(firstContacts.variant)}", with this calendar and demand; ${firstContacts.iterations} rounds)`,
    ...(r.thinWeekdays.length > 0
      ? [
          `staffsim: warning: the day factors of ${r.thinWeekdays.map((day) => `${day} (${r.daysPerWeekday[day]} day${r.daysPerWeekday[day] === 1 ? '' : 's'})`).join(', ')} rest on fewer than four days each; ` +
            'import at least four weeks for steadier factors.',
        ]
      : []),
    '',
  ];
  return lines.join('\n');
}
