import type { AccessIssueStatus, BlockedWork, TaskQuery, TaskRow, TaskSortColumn } from './schemas.ts';

/** DOMAIN.md: the practice's issues first, then the informational ones; resolved issues last. */
const STATUS_PRIORITY: Record<AccessIssueStatus, number> = {
  NEEDS_YOUR_ATTENTION: 0,
  WITH_SERVICE: 1,
  WITH_PAYER: 2,
  RESOLVED: 3,
};

/** Words for each status, so the label never relies on colour alone. */
export const ACCESS_STATUS_LABELS: Record<AccessIssueStatus, string> = {
  NEEDS_YOUR_ATTENTION: 'Needs your attention',
  WITH_SERVICE: 'With service team',
  WITH_PAYER: 'With payer',
  RESOLVED: 'Resolved',
};

export const BLOCKED_WORK_LABELS: Record<BlockedWork, string> = {
  CLAIMS: 'Claims',
  UNPOSTABLES: 'Unpostables',
};

/** Negative when `a` comes before `b` in the hub's order. */
export function compareAccessStatus(a: AccessIssueStatus, b: AccessIssueStatus): number {
  return STATUS_PRIORITY[a] - STATUS_PRIORITY[b];
}

/** The most urgent of several statuses (a portal row shows its most urgent issue's status). */
export function mostUrgentStatus(statuses: readonly AccessIssueStatus[]): AccessIssueStatus {
  return statuses.reduce<AccessIssueStatus>(
    (best, status) => (compareAccessStatus(status, best) < 0 ? status : best),
    'RESOLVED',
  );
}

/**
 * An issue's status once its tasks change: a task assigned to the practice means the practice must act; when the
 * practice has none left, an issue that waited on it goes to the service team. Statuses staff set otherwise
 * (with the payer, resolved) stay.
 */
export function statusAfterTaskChange(
  current: AccessIssueStatus,
  openPracticeTasks: number,
): AccessIssueStatus {
  if (current === 'RESOLVED') return current;
  if (openPracticeTasks > 0) return 'NEEDS_YOUR_ATTENTION';
  return current === 'NEEDS_YOUR_ATTENTION' ? 'WITH_SERVICE' : current;
}

/** The value a task row sorts by for a column (a missing medical group sorts as an empty name). */
export function taskSortValue(row: TaskRow, column: TaskSortColumn): string | number {
  switch (column) {
    case 'number':
      return row.number;
    case 'portal':
      return row.portal.name;
    case 'medicalGroup':
      return row.medicalGroup?.name ?? '';
    case 'kind':
      return row.kind;
    case 'description':
      return row.description;
    case 'impact':
      return row.impact.cents;
    case 'createdAt':
      return row.createdAt;
  }
}

const NUMERIC_COLUMNS: ReadonlySet<TaskSortColumn> = new Set(['number', 'impact']);

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
  if (!Number.isSafeInteger(number)) return null;
  const numeric = NUMERIC_COLUMNS.has(query.sort);
  if (numeric ? !Number.isSafeInteger(value) : typeof value !== 'string' || value.length > 4000) return null;
  if (query.sort === 'createdAt' && Number.isNaN(Date.parse(value as string))) return null;
  return {
    sort: query.sort,
    direction: query.direction,
    value: value as string | number,
    number: number as number,
  };
}

/** The Tasks CSV's columns, in order. */
export const TASK_CSV_COLUMNS = [
  'TASK_ID',
  'TYPE',
  'PORTAL',
  'PORTAL_URL',
  'MEDICAL_GROUP',
  'DESCRIPTION',
  'BLOCKED_ITEMS',
  'DOLLARS_IMPACTED',
  'CREATED_AT',
] as const;
