import type { Locale } from '../ui/i18n/define.js';

/** The organisation's time zone: days and times in the audit log are Belgian days and times. */
export const AUDIT_TIME_ZONE = 'Europe/Brussels';

const offsetFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: AUDIT_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** How far Brussels wall-clock time is ahead of UTC at `instant`, in milliseconds. */
function brusselsOffsetMs(instant: number): number {
  const parts = Object.fromEntries(offsetFormat.formatToParts(instant).map((p) => [p.type, p.value]));
  const wall = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant at which the calendar day `yyyy-mm-dd` begins in Brussels, or undefined for a
 * string that is not a real date. Midnight is never skipped or repeated there (clocks change at
 * 02:00 and 03:00), so the answer is unique.
 */
export function startOfBrusselsDay(isoDate: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utcMidnight = Date.UTC(year, month - 1, day);
  const check = new Date(utcMidnight);
  if (year < 1970 || year > 9999 || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return undefined;
  }
  // The offset at midnight Brussels time equals the offset a few hours around UTC midnight.
  const guess = utcMidnight - brusselsOffsetMs(utcMidnight);
  return new Date(utcMidnight - brusselsOffsetMs(guess));
}

/** The start of the day after `yyyy-mm-dd` in Brussels (the exclusive end of that day). */
export function endOfBrusselsDay(isoDate: string): Date | undefined {
  const start = startOfBrusselsDay(isoDate);
  if (!start) return undefined;
  const next = new Date(
    Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10)) + 1),
  );
  return startOfBrusselsDay(next.toISOString().slice(0, 10));
}

const dateTimeFormats: Record<Locale, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat('nl-BE', {
    dateStyle: 'short',
    timeStyle: 'medium',
    timeZone: AUDIT_TIME_ZONE,
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    dateStyle: 'short',
    timeStyle: 'medium',
    timeZone: AUDIT_TIME_ZONE,
  }),
};

/** A moment as Brussels date and time in the reader's language ("28/11/2026 11:00:00"). */
export function formatBrusselsDateTime(date: Date, locale: Locale): string {
  return dateTimeFormats[locale].format(date);
}
