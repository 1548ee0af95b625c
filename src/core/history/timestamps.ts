/**
 * Timestamps of interval counts as exports write them: ISO 8601, day-first or month-first dates, in one column or in
 * a date column and a time column (the time may be an interval, `08:00-08:15`, of which the start counts). Local
 * clock times: a zone suffix is ignored. Pure: no Date objects.
 */
import { InputError } from '../errors.js';

/** A point in local clock time. */
export interface Timestamp {
  /** YYYY-MM-DD. */
  readonly date: string;
  /** Days since 1970-01-01 (for order and weekday). */
  readonly dayNumber: number;
  readonly secondsOfDay: number;
}

export interface TimestampFormat {
  readonly name: string;
  /** What the format expects, for messages. */
  readonly describe: string;
  parse(text: string): Timestamp | null;
}

const ZONE_SUFFIX = String.raw`\s*(?:Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?`;

/** YYYY-MM-DD HH:MM[:SS] or with a T; a zone suffix is ignored. */
export const ISO: TimestampFormat = {
  name: 'iso',
  describe: 'format iso: YYYY-MM-DD HH:MM[:SS] or YYYY-MM-DDTHH:MM[:SS], a zone suffix is ignored (local clock time)',
  parse: compileRegex(new RegExp(String.raw`^(?<Y>\d{4})-(?<M>\d{1,2})-(?<D>\d{1,2})[T ](?<h>\d{1,2}):(?<m>\d{2})(?::(?<s>\d{2})(?:\.\d+)?)?${ZONE_SUFFIX}$`, 'i')),
};

/** The date forms told apart by the data, in order; day-first and month-first are told apart by days above 12. */
export const DATE_PATTERNS = ['YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY', 'YYYY/MM/DD', 'DD.MM.YYYY', 'DD-MM-YYYY'] as const;

/** The single-column forms tried when no format is given: ISO, then each date form with `HH:mm`. */
export const DETECTABLE_FORMATS: readonly TimestampFormat[] = [ISO, ...DATE_PATTERNS.slice(1).map((date) => patternFormat(`${date} HH:mm`))];

/** The forms tried for a date column joined with its time column: each date form with `HH:mm`. */
export const DETECTABLE_SPLIT_FORMATS: readonly TimestampFormat[] = DATE_PATTERNS.map((date) => patternFormat(`${date} HH:mm`));

/**
 * A format from the user: `iso`, or a pattern of YYYY (4 digits), MM, DD, HH (1–2 digits), mm, ss (2 digits) and
 * literal characters; seconds may follow the minutes even when the pattern has none, and a zone suffix is ignored.
 * @throws InputError (code `bad_timestamp_format`) for a pattern without YYYY, MM, DD, HH and mm, or with one twice
 * @example patternFormat('DD/MM/YYYY HH:mm').parse('03/04/2003 07:05')?.date // '2003-04-03'
 */
export function patternFormat(pattern: string): TimestampFormat {
  if (pattern.trim().toLowerCase() === 'iso') return ISO;
  const tokens: Record<string, string> = {
    YYYY: String.raw`(?<Y>\d{4})`,
    MM: String.raw`(?<M>\d{1,2})`,
    DD: String.raw`(?<D>\d{1,2})`,
    HH: String.raw`(?<h>\d{1,2})`,
    mm: String.raw`(?<m>\d{2})`,
    ss: String.raw`(?<s>\d{2})`,
  };
  let source = '';
  const seen = new Set<string>();
  for (let i = 0; i < pattern.length; ) {
    const token = Object.keys(tokens).find((t) => pattern.startsWith(t, i));
    if (token !== undefined) {
      if (seen.has(token)) throw new InputError([{ path: '', code: 'bad_timestamp_format', message: `timestamp format ${JSON.stringify(pattern)}: ${token} appears twice` }]);
      seen.add(token);
      source += tokens[token];
      i += token.length;
    } else {
      source += (pattern[i] as string).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, String.raw`\s+`);
      i++;
    }
  }
  const missing = ['YYYY', 'MM', 'DD', 'HH', 'mm'].filter((token) => !seen.has(token));
  if (missing.length > 0) {
    throw new InputError([
      { path: '', code: 'bad_timestamp_format', message: `timestamp format ${JSON.stringify(pattern)}: missing ${missing.join(', ')} (use YYYY, MM, DD, HH, mm and optionally ss)` },
    ]);
  }
  const seconds = seen.has('ss') ? '' : String.raw`(?::(?<s>\d{2}))?`;
  return { name: pattern, describe: `format ${JSON.stringify(pattern)}`, parse: compileRegex(new RegExp(`^${source}${seconds}${ZONE_SUFFIX}$`, 'i')) };
}

