import {
  centsFromColumn,
  canRespondToTask,
  decodeTaskCursor,
  encodeTaskCursor,
  PorticoError,
  type AccessTaskDetail,
  type TaskPage,
  type TaskQuery,
  type TaskRow,
  type TaskSortColumn,
  type taskPageInputSchema,
} from '@portico/core';
import { sql, type Expression } from 'kysely';
import type { z } from 'zod';
import type { OrgScope } from '../tenancy/org-scope.ts';
import { groupRef, notFound, openPracticeTasks, TASK_SUMMARY_COLUMNS, toTaskSummary } from './task-rows.ts';

/** The SQL each Tasks column sorts by; `taskSortValue` in @portico/core is the same rule on a row. */
const SORT_EXPRESSION: Record<TaskSortColumn, Expression<unknown>> = {
  number: sql`access_tasks.number`,
  portal: sql`payer_portals.name`,
  medicalGroup: sql`coalesce(medical_groups.name, '')`,
  kind: sql`access_tasks.kind`,
  description: sql`access_tasks.description`,
  impact: sql`access_issues.impact_cents`,
  createdAt: sql`access_tasks.created_at`,
};

/** The practice's open tasks with the Tasks tab's filters, joined to what a row shows. */
function filteredTasks(scope: OrgScope, query: TaskQuery) {
  return openPracticeTasks(scope)
    .innerJoin('payer_portals', 'payer_portals.id', 'access_tasks.portal_id')
    .innerJoin('access_issues', (join) =>
      join
        .onRef('access_issues.organization_id', '=', 'access_tasks.organization_id')
        .onRef('access_issues.id', '=', 'access_tasks.issue_id'),
    )
    .leftJoin('medical_groups', (join) =>
      join
        .onRef('medical_groups.organization_id', '=', 'access_tasks.organization_id')
        .onRef('medical_groups.id', '=', 'access_tasks.medical_group_id'),
    )
    .$if(query.portalId !== undefined, (qb) => qb.where('access_tasks.portal_id', '=', query.portalId ?? ''))
    .$if(query.medicalGroupId !== undefined, (qb) =>
      qb.where(
        sql<boolean>`exists (select 1 from access_task_medical_groups m
                             where m.organization_id = access_tasks.organization_id
                               and m.task_id = access_tasks.id
                               and m.medical_group_id = ${query.medicalGroupId ?? null})`,
      ),
    );
}

/**
 * One keyset page of the Tasks tab: rows after the cursor in (sort value, task number) order, never an OFFSET
 * scan. The total counts every task matching the filters.
 */
export async function taskPage(
  scope: OrgScope,
  input: z.output<typeof taskPageInputSchema>,
  { withTotal = true } = {},
): Promise<TaskPage> {
  const cursor = input.after === undefined ? null : decodeTaskCursor(input.after, input);
  if (input.after !== undefined && cursor === null) {
    throw new PorticoError(
      'BAD_REQUEST',
      'This page link is no longer valid. Start again from the first page.',
      {
        fieldPath: 'after',
      },
    );
  }
  const key = SORT_EXPRESSION[input.sort];
  const direction = input.direction;
  const after =
    cursor === null
      ? null
      : input.sort === 'createdAt'
        ? sql`${cursor.value}::timestamptz`
        : sql`${cursor.value}`;
  const rows = await filteredTasks(scope, input)
    .$if(after !== null, (qb) =>
      qb.where(
        direction === 'asc'
          ? sql<boolean>`(${key}, access_tasks.number) > (${after}, ${cursor?.number ?? 0})`
          : sql<boolean>`(${key}, access_tasks.number) < (${after}, ${cursor?.number ?? 0})`,
      ),
    )
    .select([
      'access_tasks.id',
      'access_tasks.number',
      'access_tasks.kind',
      'access_tasks.description',
      'access_tasks.issue_id',
      'access_tasks.created_at',
      'payer_portals.id as portal_id',
      'payer_portals.name as portal_name',
      'payer_portals.url as portal_url',
      'medical_groups.id as group_id',
      'medical_groups.name as group_name',
      'access_issues.impact_count',
      'access_issues.impact_cents',
    ])
    .orderBy(key, direction)
    .orderBy('access_tasks.number', direction)
    .limit(input.limit + 1)
    .execute();
  const page: TaskRow[] = rows.slice(0, input.limit).map((row) => ({
    id: row.id,
    number: Number(row.number),
    kind: row.kind,
    description: row.description,
    portal: { id: row.portal_id, name: row.portal_name, url: row.portal_url },
    medicalGroup: groupRef(row.group_id, row.group_name),
    impact: { count: row.impact_count, cents: centsFromColumn(row.impact_cents) },
    issueId: row.issue_id,
    createdAt: row.created_at.toISOString(),
  }));
  const last = page.at(-1);
  let total = -1;
  if (withTotal) {
    const counted = await filteredTasks(scope, input)
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .executeTakeFirstOrThrow();
    total = Number(counted.count);
  }
  return {
    rows: page,
    total,
    nextCursor: rows.length > input.limit && last ? encodeTaskCursor(input, last) : null,
  };
}

/**
 * Every task matching the query, page by page, each page read in its own short transaction (`read`), so a slow
 * download never holds a connection or a snapshot, and memory stays one page whatever the size.
 */
