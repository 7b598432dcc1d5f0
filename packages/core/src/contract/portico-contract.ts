import type { FileRoutes } from './define.ts';
import { accessHubContract, accessHubFiles } from '../access-hub/contract.ts';
import { auditLogContract, auditLogFiles } from '../audit-log/contract.ts';
import { billingContract } from '../billing/contract.ts';
import { eligibilityContract } from '../eligibility/contract.ts';
import { claimsContract } from '../claims/contract.ts';
import { remittanceContract } from '../remittance/contract.ts';
import { eventsContract } from '../events/contract.ts';
import { organizationsContract } from '../organizations/contract.ts';
import { ppefFiles } from '../ppef/contract.ts';
import { providersContract, providersFiles } from '../providers/contract.ts';
import { storefrontContract } from '../storefront/contract.ts';
import { usersContract } from '../users/contract.ts';

/**
 * The whole Portico API, one entry per domain. The server implements exactly this tree and the SDK is typed
 * from it, so the SDK never needs the server installed (see README, "Architecture").
 */
export const porticoContract = {
  organizations: organizationsContract,
  users: usersContract,
  providers: providersContract,
  storefront: storefrontContract,
  billing: billingContract,
  accessHub: accessHubContract,
  auditLog: auditLogContract,
  eligibility: eligibilityContract,
  claims: claimsContract,
  remittance: remittanceContract,
  events: eventsContract,
};
export type PorticoContract = typeof porticoContract;

/**
 * Every streamed file route, by the SDK's name for it (`client.files.providerRoster()`). Each is declared in its
 * domain's contract and run by the same server kernel as the procedures.
 */
export const fileRoutes = {
  ...providersFiles,
  ...accessHubFiles,
  ...ppefFiles,
  ...auditLogFiles,
} satisfies FileRoutes;
export type PorticoFileRoutes = typeof fileRoutes;
