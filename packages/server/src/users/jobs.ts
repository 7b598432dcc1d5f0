import { randomUUID } from 'node:crypto';
import { lifecycleCandidates, lifecycleStep, renewalDueAt, type LifecycleStep } from '@portico/core';
import { sql, type Kysely, type Transaction } from 'kysely';
import { AuditTrail } from '../audit/audit-trail.ts';
import type { Database } from '../db/database.ts';
import { queueEmail } from '../email/outbox.ts';
import type { Clock } from '../services/clock.ts';
import { publishEvent } from '../services/event-bus.ts';
import { OrgScope } from '../tenancy/org-scope.ts';
import { accessEndedEmail, renewalReminderEmail } from './emails.ts';

/** What one pass of the lifecycle job did. */
export interface LifecycleReport {
  examined: number;
  reminded: number;
  suspended: number;
  terminated: number;
}

type Candidate = {
  organization_id: string;
  user_id: string;
  status: 'ACTIVE' | 'SUSPENDED';
  access_renewed_at: Date;
  renewal_reminded_days: number | null;
  last_seen_at: Date | null;
  email: string | null;
  display_name: string;
  office_name: string;
};

const ACTION_OF: Record<LifecycleStep['kind'], string> = {
  remind: 'access.renewal.remind',
  suspend: 'access.suspend',
  terminate: 'access.terminate',
};

/**
 * One pass of the access lifecycle over every office membership (docs/domain.md "User administration"):
 * renewal reminders 14 and 3 days before day 180, suspension on day 180 without renewal, termination after 30
 * days without activity; the rule is core's `lifecycleStep`, the time the injected clock's. Memberships are
 * taken in key order, `batchSize` at a time, each batch in one transaction with its rows locked `SKIP LOCKED`:
 * instances running it at once split the work and never act twice on a row; a row an administrator is changing
 * right now is left for the next pass. Each change is audited (no actor: the system), mailed and announced.
 */
export async function runAccessLifecycle(
  db: Kysely<Database>,
  options: { clock: Clock; batchSize?: number },
): Promise<LifecycleReport> {
  const report: LifecycleReport = { examined: 0, reminded: 0, suspended: 0, terminated: 0 };
  const runId = `lifecycle:${randomUUID()}`;
  let after: [string, string] | null = null;
  for (;;) {
    const now = options.clock.now();
    const cut = lifecycleCandidates(now);
    const batch: Candidate[] = await db.transaction().execute(async (trx) => {
      let query = trx
        .selectFrom('memberships as m')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .innerJoin('organizations as o', 'o.id', 'm.organization_id')
        .select([
          'm.organization_id',
          'm.user_id',
          'm.status',
          'm.access_renewed_at',
          'm.renewal_reminded_days',
          'u.last_seen_at',
          'u.email',
          'u.display_name',
          'o.name as office_name',
        ])
        .where('o.kind', '=', 'office')
        .where('m.status', 'in', ['ACTIVE', 'SUSPENDED'])
        .where((eb) =>
          eb.or([
            eb('m.access_renewed_at', '<=', cut.renewedBefore),
            eb(sql`coalesce(u.last_seen_at, m.access_renewed_at)`, '<=', cut.inactiveBefore),
          ]),
        )
        .orderBy('m.organization_id')
        .orderBy('m.user_id')
        .limit(options.batchSize ?? 1000)
        .forUpdate('m')
        .skipLocked();
      if (after) {
        const [org, user] = after;
        query = query.where(sql<boolean>`(m.organization_id, m.user_id) > (${org}::uuid, ${user}::uuid)`);
      }
      const rows = (await query.execute()) as Candidate[];
      await applySteps(trx, rows, now, runId, options.clock, report);
      return rows;
    });
    report.examined += batch.length;
    const last = batch.at(-1);
    if (!last || batch.length < (options.batchSize ?? 1000)) return report;
    after = [last.organization_id, last.user_id];
  }
}

async function applySteps(
  trx: Transaction<Database>,
  rows: Candidate[],
  now: Date,
  runId: string,
  clock: Clock,
  report: LifecycleReport,
) {
  const byOffice = new Map<string, { row: Candidate; step: LifecycleStep }[]>();
  for (const row of rows) {
    const step = lifecycleStep(
      {
        status: row.status,
        renewedAt: row.access_renewed_at,
        lastActiveAt: row.last_seen_at ?? row.access_renewed_at,
        remindedDaysBefore: row.renewal_reminded_days,
      },
      now,
    );
    if (!step) continue;
    const list = byOffice.get(row.organization_id) ?? [];
    list.push({ row, step });
    byOffice.set(row.organization_id, list);
  }
  for (const [organizationId, changes] of byOffice) {
    const scope = OrgScope.ofOrganization(trx, organizationId);
    for (const { row, step } of changes) {
      const update = scope.updateTable('memberships').where('user_id', '=', row.user_id);
      if (step.kind === 'remind') {
        await update.set({ renewal_reminded_days: step.daysBefore }).execute();
        report.reminded++;
      } else {
        const terminate = step.kind === 'terminate';
        await update
          .set({
            status: terminate ? 'TERMINATED' : 'SUSPENDED',
            status_reason: terminate ? 'INACTIVE' : 'RENEWAL_OVERDUE',
            status_changed_at: now,
            updated_at: now,
          })
          .execute();
        if (terminate) report.terminated++;
        else report.suspended++;
      }
      if (row.email !== null) {
        const to = {
          userId: row.user_id,
          email: row.email,
          displayName: row.display_name,
          officeName: row.office_name,
        };
        const email =
          step.kind === 'remind'
            ? renewalReminderEmail(to, step.daysBefore, renewalDueAt(row.access_renewed_at))
            : accessEndedEmail(to, step.kind, now);
        await queueEmail(scope, email, now);
      }
      await publishEvent(scope, {
        topic: 'membership.changed',
        entityId: row.user_id,
        at: now.toISOString(),
      });
    }
    await new AuditTrail(scope, null, runId, clock).recordMany(
      changes.map(({ row, step }) => ({
        action: ACTION_OF[step.kind],
        entity: 'membership',
        entityId: row.user_id,
      })),
    );
  }
}
