import type { ColumnType } from 'kysely';

// Column types every table module shares.

/** A timestamptz column: read as a Date, written as a Date or an ISO string. */
export type Instant = ColumnType<Date, Date | string, Date | string>;
/** A timestamptz column with a database default: optional on insert. */
export type DefaultedInstant = ColumnType<Date, Date | string | undefined, Date | string>;
/** A `date` column: a plain calendar-day string (`2026-11-25`); the driver is set not to turn it into a Date. */
export type PlainDate = string;
