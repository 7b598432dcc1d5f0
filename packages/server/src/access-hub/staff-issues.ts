import {
  centsFromColumn,
  compareAccessStatus,
  PorticoError,
  type AccessIssueStatus,
  type assignTaskInputSchema,
  type attachUnpostablesInputSchema,
  type reportIssueInputSchema,
  type staffIssueSchema,
} from '@portico/core';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { OrgScope } from '../tenancy/org-scope.ts';
import { issueTasks, lockIssue, notFound, settleIssueStatus, toTaskSummary } from './task-rows.ts';

type StaffIssue = z.input<typeof staffIssueSchema>;

/** An office's issues as staff see them, each with its tasks, in one query: most urgent first, then by age. */
export async function staffIssues(scope: OrgScope, issueId?: string): Promise<StaffIssue[]> {
  const rows = await scope
    .selectFrom('access_issues')
    .select((eb) => ['id', 'status', 'impact_count', 'impact_cents', 'created_at', issueTasks(eb)])
    .$if(issueId !== undefined, (qb) => qb.where('id', '=', issueId ?? ''))
    .execute();
  rows.sort(
    (a, b) => compareAccessStatus(a.status, b.status) || a.created_at.getTime() - b.created_at.getTime(),
  );
  return rows.map((issue) => ({
    id: issue.id,
    status: issue.status,
    impact: { count: issue.impact_count, cents: centsFromColumn(issue.impact_cents) },
    tasks: issue.tasks.map(toTaskSummary),
  }));
}

/** One issue as staff see it; NOT_FOUND when the office has no such issue. */
export async function staffIssue(scope: OrgScope, issueId: string): Promise<StaffIssue> {
  const [issue] = await staffIssues(scope, issueId);
  if (!issue) throw notFound('issue', 'issueId');
  return issue;
}

async function requireMedicalGroups(scope: OrgScope, ids: readonly string[], fieldPath: string) {
  if (ids.length === 0) return [];
  const groups = await scope
    .selectFrom('medical_groups')
    .select(['id', 'created_at'])
    .where('id', 'in', [...ids])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  if (groups.length !== new Set(ids).size) throw notFound('medical group', fieldPath);
  return groups;
}