export async function* taskPages(
  read: <T>(work: (scope: OrgScope) => Promise<T>) => Promise<T>,
  query: TaskQuery,
  pageSize = 1000,
): AsyncGenerator<TaskRow[]> {
  let after: string | undefined;
  for (;;) {
    const page = await read((scope) =>
      taskPage(scope, { ...query, limit: pageSize, ...(after ? { after } : {}) }, { withTotal: false }),
    );
    if (page.rows.length > 0) yield page.rows;
    if (page.nextCursor === null) return;
    after = page.nextCursor;
  }
}

/** The portals and medical groups the practice's open tasks can be filtered by. */
export async function taskFilters(scope: OrgScope) {
  const [portals, medicalGroups] = await Promise.all([
    openPracticeTasks(scope)
      .innerJoin('payer_portals', 'payer_portals.id', 'access_tasks.portal_id')
      .select(['payer_portals.id', 'payer_portals.name'])
      .distinct()
      .orderBy('payer_portals.name')
      .execute(),
    openPracticeTasks(scope)
      .innerJoin('access_task_medical_groups as m', (join) =>
        join
          .onRef('m.organization_id', '=', 'access_tasks.organization_id')
          .onRef('m.task_id', '=', 'access_tasks.id'),
      )
      .innerJoin('medical_groups', (join) =>
        join
          .onRef('medical_groups.organization_id', '=', 'm.organization_id')
          .onRef('medical_groups.id', '=', 'm.medical_group_id'),
      )
      .select(['medical_groups.id', 'medical_groups.name'])
      .distinct()
      .orderBy('medical_groups.name')
      .execute(),
  ]);
  return { portals, medicalGroups };
}

/** One task as the practice sees it in the task dialog: account state (never the password), notes, unpostables. */
export async function taskDetail(scope: OrgScope, taskId: string): Promise<AccessTaskDetail> {
  const task = await scope
    .selectFrom('access_tasks')
    .innerJoin('access_issues', (join) =>
      join
        .onRef('access_issues.organization_id', '=', 'access_tasks.organization_id')
        .onRef('access_issues.id', '=', 'access_tasks.issue_id'),
    )
    .innerJoin('payer_portals', 'payer_portals.id', 'access_tasks.portal_id')
    .leftJoin('medical_groups', (join) =>
      join
        .onRef('medical_groups.organization_id', '=', 'access_tasks.organization_id')
        .onRef('medical_groups.id', '=', 'access_tasks.medical_group_id'),
    )
    .select([
      ...TASK_SUMMARY_COLUMNS,
      'access_tasks.tins_to_add',
      'access_tasks.assistance_needed',
      'access_issues.status as issue_status',
      'payer_portals.id as portal_id',
      'payer_portals.name as portal_name',
      'payer_portals.url as portal_url',
      'medical_groups.id as group_id',
      'medical_groups.name as group_name',
    ])
    .where('access_tasks.id', '=', taskId)
    .executeTakeFirst();
  if (!task) throw notFound('task', 'taskId');

  const [account, history, unpostables] = await Promise.all([
    scope
      .selectFrom('portal_accounts')
      .select(['account_type', 'user_name', 'password_sealed', 'password_changed_at', 'tins'])
      .where('portal_accounts.portal_id', '=', task.portal_id)
      .executeTakeFirst(),
    scope
      .selectFrom('access_notes')
      .leftJoin('users', 'users.id', 'access_notes.author_user_id')
      .select([
        'access_notes.id',
        'access_notes.author',
        'users.display_name',
        'access_notes.body',
        'access_notes.created_at',
      ])
      .where('access_notes.issue_id', '=', task.issue_id)
      .where((eb) =>
        eb.or([eb('access_notes.task_id', 'is', null), eb('access_notes.task_id', '=', task.id)]),
      )
      .orderBy('access_notes.created_at')
      .orderBy('access_notes.seq')
      .execute(),
    scope
      .selectFrom('affected_unpostables')
      .select(['unpostable_id', 'blocked', 'cents'])
      .where('affected_unpostables.issue_id', '=', task.issue_id)
      .orderBy('blocked', 'desc')
      .orderBy('unpostable_id')
      .execute(),
  ]);
  const summary = toTaskSummary(task);
  return {
    ...summary,
    issueId: task.issue_id,
    issueStatus: task.issue_status,
    portal: { id: task.portal_id, name: task.portal_name, url: task.portal_url },
    medicalGroup: groupRef(task.group_id, task.group_name),
    tinsToAdd: task.tins_to_add,
    assistanceNeeded: task.assistance_needed,
    account: account
      ? {
          type: account.account_type,
          editable: account.account_type === 'PRACTICE_MANAGED',
          userName: account.user_name,
          // Only whether a password is set and when it changed: the sealed value never leaves this function.
          passwordSet: account.password_sealed !== null,
          passwordChangedAt: account.password_changed_at?.toISOString() ?? null,
          tins: account.tins,
        }
      : null,
    history: history.map((note) => ({
      id: note.id,
      author: note.author,
      authorName: note.display_name,
      body: note.body,
      createdAt: note.created_at.toISOString(),
    })),
    affectedUnpostables: unpostables.map((row) => ({
      unpostableId: row.unpostable_id,
      blocked: row.blocked,
      cents: centsFromColumn(row.cents),
    })),
    canRespond: canRespondToTask(summary),
  };
}
