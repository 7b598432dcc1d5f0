import {
  effectivePermissions,
  PorticoError,
  type AccessReason,
  type AccessStatus,
  type Organization,
  type Permission,
  type Role,
} from '@portico/core';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Clock } from '../services/clock.ts';
import type { Database, MembershipsTable, OrganizationsTable, UsersTable } from '../db/database.ts';
import type { TokenClaims } from './tokens.ts';

const issuedByAuth: unique symbol = Symbol('issued by resolvePrincipal');

/** A verified caller: who they are, the organization their token names, and what they may do there. */
export class Principal {
  readonly userId: string;
  readonly displayName: string;
  readonly organization: Organization;
  readonly roles: readonly Role[];
  readonly permissions: readonly Permission[];
  readonly siteIds: readonly string[];
  /** Where the caller's access stands; while it is not ACTIVE, `permissions` is empty. */
  readonly access: { status: AccessStatus; reason: AccessReason; renewedAt: Date };

  /** Only `resolvePrincipal` can make one: the module-private key proves the token was verified. */
  constructor(key: typeof issuedByAuth, fields: Omit<Principal, 'can'>) {
    if (key !== issuedByAuth) throw new Error('A Principal is only created by resolvePrincipal.');
    this.userId = fields.userId;
    this.displayName = fields.displayName;
    this.organization = fields.organization;
    this.roles = fields.roles;
    this.permissions = fields.permissions;
    this.siteIds = fields.siteIds;
    this.access = fields.access;
  }

  /** True when the caller holds the permission. */
  can(permission: Permission): boolean {
    return this.permissions.includes(permission);
  }
}

/** A user's last-seen time is refreshed at most this often, so reads do not turn into writes. */
const LAST_SEEN_RESOLUTION_MS = 60 * 60 * 1000;

type Db = Kysely<Database> | Transaction<Database>;
type OrganizationRow = Pick<Selectable<OrganizationsTable>, 'id' | 'name' | 'kind' | 'time_zone'>;
type UserRow = Pick<Selectable<UsersTable>, 'id' | 'display_name' | 'last_seen_at'>;
type MembershipRow = Pick<
  Selectable<MembershipsTable>,
  'roles' | 'granted_permissions' | 'denied_permissions' | 'status' | 'status_reason' | 'access_renewed_at'
>;
const membershipColumns = [
  'roles',
  'granted_permissions',
  'denied_permissions',
  'status',
  'status_reason',
  'access_renewed_at',
] as const;

/**
 * The organization a token names, with the user and their membership there when both exist: one round trip, where
 * it took four (about a third of a simple request's time on the server).
 */
async function findCaller(trx: Db, claims: TokenClaims) {
  const row = await trx
    .selectFrom('organizations as o')
    .leftJoin('users as u', (join) => join.on('u.issuer', '=', claims.iss).on('u.subject', '=', claims.sub))
    .leftJoin('memberships as m', (join) =>
      join.onRef('m.organization_id', '=', 'o.id').onRef('m.user_id', '=', 'u.id'),
    )
    .select([
      'o.id',
      'o.name',
      'o.kind',
      'o.time_zone',
      'u.id as user_id',
      'u.display_name',
      'u.last_seen_at',
      'm.roles',
      'm.granted_permissions',
      'm.denied_permissions',
      'm.status',
      'm.status_reason',
      'm.access_renewed_at',
      sql<string[] | null>`(select array_agg(ms.site_id::text order by ms.site_id) from membership_sites ms
        where ms.organization_id = o.id and ms.user_id = u.id)`.as('site_ids'),
    ])
    .where('o.external_id', '=', claims.org)
    .executeTakeFirst();
  if (!row) return null;
  const organization: OrganizationRow = {
    id: row.id,
    name: row.name,
    kind: row.kind,
    time_zone: row.time_zone,
  };
  const user: UserRow | null =
    row.user_id === null || row.display_name === null
      ? null
      : { id: row.user_id, display_name: row.display_name, last_seen_at: row.last_seen_at };
  const membership: MembershipRow | null =
    row.roles === null ||
    row.granted_permissions === null ||
    row.denied_permissions === null ||
    row.status === null ||
    row.status_reason === null ||
    row.access_renewed_at === null
      ? null
      : {
          roles: row.roles,
          granted_permissions: row.granted_permissions,
          denied_permissions: row.denied_permissions,
          status: row.status,
          status_reason: row.status_reason,
          access_renewed_at: row.access_renewed_at,
        };
  return { organization, user, membership, siteIds: row.site_ids ?? [] };
}

/** Refreshes a known user's last-seen time once it is older than `LAST_SEEN_RESOLUTION_MS`. */
async function touchLastSeen(trx: Db, user: UserRow, now: Date): Promise<void> {
  const lastSeen = user.last_seen_at;
  if (lastSeen !== null && now.getTime() - lastSeen.getTime() <= LAST_SEEN_RESOLUTION_MS) return;
  await trx.updateTable('users').set({ last_seen_at: now }).where('id', '=', user.id).execute();
}

