import { PorticoError, satisfies, type Requirement } from '@portico/core';
import type { Transaction } from 'kysely';
import { AuditTrail } from '../audit/audit-trail.ts';
import { resolvePrincipal, type Principal } from '../auth/principal.ts';
import type { TokenClaims } from '../auth/tokens.ts';
import type { Database } from '../db/database.ts';
import { OrgScope } from '../tenancy/org-scope.ts';
import type { Services } from './context.ts';

/** What the kernel declares about a request before letting it in: the permission it needs. */
export interface Admission {
  permission: Requirement;
}

/** A caller let in: who they are, their organization's scope and audit trail, inside the request's transaction. */
export interface Admitted {
  principal: Principal;
  scope: OrgScope;
  audit: AuditTrail;
}

/**
 * The one door every procedure and every file route goes through, after the bearer token is verified and inside
 * the request's transaction: resolves the caller from verified claims (provisioning a first sign-in, which
 * is audited), creates their organization's scope and audit trail, and refuses a caller who lacks the permission
 * (deny by default: the permission comes from the contract, never from the handler).
 */
export async function admit(
  trx: Transaction<Database>,
  services: Services,
  claims: TokenClaims,
  requestId: string,
  admission: Admission,
): Promise<Admitted> {
  const { principal, provisioned } = await resolvePrincipal(trx, claims, services.clock);
  const scope = OrgScope.ofPrincipal(trx, principal);
  const audit = new AuditTrail(scope, principal.userId, requestId, services.clock);
  if (!satisfies(principal.permissions, admission.permission)) {
    if (principal.access.status === 'PENDING' && principal.organization.kind === 'office')
      throw new PorticoError(
        'FORBIDDEN',
        "Your access to this office is waiting for a user administrator's approval.",
      );
    if (principal.access.status === 'SUSPENDED')
      throw new PorticoError(
        'FORBIDDEN',
        "Your access is suspended: it must be renewed every 180 days. Ask your office's user administrator to renew it.",
      );
    throw new PorticoError(
      'FORBIDDEN',
      // Widgets show this sentence as it is: it names no procedure and no permission (the contract does).
      'You do not have permission to do this. Ask your user administrator if you need it.',
    );
  }
  if (provisioned)
    await audit.record({ action: 'membership.provision', entity: 'membership', entityId: principal.userId });
  return { principal, scope, audit };
}
