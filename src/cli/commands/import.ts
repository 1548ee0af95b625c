import type { Argv } from 'yargs';
import { InputError } from '../../core/errors.js';
import type { DemandEstimate } from '../../core/plan/demand-estimate.js';
import { estimateDemand } from '../../core/plan/demand-estimate.js';
import { formatClock } from '../../core/model/clock.js';
import { WEEKDAYS } from '../../core/model/contact-centre-model.js';
import { toJson } from '../../export/json.js';
import { writeFileAtomic } from '../../export/write-file.js';
import { formatNumber, formatPercent } from '../../report/format.js';
import { readInputFile } from '../../scenario/read-input-file.js';
import type { CliIo } from '../io.js';
import { flagText, numberFlag } from '../number-flags.js';
import { UsageError } from '../usage-error.js';
import { COMMAND_LINES } from './catalogue.js';

/** The sections `staffsim import` prints, as they go into a scenario (rounded for reading; the scenario normalises). */
export interface ImportedSections {
  readonly calendar: { days: number; startWeekday: string; open: string; close: string; intervalMinutes: number };
  readonly demand: { casesPerDay: number; intradayProfile: number[]; dayFactors: Record<string, number>; overdispersion: number };
}

export function registerImportCommand(cli: Argv, io: CliIo): Argv {
  return cli.command(
    COMMAND_LINES.import.command,
    COMMAND_LINES.import.describe,
    (y) =>
      y
        .positional('counts', { type: 'string', demandOption: true, describe: 'CSV of interval counts: a timestamp column and a count column, with a header row' })
        // Untyped: yargs would turn `--interval-minutes abc` into NaN; numberFlag checks the text and quotes it.
        .option('interval-minutes', {
          default: 30,
          describe: "Scenario interval length, minutes: a multiple of the data's interval. The day is cut to whole intervals; a shorter remainder at the end is counted in the last interval",
        })
        .option('timestamp-column', { type: 'string', describe: 'Header of the timestamp column (default: detected)' })
        .option('count-column', { type: 'string', describe: 'Header of the count column (default: detected)' })
        .option('timestamp-format', {
          type: 'string',
          describe: 'iso (YYYY-MM-DD[T ]HH:MM[:SS]; a zone suffix such as Z is ignored: times are local clock times) or a pattern of YYYY MM DD HH mm ss, e.g. "DD/MM/YYYY HH:mm" (default: detected)',
        })
        .option('out', { type: 'string', describe: 'Write the sections to this file (atomically) instead of stdout' })
        .option('json', { type: 'boolean', default: false, describe: 'Print { "calendar": …, "demand": … } as JSON instead of YAML' })
        .example('$0 import bank_calls.csv', 'calendar + demand as YAML, to paste into a scenario')
        .example('$0 import bank_calls.csv --interval-minutes 15 --out demand.yaml', 'Quarter-hours, into a file')
        .example('$0 import calls.csv --timestamp-column Start --count-column Offered --timestamp-format "DD/MM/YYYY HH:mm"', 'Name the columns and the format'),
    (args) => {
      const intervalMinutes = numberFlag('interval-minutes', args['interval-minutes'], { min: 1, integer: true });
      const path = String(args.counts);
      const out = flagText('out', args.out);
      const timestampColumn = flagText('timestamp-column', args['timestamp-column']);
      const countColumn = flagText('count-column', args['count-column']);
      const timestampFormat = flagText('timestamp-format', args['timestamp-format']);
      const text = readInputFile(path);
      const estimate = estimateWithFlags(text, path, {
        intervalMinutes,
        ...(timestampColumn === null ? {} : { timestampColumn }),
        ...(countColumn === null ? {} : { countColumn }),
        ...(timestampFormat === null ? {} : { timestampFormat }),
      });
      const sections = importedSections(estimate);
      const document = args.json === true ? toJson(sections) : sectionsYaml(sections, estimate, path);
      io.stderr.write(importReport(estimate, path));
      if (out === null) {
        io.stdout.write(document);
      } else {
        writeFileAtomic(out, document);
        io.stderr.write(`staffsim: wrote ${out}\n`);
      }
    },
  );
}

