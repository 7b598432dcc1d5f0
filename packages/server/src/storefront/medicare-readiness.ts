import {
  medicareReadyBy,
  plainDateInZone,
  providerListGaps,
  type ProviderListGap,
  type Subscription,
} from '@portico/core';
import { sql, type Transaction } from 'kysely';
import { AuditTrail } from '../audit/audit-trail.ts';
import type { Database } from '../db/database.ts';
import { publishEvent } from '../services/event-bus.ts';
import { OrgScope } from '../tenancy/org-scope.ts';
import type { ProcedureContext } from '../trpc/handlers.ts';
import { SUBSCRIPTION_COLUMNS, toSubscription } from './subscription-rows.ts';

/*
 * Medicare readiness: whether the office's Medicare plans can run on its provider list, and starting the ones
 * that waited for it. The storefront, the provider list and the enrollment-file import all use these, so the
 * rule has one home.
 */

/**
 * The office's held subscriptions to plans that need a Medicare-enrolled provider. The one definition of "a
 * running Medicare plan", used by sign-up and by the provider list's last-Medicare-provider rule.
 */
export function heldMedicareSubscriptions(scope: OrgScope, today: string) {
  return scope
    .selectFrom('subscriptions')
    .innerJoin('plans', 'plans.code', 'subscriptions.plan_code')
    .where('plans.requires_medicare_provider', '=', true)
    .where((eb) =>
      eb.or([eb('subscriptions.ends_on', 'is', null), eb('subscriptions.ends_on', '>=', today)]),
    );
}

/** The office's held subscriptions to plans that need a Medicare-enrolled provider, with today's status. */
export async function listHeldMedicarePlans(scope: OrgScope, today: string): Promise<Subscription[]> {
  const rows = await heldMedicareSubscriptions(scope, today)
    .select(SUBSCRIPTION_COLUMNS)
    .orderBy('plans.sort_order')
    .execute();
  return rows.map((row) => toSubscription(row, today));
}

/** What the provider list lacks for Medicare: how many providers the office lists and how many of them the current enrollment file shows in Medicare. */
export async function providerListGapsOf(scope: OrgScope): Promise<ProviderListGap[]> {
  const row = await scope
    .selectFrom('providers')
    .select((eb) => [
      eb.fn.countAll<string>().as('providers'),
      eb.fn
        .count<string>('providers.id')
        .filterWhere((inner) =>
          inner.exists(
            inner
              .selectFrom('ppef_enrollments')
              .select('ppef_enrollments.npi')
              .whereRef('ppef_enrollments.npi', '=', 'providers.npi'),
          ),
        )
        .as('enrolled'),
    ])
    .executeTakeFirstOrThrow();
  return providerListGaps({ providers: Number(row.providers), medicareEnrolled: Number(row.enrolled) });
}

/**
 * Starts what waited for the provider list: once the list is complete, Medicare subscriptions that were
 * awaiting providers become billable today and are ready within two business days. Returns their ids.
 */
export async function startWaitingSubscriptions(scope: OrgScope, today: string): Promise<string[]> {
  // Most provider changes find nothing waiting: that cheap look comes before counting the provider list.
  const waiting = await heldMedicareSubscriptions(scope, today)
    .select('subscriptions.id')
    .where('subscriptions.list_complete_on', 'is', null)
    .execute();
  if (waiting.length === 0 || (await providerListGapsOf(scope)).length > 0) return [];
  await scope
    .updateTable('subscriptions')
    .set({
      list_complete_on: today,
      ready_by: medicareReadyBy(today),
      billable_from: today,
      updated_at: sql`now()`,
    })
    .where(
      'id',
      'in',
      waiting.map((row) => row.id),
    )
    .execute();
  return waiting.map((row) => row.id);
}

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
