import type { Plan, Subscription } from '@portico/core';
import type { OrgScope } from '../tenancy/org-scope.ts';

/** The active plans of the catalogue, in display order. */
export async function listPlans(scope: OrgScope): Promise<Plan[]> {
  const rows = await scope
    .selectFromCatalog('plans')
    .select(['code', 'name', 'description', 'monthly_price_cents', 'includes', 'requires_medicare_provider'])
    .where('active', '=', true)
    .orderBy('sort_order')
    .execute();
  return rows.map((row) => ({
    code: row.code,
    name: row.name,
    description: row.description,
    monthlyPriceCents: row.monthly_price_cents,
    includes: row.includes,
    requiresMedicareProvider: row.requires_medicare_provider,
  }));
}

/** The organization's subscriptions, newest first, with their plan's name and price. */
export async function listSubscriptions(scope: OrgScope): Promise<Subscription[]> {
  const rows = await scope
    .selectFrom('subscriptions')
    .innerJoin('plans', 'plans.code', 'subscriptions.plan_code')
    .select([
      'subscriptions.id',
      'subscriptions.plan_code',
      'plans.name',
      'subscriptions.status',
      'plans.monthly_price_cents',
      'subscriptions.started_on',
      'subscriptions.ready_by',
      'subscriptions.ends_on',
    ])
    .orderBy('subscriptions.started_on', 'desc')
    .orderBy('subscriptions.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    planCode: row.plan_code,
    planName: row.name,
    status: row.status,
    monthlyPriceCents: row.monthly_price_cents,
    startedOn: row.started_on,
    readyBy: row.ready_by,
    endsOn: row.ends_on,
  }));
}
