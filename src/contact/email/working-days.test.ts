import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addWorkingDays, emailDueAt, isWorkingDay } from './working-days.js';

describe('working days for the e-mail target', () => {
  it('counts Monday to Friday and skips Belgian holidays', () => {
    assert.equal(isWorkingDay({ year: 2026, month: 12, day: 4 }), true); // Friday
    assert.equal(isWorkingDay({ year: 2026, month: 12, day: 5 }), false); // Saturday
    assert.equal(isWorkingDay({ year: 2026, month: 12, day: 25 }), false); // Christmas, a Friday
    assert.equal(isWorkingDay({ year: 2026, month: 4, day: 6 }), false); // Easter Monday
  });

  it('is due two working days later at the same Brussels time on a plain week', () => {
    // Tuesday 1 December 2026, 10:15 in Brussels (UTC+1).
    assert.equal(emailDueAt(new Date('2026-12-01T09:15:00Z')).toISOString(), '2026-12-03T09:15:00.000Z');
  });

  it('skips the weekend: Friday 15:00 is due Tuesday 15:00', () => {
    assert.equal(emailDueAt(new Date('2026-12-04T14:00:00Z')).toISOString(), '2026-12-08T14:00:00.000Z');
  });

  it('skips a Belgian holiday: Thursday before Christmas (a Friday) is due on Tuesday', () => {
    // Thursday 24 December 2026 11:00 → Friday 25 is Christmas, weekend → Monday 28 (1), Tuesday 29 (2).
    assert.equal(emailDueAt(new Date('2026-12-24T10:00:00Z')).toISOString(), '2026-12-29T10:00:00.000Z');
  });

  it('skips Easter Monday across a weekend', () => {
    // Friday 3 April 2026 09:00 CEST → Mon 6 is Easter Monday → Tue 7 (1), Wed 8 (2).
    assert.equal(emailDueAt(new Date('2026-04-03T07:00:00Z')).toISOString(), '2026-04-08T07:00:00.000Z');
  });

  it('counts a question sent on Saturday from the start of Monday: due at the end of Tuesday', () => {
    // Saturday 5 December 2026 22:00 → Wednesday 9 December 00:00 Brussels = 8 December 23:00 UTC.
    assert.equal(emailDueAt(new Date('2026-12-05T21:00:00Z')).toISOString(), '2026-12-08T23:00:00.000Z');
  });

  it('keeps the wall-clock time across the switch to summer time', () => {
    // Friday 27 March 2026 10:00 CET (09:00Z) → Tuesday 31 March 10:00 CEST (08:00Z).
    assert.equal(
      addWorkingDays(new Date('2026-03-27T09:00:00Z'), 2).toISOString(),
      '2026-03-31T08:00:00.000Z',
    );
  });

  it('refuses a negative count', () => {
    assert.throws(() => addWorkingDays(new Date(), -1), RangeError);
  });
});
