import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeReportClocks, isNotAcknowledgedReason, NOT_ACKNOWLEDGED_REASONS } from './report-clock.js';

const d = (iso: string) => new Date(iso);
const plus = (date: Date, ms: number) => new Date(date.getTime() + ms);

describe('computeReportClocks: due dates', () => {
  it('sets acknowledgement due 7 days after receipt and feedback 3 months after that when nothing was sent', () => {
    const clocks = computeReportClocks({
      receivedAt: d('2026-05-10T08:00:00Z'),
      now: d('2026-05-10T08:00:00Z'),
    });
    assert.equal(clocks.acknowledgementDue.toISOString(), '2026-05-17T08:00:00.000Z');
    assert.equal(clocks.feedbackDue.toISOString(), '2026-08-17T08:00:00.000Z');
    assert.equal(clocks.feedbackCountsFrom, 'acknowledgement_period');
  });

  it('counts feedback 3 months from the acknowledgement once one was sent', () => {
    const clocks = computeReportClocks({
      receivedAt: d('2026-05-10T08:00:00Z'),
      acknowledgedAt: d('2026-05-12T13:15:00Z'),
      now: d('2026-05-12T13:15:00Z'),
    });
    assert.equal(clocks.feedbackDue.toISOString(), '2026-08-12T13:15:00.000Z');
    assert.equal(clocks.feedbackCountsFrom, 'acknowledgement');
  });

  it('clamps a feedback deadline to the end of February, 29 in leap years', () => {
    const common = computeReportClocks({
      receivedAt: d('2026-11-28T15:00:00Z'),
      acknowledgedAt: d('2026-11-30T15:00:00Z'),
      now: d('2026-12-01T00:00:00Z'),
    });
    assert.equal(common.feedbackDue.toISOString(), '2027-02-28T15:00:00.000Z');
    const leap = computeReportClocks({
      receivedAt: d('2027-11-28T15:00:00Z'),
      acknowledgedAt: d('2027-11-30T15:00:00Z'),
      now: d('2027-12-01T00:00:00Z'),
    });
    assert.equal(leap.feedbackDue.toISOString(), '2028-02-29T15:00:00.000Z');
  });

  it('clamps 31 August + 3 months to 30 November and keeps 10:00 local across the autumn change', () => {
    const clocks = computeReportClocks({
      receivedAt: d('2026-08-30T08:00:00Z'),
      acknowledgedAt: d('2026-08-31T08:00:00Z'),
      now: d('2026-09-01T00:00:00Z'),
    });
    assert.equal(clocks.feedbackDue.toISOString(), '2026-11-30T09:00:00.000Z');
  });

  it('keeps 10:00 local when the feedback deadline crosses into summer time (31 Dec → 31 Mar)', () => {
    const clocks = computeReportClocks({
      receivedAt: d('2026-12-30T09:00:00Z'),
      acknowledgedAt: d('2026-12-31T09:00:00Z'),
      now: d('2027-01-01T00:00:00Z'),
    });
    assert.equal(clocks.feedbackDue.toISOString(), '2027-03-31T08:00:00.000Z');
  });

  it('without acknowledgement, a receipt on 30 November gives feedback due 7 March (7 Dec + 3 months)', () => {
    const clocks = computeReportClocks({
      receivedAt: d('2026-11-30T10:00:00Z'),
      now: d('2026-11-30T10:00:00Z'),
    });
    assert.equal(clocks.acknowledgementDue.toISOString(), '2026-12-07T10:00:00.000Z');
    assert.equal(clocks.feedbackDue.toISOString(), '2027-03-07T10:00:00.000Z');
  });

  it('keeps the wall-clock time when the acknowledgement week spans the switch to summer time', () => {
    const clocks = computeReportClocks({
      receivedAt: d('2026-03-25T09:00:00Z'),
      now: d('2026-03-25T09:00:00Z'),
    });
    assert.equal(clocks.acknowledgementDue.toISOString(), '2026-04-01T08:00:00.000Z');
  });

  it('keeps the wall-clock time when the acknowledgement week spans the switch to winter time', () => {
    const clocks = computeReportClocks({
      receivedAt: d('2026-10-20T08:00:00Z'),
      now: d('2026-10-20T08:00:00Z'),
    });
    assert.equal(clocks.acknowledgementDue.toISOString(), '2026-10-27T09:00:00.000Z');
  });

  it('counts from the Brussels date when a report arrives just after local midnight', () => {
    // 31 Jan 23:30 UTC is 1 Feb 00:30 in Brussels.
    const clocks = computeReportClocks({
      receivedAt: d('2026-01-31T23:30:00Z'),
      now: d('2026-02-01T00:00:00Z'),
    });
    assert.equal(clocks.acknowledgementDue.toISOString(), '2026-02-07T23:30:00.000Z');
    assert.equal(clocks.feedbackDue.toISOString(), '2026-05-07T22:30:00.000Z');
  });

  it('moves a deadline that falls in the spring-forward gap to the same instant an hour later on the clock', () => {
    // Received Sunday 22 March 02:30 CET; 29 March 02:30 does not exist, so due at 03:30 CEST.
    const clocks = computeReportClocks({
      receivedAt: d('2026-03-22T01:30:00Z'),
      now: d('2026-03-22T01:30:00Z'),
    });
    assert.equal(clocks.acknowledgementDue.toISOString(), '2026-03-29T01:30:00.000Z');
    const feedback = computeReportClocks({
      receivedAt: d('2025-12-28T01:30:00Z'),
      acknowledgedAt: d('2025-12-29T01:30:00Z'),
      now: d('2025-12-29T01:30:00Z'),
    });
    assert.equal(feedback.feedbackDue.toISOString(), '2026-03-29T01:30:00.000Z');
  });

  it('uses the first occurrence when a deadline falls in the repeated autumn hour', () => {
    // Received Sunday 18 October 02:30 CEST; on 25 October 02:30 happens twice: the first one counts.
    const clocks = computeReportClocks({
      receivedAt: d('2026-10-18T00:30:00Z'),
      now: d('2026-10-18T00:30:00Z'),
    });
    assert.equal(clocks.acknowledgementDue.toISOString(), '2026-10-25T00:30:00.000Z');
  });

  it('starts the feedback clock from a late acknowledgement', () => {
    const clocks = computeReportClocks({
      receivedAt: d('2026-05-10T08:00:00Z'),
      acknowledgedAt: d('2026-05-20T08:00:00Z'),
      now: d('2026-05-20T08:00:00Z'),
    });
    assert.equal(clocks.acknowledgementStatus, 'overdue');
    assert.equal(clocks.feedbackDue.toISOString(), '2026-08-20T08:00:00.000Z');
  });

  it('refuses invalid dates', () => {
    assert.throws(
      () => computeReportClocks({ receivedAt: d('x'), now: d('2026-01-01T00:00:00Z') }),
      RangeError,
    );
    assert.throws(
      () =>
        computeReportClocks({
          receivedAt: d('2026-01-01T00:00:00Z'),
          now: d('2026-01-01T00:00:00Z'),
          acknowledgedAt: d('x'),
        }),
      RangeError,
    );
  });
});

