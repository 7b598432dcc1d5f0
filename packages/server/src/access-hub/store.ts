import {
  decodeTaskCursor,
  encodeTaskCursor,
  mostUrgentStatus,
  compareAccessStatus,
  PorticoError,
  statusAfterTaskChange,
  type AccessIssue,
  type AccessIssueStatus,
  type AccessTaskDetail,
  type AccessTaskSummary,
  type ActionNeeded,
  type Dashboard,
  type PayerPortal,
  type PortalIssues,
  type TaskPage,
  type TaskQuery,
  type TaskRow,
  type TaskSortColumn,
  type assignTaskInputSchema,
  type attachUnpostablesInputSchema,
  type dashboardInputSchema,
  type definePortalInputSchema,
  type issueResponseInputSchema,
  type reportIssueInputSchema,
  type staffIssueSchema,
  type taskPageInputSchema,
} from '@portico/core';
import { sql, type Expression, type ExpressionBuilder, type Transaction } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { z } from 'zod';
import type { Database } from '../db/database.ts';
import type { Sealer } from '../secrets/sealer.ts';
import type { OrgScope } from '../tenancy/org-scope.ts';

type StaffIssue = z.input<typeof staffIssueSchema>;

const iso = (value: Date) => value.toISOString();

/** Serialises changes to one issue and its tasks across connections and instances. */
const lockIssue = (scope: OrgScope, issueId: string) => scope.lock(`access-issue:${issueId}`);

function notFound(what: string, fieldPath: string): PorticoError {
  return new PorticoError('NOT_FOUND', `There is no such ${what} in this office.`, { fieldPath });
}

// ---------------------------------------------------------------------------------------------------------------
// Payer portals (global)

function toPortal(row: {
  id: string;
  code: string;
  name: string;
  url: string;
  covered_payers: string[];
}): PayerPortal {
  return { id: row.id, code: row.code, name: row.name, url: row.url, coveredPayers: row.covered_payers };
}

export async function listPortals(trx: Transaction<Database>): Promise<PayerPortal[]> {
  const rows = await trx
    .selectFrom('payer_portals')
    .select(['id', 'code', 'name', 'url', 'covered_payers'])
    .orderBy('name')
    .execute();
  return rows.map(toPortal);
}

export async function definePortal(
  trx: Transaction<Database>,
  input: z.output<typeof definePortalInputSchema>,
): Promise<PayerPortal> {
  const coveredPayers = [...new Set(input.coveredPayers)];
  const row = await trx
    .insertInto('payer_portals')
    .values({ code: input.code, name: input.name, url: input.url, covered_payers: coveredPayers })
    .onConflict((oc) =>
      oc.column('code').doUpdateSet({ name: input.name, url: input.url, covered_payers: coveredPayers }),
    )
    .returning(['id', 'code', 'name', 'url', 'covered_payers'])
    .executeTakeFirstOrThrow();
  return toPortal(row);
}

// ---------------------------------------------------------------------------------------------------------------
// Tasks and issues as the practice sees them

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

function toTaskSummary(row: TaskSummaryRow): AccessTaskSummary {
  return {
    id: row.id,
    number: Number(row.number),
    kind: row.kind,
    assignee: row.assignee,
    description: row.description,
    createdAt: iso(new Date(row.created_at)),
    closed: row.closed_at !== null,
  };
}

/** A medical group from a left join: null when the row has none. */
function groupRef(id: string | null, name: string | null) {
  return id === null || name === null ? null : { id, name };
}

const TASK_SUMMARY_COLUMNS = [
  'access_tasks.id',
  'access_tasks.number',
  'access_tasks.kind',
  'access_tasks.assignee',
  'access_tasks.description',
  'access_tasks.created_at',
  'access_tasks.closed_at',
  'access_tasks.issue_id',
] as const;

/** The practice's part of an issue: its open tasks of each kind (claims tasks go to the host's worklist). */
function actionNeeded(tasks: readonly AccessTaskSummary[]): ActionNeeded | null {
  const mine = tasks.filter((task) => task.assignee === 'PRACTICE' && !task.closed);
  const claims = mine.filter((task) => task.kind === 'CLAIMS');
  if (claims.length > 0) {
    return { kind: 'CLAIMS', taskIds: claims.map((t) => t.id), taskNumbers: claims.map((t) => t.number) };
  }
  const unpostables = mine.find((task) => task.kind === 'UNPOSTABLES');
  return unpostables ? { kind: 'UNPOSTABLES', taskId: unpostables.id, taskNumber: unpostables.number } : null;
}

