/**
 * Business days: Monday to Friday, except US federal holidays as observed (docs/domain.md, "Business days").
 * Pure functions over plain-date strings (`2026-11-25`).
 */

/** A federal holiday as observed: the day offices are closed, and its name. */
export interface ObservedHoliday {
  date: string;
  name: string;
}

function toPlainDate(year: number, monthIndex: number, day: number): string {
  return new Date(Date.UTC(year, monthIndex, day)).toISOString().slice(0, 10);
}

function weekday(plainDate: string): number {
  return new Date(`${plainDate}T00:00:00Z`).getUTCDay();
}

/** The `n`th given weekday (0 = Sunday) of a month; `n = -1` for the last. */
function nthWeekday(year: number, monthIndex: number, day: number, n: number): string {
  if (n > 0) {
    const first = new Date(Date.UTC(year, monthIndex, 1)).getUTCDay();
    return toPlainDate(year, monthIndex, 1 + ((day - first + 7) % 7) + (n - 1) * 7);
  }
  const lastDate = new Date(Date.UTC(year, monthIndex + 1, 0));
  const back = (lastDate.getUTCDay() - day + 7) % 7;
  return toPlainDate(year, monthIndex, lastDate.getUTCDate() - back);
}

/** docs/domain.md: a Saturday holiday is observed the Friday before, a Sunday holiday the Monday after. */
function observed(plainDate: string): string {
  const day = weekday(plainDate);
  const [y, m, d] = plainDate.split('-').map(Number) as [number, number, number];
  if (day === 6) return toPlainDate(y, m - 1, d - 1);
  if (day === 0) return toPlainDate(y, m - 1, d + 1);
  return plainDate;
}

/** The eleven US federal holidays whose actual date falls in `year`, each on its observed day. */
export function federalHolidays(year: number): ObservedHoliday[] {
  return [
    { name: "New Year's Day", date: observed(toPlainDate(year, 0, 1)) },
    { name: 'Martin Luther King Jr. Day', date: nthWeekday(year, 0, 1, 3) },
    { name: "Washington's Birthday", date: nthWeekday(year, 1, 1, 3) },
    { name: 'Memorial Day', date: nthWeekday(year, 4, 1, -1) },
    { name: 'Juneteenth', date: observed(toPlainDate(year, 5, 19)) },
    { name: 'Independence Day', date: observed(toPlainDate(year, 6, 4)) },
    { name: 'Labor Day', date: nthWeekday(year, 8, 1, 1) },
    { name: 'Columbus Day', date: nthWeekday(year, 9, 1, 2) },
    { name: 'Veterans Day', date: observed(toPlainDate(year, 10, 11)) },
    { name: 'Thanksgiving Day', date: nthWeekday(year, 10, 4, 4) },
    { name: 'Christmas Day', date: observed(toPlainDate(year, 11, 25)) },
  ];
}

const holidayCache = new Map<number, Set<string>>();

/** Observed holiday dates falling in a calendar year (next year's New Year's Day can be observed on Dec 31). */
function observedDatesIn(year: number): Set<string> {
  let dates = holidayCache.get(year);
  if (!dates) {
    dates = new Set(
      [...federalHolidays(year), ...federalHolidays(year + 1)]
        .map((holiday) => holiday.date)
        .filter((date) => date.startsWith(`${year}-`)),
    );
    holidayCache.set(year, dates);
  }
  return dates;
}

/** True for a weekday that is not an observed federal holiday. */
export function isBusinessDay(plainDate: string): boolean {
  const day = weekday(plainDate);
  if (day === 0 || day === 6) return false;
  return !observedDatesIn(Number(plainDate.slice(0, 4))).has(plainDate);
}

/** The day `days` calendar days after a plain date. */
export function addCalendarDays(plainDate: string, days: number): string {
  const [y, m, d] = plainDate.split('-').map(Number) as [number, number, number];
  return toPlainDate(y, m - 1, d + days);
}

/** The `count`th business day after `plainDate`; the day itself never counts. */
export function addBusinessDays(plainDate: string, count: number): string {
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError('count must be a whole number of days, 0 or more');
  let date = plainDate;
  for (let found = 0; found < count;) {
    date = addCalendarDays(date, 1);
    if (isBusinessDay(date)) found += 1;
  }
  return date;
}

/**
 * docs/domain.md: Medicare services are ready at the latest by the end of the second business day after the day
 * the provider list became complete (that day itself does not count), in the office's time zone.
 */
export function medicareReadyBy(listCompletedOn: string): string {
  return addBusinessDays(listCompletedOn, 2);
}