describe('computeReportClocks: statuses', () => {
  const receivedAt = d('2026-05-10T08:00:00Z');
  const ackDue = d('2026-05-17T08:00:00Z');
  const feedbackDue = d('2026-08-17T08:00:00Z');

  it('is pending before and exactly at the due time, and overdue one millisecond after', () => {
    assert.equal(computeReportClocks({ receivedAt, now: plus(ackDue, -1) }).acknowledgementStatus, 'pending');
    assert.equal(computeReportClocks({ receivedAt, now: ackDue }).acknowledgementStatus, 'pending');
    assert.equal(computeReportClocks({ receivedAt, now: plus(ackDue, 1) }).acknowledgementStatus, 'overdue');
  });

  it('is met when the acknowledgement was sent at the due time itself, overdue when one millisecond later', () => {
    const later = d('2026-06-30T00:00:00Z');
    assert.equal(
      computeReportClocks({ receivedAt, acknowledgedAt: ackDue, now: later }).acknowledgementStatus,
      'met',
    );
    assert.equal(
      computeReportClocks({ receivedAt, acknowledgedAt: plus(ackDue, 1), now: later }).acknowledgementStatus,
      'overdue',
    );
  });

  it('judges feedback the same way: pending, met on time, overdue when missing or late', () => {
    assert.equal(computeReportClocks({ receivedAt, now: feedbackDue }).feedbackStatus, 'pending');
    assert.equal(computeReportClocks({ receivedAt, now: plus(feedbackDue, 1) }).feedbackStatus, 'overdue');
    const after = plus(feedbackDue, 86_400_000);
    assert.equal(
      computeReportClocks({ receivedAt, feedbackGivenAt: feedbackDue, now: after }).feedbackStatus,
      'met',
    );
    assert.equal(
      computeReportClocks({ receivedAt, feedbackGivenAt: plus(feedbackDue, 1), now: after }).feedbackStatus,
      'overdue',
    );
  });

  it('treats a recorded reason not to acknowledge as an exempt, met acknowledgement and counts feedback from the 7-day period', () => {
    for (const reason of NOT_ACKNOWLEDGED_REASONS) {
      const clocks = computeReportClocks({
        receivedAt,
        notAcknowledgedReason: reason,
        now: plus(ackDue, 86_400_000),
      });
      assert.equal(clocks.acknowledgementStatus, 'met');
      assert.equal(clocks.acknowledgementExempt, true);
      assert.equal(clocks.feedbackDue.toISOString(), feedbackDue.toISOString());
      assert.equal(clocks.feedbackCountsFrom, 'acknowledgement_period');
      assert.equal(clocks.feedbackStatus, 'pending');
    }
  });

  it('lets an actual acknowledgement win over a recorded reason', () => {
    const clocks = computeReportClocks({
      receivedAt,
      acknowledgedAt: plus(ackDue, 1),
      notAcknowledgedReason: 'already_closed',
      now: plus(ackDue, 1),
    });
    assert.equal(clocks.acknowledgementExempt, false);
    assert.equal(clocks.acknowledgementStatus, 'overdue');
    assert.equal(clocks.feedbackCountsFrom, 'acknowledgement');
  });

  it('is not exempt when no reason is recorded', () => {
    const clocks = computeReportClocks({ receivedAt, notAcknowledgedReason: null, now: receivedAt });
    assert.equal(clocks.acknowledgementExempt, false);
    assert.equal(clocks.acknowledgementStatus, 'pending');
  });
});

describe('isNotAcknowledgedReason', () => {
  it('accepts the three recorded reasons and nothing else', () => {
    assert.deepEqual(
      [...NOT_ACKNOWLEDGED_REASONS],
      ['reporter_objected', 'would_endanger_identity', 'already_closed'],
    );
    for (const reason of NOT_ACKNOWLEDGED_REASONS) assert.equal(isNotAcknowledgedReason(reason), true);
    for (const other of ['', 'other', 'REPORTER_OBJECTED', null, undefined, 1]) {
      assert.equal(isNotAcknowledgedReason(other), false);
    }
  });
});
