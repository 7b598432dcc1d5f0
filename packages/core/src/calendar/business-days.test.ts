import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Holidays from 'date-holidays';
import { addBusinessDays, federalHolidays, isBusinessDay, medicareReadyBy } from './business-days.ts';

describe('US federal holidays as observed', () => {
  it('lists the 2026 holidays on their observed days (Independence Day on Friday July 3)', () => {
    assert.deepEqual(
      federalHolidays(2026).map((holiday) => holiday.date),
      [
        '2026-01-01',
        '2026-01-19',
        '2026-02-16',
        '2026-05-25',
        '2026-06-19',
        '2026-07-03',
        '2026-09-07',
        '2026-10-12',
        '2026-11-11',
        '2026-11-26',
        '2026-12-25',
      ],
    );
  });

  it("observes a Saturday New Year's Day (2028) on Friday December 31 of the year before", () => {
    assert.equal(isBusinessDay('2027-12-31'), false);
    assert.equal(federalHolidays(2028)[0]?.date, '2027-12-31');
  });

  it('observes Veterans Day 2028, a Saturday, on Friday November 10', () => {
    assert.equal(isBusinessDay('2028-11-10'), false);
    assert.equal(isBusinessDay('2028-11-13'), true);
  });

  it('observes a Sunday holiday on the Monday after (Independence Day 2027)', () => {
    assert.equal(isBusinessDay('2027-07-05'), false);
  });

  // date-holidays never moves Veterans Day off a weekend; docs/domain.md (like OPM) applies the Friday/Monday rule to it.
  const movedVeteransDays = new Set(
    Array.from(
      { length: 17 },
      (_, i) => federalHolidays(2024 + i).find((h) => h.name === 'Veterans Day')?.date ?? '',
    ).filter((date) => !date.endsWith('-11-11')),
  );

  it('agrees with the date-holidays package on every weekday closure from 2024 to 2040, but a moved Veterans Day', () => {
    assert.deepEqual(
      [...movedVeteransDays],
      ['2028-11-10', '2029-11-12', '2034-11-10', '2035-11-12', '2040-11-12'],
    );
    const reference = new Holidays('US');
    for (let year = 2024; year <= 2040; year += 1) {
      const expected = reference
        .getHolidays(year)
        .filter((holiday) => holiday.type === 'public')
        .map((holiday) => holiday.date.slice(0, 10))
        .filter((date) => ![0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay()))
        .sort();
      const ours: string[] = [];
      for (
        let day = new Date(Date.UTC(year, 0, 1));
        day.getUTCFullYear() === year;
        day.setUTCDate(day.getUTCDate() + 1)
      ) {
        const date = day.toISOString().slice(0, 10);
        if (![0, 6].includes(day.getUTCDay()) && !isBusinessDay(date)) ours.push(date);
      }
      assert.deepEqual(
        ours.filter((date) => !movedVeteransDays.has(date)),
        [...new Set(expected)],
        String(year),
      );
    }
  });
});

describe('Medicare ready-by date: end of the second business day after the list is complete', () => {
  for (const [completedOn, readyBy, why] of [
    ['2026-11-16', '2026-11-18', 'Monday → Wednesday'],
    ['2026-11-20', '2026-11-24', 'Friday → Tuesday (weekend skipped)'],
    ['2026-11-21', '2026-11-24', 'Saturday → Tuesday (the day itself never counts)'],
    ['2026-11-24', '2026-11-27', 'Tuesday before Thanksgiving → Friday (Thursday is a holiday)'],
    ['2026-12-23', '2026-12-28', 'Wednesday before Christmas → Monday'],
    ['2026-07-01', '2026-07-06', 'Wednesday July 1 → Monday (Friday July 3 is Independence Day observed)'],
    ['2027-12-30', '2028-01-04', "across the year end with New Year's Day 2028 observed on Dec 31"],
  ] as const) {
    it(`${completedOn} → ${readyBy}: ${why}`, () => assert.equal(medicareReadyBy(completedOn), readyBy));
  }

  it('counts zero business days as the same day and refuses negative counts', () => {
    assert.equal(addBusinessDays('2026-11-21', 0), '2026-11-21');
    assert.throws(() => addBusinessDays('2026-11-21', -1), RangeError);
  });
});
