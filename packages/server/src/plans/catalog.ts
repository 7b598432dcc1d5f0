import type { Plan } from '@portico/core';
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
