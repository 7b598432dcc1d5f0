import {
  effectivePermissions,
  PorticoError,
  type Organization,
  type Permission,
  type Role,
} from '@portico/core';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
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

  /** Only `resolvePrincipal` can make one: the module-private key proves the token was verified. */
  constructor(key: typeof issuedByAuth, fields: Omit<Principal, 'can'>) {
    if (key !== issuedByAuth) throw new Error('A Principal is only created by resolvePrincipal.');
    this.userId = fields.userId;
    this.displayName = fields.displayName;
    this.organization = fields.organization;
    this.roles = fields.roles;
    this.permissions = fields.permissions;
    this.siteIds = fields.siteIds;
  }

  /** True when the caller holds the permission. */
  can(permission: Permission): boolean {
    return this.permissions.includes(permission);
  }
}

/** A user's last-seen time is refreshed at most this often, so reads do not turn into writes. */
const LAST_SEEN_RESOLUTION_MS = 60 * 60 * 1000;

/**
 * Maps verified token claims to a Portico user and membership, inside the request's transaction.
 * A user the host portal vouches for is created on first sign-in; in an office they start as an ordinary
 * office user (the office's security officer grants more). In the payer's organization nobody gets a role
 * without being provisioned, so staff access is never granted by a token alone.
 */
export async function resolvePrincipal(
  trx: Kysely<Database> | Transaction<Database>,
  claims: TokenClaims,
  clock: Clock,
): Promise<{ principal: Principal; provisioned: boolean }> {
  // One round trip for a caller seen before (every request but their first): the organization, the user, the
  // membership and its sites together. It was four, about a third of a simple request's time on the server.
  const found = await trx
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
      sql<string[] | null>`(select array_agg(ms.site_id::text order by ms.site_id) from membership_sites ms
        where ms.organization_id = o.id and ms.user_id = u.id)`.as('site_ids'),
    ])
    .where('o.external_id', '=', claims.org)
    .executeTakeFirst();
  if (!found) {
    throw new PorticoError(
      'UNAUTHORIZED',
      'The token names an organization this Portico server does not know.',
    );
  }
  const organization = { id: found.id, name: found.name, kind: found.kind, time_zone: found.time_zone };
  const now = clock.now();
  const displayName = claims.name ?? claims.sub;
  let user =
    found.user_id === null || found.display_name === null
      ? undefined
      : { id: found.user_id, display_name: found.display_name, last_seen_at: found.last_seen_at };
  if (!user) {
    user = await trx
      .insertInto('users')
      .values({
        issuer: claims.iss,
        subject: claims.sub,
        display_name: displayName,
        email: claims.email ?? null,
        last_seen_at: now,
      })
      .onConflict((conflict) => conflict.columns(['issuer', 'subject']).doUpdateSet({ last_seen_at: now }))
      .returning(['id', 'display_name', 'last_seen_at'])
      .executeTakeFirstOrThrow();
  } else if (
    user.last_seen_at === null ||
    now.getTime() - user.last_seen_at.getTime() > LAST_SEEN_RESOLUTION_MS
  ) {
    await trx.updateTable('users').set({ last_seen_at: now }).where('id', '=', user.id).execute();
  }

  let membership =
    found.roles === null || found.granted_permissions === null || found.denied_permissions === null
      ? undefined
      : {
          roles: found.roles,
          granted_permissions: found.granted_permissions,
          denied_permissions: found.denied_permissions,
        };
  let provisioned = false;
  if (!membership && organization.kind === 'office') {
    membership = await trx
      .insertInto('memberships')
      .values({ organization_id: organization.id, user_id: user.id, roles: ['OFFICE_USER'] })
      .returning(['roles', 'granted_permissions', 'denied_permissions'])
      .executeTakeFirstOrThrow();
    provisioned = true;
  }
  const siteIds = found.site_ids ?? [];
  const roles = membership?.roles ?? [];
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
    permissions: effectivePermissions(roles, membership?.granted_permissions, membership?.denied_permissions),
    siteIds,
  });
  return { principal, provisioned };
}
