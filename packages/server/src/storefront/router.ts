import type { storefrontContract } from '@portico/core';
import type { Handlers } from '../trpc/handlers.ts';
import { listPlans, listSubscriptions } from './store.ts';

/** The storefront domain: the catalogue and the office's subscriptions. */
export const storefrontHandlers: Handlers<typeof storefrontContract> = {
  listPlans: (_input, { scope }) => listPlans(scope),
  listSubscriptions: (_input, { scope }) => listSubscriptions(scope),
};