/** Records an access issue reported by a payer-side workflow, and the portal account it names. */
export async function reportIssue(
  scope: OrgScope,
  input: z.output<typeof reportIssueInputSchema>,
  now: Date,
): Promise<{ issueId: string; accountId: string | null }> {
  const portal = await scope
    .selectFromCatalog('payer_portals')
    .select('id')
    .where('id', '=', input.portalId)
    .executeTakeFirst();
  if (!portal)
    throw new PorticoError('NOT_FOUND', 'There is no such payer portal.', { fieldPath: 'portalId' });
  if (input.medicalGroupId) await requireMedicalGroups(scope, [input.medicalGroupId], 'medicalGroupId');

  const issue = await scope
    .insertInto('access_issues', {
      portal_id: input.portalId,
      medical_group_id: input.medicalGroupId ?? null,
      blocks: input.blocks,
      status: input.status,
      description: input.description,
      impact_count: input.impact.count,
      impact_cents: input.impact.cents,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  let accountId: string | null = null;
  if (input.account) {
    const tins = [...new Set(input.account.tins)];
    const account = await scope
      .insertInto('portal_accounts', {
        portal_id: input.portalId,
        account_type: input.account.type,
        user_name: input.account.userName ?? null,
        tins,
      })
      .onConflict((oc) =>
        oc.columns(['organization_id', 'portal_id']).doUpdateSet({
          account_type: input.account?.type ?? 'SERVICE_MANAGED',
          user_name: sql`coalesce(excluded.user_name, portal_accounts.user_name)`,
          tins: sql`array(select distinct unnest(portal_accounts.tins || excluded.tins) order by 1)`,
        }),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    accountId = account.id;
  }
  return { issueId: issue.id, accountId };
}

async function requireIssue(scope: OrgScope, issueId: string) {
  await lockIssue(scope, issueId);
  const issue = await scope
    .selectFrom('access_issues')
    .select(['id', 'status', 'blocks', 'portal_id', 'medical_group_id'])
    .where('id', '=', issueId)
    .executeTakeFirst();
  if (!issue) throw notFound('issue', 'issueId');
  return issue;
}

/** Staff set an issue's status; resolving it closes its open tasks. */
export async function changeIssueStatus(
  scope: OrgScope,
  issueId: string,
  status: AccessIssueStatus,
  now: Date,
): Promise<void> {
  await requireIssue(scope, issueId);
  await scope
    .updateTable('access_issues')
    .set({ status, updated_at: now })
    .where('id', '=', issueId)
    .execute();
  if (status === 'RESOLVED') {
    await scope
      .updateTable('access_tasks')
      .set({ closed_at: now, updated_at: now })
      .where('issue_id', '=', issueId)
      .where('closed_at', 'is', null)
      .execute();
  }
}

/** A service-team note on an issue (or one of its tasks), shown in the practice's history. */
export async function addStaffNote(
  scope: OrgScope,
  input: { issueId: string; taskId?: string | undefined; body: string },
  context: { userId: string; now: Date },
): Promise<void> {
  await requireIssue(scope, input.issueId);
  if (input.taskId) {
    const task = await scope
      .selectFrom('access_tasks')
      .select('id')
      .where('id', '=', input.taskId)
      .where('issue_id', '=', input.issueId)
      .executeTakeFirst();
    if (!task) throw notFound('task on this issue', 'taskId');
  }
  await scope
    .insertInto('access_notes', {
      issue_id: input.issueId,
      task_id: input.taskId ?? null,
      author: 'SERVICE',
      author_user_id: context.userId,
      body: input.body,
      created_at: context.now,
    })
    .execute();
  await scope
    .updateTable('access_issues')
    .set({ updated_at: context.now })
    .where('id', '=', input.issueId)
    .execute();
}

/** Records the unpostables an issue affects and sets its impact to the blocked ones. */
export async function attachUnpostables(
  scope: OrgScope,
  input: z.output<typeof attachUnpostablesInputSchema>,
  now: Date,
): Promise<void> {
  const issue = await requireIssue(scope, input.issueId);
  if (issue.blocks !== 'UNPOSTABLES') {
    throw new PorticoError('BAD_REQUEST', 'Only an issue that blocks unpostables has affected unpostables.', {
      fieldPath: 'issueId',
    });
  }
  const ids = input.unpostables.map((u) => u.unpostableId);
  if (new Set(ids).size !== ids.length) {
    throw new PorticoError('BAD_REQUEST', 'Each unpostable appears once.', { fieldPath: 'unpostables' });
  }
  await scope
    .insertInto(
      'affected_unpostables',
      input.unpostables.map((u) => ({
        issue_id: input.issueId,
        unpostable_id: u.unpostableId,
        blocked: u.blocked,
        cents: u.cents,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['organization_id', 'issue_id', 'unpostable_id']).doUpdateSet({
        blocked: sql`excluded.blocked`,
        cents: sql`excluded.cents`,
      }),
    )
    .execute();
  // The impact of an unpostables issue is what it blocks: the blocked unpostables and their dollars.
  const impact = await scope
    .selectFrom('affected_unpostables')
    .select([
      sql<string>`count(*) filter (where blocked)`.as('count'),
      sql<string>`coalesce(sum(cents) filter (where blocked), 0)`.as('cents'),
    ])
    .where('issue_id', '=', input.issueId)
    .executeTakeFirstOrThrow();
  await scope
    .updateTable('access_issues')
    .set({ impact_count: Number(impact.count), impact_cents: Number(impact.cents), updated_at: now })
    .where('id', '=', input.issueId)
    .execute();
}

/** Adds a task to an open issue for the practice or the service team; its status follows. */
export async function assignTask(
  scope: OrgScope,
  input: z.output<typeof assignTaskInputSchema>,
  now: Date,
): Promise<string> {
  const issue = await requireIssue(scope, input.issueId);
  if (issue.status === 'RESOLVED') {
    throw new PorticoError('CONFLICT', 'This issue is resolved; reopen it before adding tasks.', {
      fieldPath: 'issueId',
    });
  }
  const groups = await requireMedicalGroups(scope, input.medicalGroupIds, 'medicalGroupIds');
  // docs/domain.md: where several medical groups apply, the task shows the earliest created.
  const shownGroup = groups[0]?.id ?? issue.medical_group_id;
  const task = await scope
    .insertInto('access_tasks', {
      issue_id: issue.id,
      portal_id: issue.portal_id,
      kind: issue.blocks,
      assignee: input.assignee,
      description: input.description,
      tins_to_add: [...new Set(input.tinsToAdd)],
      medical_group_id: shownGroup,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const groupIds = groups.length > 0 ? groups.map((g) => g.id) : shownGroup ? [shownGroup] : [];
  if (groupIds.length > 0) {
    await scope
      .insertInto(
        'access_task_medical_groups',
        groupIds.map((id) => ({ task_id: task.id, medical_group_id: id })),
      )
      .execute();
  }
  await settleIssueStatus(scope, issue.id, now);
  return task.id;
}

/** Hands an open task to the practice or the service team; the issue's status follows. */
export async function reassignTask(
  scope: OrgScope,
  taskId: string,
  assignee: 'PRACTICE' | 'SERVICE',
  now: Date,
): Promise<string> {
  const found = await scope
    .selectFrom('access_tasks')
    .select('issue_id')
    .where('id', '=', taskId)
    .executeTakeFirst();
  if (!found) throw notFound('task', 'taskId');
  await requireIssue(scope, found.issue_id);
  const updated = await scope
    .updateTable('access_tasks')
    .set({ assignee, updated_at: now })
    .where('id', '=', taskId)
    .where('closed_at', 'is', null)
    .executeTakeFirst();
  if (updated.numUpdatedRows === 0n) {
    throw new PorticoError('CONFLICT', 'This task is closed.', { fieldPath: 'taskId' });
  }
  await settleIssueStatus(scope, found.issue_id, now);
  return found.issue_id;
}
