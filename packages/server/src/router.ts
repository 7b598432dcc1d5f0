import { porticoContract } from '@portico/core';
import { accessHubHandlers } from './access-hub/router.ts';
import { billingHandlers } from './billing/router.ts';
import { eventsHandlers } from './events/router.ts';
import { organizationsHandlers } from './organizations/router.ts';
import { providersHandlers } from './providers/router.ts';
import { storefrontHandlers } from './storefront/router.ts';
import { buildRouter } from './trpc/build-router.ts';
import type { Handlers } from './trpc/handlers.ts';

/** One handler set per domain, merged in one place. `Handlers<>` makes a drift from the contract a type error. */
export const porticoHandlers: Handlers<typeof porticoContract> = {
  organizations: organizationsHandlers,
  providers: providersHandlers,
  storefront: storefrontHandlers,
  billing: billingHandlers,
  accessHub: accessHubHandlers,
  events: eventsHandlers,
};

/** The server's tRPC router, built from the contract in @portico/core. */
export const appRouter = buildRouter(porticoContract, porticoHandlers);
