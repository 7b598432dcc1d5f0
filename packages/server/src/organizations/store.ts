import type { Site } from '@portico/core';
import type { OrgScope } from '../tenancy/org-scope.ts';

/** The sites of the organization with the given ids. */
export async function sitesByIds(scope: OrgScope, siteIds: readonly string[]): Promise<Site[]> {
  if (siteIds.length === 0) return [];
  return scope
    .selectFrom('sites')
    .select(['id', 'name'])
    .where('id', 'in', [...siteIds])
    .orderBy('name')
    .execute();
}