/** Runs the estimate; problems get the file name, and those caused by a flag say which flag. */
function estimateWithFlags(text: string, path: string, options: Parameters<typeof estimateDemand>[1]): DemandEstimate {
  try {
    return estimateDemand(text, options);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const flagOf: Record<string, string> = {
      interval_not_multiple: '--interval-minutes',
      day_too_short: '--interval-minutes',
      bad_timestamp_format: '--timestamp-format',
    };
    const first = error.issues[0];
    const flag = first === undefined ? undefined : flagOf[first.code];
    if (flag !== undefined && first !== undefined) throw new UsageError(`${flag}: ${first.message}`);
    throw new InputError(
      error.issues.map((issue) => ({
        ...issue,
        file: path,
        message: issue.message.replace(/^(timestamp column|count column): /, (_m, what: string) => `--${what.replace(' ', '-')}: `),
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
  };
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** The sections as YAML to paste into a scenario: block mappings, the profile as a wrapped flow list. */
export function sectionsYaml(sections: ImportedSections, estimate: DemandEstimate, path: string): string {
  const { calendar, demand } = sections;
  const report = estimate.report;
  const profileLines: string[] = [];
  for (let i = 0; i < demand.intradayProfile.length; i += 10) profileLines.push(demand.intradayProfile.slice(i, i + 10).join(', '));
  const factors = Object.entries(demand.dayFactors)
    .map(([day, factor]) => `${day}: ${factor}`)
    .join(', ');
  const { calendar: cal } = estimate;
  const lines = [
    `# staffsim import ${path}: ${report.days} days (${report.firstDate} to ${report.lastDate}), ${describeDataInterval(report.dataIntervalSeconds)} counts re-binned to ${calendar.intervalMinutes} minutes.`,
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
    '  # casesPerDay: the mean of the weekday means; intradayProfile: share of the calls per interval; overdispersion: cv',
    '  # of a gamma day factor, by the method of moments on the daily totals divided by their weekday mean.',
    `  casesPerDay: ${demand.casesPerDay}`,
    `  intradayProfile: [${profileLines.join(',\n    ')}]`,
    `  dayFactors: { ${factors} }`,
    `  overdispersion: ${demand.overdispersion}`,
    '',
  ];
  return lines.join('\n');
}

function describeDataInterval(seconds: number): string {
  return seconds % 60 === 0 ? `${seconds / 60}-minute` : `${seconds}-second`;
}

/** The report on stderr: what the file held, how it was re-binned, and how the overdispersion was estimated. */
function importReport(estimate: DemandEstimate, path: string): string {
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
  return [
    `staffsim import: ${path}: ${formatNumber(r.rows)} rows (timestamps in "${r.timestampColumn}", ${r.timestampFormat}; counts in "${r.countColumn}")`,
    `  ${r.days} days from ${r.firstDate} to ${r.lastDate}: ${perWeekday}${r.weekdaysContiguous ? '' : ' (not consecutive weekdays: the calendar simulates one day)'}`,
    `  data: ${describeDataInterval(r.dataIntervalSeconds)} intervals, ${formatClock(r.dataOpenSeconds)}–${formatClock(r.dataCloseSeconds)} (${slotsPerDay} per day); ` +
      `scenario: ${calendar.intervalsPerDay} intervals of ${calendar.intervalSeconds / 60} minutes, ${formatClock(calendar.openSeconds)}–${formatClock(calendar.closeSeconds)}${folded}`,
    `  calls per day: mean ${formatNumber(r.meanPerDay, 1)}, min ${formatNumber(r.minPerDay)}, max ${formatNumber(r.maxPerDay)}; casesPerDay ${formatNumber(demand.casesPerDay, 1)} (the mean of the weekday means)`,
    `  ${dispersion}`,
    '',
  ].join('\n');
}
