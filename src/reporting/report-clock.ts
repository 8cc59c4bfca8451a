/**
 * The legal clocks of a report (PRODUCT.md §4; Flemish Bestuursdecreet as amended 18 Nov 2022;
 * EU Directive 2019/1937 art. 9(1)(b) and (f)). Pure: no I/O, the caller passes `now`.
 *
 * - Acknowledge receipt within 7 calendar days, unless a reason not to is recorded instead.
 * - Give feedback within 3 months of the acknowledgement; when none was sent, within 3 months of the
 *   end of the 7-day acknowledgement period (the "3 months and 7 days after receipt" of §4).
 *
 * Days and months are calendar units in Europe/Brussels local time (see brussels-time.ts).
 */
import { addBrusselsDays, addBrusselsMonths } from './brussels-time.js';

/**
 * Why a handler did not acknowledge a report; recording one exempts the acknowledgement clock.
 * Persisted as-is: renaming a value needs a migration.
 */
export const NOT_ACKNOWLEDGED_REASONS = [
  'reporter_objected',
  'would_endanger_identity',
  'already_closed',
] as const;

/** One of {@link NOT_ACKNOWLEDGED_REASONS}. */
export type NotAcknowledgedReason = (typeof NOT_ACKNOWLEDGED_REASONS)[number];

/** Whether a value is a {@link NotAcknowledgedReason}. */
export function isNotAcknowledgedReason(value: unknown): value is NotAcknowledgedReason {
  return (NOT_ACKNOWLEDGED_REASONS as readonly unknown[]).includes(value);
}

/** Days allowed to acknowledge receipt. */
export const ACKNOWLEDGEMENT_DAYS = 7;
/** Months allowed to give feedback. */
export const FEEDBACK_MONTHS = 3;

/**
 * - `pending`: not done yet and the due time has not passed (the due time itself is not overdue);
 * - `met`: done at or before the due time (or exempt);
 * - `overdue`: not done by the due time — still outstanding, or done late (see `…DoneAt`).
 */
export type ClockStatus = 'pending' | 'met' | 'overdue';

/** What the clocks are computed from. */
export interface ReportClockInput {
  /** When the report was received. */
  readonly receivedAt: Date;
  /** When the acknowledgement was sent to the reporter, if it was. */
  readonly acknowledgedAt?: Date | null;
  /** Recorded instead of an acknowledgement; ignored when `acknowledgedAt` is set. */
  readonly notAcknowledgedReason?: NotAcknowledgedReason | null;
  /** When feedback was given to the reporter, if it was. */
  readonly feedbackGivenAt?: Date | null;
  /** The moment to judge the clocks at. */
  readonly now: Date;
}

/** The state of both clocks at `now`. */
export interface ReportClocks {
  /** 7 calendar days after receipt, same Brussels wall-clock time. */
  readonly acknowledgementDue: Date;
  readonly acknowledgementStatus: ClockStatus;
  /** True when a not-acknowledged reason was recorded: the clock then counts as met. */
  readonly acknowledgementExempt: boolean;
  /** 3 calendar months after the acknowledgement, or after `acknowledgementDue` when none was sent. */
  readonly feedbackDue: Date;
  readonly feedbackStatus: ClockStatus;
  /** Which moment the feedback clock runs from. */
  readonly feedbackCountsFrom: 'acknowledgement' | 'acknowledgement_period';
}

function statusOf(due: Date, doneAt: Date | null | undefined, now: Date): ClockStatus {
  if (doneAt) return doneAt.getTime() <= due.getTime() ? 'met' : 'overdue';
  return now.getTime() > due.getTime() ? 'overdue' : 'pending';
}

/**
 * Computes the acknowledgement and feedback deadlines of a report and judges them at `now`.
 *
 * An acknowledgement sent late still starts the feedback clock from the day it was sent (the law
 * counts from the acknowledgement); the acknowledgement clock itself then reads `overdue`.
 * While nothing has been acknowledged yet, `feedbackDue` is the no-acknowledgement deadline; it
 * moves once an acknowledgement is recorded.
 * @throws {RangeError} when a date is invalid.
 */
export function computeReportClocks(input: ReportClockInput): ReportClocks {
  const { receivedAt, acknowledgedAt, notAcknowledgedReason, feedbackGivenAt, now } = input;
  for (const date of [receivedAt, acknowledgedAt, feedbackGivenAt, now]) {
    if (date && Number.isNaN(date.getTime())) throw new RangeError('Invalid Date');
  }
  const acknowledgementDue = addBrusselsDays(receivedAt, ACKNOWLEDGEMENT_DAYS);
  const acknowledgementExempt = !acknowledgedAt && notAcknowledgedReason != null;
  const acknowledgementStatus = acknowledgementExempt
    ? 'met'
    : statusOf(acknowledgementDue, acknowledgedAt, now);
  const feedbackCountsFrom = acknowledgedAt ? 'acknowledgement' : 'acknowledgement_period';
  const feedbackDue = addBrusselsMonths(acknowledgedAt ?? acknowledgementDue, FEEDBACK_MONTHS);
  return {
    acknowledgementDue,
    acknowledgementStatus,
    acknowledgementExempt,
    feedbackDue,
    feedbackStatus: statusOf(feedbackDue, feedbackGivenAt, now),
    feedbackCountsFrom,
  };
}