/** An issue's tasks as a JSON array in the issue's own row (same organization, by the issue index). */
function issueTasks(eb: ExpressionBuilder<Database, 'access_issues'>) {
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
function openPracticeTasks(scope: OrgScope) {
  return scope
    .selectFrom('access_tasks')
    .where('access_tasks.assignee', '=', 'PRACTICE')
    .where('access_tasks.closed_at', 'is', null);
}

export async function dashboard(
  scope: OrgScope,
  input: z.output<typeof dashboardInputSchema>,
): Promise<Dashboard> {
  const open = scope
    .selectFrom('access_issues')
    .innerJoin('payer_portals', 'payer_portals.id', 'access_issues.portal_id')
    .where('access_issues.status', '<>', 'RESOLVED');
  const issues = await open
    .leftJoin('medical_groups', (join) =>
      join
        .onRef('medical_groups.organization_id', '=', 'access_issues.organization_id')
        .onRef('medical_groups.id', '=', 'access_issues.medical_group_id'),
    )
    .$if(input.needsAttentionOnly, (qb) => qb.where('access_issues.status', '=', 'NEEDS_YOUR_ATTENTION'))
    .$if(input.coveredPayer !== undefined, (qb) =>
      qb.where(
        sql<boolean>`exists (select 1 from unnest(payer_portals.covered_payers) covered
                             where lower(covered) = lower(${input.coveredPayer ?? ''}))`,
      ),
    )
    .select((eb) => [
      'access_issues.id',
      'access_issues.blocks',
      'access_issues.status',
      'access_issues.description',
      'access_issues.impact_count',
      'access_issues.impact_cents',
      'access_issues.created_at',
      'access_issues.updated_at',
      'payer_portals.id as portal_id',
      'payer_portals.code as portal_code',
      'payer_portals.name as portal_name',
      'payer_portals.url as portal_url',
      'payer_portals.covered_payers',
      'medical_groups.id as group_id',
      'medical_groups.name as group_name',
      issueTasks(eb),
    ])
    .orderBy('access_issues.created_at')
    .orderBy('access_issues.id')
    .execute();

  const portals = new Map<string, PortalIssues>();
  for (const row of issues) {
    const related = row.tasks.map(toTaskSummary);
    const issue: AccessIssue = {
      id: row.id,
      blocks: row.blocks,
      status: row.status,
      description: row.description,
      impact: { count: row.impact_count, cents: Number(row.impact_cents) },
      medicalGroup: groupRef(row.group_id, row.group_name),
      createdAt: iso(row.created_at),
      updatedAt: iso(row.updated_at),
      relatedTasks: related,
      actionNeeded: actionNeeded(related),
    };
    let group = portals.get(row.portal_id);
    if (!group) {
      group = {
        portal: toPortal({
          id: row.portal_id,
          code: row.portal_code,
          name: row.portal_name,
          url: row.portal_url,
          covered_payers: row.covered_payers,
        }),
        status: issue.status,
        impact: { claims: { count: 0, cents: 0 }, unpostables: { count: 0, cents: 0 } },
        issues: [],
      };
      portals.set(row.portal_id, group);
    }
    group.issues.push(issue);
    const bucket = issue.blocks === 'CLAIMS' ? group.impact.claims : group.impact.unpostables;
    bucket.count += issue.impact.count;
    bucket.cents += issue.impact.cents;
  }
  const totalCents = (group: PortalIssues) => group.impact.claims.cents + group.impact.unpostables.cents;
  const ordered = [...portals.values()].map((group) => {
    group.issues.sort((a, b) => compareAccessStatus(a.status, b.status));
    return { ...group, status: mostUrgentStatus(group.issues.map((issue) => issue.status)) };
  });
  // Most urgent first; then the most money blocked; then by name.
  ordered.sort(
    (a, b) =>
      compareAccessStatus(a.status, b.status) ||
      totalCents(b) - totalCents(a) ||
      a.portal.name.localeCompare(b.portal.name),
  );

  // The attention card and the payer filter's suggestions, in one round trip of two scoped subqueries.
  const { attention, covered } = await scope.transaction
    .selectNoFrom([
      openPracticeTasks(scope)
        .select((eb) => eb.fn.countAll<string>().as('count'))
        .as('attention'),
      sql<
        string[]
      >`array(${open.select(sql`unnest(payer_portals.covered_payers)`.as('payer')).distinct()})`.as(
        'covered',
      ),
    ])
    .executeTakeFirstOrThrow();
  return {
    tasksNeedingAttention: Number(attention),
    coveredPayers: covered.sort((a, b) => a.localeCompare(b)),
    portals: ordered,
  };
}

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
    throw new PorticoError('BAD_REQUEST', 'This page cursor is not valid for this list order.', {
      fieldPath: 'after',
    });
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
    impact: { count: row.impact_count, cents: Number(row.impact_cents) },
    issueId: row.issue_id,
    createdAt: iso(row.created_at),
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
          passwordChangedAt: account.password_changed_at ? iso(account.password_changed_at) : null,
          tins: account.tins,
        }
      : null,
    history: history.map((note) => ({
      id: note.id,
      author: note.author,
      authorName: note.display_name,
      body: note.body,
      createdAt: iso(note.created_at),
    })),
    affectedUnpostables: unpostables.map((row) => ({
      unpostableId: row.unpostable_id,
      blocked: row.blocked,
      cents: Number(row.cents),
    })),
    canRespond: summary.kind === 'UNPOSTABLES' && summary.assignee === 'PRACTICE' && !summary.closed,
  };
}

