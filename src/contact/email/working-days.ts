import { fromBrusselsLocal, type LocalDateTime, toBrusselsLocal } from '../../reporting/brussels-time.js';
import { addDays, isBelgianHoliday, type LocalDate } from '../belgian-holidays.js';

/** The e-mail target of PRODUCT.md §6: answered within this many working days. */
export const EMAIL_TARGET_WORKING_DAYS = 2;

/** Whether a Brussels calendar date is a working day: Monday to Friday, not a Belgian public holiday. */
export function isWorkingDay(date: LocalDate): boolean {
  const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isBelgianHoliday(date);
}

/**
 * The moment `days` working days after `instant`, counted on the Brussels calendar: the same
 * wall-clock time on the `days`-th working day after it. A message that arrives on a weekend or
 * holiday counts as arriving at the start (00:00) of the next working day, so Saturday's
 * question is due at the end of Tuesday (Wednesday 00:00), like Monday 00:00's.
 *
 * @example addWorkingDays(friday 15:00, 2) // Tuesday 15:00 (Monday and Tuesday are working days)
 * @throws {RangeError} for an invalid Date or a negative or non-integer count.
 */
export function addWorkingDays(instant: Date, days: number): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError('days must be a non-negative integer');
  const local = toBrusselsLocal(instant);
  let date: LocalDate = { year: local.year, month: local.month, day: local.day };
  let time: Pick<LocalDateTime, 'hour' | 'minute' | 'second' | 'millisecond'> = {
    hour: local.hour,
    minute: local.minute,
    second: local.second,
    millisecond: local.millisecond,
  };
  if (!isWorkingDay(date)) {
    while (!isWorkingDay(date)) date = addDays(date, 1);
    time = { hour: 0, minute: 0, second: 0, millisecond: 0 };
  }
  for (let counted = 0; counted < days; ) {
    date = addDays(date, 1);
    if (isWorkingDay(date)) counted++;
  }
  return fromBrusselsLocal({ ...date, ...time });
}

/** When an e-mail question received at `instant` is due: {@link EMAIL_TARGET_WORKING_DAYS} working days later. */
export function emailDueAt(instant: Date): Date {
  return addWorkingDays(instant, EMAIL_TARGET_WORKING_DAYS);
}
