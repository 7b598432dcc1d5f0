import type { auditLogContract } from '@portico/core';
import type { Handlers } from '../trpc/handlers.ts';
import { auditPage } from './store.ts';

/** The audit viewer: the office's trail, or an office's for the payer's staff; each view is itself audited. */
export const auditLogHandlers: Handlers<typeof auditLogContract> = {
  async page(input, { scope, audit, principal }) {
    const page = await auditPage(scope, input.filters, input, principal.organization.timeZone);
    await audit.record({ action: 'audit.view', entity: 'audit_log', entityId: principal.organization.id });
    return page;
  },

  async officePage(input, { forOffice }) {
    const office = await forOffice(input.officeId);
    const page = await auditPage(office.scope, input.filters, input, office.timeZone);
    // Written in the office's own trail, so the office sees that the payer's staff read it.
    await office.audit.record({
      action: 'audit.view',
      entity: 'audit_log',
      entityId: office.scope.organizationId,
    });
    return page;
  },
};