/** Sets an issue's status from its open practice tasks (`statusAfterTaskChange`); call under the issue lock. */
async function settleIssueStatus(scope: OrgScope, issueId: string, now: Date): Promise<void> {
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

/** What a response changed, for the audit trail (never the values). */
export interface ResponseChanges {
  issueId: string;
  accountId: string | null;
  userNameChanged: boolean;
  passwordChanged: boolean;
}

/**
 * Submit response: the account change (sealed password), the history note and the hand-over to the service team,
 * in the caller's one transaction, under the issue's lock so two submissions cannot both pass.
 */
export async function submitResponse(
  scope: OrgScope,
  input: z.output<typeof issueResponseInputSchema>,
  context: { userId: string; sealer: Sealer; now: Date },
): Promise<ResponseChanges> {
  const found = await scope
    .selectFrom('access_tasks')
    .select(['issue_id'])
    .where('id', '=', input.taskId)
    .executeTakeFirst();
  if (!found) throw notFound('task', 'taskId');
  await lockIssue(scope, found.issue_id);
  const task = await scope
    .selectFrom('access_tasks')
    .select(['kind', 'assignee', 'closed_at', 'portal_id'])
    .where('id', '=', input.taskId)
    .executeTakeFirstOrThrow();
  if (task.kind === 'CLAIMS') {
    throw new PorticoError(
      'BAD_REQUEST',
      'Claims tasks are resolved in the enrollment worklist, not with an issue response.',
      { fieldPath: 'taskId' },
    );
  }
  if (task.closed_at !== null || task.assignee !== 'PRACTICE') {
    throw new PorticoError(
      'CONFLICT',
      'This task is no longer waiting on the practice: it was already submitted or closed.',
      { fieldPath: 'taskId' },
    );
  }

  const changes: ResponseChanges = {
    issueId: found.issue_id,
    accountId: null,
    userNameChanged: false,
    passwordChanged: false,
  };
  if (input.account) {
    const account = await scope
      .selectFrom('portal_accounts')
      .select(['id', 'account_type'])
      .where('portal_id', '=', task.portal_id)
      .executeTakeFirst();
    if (account?.account_type === 'SERVICE_MANAGED') {
      throw new PorticoError(
        'ACCOUNT_NOT_EDITABLE',
        'This portal account is managed by the service team; the practice cannot change its user name or password. Add a comment instead.',
        { fieldPath: 'account' },
      );
    }
    const values = {
      ...(input.account.userName !== undefined ? { user_name: input.account.userName } : {}),
      ...(input.account.password !== undefined
        ? { password_sealed: context.sealer.seal(input.account.password), password_changed_at: context.now }
        : {}),
    };
    const saved = account
      ? await scope
          .updateTable('portal_accounts')
          .set(values)
          .where('id', '=', account.id)
          .returning('id')
          .executeTakeFirstOrThrow()
      : // No account yet: the practice adds its own account information.
        await scope
          .insertInto('portal_accounts', {
            portal_id: task.portal_id,
            account_type: 'PRACTICE_MANAGED',
            tins: [],
            ...values,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
    changes.accountId = saved.id;
    changes.userNameChanged = input.account.userName !== undefined;
    changes.passwordChanged = input.account.password !== undefined;
  }

  const what = [
    changes.userNameChanged ? 'user name changed' : null,
    changes.passwordChanged ? 'password changed' : null,
    input.assistanceNeeded ? 'assistance requested' : null,
  ].filter((part) => part !== null);
  const summary = `Response submitted${what.length > 0 ? `: ${what.join(', ')}` : ''}.`;
  await scope
    .insertInto('access_notes', {
      issue_id: found.issue_id,
      task_id: input.taskId,
      author: 'PRACTICE',
      author_user_id: context.userId,
      body: input.comment ? `${summary}\n${input.comment}` : summary,
      created_at: context.now,
    })
    .execute();
  await scope
    .updateTable('access_tasks')
    .set({ assignee: 'SERVICE', assistance_needed: input.assistanceNeeded, updated_at: context.now })
    .where('id', '=', input.taskId)
    .execute();
  await settleIssueStatus(scope, found.issue_id, context.now);
  return changes;
}

// ---------------------------------------------------------------------------------------------------------------
// Payer-side: staff and the claims and remittance workflows

/** Issues as staff see them, each with its tasks, in one query. */
async function staffIssues(scope: OrgScope, issueId?: string): Promise<StaffIssue[]> {
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
    impact: { count: issue.impact_count, cents: Number(issue.impact_cents) },
    tasks: issue.tasks.map(toTaskSummary),
  }));
}

export async function staffIssue(scope: OrgScope, issueId: string): Promise<StaffIssue> {
  const [issue] = await staffIssues(scope, issueId);
  if (!issue) throw notFound('issue', 'issueId');
  return issue;
}

/** An office's issues, open ones first (most urgent), then by age. */
export const officeIssues = (scope: OrgScope) => staffIssues(scope);

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
  // DOMAIN.md: where several medical groups apply, the task shows the earliest created.
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
