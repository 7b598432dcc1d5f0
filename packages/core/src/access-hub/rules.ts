import { addCents } from '../money/totals.ts';
import type {
  AccessIssueStatus,
  AccessTaskSummary,
  ActionNeeded,
  BlockedWork,
  PortalIssues,
  TaskRow,
  TaskSortColumn,
} from './schemas.ts';

/** docs/domain.md: the practice's issues first, then the informational ones; resolved issues last. */
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

/**
 * The practice's part of an issue: its open claims tasks (handed to the host's enrollment worklist) or, when it has
 * none, its first open unpostables task (answered with an issue response). Null when nothing waits on the practice.
 */
export function actionNeeded(tasks: readonly AccessTaskSummary[]): ActionNeeded | null {
  const mine = tasks.filter((task) => task.assignee === 'PRACTICE' && !task.closed);
  const claims = mine.filter((task) => task.kind === 'CLAIMS');
  if (claims.length > 0) {
    return { kind: 'CLAIMS', taskIds: claims.map((t) => t.id), taskNumbers: claims.map((t) => t.number) };
  }
  const unpostables = mine.find((task) => task.kind === 'UNPOSTABLES');
  return unpostables ? { kind: 'UNPOSTABLES', taskId: unpostables.id, taskNumber: unpostables.number } : null;
}

/** Whether the practice can answer a task with an issue response: an open unpostables task assigned to it. */
export function canRespondToTask(task: Pick<AccessTaskSummary, 'kind' | 'assignee' | 'closed'>): boolean {
  return task.kind === 'UNPOSTABLES' && task.assignee === 'PRACTICE' && !task.closed;
}

/** The dollars a portal row blocks, claims and unpostables together. */
export function portalBlockedCents(group: Pick<PortalIssues, 'impact'>): number {
  return addCents(group.impact.claims.cents, group.impact.unpostables.cents);
}

/**
 * The dashboard's portal order: the most urgent status first, then the most money blocked, then by name. Each
 * portal's issues are ordered by status, and the portal takes its most urgent issue's status.
 */
export function orderPortalIssues(groups: readonly PortalIssues[]): PortalIssues[] {
  const ordered = groups.map((group) => {
    const issues = [...group.issues].sort((a, b) => compareAccessStatus(a.status, b.status));
    return { ...group, issues, status: mostUrgentStatus(issues.map((issue) => issue.status)) };
  });
  return ordered.sort(
    (a, b) =>
      compareAccessStatus(a.status, b.status) ||
      portalBlockedCents(b) - portalBlockedCents(a) ||
      a.portal.name.localeCompare(b.portal.name),
  );
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
