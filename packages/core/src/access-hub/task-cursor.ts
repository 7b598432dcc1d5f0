import { decodeOpaque, encodeOpaque, INSTANT_PATTERN } from '../inputs/opaque-cursor.ts';
import { MULTI_LINE_TEXT } from '../inputs/rules.ts';
import { taskSortValue } from './rules.ts';
import type { TaskQuery, TaskRow, TaskSortColumn } from './schemas.ts';

const NUMERIC_COLUMNS: ReadonlySet<TaskSortColumn> = new Set(['number', 'impact']);

/** Where a keyset page ends: the order it was read in, the last row's sort value and task number. */
export interface TaskCursor {
  sort: TaskSortColumn;
  direction: 'asc' | 'desc';
  value: string | number;
  number: number;
}

/** The opaque `nextCursor` after this row. */
export function encodeTaskCursor(query: Pick<TaskQuery, 'sort' | 'direction'>, row: TaskRow): string {
  return encodeOpaque([query.sort, query.direction, taskSortValue(row, query.sort), row.number]);
}

/**
 * Reads a cursor back; null when it is not one of ours or was made for another order (the caller then refuses it
 * as a bad request, never scans from a guessed place).
 */
export function decodeTaskCursor(
  cursor: string,
  query: Pick<TaskQuery, 'sort' | 'direction'>,
): TaskCursor | null {
  const parsed = decodeOpaque(cursor);
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
    !(INSTANT_PATTERN.test(value as string) && !Number.isNaN(Date.parse(value as string)))
  )
    return null;
  return {
    sort: query.sort,
    direction: query.direction,
    value: value as string | number,
    number: number as number,
  };
}