/**
 * A date pattern (YYYY, MM, DD and literal characters) for a date column: the format of the date joined with its time.
 * @example datePatternFormat('DD.MM.YYYY').name // 'DD.MM.YYYY HH:mm'
 */
export function datePatternFormat(pattern: string): TimestampFormat {
  const trimmed = pattern.trim();
  if (trimmed.toLowerCase() === 'iso') return patternFormat('YYYY-MM-DD HH:mm');
  const problem = /HH|mm|ss/.test(trimmed)
    ? 'give the date only (YYYY, MM and DD); the time is in its own column'
    : ['YYYY', 'MM', 'DD'].some((token) => !trimmed.includes(token))
      ? `missing ${['YYYY', 'MM', 'DD'].filter((token) => !trimmed.includes(token)).join(', ')} (use YYYY, MM and DD)`
      : null;
  if (problem !== null) throw new InputError([{ path: '', code: 'bad_date_format', message: `date format ${JSON.stringify(pattern)}: ${problem}` }]);
  return patternFormat(`${trimmed} HH:mm`);
}

/** `YYYY-MM-DD` and the other date forms alone, for recognising a date column. */
const DATE_ONLY: readonly RegExp[] = [/^\d{4}-\d{1,2}-\d{1,2}$/, /^\d{1,2}\/\d{1,2}\/\d{4}$/, /^\d{4}\/\d{1,2}\/\d{1,2}$/, /^\d{1,2}\.\d{1,2}\.\d{4}$/, /^\d{1,2}-\d{1,2}-\d{4}$/];

/** True for a date without a time, in one of the forms above. @example isDateOnly('04.03.2024') // true */
export function isDateOnly(text: string): boolean {
  return DATE_ONLY.some((form) => form.test(text.trim()));
}

const CLOCK = String.raw`\d{1,2}:\d{2}(?::\d{2})?`;
const TIME_OR_INTERVAL = new RegExp(String.raw`^(${CLOCK})(?:\s*[-–—]\s*${CLOCK})?$`);

/**
 * The start of a time column's value: `08:15`, `8:15:00`, or an interval such as `08:15-08:30` or `08:15 – 08:30`;
 * null for anything else.
 * @example timeOfDayStart('08:15 - 08:30') // '08:15'
 */
export function timeOfDayStart(text: string): string | null {
  return TIME_OR_INTERVAL.exec(text.trim())?.[1] ?? null;
}

function compileRegex(regex: RegExp): (text: string) => Timestamp | null {
  return (text) => {
    const groups = regex.exec(text)?.groups;
    if (groups === undefined) return null;
    const year = Number(groups['Y']);
    const month = Number(groups['M']);
    const day = Number(groups['D']);
    const hour = Number(groups['h']);
    const minute = Number(groups['m']);
    const second = groups['s'] === undefined ? 0 : Number(groups['s']);
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return null;
    return {
      date: `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      dayNumber: daysFromCivil(year, month, day),
      secondsOfDay: hour * 3600 + minute * 60 + second,
    };
  };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil; no Date object needed). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The date YYYY-MM-DD of a day number (the inverse of daysFromCivil; H. Hinnant's civil_from_days). */
export function civilFromDays(dayNumber: number): string {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
