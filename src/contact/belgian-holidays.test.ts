import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addDays,
  belgianHolidayOn,
  belgianHolidays,
  easterSunday,
  flemishCommunityHolidays,
  isBelgianHoliday,
} from './belgian-holidays.js';

describe('easterSunday', () => {
  const known: ReadonlyArray<[number, number, number]> = [
    [2024, 3, 31],
    [2025, 4, 20],
    [2026, 4, 5],
    [2027, 3, 28],
    [2038, 4, 25],
    [2000, 4, 23],
    [1818, 3, 22],
    [2285, 3, 22],
  ];
  for (const [year, month, day] of known) {
    it(`puts Easter ${year} on ${year}-${month}-${day}`, () => {
      assert.deepEqual(easterSunday(year), { year, month, day });
    });
  }

  it('always falls on a Sunday between 22 March and 25 April', () => {
    for (let year = 1900; year <= 2200; year++) {
      const e = easterSunday(year);
      const d = new Date(Date.UTC(e.year, e.month - 1, e.day));
      assert.equal(d.getUTCDay(), 0, `Easter ${year} is a Sunday`);
      const ordinal = e.month * 100 + e.day;
      assert.ok(ordinal >= 322 && ordinal <= 425, `Easter ${year} within the Gregorian bounds`);
    }
  });

  it('refuses years outside the Gregorian calendar and non-integer years', () => {
    assert.throws(() => easterSunday(1582), RangeError);
    assert.throws(() => easterSunday(2026.5), RangeError);
    assert.throws(() => easterSunday(Number.NaN), RangeError);
  });
});

describe('belgianHolidays', () => {
  it('lists the ten legal public holidays of 2026 in calendar order', () => {
    assert.deepEqual(belgianHolidays(2026), [
      { year: 2026, month: 1, day: 1, key: 'new_year' },
      { year: 2026, month: 4, day: 6, key: 'easter_monday' },
      { year: 2026, month: 5, day: 1, key: 'labour_day' },
      { year: 2026, month: 5, day: 14, key: 'ascension' },
      { year: 2026, month: 5, day: 25, key: 'whit_monday' },
      { year: 2026, month: 7, day: 21, key: 'national_day' },
      { year: 2026, month: 8, day: 15, key: 'assumption' },
      { year: 2026, month: 11, day: 1, key: 'all_saints' },
      { year: 2026, month: 11, day: 11, key: 'armistice' },
      { year: 2026, month: 12, day: 25, key: 'christmas' },
    ]);
  });

  it('keeps calendar order when Ascension coincides with Labour Day (2008)', () => {
    const keys = belgianHolidays(2008).map((h) => `${h.month}-${h.day}:${h.key}`);
    assert.deepEqual(keys.slice(0, 4), [
      '1-1:new_year',
      '3-24:easter_monday',
      '5-1:labour_day',
      '5-1:ascension',
    ]);
  });

  it('moves Ascension and Whit Monday with Easter across month boundaries', () => {
    const holidays = belgianHolidays(2038);
    assert.deepEqual(
      holidays.filter((h) => ['easter_monday', 'ascension', 'whit_monday'].includes(h.key)),
      [
        { year: 2038, month: 4, day: 26, key: 'easter_monday' },
        { year: 2038, month: 6, day: 3, key: 'ascension' },
        { year: 2038, month: 6, day: 14, key: 'whit_monday' },
      ],
    );
  });
});

describe('isBelgianHoliday', () => {
  it('recognises Easter Monday 2026 and Christmas, and not an ordinary working day', () => {
    assert.equal(isBelgianHoliday({ year: 2026, month: 4, day: 6 }), true);
    assert.equal(isBelgianHoliday({ year: 2026, month: 12, day: 25 }), true);
    assert.equal(isBelgianHoliday({ year: 2026, month: 4, day: 7 }), false);
    assert.equal(belgianHolidayOn({ year: 2026, month: 5, day: 14 })?.key, 'ascension');
  });

  it('does not treat 11 July as a public holiday unless the Flemish Community set is added', () => {
    const july11 = { year: 2026, month: 7, day: 11 };
    assert.equal(isBelgianHoliday(july11), false);
    assert.equal(isBelgianHoliday(july11, [flemishCommunityHolidays]), true);
    assert.equal(belgianHolidayOn(july11, [flemishCommunityHolidays])?.key, 'flemish_community_day');
  });

  it('answers false for years before the Gregorian calendar instead of throwing', () => {
    assert.equal(isBelgianHoliday({ year: 1500, month: 12, day: 25 }), false);
  });
});

describe('addDays', () => {
  it('rolls over month and year ends, including leap days', () => {
    assert.deepEqual(addDays({ year: 2024, month: 2, day: 28 }, 1), { year: 2024, month: 2, day: 29 });
    assert.deepEqual(addDays({ year: 2026, month: 12, day: 31 }, 1), { year: 2027, month: 1, day: 1 });
    assert.deepEqual(addDays({ year: 2026, month: 3, day: 1 }, -1), { year: 2026, month: 2, day: 28 });
  });
});
