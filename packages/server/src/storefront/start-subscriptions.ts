import { plainDateInZone } from '@portico/core';
import type { Transaction } from 'kysely';
import { AuditTrail } from '../audit/audit-trail.ts';
import type { Database } from '../db/database.ts';
import { publishEvent } from '../events/event-bus.ts';
import { OrgScope } from '../tenancy/org-scope.ts';
import type { ProcedureContext } from '../trpc/handlers.ts';
import { startWaitingSubscriptions } from './store.ts';

/**
 * Called after every change to the provider list: when the change completed the list, the Medicare
 * subscriptions that waited for it start (billable today, ready within two business days), in the same
 * transaction, audited and announced. The storefront and the provider manager read the same rows, so they agree.
 */
export async function startSubscriptionsIfListComplete(
  context: Pick<ProcedureContext, 'scope' | 'audit' | 'today' | 'publish'>,
): Promise<void> {
  const started = await startWaitingSubscriptions(context.scope, context.today);
  if (started.length === 0) return;
  await context.audit.recordMany(
    started.map((id) => ({ action: 'subscription.activate', entity: 'subscription', entityId: id })),
  );
  for (const id of started) await context.publish({ topic: 'subscription.changed', entityId: id });
}

/**
 * After a new enrollment file: offices whose waiting Medicare subscriptions now have a Medicare-enrolled provider
 * start them (each on its own calendar day), audited as the system's act. A system job: it spans offices on
 * purpose. Returns how many subscriptions started.
 */
export async function startWaitingAcrossOffices(
  trx: Transaction<Database>,
  now: Date,
  requestId: string,
): Promise<number> {
  const offices = await trx
    .selectFrom('subscriptions')
    .innerJoin('plans', 'plans.code', 'subscriptions.plan_code')
    .innerJoin('organizations', 'organizations.id', 'subscriptions.organization_id')
    .select(['organizations.id', 'organizations.time_zone'])
    .distinct()
    .where('plans.requires_medicare_provider', '=', true)
    .where('subscriptions.list_complete_on', 'is', null)
    .where('subscriptions.ends_on', 'is', null)
    .execute();
  let started = 0;
  for (const office of offices) {
    const scope = OrgScope.ofOrganization(trx, office.id);
    const audit = new AuditTrail(scope, null, requestId, { now: () => now });
    await startSubscriptionsIfListComplete({
      scope,
      audit,
      today: plainDateInZone(now, office.time_zone),
      publish: (event) => publishEvent(scope, { ...event, at: now.toISOString() }),
    });
    started += audit.count;
  }
  return started;
}
