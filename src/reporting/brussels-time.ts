/**
 * Calendar arithmetic in Belgian local time (Europe/Brussels), built on Intl only.
 *
 * Legal deadlines ("within 7 days", "within 3 months") are counted in calendar days and months as
 * people in Belgium experience them, so they must be computed on the local wall clock, not by adding
 * fixed numbers of milliseconds to a UTC instant: 7 days after 25 March 10:00 is 1 April 10:00 local
 * time, although only 167 hours have passed across the switch to summer time.
 */

/** The IANA time zone every legal clock in this product is counted in. */
export const BRUSSELS_TIME_ZONE = 'Europe/Brussels';

/** A wall-clock date and time in Brussels; `month` is 1–12, `hour` is 0–23. */
export interface LocalDateTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
}

const DAY_MS = 86_400_000;

const formatter = new Intl.DateTimeFormat('en-US', {
  timeZone: BRUSSELS_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  era: 'short',
});

function assertValid(instant: Date): void {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Invalid Date');
}

/**
 * The Brussels wall-clock reading at a UTC instant.
 * @throws {RangeError} for an invalid Date.
 */
export function toBrusselsLocal(instant: Date): LocalDateTime {
  assertValid(instant);
  const fields: Record<string, string> = {};
  for (const part of formatter.formatToParts(instant)) fields[part.type] = part.value;
  const yearOfEra = Number(fields.year);
  return {
    // Intl gives years of an era; convert BC years to astronomical numbering so arithmetic stays linear.
    year: fields.era === 'BC' ? 1 - yearOfEra : yearOfEra,
    month: Number(fields.month),
    day: Number(fields.day),
    hour: Number(fields.hour),
    minute: Number(fields.minute),
    second: Number(fields.second),
    // Brussels offsets are whole seconds, so the sub-second part is the same locally and in UTC.
    millisecond: ((instant.getTime() % 1000) + 1000) % 1000,
  };
}

/** The local reading as if it were UTC, in milliseconds; handles years 0–99 that Date.UTC would shift. */
function localAsUtcMs(local: LocalDateTime): number {
  const date = new Date(0);
  date.setUTCFullYear(local.year, local.month - 1, local.day);
  date.setUTCHours(local.hour, local.minute, local.second, local.millisecond);
  return date.getTime();
}

/** Offset of Brussels from UTC at an instant, in milliseconds (3 600 000 in winter, 7 200 000 in summer). */
export function brusselsOffsetMs(instant: Date): number {
  return localAsUtcMs(toBrusselsLocal(instant)) - instant.getTime();
}

/**
 * The UTC instant at which Brussels clocks show `local`.
 *
 * Out-of-range fields roll over like `Date.UTC` does (month 13 is January of the next year, day 0
 * is the last day of the previous month). Around daylight-saving changes a wall-clock time can
 * exist twice or not at all; this resolves both like Temporal's `disambiguation: 'compatible'`:
 * - **overlap** (last Sunday of October, 02:00–02:59 happens twice): the earlier instant, still in
 *   summer time — so a deadline at that hour is the first moment the clock shows it;
 * - **gap** (last Sunday of March, 02:00–02:59 does not exist): the time is moved forward by the
 *   length of the gap (02:30 becomes 03:30 summer time), i.e. the instant it would have been
 *   without the change — never earlier than the intended wall-clock time.
 * @throws {RangeError} when a field is not a finite number.
 */
export function fromBrusselsLocal(local: LocalDateTime): Date {
  const wall = localAsUtcMs(local);
  if (!Number.isFinite(wall)) throw new RangeError('Invalid local date-time');
  // Transitions are months apart, so the offsets a day either side are the only two candidates.
  const offsetBefore = brusselsOffsetMs(new Date(wall - DAY_MS));
  const offsetAfter = brusselsOffsetMs(new Date(wall + DAY_MS));
  const candidates = [wall - offsetBefore, wall - offsetAfter].filter(
    (ms) => localAsUtcMs(toBrusselsLocal(new Date(ms))) === wall,
  );
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  // A gap: the pre-transition offset places the instant after the gap, shifted by its length.
  return new Date(wall - offsetBefore);
}

/** Number of days in a month (1–12) of a proleptic Gregorian year. */
export function daysInMonth(year: number, month: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
}

/**
 * The instant `days` calendar days after `instant` in Brussels, at the same wall-clock time
 * (see {@link fromBrusselsLocal} for times that fall in a daylight-saving gap or overlap).
 * @throws {RangeError} for an invalid Date or a non-integer count.
 */
export function addBrusselsDays(instant: Date, days: number): Date {
  if (!Number.isInteger(days)) throw new RangeError('days must be an integer');
  const local = toBrusselsLocal(instant);
  return fromBrusselsLocal({ ...local, day: local.day + days });
}

/**
 * The instant `months` calendar months after `instant` in Brussels, at the same wall-clock time.
 * A day that does not exist in the target month is clamped to its last day (30 November + 3 months
 * is 28 February, or 29 February in a leap year), as Temporal and java.time do.
 * @throws {RangeError} for an invalid Date or a non-integer count.
 */
export function addBrusselsMonths(instant: Date, months: number): Date {
  if (!Number.isInteger(months)) throw new RangeError('months must be an integer');
  const local = toBrusselsLocal(instant);
  const monthIndex = local.year * 12 + (local.month - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  return fromBrusselsLocal({ ...local, year, month, day: Math.min(local.day, daysInMonth(year, month)) });
}
