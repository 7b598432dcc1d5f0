/**
 * Calendar days in an office's time zone. The one place that turns an instant into the office's date
 * (STYLE.md: the office's time zone converts between instants and calendar days in one place).
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The calendar day (`2026-11-25`) that an instant falls on in a time zone. */
export function plainDateInZone(instant: Date, timeZone: string): string {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The first day of the month that a plain date falls in, shifted by whole months (`-1` is the month before). */
export function firstOfMonth(plainDate: string, monthOffset = 0): string {
  const year = Number(plainDate.slice(0, 4));
  const month = Number(plainDate.slice(5, 7)) - 1 + monthOffset;
  const shifted = new Date(Date.UTC(year, month, 1));
  return shifted.toISOString().slice(0, 10);
}

/** An instant's calendar day for people (`Nov 23, 2026`), in the reader's time zone unless one is given. */
export function formatInstantDate(iso: string, locale = 'en-US', timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso));
}

/** A plain date for people: `2026-09-01` → `Sep 1, 2026` (the day itself, never shifted by a time zone). */
export function formatPlainDate(plainDate: string, locale = 'en-US'): string {
  return formatInstantDate(`${plainDate}T00:00:00Z`, locale, 'UTC');
}
