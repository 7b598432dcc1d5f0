import {
  allowedProcedures,
  porticoContract,
  renewalDueAt,
  type organizationsContract,
  type Permission,
} from '@portico/core';
import type { Handlers } from '../trpc/handlers.ts';
import { sitesByIds } from './store.ts';

/** The procedures a set of permissions allows, worked out once per set (there are few): `me` is every page's first call. */
const allowedOf = new Map<string, string[]>();
function allowedFor(permissions: readonly Permission[]): string[] {
  const key = [...permissions].sort().join(' ');
  let allowed = allowedOf.get(key);
  if (!allowed) allowedOf.set(key, (allowed = allowedProcedures(porticoContract, permissions)));
  return allowed;
}

/** The organizations domain: the caller's session. */
export const organizationsHandlers: Handlers<typeof organizationsContract> = {
  async me(_input, { principal, scope, policy, today }) {
    const { status, reason, renewedAt } = principal.access;
    const renewable = status === 'ACTIVE' || status === 'SUSPENDED';
    return {
      user: { id: principal.userId, displayName: principal.displayName },
      organization: principal.organization,
      roles: [...principal.roles],
      permissions: [...principal.permissions],
      allowed: allowedFor(principal.permissions),
      sites: await sitesByIds(scope, principal.siteIds),
      today,
      access: {
        status,
        reason,
        renewalDueAt: renewable ? renewalDueAt(renewedAt).toISOString() : null,
        mayAttest: renewable && policy.selfAttestation,
      },
    };
  },
};
