import type { ReportStatus } from '../../platform/db/schema.js';
import { type ClockStatus, computeReportClocks, type NotAcknowledgedReason } from '../report-clock.js';

/**
 * Pure rules of the handler's side: how the inbox sorts and filters, how a report's clocks read
 * in a list, and what the reporter is told when a handler records why they did not acknowledge.
 * No I/O: the repository and the views build on these.
 */

/** The inbox's sortable columns (query parameter `sort`). */
export const INBOX_SORTS = ['received', 'ack_due', 'feedback_due'] as const;
export type InboxSort = (typeof INBOX_SORTS)[number];

/** The report statuses a handler can filter on (the stored `reports.status` values). */
export const REPORT_STATUSES = [
  'received',
  'acknowledged',
  'in_treatment',
  'closed',
] as const satisfies readonly ReportStatus[];

/** Reports per inbox page. */
export const INBOX_PAGE_SIZE = 25;

/** What the inbox is asked for; every field comes from a validated query string. */
export interface InboxQuery {
  readonly status: ReportStatus | undefined;
  readonly channelId: string | undefined;
  readonly overdueOnly: boolean;
  readonly sort: InboxSort;
  readonly direction: 'asc' | 'desc';
  /** 1-based. */
  readonly page: number;
}

/** The sort a fresh inbox opens with: newest first. */
export const DEFAULT_INBOX_SORT = { sort: 'received', direction: 'desc' } as const;

/** The clear metadata a clock is read from (columns of `reports`). */
export interface ClockFacts {
  readonly status: ReportStatus;
  readonly receivedAt: Date;
  readonly acknowledgementDueAt: Date;
  readonly acknowledgedAt: Date | null;
  readonly notAcknowledgedReason: NotAcknowledgedReason | null;
  readonly feedbackDueAt: Date;
  readonly feedbackGivenAt: Date | null;
}

/** How one clock reads for a handler. */
export interface ClockReading {
  readonly due: Date;
  readonly status: ClockStatus;
  /** Still to do and past its due time: this is what the inbox marks "overdue". */
  readonly outstandingOverdue: boolean;
  /** Done (or exempt). */
  readonly done: boolean;
}

export interface ReportClockReading {
  readonly acknowledgement: ClockReading & { readonly exempt: boolean };
  readonly feedback: ClockReading;
  /** Either clock is outstanding and overdue. */
  readonly overdue: boolean;
}

/**
 * Reads a report's two clocks at `now`. Due dates are the stored columns (the feedback date moves
 * when the report is acknowledged); whether a clock is met, pending or overdue comes from
 * `computeReportClocks`. A closed report has no outstanding clock.
 */
export function readReportClocks(facts: ClockFacts, now: Date): ReportClockReading {
  const clocks = computeReportClocks({
    receivedAt: facts.receivedAt,
    acknowledgedAt: facts.acknowledgedAt,
    notAcknowledgedReason: facts.notAcknowledgedReason,
    feedbackGivenAt: facts.feedbackGivenAt,
    now,
  });
  const closed = facts.status === 'closed';
  const ackDone = facts.acknowledgedAt !== null || clocks.acknowledgementExempt;
  const feedbackDone = facts.feedbackGivenAt !== null;
  const ackOverdue = !closed && !ackDone && clocks.acknowledgementStatus === 'overdue';
  const feedbackOverdue = !closed && !feedbackDone && clocks.feedbackStatus === 'overdue';
  return {
    acknowledgement: {
      due: facts.acknowledgementDueAt,
      status: clocks.acknowledgementStatus,
      outstandingOverdue: ackOverdue,
      done: ackDone,
      exempt: clocks.acknowledgementExempt,
    },
    feedback: {
      due: facts.feedbackDueAt,
      status: clocks.feedbackStatus,
      outstandingOverdue: feedbackOverdue,
      done: feedbackDone,
    },
    overdue: ackOverdue || feedbackOverdue,
  };
}

/**
 * Whether the reporter is told, in their mailbox, that no acknowledgement will be sent:
 * - `already_closed`: yes — the law asks to inform them at once;
 * - `reporter_objected`: no — they asked not to receive one, and a message would be one;
 * - `would_endanger_identity`: no — any message (or e-mail) could give them away.
 */
export function tellsReporterWhyNot(reason: NotAcknowledgedReason): boolean {
  switch (reason) {
    case 'already_closed':
      return true;
    case 'reporter_objected':
    case 'would_endanger_identity':
      return false;
    default: {
      const unreachable: never = reason;
      return unreachable;
    }
  }
}

/** The text length limits of the handler's forms. */
export const HANDLING_LIMITS = {
  message: 20_000,
  minutes: 50_000,
  revealReason: 500,
  name: 200,
  contact: 500,
  email: 254,
} as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a path parameter can be a row id (anything else is answered 404 without a query). */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
