import {
  ADMINISTRATOR_PERMISSION,
  effectivePermissions,
  rolesGranting,
  type MemberCursor,
  renewalDueAt,
  type AccessReason,
  type AccessStatus,
  type Member,
  type OfficeRole,
  type Permission,
} from '@portico/core';
import { sql } from 'kysely';
import type { OrgScope } from '../tenancy/org-scope.ts';

/** Which members to read: one by id, or a page by name after a cursor, optionally searched and by status. */
export interface MemberSelection {
  userId?: string;
  after?: MemberCursor | null;
  limit?: number;
  search?: string | undefined;
  status?: AccessStatus | undefined;
  /**
   * Only the members who could be user administrators (a role carrying `users.manage`, or a grant of it), and this
   * one: what the last-administrator rule reads, without the rest of a large office.
   */
  administratorsAnd?: string;
}

/**
 * Members of the organization with their sites, status and last activity, by name: every one, one by id, or a
 * page after a cursor (keyset on name and id, so a page costs the same wherever it starts).
 */
export async function listMembers(scope: OrgScope, selection: MemberSelection = {}): Promise<Member[]> {
  const { userId, after, limit, search, status, administratorsAnd } = selection;
  let query = scope
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select([
      'memberships.user_id',
      'memberships.display_name',
      'users.email',
      'users.last_seen_at',
      'memberships.roles',
      'memberships.granted_permissions',
      'memberships.denied_permissions',
      'memberships.status',
      'memberships.status_reason',
      'memberships.status_changed_at',
      'memberships.access_renewed_at',
      // The member's sites in the same query (one round trip), read through membership_sites' primary key.
      sql<string[]>`array(select ms.site_id::text from membership_sites ms
        where ms.organization_id = memberships.organization_id and ms.user_id = memberships.user_id
        order by ms.site_id)`.as('site_ids'),
    ])
    .orderBy('memberships.display_name')
    .orderBy('memberships.user_id');
  if (userId !== undefined) query = query.where('memberships.user_id', '=', userId);
  if (status !== undefined) query = query.where('memberships.status', '=', status);
  if (administratorsAnd !== undefined)
    query = query.where((eb) =>
      eb.or([
        eb('memberships.user_id', '=', administratorsAnd),
        sql<boolean>`memberships.roles && ${sql.val(rolesGranting(ADMINISTRATOR_PERMISSION))}::text[]`,
        sql<boolean>`${ADMINISTRATOR_PERMISSION} = any(memberships.granted_permissions)`,
      ]),
    );
  if (search !== undefined && search !== '') {
    const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([eb('memberships.display_name', 'ilike', pattern), eb('users.email', 'ilike', pattern)]),
    );
  }
  if (after)
    query = query.where(
      sql<boolean>`(memberships.display_name, memberships.user_id) > (${after.displayName}, ${after.userId}::uuid)`,
    );
  if (limit !== undefined) query = query.limit(limit);
  const rows = await query.execute();
  return rows.map((row) => ({
    userId: row.user_id,
    displayName: row.display_name,
    email: row.email,
    roles: row.roles,
    grantedPermissions: row.granted_permissions,
    deniedPermissions: row.denied_permissions,
    rolePermissions: effectivePermissions(row.roles),
    effectivePermissions: effectivePermissions(row.roles, row.granted_permissions, row.denied_permissions),
    siteIds: row.site_ids,
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
