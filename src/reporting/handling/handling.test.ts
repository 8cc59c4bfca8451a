import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addBrusselsDays, addBrusselsMonths } from '../brussels-time.js';
import { FormOnce } from './form-once.js';
import { isUuid, readReportClocks, tellsReporterWhyNot } from './handling.js';

const received = new Date('2026-03-20T10:00:00Z');
const facts = {
  status: 'received' as const,
  receivedAt: received,
  acknowledgementDueAt: addBrusselsDays(received, 7),
  acknowledgedAt: null,
  notAcknowledgedReason: null,
  feedbackDueAt: addBrusselsMonths(addBrusselsDays(received, 7), 3),
  feedbackGivenAt: null,
};

describe('readReportClocks', () => {
  it('marks an unacknowledged report overdue only after its due time', () => {
    assert.equal(readReportClocks(facts, facts.acknowledgementDueAt).overdue, false);
    const late = readReportClocks(facts, new Date(facts.acknowledgementDueAt.getTime() + 1));
    assert.equal(late.acknowledgement.outstandingOverdue, true);
    assert.equal(late.overdue, true);
  });

  it('does not call an acknowledgement sent late still overdue, but says it was late', () => {
    const acknowledgedAt = new Date(facts.acknowledgementDueAt.getTime() + 86_400_000);
    const reading = readReportClocks(
      {
        ...facts,
        status: 'acknowledged',
        acknowledgedAt,
        feedbackDueAt: addBrusselsMonths(acknowledgedAt, 3),
      },
      new Date(acknowledgedAt.getTime() + 1000),
    );
    assert.equal(reading.acknowledgement.outstandingOverdue, false);
    assert.equal(reading.acknowledgement.status, 'overdue');
    assert.equal(reading.acknowledgement.done, true);
    assert.equal(reading.overdue, false);
  });

  it('exempts the acknowledgement clock when a reason was recorded, not the feedback clock', () => {
    const reading = readReportClocks(
      { ...facts, notAcknowledgedReason: 'reporter_objected' },
      new Date(facts.feedbackDueAt.getTime() + 1),
    );
    assert.equal(reading.acknowledgement.exempt, true);
    assert.equal(reading.acknowledgement.outstandingOverdue, false);
    assert.equal(reading.feedback.outstandingOverdue, true);
  });

  it('has no outstanding clock for a closed report', () => {
    const reading = readReportClocks(
      { ...facts, status: 'closed' },
      new Date(facts.feedbackDueAt.getTime() + 1),
    );
    assert.equal(reading.overdue, false);
  });
});

describe('tellsReporterWhyNot', () => {
  it('tells the reporter only when the report was already closed', () => {
    assert.equal(tellsReporterWhyNot('already_closed'), true);
    assert.equal(tellsReporterWhyNot('reporter_objected'), false);
    assert.equal(tellsReporterWhyNot('would_endanger_identity'), false);
  });
});

describe('isUuid', () => {
  it('accepts row ids and refuses anything else', () => {
    assert.equal(isUuid('00000000-0000-4000-8000-000000000000'), true);
    for (const bad of ['', 'x', '00000000-0000-4000-8000-00000000000', `${'0'.repeat(36)}`, 42, null]) {
      assert.equal(isUuid(bad), false, String(bad));
    }
  });
});

describe('FormOnce', () => {
  it('lets a form id through once per scope, again after a release or the time to live', () => {
    const once = new FormOnce({ ttlMs: 1000 });
    const id = FormOnce.newId();
    assert.equal(once.claim('s1', id, 0), true);
    assert.equal(once.claim('s1', id, 10), false);
    assert.equal(once.claim('s2', id, 10), true, 'another session');
    once.release('s1', id);
    assert.equal(once.claim('s1', id, 20), true);
    assert.equal(once.claim('s1', id, 1100), true, 'expired');
    assert.equal(once.claim('s1', 'not-a-form-id', 0), false);
  });

  it('stays bounded', () => {
    const once = new FormOnce({ max: 3 });
    for (let i = 0; i < 10; i++) assert.equal(once.claim('s', FormOnce.newId(), i), true);
  });
});
