import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  closesAt,
  defaultOpeningHours,
  isOpen,
  nextOpening,
  type OpeningHours,
  OpeningHoursSchema,
} from './opening-hours.js';

const utc = (iso: string) => new Date(iso);
const closedWeek = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };

type Overrides = Partial<Omit<OpeningHours, 'weekly'>> & { weekly?: Partial<OpeningHours['weekly']> };

function schedule(overrides: Overrides): OpeningHours {
  return {
    ...defaultOpeningHours,
    ...overrides,
    weekly: { ...defaultOpeningHours.weekly, ...overrides.weekly },
  };
}

describe('isOpen with the default hours', () => {
  it('opens at 09:00 exactly and is closed the millisecond before (Tuesday 7 April 2026, summer time)', () => {
    assert.equal(isOpen(defaultOpeningHours, utc('2026-04-07T07:00:00.000Z')), true);
    assert.equal(isOpen(defaultOpeningHours, utc('2026-04-07T06:59:59.999Z')), false);
  });

  it('is closed at 19:00 exactly and open the millisecond before', () => {
    assert.equal(isOpen(defaultOpeningHours, utc('2026-04-07T17:00:00.000Z')), false);
    assert.equal(isOpen(defaultOpeningHours, utc('2026-04-07T16:59:59.999Z')), true);
  });

  it('is closed all weekend', () => {
    assert.equal(isOpen(defaultOpeningHours, utc('2026-04-11T10:00:00Z')), false);
    assert.equal(isOpen(defaultOpeningHours, utc('2026-04-12T10:00:00Z')), false);
  });

  it('is closed on Easter Monday 2026 (6 April) but open on it when holidays are not closed', () => {
    const noon = utc('2026-04-06T10:00:00Z');
    assert.equal(isOpen(defaultOpeningHours, noon), false);
    assert.equal(isOpen(schedule({ closedOnHolidays: false }), noon), true);
  });

  it('follows the wall clock across the switch to summer time on Sunday 29 March 2026', () => {
    // Friday before: 09:00 CET is 08:00 UTC.
    assert.equal(isOpen(defaultOpeningHours, utc('2026-03-27T07:30:00Z')), false);
    assert.equal(isOpen(defaultOpeningHours, utc('2026-03-27T08:00:00Z')), true);
    // Monday after: 09:00 CEST is 07:00 UTC.
    assert.equal(isOpen(defaultOpeningHours, utc('2026-03-30T06:59:00Z')), false);
    assert.equal(isOpen(defaultOpeningHours, utc('2026-03-30T07:00:00Z')), true);
    assert.equal(isOpen(defaultOpeningHours, utc('2026-03-30T17:00:00Z')), false);
  });

  it('is closed on an extra closed date', () => {
    const bridgeDay = schedule({ extraClosedDates: ['2026-05-15'] });
    assert.equal(isOpen(bridgeDay, utc('2026-05-15T10:00:00Z')), false);
    assert.equal(isOpen(bridgeDay, utc('2026-05-18T10:00:00Z')), true);
  });

  it('respects a lunch break between two ranges', () => {
    const split = schedule({
      weekly: {
        tue: [
          { from: '13:00', to: '17:00' },
          { from: '09:00', to: '12:00' },
        ],
      },
    });
    assert.equal(isOpen(split, utc('2026-04-07T09:59:00Z')), true);
    assert.equal(isOpen(split, utc('2026-04-07T10:30:00Z')), false);
    assert.equal(isOpen(split, utc('2026-04-07T11:00:00Z')), true);
  });

  it('refuses an invalid Date', () => {
    assert.throws(() => isOpen(defaultOpeningHours, new Date(Number.NaN)), RangeError);
  });
});

describe('nextOpening', () => {
  it('goes from Friday evening to Monday 09:00 local, across the change to summer time', () => {
    // Friday 27 March 2026 19:30 CET → Monday 30 March 09:00 CEST.
    assert.deepEqual(
      nextOpening(defaultOpeningHours, utc('2026-03-27T18:30:00Z')),
      utc('2026-03-30T07:00:00Z'),
    );
  });

  it('skips Easter Monday and opens on Tuesday 09:00', () => {
    // Friday 3 April 2026 20:00 CEST → Tuesday 7 April 09:00 CEST.
    assert.deepEqual(
      nextOpening(defaultOpeningHours, utc('2026-04-03T18:00:00Z')),
      utc('2026-04-07T07:00:00Z'),
    );
  });

  it('skips Christmas and New Year', () => {
    // Thursday 24 December 2026 19:00 → Monday 28 December 09:00 (Friday 25 is Christmas).
    assert.deepEqual(
      nextOpening(defaultOpeningHours, utc('2026-12-24T18:00:00Z')),
      utc('2026-12-28T08:00:00Z'),
    );
    // Thursday 31 December 2026 19:00 → Monday 4 January 2027 09:00 (Friday 1 January is New Year).
    assert.deepEqual(
      nextOpening(defaultOpeningHours, utc('2026-12-31T18:00:00Z')),
      utc('2027-01-04T08:00:00Z'),
    );
  });

  it('opens later the same day when asked before opening time', () => {
    assert.deepEqual(
      nextOpening(defaultOpeningHours, utc('2026-04-07T05:00:00Z')),
      utc('2026-04-07T07:00:00Z'),
    );
  });

  it('returns the instant itself when already open', () => {
    const now = utc('2026-04-07T12:34:56.789Z');
    assert.deepEqual(nextOpening(defaultOpeningHours, now), now);
  });

  it('returns null when nothing opens within 30 days, and finds an opening 30 days ahead', () => {
    assert.equal(nextOpening(schedule({ weekly: closedWeek }), utc('2026-04-07T12:00:00Z')), null);
    // Only Tuesdays open, the next four Tuesdays closed: the fifth (28 days later) is still found…
    const tuesdaysOnly = schedule({
      weekly: { ...closedWeek, tue: [{ from: '09:00', to: '19:00' }] },
      extraClosedDates: ['2026-04-14', '2026-04-21', '2026-04-28'],
    });
    assert.deepEqual(nextOpening(tuesdaysOnly, utc('2026-04-07T18:00:00Z')), utc('2026-05-05T07:00:00Z'));
    // …but one more closed Tuesday pushes it beyond the horizon.
    const later = schedule({
      ...tuesdaysOnly,
      extraClosedDates: [...(tuesdaysOnly.extraClosedDates ?? []), '2026-05-05', '2026-05-12'],
    });
    assert.equal(nextOpening(later, utc('2026-04-07T18:00:00Z')), null);
  });
});

