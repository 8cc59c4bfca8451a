/**
 * Belgian public holidays, as local calendar dates (no time zone: a holiday is a whole local day).
 *
 * The ten legal public holidays (wettelijke feestdagen, KB 18 april 1974) are the default set. Community
 * holidays such as the Flemish Community's 11 July are days off for some public services but not
 * federal public holidays, so they are an opt-in extra set ({@link flemishCommunityHolidays}).
 * The current list is applied to every Gregorian year; the law itself dates from 1974.
 */

/** A calendar date; `month` is 1–12. */
export interface LocalDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Stable identifiers of holidays; the UI translates them (e.g. `contact.holiday.<key>`). */
export type HolidayKey =
  | 'new_year'
  | 'easter_monday'
  | 'labour_day'
  | 'ascension'
  | 'whit_monday'
  | 'national_day'
  | 'assumption'
  | 'all_saints'
  | 'armistice'
  | 'christmas'
  | 'flemish_community_day';

/** A holiday on a given local date. */
export interface Holiday extends LocalDate {
  readonly key: HolidayKey;
}

/** A set of holidays, computed per year. */
export type HolidaySet = (year: number) => readonly Holiday[];

/** The first year of the Gregorian calendar, where the Easter computation is valid. */
const FIRST_GREGORIAN_YEAR = 1583;

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_GREGORIAN_YEAR) {
    throw new RangeError(`year must be an integer from ${FIRST_GREGORIAN_YEAR}`);
  }
}

/** The date `days` after a date, in the proleptic Gregorian calendar. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(0);
  d.setUTCFullYear(date.year, date.month - 1, date.day + days);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * Easter Sunday of a Gregorian year, by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
 * @throws {RangeError} for a non-integer year or one before 1583.
 * @example easterSunday(2026) // { year: 2026, month: 4, day: 5 }
 */
export function easterSunday(year: number): LocalDate {
  assertYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const n = h + l - 7 * m + 114;
  return { year, month: Math.floor(n / 31), day: (n % 31) + 1 };
}

function on(date: LocalDate, key: HolidayKey): Holiday {
  return { year: date.year, month: date.month, day: date.day, key };
}

/**
 * The ten Belgian legal public holidays of a year, in calendar order.
 * @throws {RangeError} for a non-integer year or one before 1583.
 */
export function belgianHolidays(year: number): readonly Holiday[] {
  const easter = easterSunday(year);
  return [
    on({ year, month: 1, day: 1 }, 'new_year'),
    on(addDays(easter, 1), 'easter_monday'),
    on({ year, month: 5, day: 1 }, 'labour_day'),
    on(addDays(easter, 39), 'ascension'),
    on(addDays(easter, 50), 'whit_monday'),
    on({ year, month: 7, day: 21 }, 'national_day'),
    on({ year, month: 8, day: 15 }, 'assumption'),
    on({ year, month: 11, day: 1 }, 'all_saints'),
    on({ year, month: 11, day: 11 }, 'armistice'),
    on({ year, month: 12, day: 25 }, 'christmas'),
  ].sort((x, y) => x.month - y.month || x.day - y.day);
}

/**
 * The Flemish Community holiday (11 July, Feest van de Vlaamse Gemeenschap). Not a federal public
 * holiday, so not in the default set; pass it as an extra set to {@link belgianHolidayOn} when a
 * service follows the Flemish calendar.
 */
export const flemishCommunityHolidays: HolidaySet = (year) => {
  assertYear(year);
  return [on({ year, month: 7, day: 11 }, 'flemish_community_day')];
};

/**
 * The holiday on a local date, if any: a Belgian legal public holiday, or one from `extraSets`.
 * Returns `undefined` for years before 1583 (no Gregorian calendar, no holidays computed).
 */
export function belgianHolidayOn(
  date: LocalDate,
  extraSets: readonly HolidaySet[] = [],
): Holiday | undefined {
  if (!Number.isInteger(date.year) || date.year < FIRST_GREGORIAN_YEAR) return undefined;
  for (const set of [belgianHolidays, ...extraSets]) {
    const found = set(date.year).find((h) => h.month === date.month && h.day === date.day);
    if (found) return found;
  }
  return undefined;
}

/**
 * Whether a local date is a Belgian legal public holiday (or in one of `extraSets`).
 * @example isBelgianHoliday({ year: 2026, month: 4, day: 6 }) // true: Easter Monday
 */
export function isBelgianHoliday(date: LocalDate, extraSets: readonly HolidaySet[] = []): boolean {
  return belgianHolidayOn(date, extraSets) !== undefined;
}
