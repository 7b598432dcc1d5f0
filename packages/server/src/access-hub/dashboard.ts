import {
  addCents,
  centsFromColumn,
  actionNeeded,
  orderPortalIssues,
  type AccessIssue,
  type Dashboard,
  type dashboardInputSchema,
  type PortalIssues,
} from '@portico/core';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { OrgScope } from '../tenancy/org-scope.ts';
import { toPortal } from './portals.ts';
import { groupRef, issueTasks, openPracticeTasks, toTaskSummary } from './task-rows.ts';

/**
 * The practice's dashboard: open issues grouped by payer portal with their impact (most urgent portal first, in
 * `orderPortalIssues`' order), the count of tasks needing attention, and the covered payers to filter by.
 */
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
      impact: { count: row.impact_count, cents: centsFromColumn(row.impact_cents) },
      medicalGroup: groupRef(row.group_id, row.group_name),
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
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
    bucket.cents = addCents(bucket.cents, issue.impact.cents);
  }
  const ordered = orderPortalIssues([...portals.values()]);

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
