import { z } from 'zod';
import { query } from '../contract/define.ts';
import { planSchema, subscriptionSchema } from './schemas.ts';

/** Procedures of the subscription storefront. */
export const storefrontContract = {
  listPlans: query({
    summary: 'The plan catalogue with monthly prices.',
    permission: 'storefront.view',
    input: z.void(),
    output: z.array(planSchema),
  }),
  listSubscriptions: query({
    summary: "The caller's office's subscriptions, current and ended.",
    permission: 'storefront.view',
    input: z.void(),
    output: z.array(subscriptionSchema),
  }),
};
