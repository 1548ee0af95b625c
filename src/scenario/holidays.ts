/**
 * Public holidays of a country, from date-holidays (a maintained library of the holiday rules of about 200 countries
 * and their regions, Easter-based days included), loaded only when a scenario names a country: its rules are large,
 * and no other command needs them.
 */
import { createRequire } from 'node:module';

/** The part of date-holidays' API used here. */
interface HolidayLibrary {
  getCountries(): Record<string, string>;
  getStates(country: string): Record<string, string> | undefined;
  init(country: string, state?: string): unknown;
  getHolidays(year: number): { readonly date: string; readonly name: string; readonly type: string }[];
}
type HolidayOptions = { types?: string[] };
type HolidayLibraryClass = new (country?: string, stateOrOptions?: string | HolidayOptions, options?: HolidayOptions) => HolidayLibrary;

/** Holiday types that close a contact centre: days off by law, and bank holidays (julafton, nyårsafton in Sweden). */
export const CLOSING_HOLIDAY_TYPES = ['public', 'bank'] as const;

/** A country code, optionally with a region: "SE", "DE-BY", "GB-SCT". */
export const COUNTRY_CODE_PATTERN = /^([A-Za-z]{2})(?:-([A-Za-z0-9]{1,3}))?$/;

let library: HolidayLibraryClass | undefined;
function holidayLibrary(): HolidayLibraryClass {
  library ??= createRequire(import.meta.url)('date-holidays') as HolidayLibraryClass;
  return library;
}

/**
 * Why a country code cannot be used, or null when date-holidays knows it (and its region).
 * @example countryCodeProblem('SE') // null
 * @example countryCodeProblem('XX') // 'unknown country code "XX" (date-holidays knows 200 countries, e.g. SE, GB, US, DE)'
 */
export function countryCodeProblem(code: string): string | null {
  const match = COUNTRY_CODE_PATTERN.exec(code);
  if (match === null) return `expected a country code such as SE or DE-BY, or a date "YYYY-MM-DD" (got "${code}")`;
  const country = (match[1] as string).toUpperCase();
  const region = match[2]?.toUpperCase();
  const probe = new (holidayLibrary())();
  const countries = probe.getCountries();
  if (countries[country] === undefined) {
    return `unknown country code "${code}" (date-holidays knows ${Object.keys(countries).length} countries, e.g. SE, GB, US, DE)`;
  }
  if (region !== undefined) {
    const regions = probe.getStates(country) ?? {};
    if (regions[region] === undefined) {
      const known = Object.keys(regions);
      return known.length === 0
        ? `unknown region "${region}" of ${country}: date-holidays has no regions for ${countries[country]}`
        : `unknown region "${region}" of ${country} (known: ${known.join(', ')})`;
    }
  }
  return null;
}

/**
 * The public and bank holidays of a country (or region) from `firstYear` to `lastYear`, by ISO date, with their
 * local names; a day with two holidays keeps the first name.
 * @example holidaysOf('SE', 2027, 2027).get('2027-06-25') // 'midsommarafton'
 */
export function holidaysOf(code: string, firstYear: number, lastYear: number): Map<string, string> {
  const [country, region] = code.toUpperCase().split('-') as [string, string | undefined];
  const Holidays = holidayLibrary();
  const options = { types: [...CLOSING_HOLIDAY_TYPES] };
  const calendar = region === undefined ? new Holidays(country, options) : new Holidays(country, region, options);
  const days = new Map<string, string>();
  for (let year = firstYear; year <= lastYear; year++) {
    for (const holiday of calendar.getHolidays(year)) {
      if (!(CLOSING_HOLIDAY_TYPES as readonly string[]).includes(holiday.type)) continue;
      const date = holiday.date.slice(0, 10);
      if (!days.has(date)) days.set(date, holiday.name);
    }
  }
  return days;
}
