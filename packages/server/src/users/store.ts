import {
  effectivePermissions,
  renewalDueAt,
  type AccessReason,
  type AccessStatus,
  type Member,
  type OfficeRole,
  type Permission,
} from '@portico/core';
import type { OrgScope } from '../tenancy/org-scope.ts';

/**
 * Every member of the organization, or one when `userId` is given, with their sites, status and last activity.
 */
export async function listMembers(scope: OrgScope, userId?: string): Promise<Member[]> {
  let query = scope
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select([
      'memberships.user_id',
      'users.display_name',
      'users.email',
      'users.last_seen_at',
      'memberships.roles',
      'memberships.granted_permissions',
      'memberships.denied_permissions',
      'memberships.status',
      'memberships.status_reason',
      'memberships.status_changed_at',
      'memberships.access_renewed_at',
    ])
    .orderBy('users.display_name')
    .orderBy('memberships.user_id');
  if (userId !== undefined) query = query.where('memberships.user_id', '=', userId);
  const rows = await query.execute();
  let siteQuery = scope.selectFrom('membership_sites').select(['user_id', 'site_id']);
  if (userId !== undefined) siteQuery = siteQuery.where('user_id', '=', userId);
  const sitesOf = new Map<string, string[]>();
  for (const site of await siteQuery.orderBy('site_id').execute()) {
    const list = sitesOf.get(site.user_id) ?? [];
    list.push(site.site_id);
    sitesOf.set(site.user_id, list);
  }
  return rows.map((row) => ({
    userId: row.user_id,
    displayName: row.display_name,
    email: row.email,
    roles: row.roles,
    grantedPermissions: row.granted_permissions,
    deniedPermissions: row.denied_permissions,
    rolePermissions: effectivePermissions(row.roles),
    effectivePermissions: effectivePermissions(row.roles, row.granted_permissions, row.denied_permissions),
    siteIds: sitesOf.get(row.user_id) ?? [],
    status: row.status,
    statusReason: row.status_reason,
    statusChangedAt: row.status_changed_at.toISOString(),
    lastActiveAt: row.last_seen_at?.toISOString() ?? null,
    renewalDueAt: row.status === 'PENDING' ? null : renewalDueAt(row.access_renewed_at).toISOString(),
  }));
}

/** The ids of every site of the organization. */
export async function officeSiteIds(scope: OrgScope): Promise<string[]> {
  const rows = await scope.selectFrom('sites').select('id').execute();
  return rows.map((row) => row.id);
}

/** What a change to one membership writes; a status change stamps its time. */
export interface MembershipChange {
  roles?: OfficeRole[];
  grantedPermissions?: Permission[];
  deniedPermissions?: Permission[];
  status?: { status: AccessStatus; reason: AccessReason };
  /** Starts a new 180-day period (approval, renewal). */
  renewed?: boolean;
}

/** Writes a change to one membership of the organization. */
export async function changeMembership(
  scope: OrgScope,
  userId: string,
  change: MembershipChange,
  now: Date,
): Promise<void> {
  await scope
    .updateTable('memberships')
    .set({
      updated_at: now,
      ...(change.roles && { roles: change.roles }),
      ...(change.grantedPermissions && { granted_permissions: change.grantedPermissions }),
      ...(change.deniedPermissions && { denied_permissions: change.deniedPermissions }),
      ...(change.status && {
        status: change.status.status,
        status_reason: change.status.reason,
        status_changed_at: now,
      }),
      ...(change.renewed && { access_renewed_at: now, renewal_reminded_days: null }),
    })
    .where('user_id', '=', userId)
    .execute();
}

/** Makes `siteIds` the member's sites. */
export async function replaceMemberSites(scope: OrgScope, userId: string, siteIds: readonly string[]) {
  await scope.deleteFrom('membership_sites').where('user_id', '=', userId).execute();
  if (siteIds.length > 0)
    await scope
      .insertInto(
        'membership_sites',
        siteIds.map((siteId) => ({ user_id: userId, site_id: siteId })),
      )
      .execute();
}
