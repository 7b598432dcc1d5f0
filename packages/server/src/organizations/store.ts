import { effectivePermissions, type Member, type Permission, type Site } from '@portico/core';
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

/** Every member of the organization, or one when `userId` is given. */
export async function listMembers(scope: OrgScope, userId?: string): Promise<Member[]> {
  let query = scope
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select([
      'memberships.user_id',
      'users.display_name',
      'users.email',
      'memberships.roles',
      'memberships.granted_permissions',
      'memberships.denied_permissions',
    ])
    .orderBy('users.display_name')
    .orderBy('memberships.user_id');
  if (userId !== undefined) query = query.where('memberships.user_id', '=', userId);
  const rows = await query.execute();
  let siteQuery = scope.selectFrom('membership_sites').select(['user_id', 'site_id']);
  if (userId !== undefined) siteQuery = siteQuery.where('user_id', '=', userId);
  const siteRows = await siteQuery.execute();
  return rows.map((row) => ({
    userId: row.user_id,
    displayName: row.display_name,
    email: row.email,
    roles: row.roles,
    grantedPermissions: row.granted_permissions,
    deniedPermissions: row.denied_permissions,
    effectivePermissions: effectivePermissions(row.roles, row.granted_permissions, row.denied_permissions),
    siteIds: siteRows.filter((site) => site.user_id === row.user_id).map((site) => site.site_id),
  }));
}

/** Replaces a member's explicit grants and denials; false when no such member exists in this organization. */
export async function setMemberPermissions(
  scope: OrgScope,
  userId: string,
  grant: readonly Permission[],
  deny: readonly Permission[],
  now: Date,
): Promise<boolean> {
  const result = await scope
    .updateTable('memberships')
    .set({ granted_permissions: [...grant], denied_permissions: [...deny], updated_at: now })
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
