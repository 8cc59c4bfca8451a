import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addBrusselsDays,
  addBrusselsMonths,
  brusselsOffsetMs,
  daysInMonth,
  fromBrusselsLocal,
  type LocalDateTime,
  toBrusselsLocal,
} from './brussels-time.js';

const HOUR = 3_600_000;

function local(year: number, month: number, day: number, hour = 0, minute = 0): LocalDateTime {
  return { year, month, day, hour, minute, second: 0, millisecond: 0 };
}

describe('toBrusselsLocal', () => {
  it('reads winter instants one hour ahead of UTC and summer instants two hours ahead', () => {
    assert.deepEqual(toBrusselsLocal(new Date('2026-01-15T12:00:00.250Z')), {
      ...local(2026, 1, 15, 13),
      millisecond: 250,
    });
    assert.deepEqual(toBrusselsLocal(new Date('2026-07-15T12:00:00Z')), local(2026, 7, 15, 14));
  });

  it('rolls the local date over before UTC does', () => {
    assert.deepEqual(toBrusselsLocal(new Date('2026-12-31T23:30:00Z')), local(2027, 1, 1, 0, 30));
  });

  it('switches offset exactly at 01:00 UTC on the last Sundays of March and October', () => {
    assert.equal(brusselsOffsetMs(new Date('2026-03-29T00:59:59Z')), HOUR);
    assert.equal(brusselsOffsetMs(new Date('2026-03-29T01:00:00Z')), 2 * HOUR);
    assert.equal(brusselsOffsetMs(new Date('2026-10-25T00:59:59Z')), 2 * HOUR);
    assert.equal(brusselsOffsetMs(new Date('2026-10-25T01:00:00Z')), HOUR);
  });

  it('refuses an invalid Date', () => {
    assert.throws(() => toBrusselsLocal(new Date('nonsense')), RangeError);
  });
});

describe('fromBrusselsLocal', () => {
  it('maps ordinary winter and summer wall-clock times to the right instants', () => {
    assert.equal(fromBrusselsLocal(local(2026, 2, 1, 9)).toISOString(), '2026-02-01T08:00:00.000Z');
    assert.equal(fromBrusselsLocal(local(2026, 8, 1, 9)).toISOString(), '2026-08-01T07:00:00.000Z');
  });

  it('moves a time in the spring-forward gap forward by the length of the gap', () => {
    // 29 March 2026 02:30 never shows on Brussels clocks; it becomes 03:30 summer time.
    assert.equal(fromBrusselsLocal(local(2026, 3, 29, 2, 30)).toISOString(), '2026-03-29T01:30:00.000Z');
    assert.equal(fromBrusselsLocal(local(2026, 3, 29, 2, 0)).toISOString(), '2026-03-29T01:00:00.000Z');
    assert.equal(fromBrusselsLocal(local(2026, 3, 29, 3, 0)).toISOString(), '2026-03-29T01:00:00.000Z');
  });

  it('picks the first (summer-time) occurrence of a time in the autumn overlap', () => {
    assert.equal(fromBrusselsLocal(local(2026, 10, 25, 2, 30)).toISOString(), '2026-10-25T00:30:00.000Z');
    assert.equal(fromBrusselsLocal(local(2026, 10, 25, 3, 0)).toISOString(), '2026-10-25T02:00:00.000Z');
    assert.equal(fromBrusselsLocal(local(2026, 10, 25, 1, 59)).toISOString(), '2026-10-24T23:59:00.000Z');
  });

  it('rolls out-of-range days and months over like Date.UTC', () => {
    assert.equal(fromBrusselsLocal(local(2026, 13, 1, 12)).toISOString(), '2027-01-01T11:00:00.000Z');
    assert.equal(fromBrusselsLocal(local(2026, 3, 0, 12)).toISOString(), '2026-02-28T11:00:00.000Z');
  });

  it('round-trips every hour of a year, except the repeated autumn hour which resolves to its first occurrence', () => {
    const start = Date.parse('2026-01-01T00:00:00Z');
    for (let ms = start; ms < start + 366 * 24 * HOUR; ms += HOUR) {
      const instant = new Date(ms);
      const back = fromBrusselsLocal(toBrusselsLocal(instant)).getTime();
      if (ms === Date.parse('2026-10-25T01:00:00Z')) assert.equal(back, ms - HOUR);
      else assert.equal(back, ms, instant.toISOString());
    }
  });

  it('refuses non-numeric fields', () => {
    assert.throws(() => fromBrusselsLocal({ ...local(2026, 1, 1), day: Number.NaN }), RangeError);
  });
});

describe('daysInMonth', () => {
  it('knows month lengths and Gregorian leap years', () => {
    assert.equal(daysInMonth(2026, 2), 28);
    assert.equal(daysInMonth(2028, 2), 29);
    assert.equal(daysInMonth(1900, 2), 28);
    assert.equal(daysInMonth(2000, 2), 29);
    assert.equal(daysInMonth(2026, 4), 30);
    assert.equal(daysInMonth(2026, 12), 31);
  });
});

describe('addBrusselsDays and addBrusselsMonths', () => {
  it('keeps the wall-clock time when adding days across the spring change (167 real hours)', () => {
    const from = new Date('2026-03-25T09:00:00Z');
    const to = addBrusselsDays(from, 7);
    assert.equal(to.toISOString(), '2026-04-01T08:00:00.000Z');
    assert.equal(to.getTime() - from.getTime(), 167 * HOUR);
  });

  it('keeps the wall-clock time when adding months across the autumn change', () => {
    assert.equal(
      addBrusselsMonths(new Date('2026-08-31T08:00:00Z'), 3).toISOString(),
      '2026-11-30T09:00:00.000Z',
    );
  });

  it('clamps to the end of a shorter month', () => {
    assert.equal(
      addBrusselsMonths(new Date('2026-11-30T09:00:00Z'), 3).toISOString(),
      '2027-02-28T09:00:00.000Z',
    );
    assert.equal(
      addBrusselsMonths(new Date('2027-11-30T09:00:00Z'), 3).toISOString(),
      '2028-02-29T09:00:00.000Z',
    );
    assert.equal(
      addBrusselsMonths(new Date('2026-05-31T08:00:00Z'), 1).toISOString(),
      '2026-06-30T08:00:00.000Z',
    );
  });

  it('counts in Brussels dates, not UTC dates, near midnight', () => {
    // 30 Aug 22:30 UTC is already 31 Aug 00:30 in Brussels: + 3 months is 30 Nov 00:30 local.
    assert.equal(
      addBrusselsMonths(new Date('2026-08-30T22:30:00Z'), 3).toISOString(),
      '2026-11-29T23:30:00.000Z',
    );
  });

  it('supports negative amounts and year boundaries', () => {
    assert.equal(
      addBrusselsMonths(new Date('2027-01-15T11:00:00Z'), -2).toISOString(),
      '2026-11-15T11:00:00.000Z',
    );
    assert.equal(
      addBrusselsDays(new Date('2026-12-28T11:00:00Z'), 7).toISOString(),
      '2027-01-04T11:00:00.000Z',
    );
  });

  it('refuses fractional amounts', () => {
    assert.throws(() => addBrusselsDays(new Date(), 1.5), RangeError);
    assert.throws(() => addBrusselsMonths(new Date(), 0.5), RangeError);
  });
});
