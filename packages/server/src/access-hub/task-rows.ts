import { PorticoError, statusAfterTaskChange, type AccessTaskSummary } from '@portico/core';
import { sql, type ExpressionBuilder } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Database } from '../db/database.ts';
import type { OrgScope } from '../tenancy/org-scope.ts';

/** Serialises changes to one issue and its tasks across connections and instances. */
export const lockIssue = (scope: OrgScope, issueId: string) => scope.lock(`access-issue:${issueId}`);

/** The refusal for an id that is not in the caller's office. */
export function notFound(what: string, fieldPath: string): PorticoError {
  return new PorticoError('NOT_FOUND', `There is no such ${what} in this office.`, { fieldPath });
}

/** A task row as read from its columns (bigint as text, Dates) or from JSON (numbers, ISO text). */
type TaskSummaryRow = {
  id: string;
  number: string | number;
  kind: AccessTaskSummary['kind'];
  assignee: AccessTaskSummary['assignee'];
  description: string;
  created_at: Date | string;
  closed_at: Date | string | null;
};

export function toTaskSummary(row: TaskSummaryRow): AccessTaskSummary {
  return {
    id: row.id,
    number: Number(row.number),
    kind: row.kind,
    assignee: row.assignee,
    description: row.description,
    createdAt: new Date(row.created_at).toISOString(),
    closed: row.closed_at !== null,
  };
}

/** A medical group from a left join: null when the row has none. */
export function groupRef(id: string | null, name: string | null) {
  return id === null || name === null ? null : { id, name };
}

export const TASK_SUMMARY_COLUMNS = [
  'access_tasks.id',
  'access_tasks.number',
  'access_tasks.kind',
  'access_tasks.assignee',
  'access_tasks.description',
  'access_tasks.created_at',
  'access_tasks.closed_at',
  'access_tasks.issue_id',
] as const;

/** An issue's tasks as a JSON array in the issue's own row (same organization, by the issue index). */
export function issueTasks(eb: ExpressionBuilder<Database, 'access_issues'>) {
  return jsonArrayFrom(
    eb
      .selectFrom('access_tasks')
      .select([
        'access_tasks.id',
        sql<number>`access_tasks.number`.as('number'),
        'access_tasks.kind',
        'access_tasks.assignee',
        'access_tasks.description',
        'access_tasks.created_at',
        'access_tasks.closed_at',
      ])
      .whereRef('access_tasks.organization_id', '=', 'access_issues.organization_id')
      .whereRef('access_tasks.issue_id', '=', 'access_issues.id')
      .orderBy('access_tasks.number'),
  ).as('tasks');
}

/** Open tasks assigned to the practice: the attention card, and the Tasks tab's whole list. */
export function openPracticeTasks(scope: OrgScope) {
  return scope
    .selectFrom('access_tasks')
    .where('access_tasks.assignee', '=', 'PRACTICE')
    .where('access_tasks.closed_at', 'is', null);
}

/** Sets an issue's status from its open practice tasks (`statusAfterTaskChange`); call under the issue lock. */
export async function settleIssueStatus(scope: OrgScope, issueId: string, now: Date): Promise<void> {
  const issue = await scope
    .selectFrom('access_issues')
    .select('status')
    .where('id', '=', issueId)
    .executeTakeFirstOrThrow();
  const open = await openPracticeTasks(scope)
    .where('access_tasks.issue_id', '=', issueId)
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .executeTakeFirstOrThrow();
  const status = statusAfterTaskChange(issue.status, Number(open.count));
  await scope
    .updateTable('access_issues')
    .set({ status, updated_at: now })
    .where('id', '=', issueId)
    .execute();
}
