import {
  allowedProcedures,
  isOfficePermission,
  porticoContract,
  PorticoError,
  type organizationsContract,
  type Permission,
} from '@portico/core';
import type { Handlers } from '../trpc/handlers.ts';
import { listMembers, setMemberPermissions, sitesByIds } from './store.ts';

/** The procedures a set of permissions allows, worked out once per set (there are few): `me` is every page's first call. */
const allowedOf = new Map<string, string[]>();
function allowedFor(permissions: readonly Permission[]): string[] {
  const key = [...permissions].sort().join(' ');
  let allowed = allowedOf.get(key);
  if (!allowed) allowedOf.set(key, (allowed = allowedProcedures(porticoContract, permissions)));
  return allowed;
}

/** The organizations domain: the caller's session and the office's user permissions. */
export const organizationsHandlers: Handlers<typeof organizationsContract> = {
  async me(_input, { principal, scope }) {
    return {
      user: { id: principal.userId, displayName: principal.displayName },
      organization: principal.organization,
      roles: [...principal.roles],
      permissions: [...principal.permissions],
      allowed: allowedFor(principal.permissions),
      sites: await sitesByIds(scope, principal.siteIds),
    };
  },

  async listMembers(_input, { scope }) {
    return listMembers(scope);
  },

  async setMemberPermissions(input, { principal, scope, audit, clock, publish }) {
    const staffGrant = [...input.grant, ...input.deny].find((permission) => !isOfficePermission(permission));
    if (staffGrant !== undefined) {
      throw new PorticoError(
        'FORBIDDEN',
        `${staffGrant} belongs to the payer's staff and cannot be given to an office user.`,
        {
          fieldPath: input.grant.includes(staffGrant) ? 'grant' : 'deny',
        },
      );
    }
    // Guard against an office locking itself out: nobody removes their own right to manage users.
    if (input.userId === principal.userId && input.deny.includes('users.manage')) {
      throw new PorticoError('CONFLICT', 'You cannot take away your own permission to manage users.', {
        fieldPath: 'deny',
      });
    }
    const updated = await setMemberPermissions(scope, input.userId, input.grant, input.deny, clock.now());
    if (!updated) {
      throw new PorticoError('NOT_FOUND', 'There is no such user in your organization.', {
        fieldPath: 'userId',
      });
    }
    await audit.record({
      action: 'membership.permissions.update',
      entity: 'membership',
      entityId: input.userId,
    });
    await publish({ topic: 'membership.changed', entityId: input.userId });
    const [member] = await listMembers(scope, input.userId);
    if (!member) throw new Error('updated membership vanished inside its own transaction');
    return member;
  },
};
