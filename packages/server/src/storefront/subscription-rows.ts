import { subscriptionStatus, type Subscription } from '@portico/core';
import type { OrgScope } from '../tenancy/org-scope.ts';

/** What `toSubscription` reads, from subscriptions joined with plans. */
export const SUBSCRIPTION_COLUMNS = [
  'subscriptions.id',
  'subscriptions.plan_code',
  'plans.name',
  'plans.requires_medicare_provider',
  'subscriptions.monthly_price_cents',
  'subscriptions.started_on',
  'subscriptions.list_complete_on',
  'subscriptions.ready_by',
  'subscriptions.ends_on',
  'subscriptions.end_reason',
  'subscriptions.use_agreement_version',
] as const;

/** The office's subscriptions joined with their plans, with the columns `toSubscription` reads. */
export function subscriptionRows(scope: OrgScope) {
  return scope
    .selectFrom('subscriptions')
    .innerJoin('plans', 'plans.code', 'subscriptions.plan_code')
    .select(SUBSCRIPTION_COLUMNS);
}
export type SubscriptionRow = Awaited<
  ReturnType<ReturnType<typeof subscriptionRows>['executeTakeFirstOrThrow']>
>;

/** A subscription as the API shows it, with its status on `today`. */
export function toSubscription(row: SubscriptionRow, today: string): Subscription {
  return {
    id: row.id,
    planCode: row.plan_code,
    planName: row.name,
    status: subscriptionStatus(
      {
        requiresMedicareProvider: row.requires_medicare_provider,
        listCompleteOn: row.list_complete_on,
        readyBy: row.ready_by,
        endsOn: row.ends_on,
        endReason: row.end_reason,
      },
      today,
    ),
    monthlyPriceCents: row.monthly_price_cents,
    startedOn: row.started_on,
    readyBy: row.ready_by,
    endsOn: row.ends_on,
    useAgreementVersion: row.use_agreement_version,
  };
}