type FoundCaller = NonNullable<Awaited<ReturnType<typeof findCaller>>>;

/**
 * A caller `findCaller` did not find whole: no user yet, or no membership in this organization. A new user is
 * upserted (a concurrent first request's row is waited for, then taken). In an office a membership is made unless
 * another request of the same caller has just made it, which is then read; in the payer's organization nobody gets
 * one from a token.
 */
async function firstSignIn(trx: Db, claims: TokenClaims, found: FoundCaller, now: Date) {
  const { organization } = found;
  let user = found.user;
  if (user) await touchLastSeen(trx, user, now);
  else
    user = await trx
      .insertInto('users')
      .values({
        issuer: claims.iss,
        subject: claims.sub,
        display_name: claims.name ?? claims.sub,
        email: claims.email ?? null,
        last_seen_at: now,
      })
      .onConflict((conflict) => conflict.columns(['issuer', 'subject']).doUpdateSet({ last_seen_at: now }))
      .returning(['id', 'display_name', 'last_seen_at'])
      .executeTakeFirstOrThrow();
  const noMembership = { user, membership: null, siteIds: [], provisioned: false };
  if (organization.kind !== 'office') return noMembership;
  const made = await trx
    .insertInto('memberships')
    // docs/domain.md "User administration": a user new to an office waits for a user administrator's approval.
    .values({
      organization_id: organization.id,
      user_id: user.id,
      roles: ['OFFICE_USER'],
      status: 'PENDING',
      status_reason: 'REQUESTED',
      status_changed_at: now,
      access_renewed_at: now,
    })
    .onConflict((conflict) => conflict.columns(['organization_id', 'user_id']).doNothing())
    .returning(membershipColumns)
    .executeTakeFirst();
  if (made) return { user, membership: made, siteIds: [], provisioned: true };
  const membership = await trx
    .selectFrom('memberships')
    .select(membershipColumns)
    .where('organization_id', '=', organization.id)
    .where('user_id', '=', user.id)
    .executeTakeFirst();
  if (!membership) return noMembership;
  const sites = await trx
    .selectFrom('membership_sites')
    .select('site_id')
    .where('organization_id', '=', organization.id)
    .where('user_id', '=', user.id)
    .execute();
  return { user, membership, siteIds: sites.map((site) => site.site_id), provisioned: false };
}

/** Why a terminated user's token is refused, in words they can act on. */
function endedAccess(reason: AccessReason): string {
  if (reason === 'DENIED')
    return "Your request for access to this office was declined. Ask the office's user administrator.";
  if (reason === 'INACTIVE')
    return "Your access to this office ended after 30 days without use. Ask the office's user administrator to restore it.";
  return "Your access to this office has ended. Ask the office's user administrator if you need it again.";
}

/**
 * Maps verified token claims to a Portico user and membership, inside the request's transaction.
 * A user the host portal vouches for is created on first sign-in; in an office they start as an ordinary
 * office user (the office's security officer grants more). In the payer's organization nobody gets a role
 * without being provisioned, so staff access is never granted by a token alone.
 */
export async function resolvePrincipal(
  trx: Db,
  claims: TokenClaims,
  clock: Clock,
): Promise<{ principal: Principal; provisioned: boolean }> {
  const found = await findCaller(trx, claims);
  if (!found) {
    throw new PorticoError(
      'UNAUTHORIZED',
      'The token names an organization this Portico server does not know.',
    );
  }
  const { organization } = found;
  const now = clock.now();
  let caller: { user: UserRow; membership: MembershipRow | null; siteIds: string[]; provisioned: boolean };
  if (found.user && found.membership) {
    caller = { user: found.user, membership: found.membership, siteIds: found.siteIds, provisioned: false };
    await touchLastSeen(trx, found.user, now);
  } else {
    caller = await firstSignIn(trx, claims, found, now);
  }
  const { user, membership } = caller;
  if (membership?.status === 'TERMINATED')
    throw new PorticoError('UNAUTHORIZED', endedAccess(membership.status_reason));
  const roles = membership?.roles ?? [];
  const active = membership?.status === 'ACTIVE';
  const principal = new Principal(issuedByAuth, {
    userId: user.id,
    displayName: user.display_name,
    organization: {
      id: organization.id,
      name: organization.name,
      kind: organization.kind,
      timeZone: organization.time_zone,
    },
    roles,
    permissions: active
      ? effectivePermissions(roles, membership.granted_permissions, membership.denied_permissions)
      : [],
    siteIds: caller.siteIds,
    access: membership
      ? {
          status: membership.status,
          reason: membership.status_reason,
          renewedAt: membership.access_renewed_at,
        }
      : // A payer-organization caller nobody provisioned: signed in, with nothing granted.
        { status: 'PENDING', reason: 'REQUESTED', renewedAt: now },
  });
  return { principal, provisioned: caller.provisioned };
}
