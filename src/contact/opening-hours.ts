/**
 * Opening hours of a chat topic: weekly time ranges on the Brussels wall clock, closed on Belgian
 * public holidays and on extra dates. Pure functions, no I/O.
 *
 * Ranges are compared as UTC instants computed from the local date and time (not as wall-clock
 * minutes), so a range keeps its meaning across daylight-saving changes: Monday 30 March 2026 09:00
 * is 07:00 UTC, the Friday before it 08:00 UTC.
 */
import { z } from 'zod';
import { fromBrusselsLocal, toBrusselsLocal } from '../reporting/brussels-time.js';
import { addDays, isBelgianHoliday, type LocalDate } from './belgian-holidays.js';

/** Days of the week, Monday first. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** How far {@link nextOpening} and {@link closesAt} look ahead, in calendar days. */
export const SEARCH_HORIZON_DAYS = 30;

const MAX_RANGES_PER_DAY = 4;
const FROM_PATTERN = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
// `to` may be 24:00 so a range can run to the end of the day.
const TO_PATTERN = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;

const TimeRangeSchema = z
  .object({
    from: z.string().regex(FROM_PATTERN, 'contact.opening_hours.error_time_format'),
    to: z.string().regex(TO_PATTERN, 'contact.opening_hours.error_time_format'),
  })
  // HH:MM strings of equal length compare like times.
  .refine((r) => r.from < r.to, { message: 'contact.opening_hours.error_range_order', path: ['to'] });

const DayRangesSchema = z
  .array(TimeRangeSchema)
  .max(MAX_RANGES_PER_DAY, 'contact.opening_hours.error_too_many_ranges')
  .superRefine((ranges, ctx) => {
    const sorted = [...ranges].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
    for (let i = 1; i < sorted.length; i++) {
      const previous = sorted[i - 1];
      const current = sorted[i];
      // Touching ranges (12:00–14:00 after 09:00–12:00) are allowed; they behave as one open period.
      if (previous && current && current.from < previous.to) {
        ctx.addIssue({ code: 'custom', message: 'contact.opening_hours.error_overlap' });
        return;
      }
    }
  });

/** Validates an opening-hours schedule; messages are catalogue keys under `contact.opening_hours.`. */
export const OpeningHoursSchema = z.object({
  timeZone: z.literal('Europe/Brussels'),
  weekly: z.object({
    mon: DayRangesSchema,
    tue: DayRangesSchema,
    wed: DayRangesSchema,
    thu: DayRangesSchema,
    fri: DayRangesSchema,
    sat: DayRangesSchema,
    sun: DayRangesSchema,
  }),
  closedOnHolidays: z.boolean(),
  /** Local dates (YYYY-MM-DD) on which the topic is closed all day, e.g. a bridge day. */
  extraClosedDates: z.array(z.iso.date('contact.opening_hours.error_date_format')).max(366).optional(),
});

/** A time range on the local wall clock, `HH:MM`; `from` inclusive, `to` exclusive. */
export type TimeRange = z.infer<typeof TimeRangeSchema>;
/** A validated opening-hours schedule (see {@link OpeningHoursSchema}). */
export type OpeningHours = z.infer<typeof OpeningHoursSchema>;

const workingDay = (): TimeRange[] => [{ from: '09:00', to: '19:00' }];

/** Working days 9:00–19:00 Brussels time, closed at weekends and on Belgian public holidays. */
export const defaultOpeningHours: OpeningHours = deepFreeze({
  timeZone: 'Europe/Brussels',
  weekly: {
    mon: workingDay(),
    tue: workingDay(),
    wed: workingDay(),
    thu: workingDay(),
    fri: workingDay(),
    sat: [],
    sun: [],
  },
  closedOnHolidays: true,
});

/** Freezes a shared constant so no caller can change the default for everyone. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

function weekdayOf(date: LocalDate): Weekday {
  const d = new Date(0);
  d.setUTCFullYear(date.year, date.month - 1, date.day);
  // getUTCDay is 0 for Sunday; WEEKDAYS starts on Monday.
  return WEEKDAYS[(d.getUTCDay() + 6) % 7] as Weekday;
}

function isoDate(date: LocalDate): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

function isClosedAllDay(schedule: OpeningHours, date: LocalDate): boolean {
  if (schedule.closedOnHolidays && isBelgianHoliday(date)) return true;
  return schedule.extraClosedDates?.includes(isoDate(date)) ?? false;
}

function instantAt(date: LocalDate, time: string): Date {
  const [hour, minute] = time.split(':').map(Number);
  // 24:00 rolls over to 00:00 of the next day.
  return fromBrusselsLocal({ ...date, hour: hour ?? 0, minute: minute ?? 0, second: 0, millisecond: 0 });
}

/** The open periods of one local date as instants, in order; none on a closed day. */
function periodsOn(schedule: OpeningHours, date: LocalDate): Array<{ start: Date; end: Date }> {
  if (isClosedAllDay(schedule, date)) return [];
  return schedule.weekly[weekdayOf(date)]
    .map((r) => ({ start: instantAt(date, r.from), end: instantAt(date, r.to) }))
    .sort((a, b) => a.start.getTime() - b.start.getTime());
}

function localDateOf(instant: Date): LocalDate {
  const { year, month, day } = toBrusselsLocal(instant);
  return { year, month, day };
}

function periodContaining(schedule: OpeningHours, instant: Date): { start: Date; end: Date } | undefined {
  const t = instant.getTime();
  return periodsOn(schedule, localDateOf(instant)).find((p) => p.start.getTime() <= t && t < p.end.getTime());
}

/**
 * Whether the schedule is open at an instant: `from` is inclusive, `to` exclusive (open at 09:00,
 * closed at 19:00 exactly).
 * @throws {RangeError} for an invalid Date.
 */
export function isOpen(schedule: OpeningHours, instant: Date): boolean {
  return periodContaining(schedule, instant) !== undefined;
}

/**
 * The earliest instant at or after `instant` at which the schedule is open: `instant` itself when
 * already open, otherwise the start of the next open period. `null` when nothing opens on the
 * current local day or the {@link SEARCH_HORIZON_DAYS} calendar days after it.
 * @throws {RangeError} for an invalid Date.
 */
export function nextOpening(schedule: OpeningHours, instant: Date): Date | null {
  if (isOpen(schedule, instant)) return new Date(instant.getTime());
  const t = instant.getTime();
  const today = localDateOf(instant);
  for (let offset = 0; offset <= SEARCH_HORIZON_DAYS; offset++) {
    const period = periodsOn(schedule, addDays(today, offset)).find((p) => p.start.getTime() > t);
    if (period) return period.start;
  }
  return null;
}

/**
 * When the open period around `instant` ends: `null` when closed at `instant`. Adjacent ranges
 * (a range ending at 24:00 followed by one from 00:00, or 12:00 followed by 12:00) count as one
 * period. Also `null` when the schedule stays open beyond {@link SEARCH_HORIZON_DAYS} days.
 * @throws {RangeError} for an invalid Date.
 */
export function closesAt(schedule: OpeningHours, instant: Date): Date | null {
  let period = periodContaining(schedule, instant);
  if (!period) return null;
  // Each step moves to a later period; there are at most MAX_RANGES_PER_DAY of them a day.
  const maxSteps = (SEARCH_HORIZON_DAYS + 1) * MAX_RANGES_PER_DAY;
  for (let step = 0; step < maxSteps; step++) {
    const next = periodContaining(schedule, period.end);
    if (!next) return period.end;
    period = next;
  }
  return null;
}
