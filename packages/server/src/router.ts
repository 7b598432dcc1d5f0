import { porticoContract, type PorticoFileRoutes } from '@portico/core';
import { accessHubHandlers } from './access-hub/router.ts';
import { accessTasksDownload } from './access-hub/tasks-download.ts';
import { auditLogHandlers } from './audit-log/router.ts';
import { auditTrailDownload } from './audit-log/trail-download.ts';
import { billingHandlers } from './billing/router.ts';
import { eligibilityHandlers } from './eligibility/router.ts';
import { claimsHandlers } from './claims/router.ts';
import { remittanceHandlers } from './remittance/router.ts';
import { eventsHandlers } from './events/router.ts';
import { organizationsHandlers } from './organizations/router.ts';
import { ppefUpload } from './ppef/upload.ts';
import { providerRosterDownload } from './providers/roster-download.ts';
import { providersHandlers } from './providers/router.ts';
import { storefrontHandlers } from './storefront/router.ts';
import { usersHandlers } from './users/router.ts';
import { buildRouter } from './trpc/build-router.ts';
import type { FileHandlers, Handlers } from './trpc/handlers.ts';

/** One handler set per domain, merged in one place. `Handlers<>` makes a drift from the contract a type error. */
export const porticoHandlers: Handlers<typeof porticoContract> = {
  organizations: organizationsHandlers,
  users: usersHandlers,
  providers: providersHandlers,
  storefront: storefrontHandlers,
  billing: billingHandlers,
  accessHub: accessHubHandlers,
  auditLog: auditLogHandlers,
  eligibility: eligibilityHandlers,
  claims: claimsHandlers,
  remittance: remittanceHandlers,
  events: eventsHandlers,
};

/** The server's tRPC router, built from the contract in @portico/core. */
export const appRouter = buildRouter(porticoContract, porticoHandlers);

/** The server side of every file route, run by the same kernel as the procedures. */
export const porticoFileHandlers: FileHandlers<PorticoFileRoutes> = {
  providerRoster: providerRosterDownload,
  accessTasks: accessTasksDownload,
  importPpef: ppefUpload,
  auditTrail: auditTrailDownload,
};
