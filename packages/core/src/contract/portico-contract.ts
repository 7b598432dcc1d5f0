import { accessHubContract } from '../access-hub/contract.ts';
import { billingContract } from '../billing/contract.ts';
import { eventsContract } from '../events/contract.ts';
import { organizationsContract } from '../organizations/contract.ts';
import { providersContract } from '../providers/contract.ts';
import { storefrontContract } from '../storefront/contract.ts';

/**
 * The whole Portico API, one entry per domain. The server implements exactly this tree and the SDK is typed
 * from it, so the SDK never needs the server installed (see README, "Architecture").
 */
export const porticoContract = {
  organizations: organizationsContract,
  providers: providersContract,
  storefront: storefrontContract,
  billing: billingContract,
  accessHub: accessHubContract,
  events: eventsContract,
};
export type PorticoContract = typeof porticoContract;