describe('closesAt', () => {
  it('gives 19:00 local for an instant during the day, and null when closed', () => {
    assert.deepEqual(closesAt(defaultOpeningHours, utc('2026-04-07T10:00:00Z')), utc('2026-04-07T17:00:00Z'));
    assert.deepEqual(closesAt(defaultOpeningHours, utc('2026-01-06T08:00:00Z')), utc('2026-01-06T18:00:00Z'));
    assert.equal(closesAt(defaultOpeningHours, utc('2026-04-07T17:00:00Z')), null);
    assert.equal(closesAt(defaultOpeningHours, utc('2026-04-06T10:00:00Z')), null);
  });

  it('treats touching ranges, also across midnight, as one open period', () => {
    const lateShift = schedule({
      weekly: {
        mon: [
          { from: '09:00', to: '12:00' },
          { from: '12:00', to: '24:00' },
        ],
        tue: [{ from: '00:00', to: '02:00' }],
      },
    });
    // Monday 13 April 2026 10:00 CEST → Tuesday 14 April 02:00 CEST.
    assert.deepEqual(closesAt(lateShift, utc('2026-04-13T08:00:00Z')), utc('2026-04-14T00:00:00Z'));
  });

  it('returns null for a schedule that never closes within the horizon', () => {
    const allDay = [{ from: '00:00', to: '24:00' }];
    const always = schedule({
      closedOnHolidays: false,
      weekly: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
    });
    assert.equal(closesAt(always, utc('2026-04-07T10:00:00Z')), null);
  });
});

describe('OpeningHoursSchema', () => {
  function issues(value: unknown): string[] {
    const result = OpeningHoursSchema.safeParse(value);
    return result.success ? [] : result.error.issues.map((i) => i.message);
  }

  it('accepts the default hours and touching ranges', () => {
    assert.deepEqual(issues(defaultOpeningHours), []);
    assert.deepEqual(
      issues(
        schedule({
          weekly: {
            mon: [
              { from: '09:00', to: '12:00' },
              { from: '12:00', to: '24:00' },
            ],
          },
          extraClosedDates: ['2026-05-15'],
        }),
      ),
      [],
    );
  });

  it('refuses times not written as HH:MM, and 24:00 as a start', () => {
    for (const range of [
      { from: '9:00', to: '19:00' },
      { from: '09:00', to: '19:60' },
      { from: '24:00', to: '24:00' },
      { from: '09:00', to: '25:00' },
    ]) {
      assert.ok(
        issues(schedule({ weekly: { mon: [range] } })).includes('contact.opening_hours.error_time_format'),
        JSON.stringify(range),
      );
    }
  });

  it('refuses a range that ends before or when it starts', () => {
    assert.deepEqual(issues(schedule({ weekly: { mon: [{ from: '19:00', to: '09:00' }] } })), [
      'contact.opening_hours.error_range_order',
    ]);
    assert.deepEqual(issues(schedule({ weekly: { mon: [{ from: '09:00', to: '09:00' }] } })), [
      'contact.opening_hours.error_range_order',
    ]);
  });

  it('refuses overlapping ranges and more than four ranges a day', () => {
    const overlapping = [
      { from: '13:00', to: '17:00' },
      { from: '09:00', to: '13:30' },
    ];
    assert.deepEqual(issues(schedule({ weekly: { mon: overlapping } })), [
      'contact.opening_hours.error_overlap',
    ]);
    const five = ['08', '10', '12', '14', '16'].map((h) => ({ from: `${h}:00`, to: `${h}:30` }));
    assert.ok(
      issues(schedule({ weekly: { mon: five } })).includes('contact.opening_hours.error_too_many_ranges'),
    );
  });

  it('refuses another time zone, a missing day, and a malformed closed date', () => {
    assert.notDeepEqual(issues({ ...defaultOpeningHours, timeZone: 'Europe/Paris' }), []);
    const { sun: _sun, ...sixDays } = defaultOpeningHours.weekly;
    assert.notDeepEqual(issues({ ...defaultOpeningHours, weekly: sixDays }), []);
    assert.deepEqual(issues(schedule({ extraClosedDates: ['2026-02-30'] })), [
      'contact.opening_hours.error_date_format',
    ]);
  });
});

describe('defaultOpeningHours', () => {
  it('cannot be changed by a caller', () => {
    assert.throws(() => {
      (defaultOpeningHours.weekly.sat as unknown[]).push({ from: '09:00', to: '12:00' });
    }, TypeError);
    assert.deepEqual(defaultOpeningHours.weekly.sat, []);
  });
});
