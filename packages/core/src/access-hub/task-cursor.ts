import { MULTI_LINE_TEXT } from '../inputs/rules.ts';
import { taskSortValue } from './rules.ts';
import type { TaskQuery, TaskRow, TaskSortColumn } from './schemas.ts';

const NUMERIC_COLUMNS: ReadonlySet<TaskSortColumn> = new Set(['number', 'impact']);

/** A creation time as the server writes it (`toISOString`), in the years a date input accepts. */
const INSTANT = /^(?:19|2[01])\d\d-[01]\d-[0-3]\dT[0-2]\d:[0-5]\d:[0-5]\d(?:\.\d{1,6})?Z$/;

/** Where a keyset page ends: the order it was read in, the last row's sort value and task number. */
export interface TaskCursor {
  sort: TaskSortColumn;
  direction: 'asc' | 'desc';
  value: string | number;
  number: number;
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}

/** The opaque `nextCursor` after this row. */
export function encodeTaskCursor(query: Pick<TaskQuery, 'sort' | 'direction'>, row: TaskRow): string {
  return toBase64Url(
    JSON.stringify([query.sort, query.direction, taskSortValue(row, query.sort), row.number]),
  );
}

/**
 * Reads a cursor back; null when it is not one of ours or was made for another order (the caller then refuses it
 * as a bad request, never scans from a guessed place).
 */
export function decodeTaskCursor(
  cursor: string,
  query: Pick<TaskQuery, 'sort' | 'direction'>,
): TaskCursor | null {
  const text = fromBase64Url(cursor);
  if (text === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) return null;
  const [sort, direction, value, number] = parsed as unknown[];
  if (sort !== query.sort || direction !== query.direction) return null;
  // Strictly parsed: every value must be one the server could have written, or the cursor is refused whole.
  if (!Number.isSafeInteger(number) || (number as number) < 1) return null;
  const numeric = NUMERIC_COLUMNS.has(query.sort);
  if (numeric) {
    if (!Number.isSafeInteger(value) || (value as number) < 0) return null;
  } else if (typeof value !== 'string' || value.length > 4000 || !MULTI_LINE_TEXT.test(value)) return null;
  if (
    query.sort === 'createdAt' &&
    !(INSTANT.test(value as string) && !Number.isNaN(Date.parse(value as string)))
  )
    return null;
  return {
    sort: query.sort,
    direction: query.direction,
    value: value as string | number,
    number: number as number,
  };
}
