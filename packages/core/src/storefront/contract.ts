import { z } from 'zod';
import { mutation, query } from '../contract/define.ts';
import {
  officeTargetSchema,
  planSchema,
  quoteInputSchema,
  storefrontOverviewSchema,
  subscribeInputSchema,
  subscriptionQuoteSchema,
  subscriptionSchema,
  useAgreementSchema,
} from './schemas.ts';

/** Procedures of the subscription storefront. */
export const storefrontContract = {
  listPlans: query({
    summary: 'The plan catalogue with monthly prices.',
    permission: 'storefront.view',
    input: z.void(),
    output: z.array(planSchema),
  }),
  listSubscriptions: query({
    summary: "The caller's office's subscriptions, current and ended, with today's status.",
    permission: 'storefront.view',
    input: z.void(),
    output: z.array(subscriptionSchema),
  }),
  overview: query({
    summary:
      'Subscriptions, what the provider list still lacks, the open balance and whether the caller may change anything.',
    permission: 'storefront.view',
    input: z.void(),
    output: storefrontOverviewSchema,
  }),
  useAgreement: query({
    summary: 'The current use agreement, which a sign-up must accept by version.',
    permission: 'storefront.view',
    input: z.void(),
    output: useAgreementSchema,
  }),
  quote: query({
    summary: 'The review step: what subscribing to the chosen plans adds and replaces, and the monthly cost.',
    permission: 'storefront.view',
    input: quoteInputSchema,
    output: subscriptionQuoteSchema,
  }),
  subscribe: mutation({
    summary:
      'Subscribes the office to the chosen plans, or upgrades held plans to a bundle that includes them (effective today).',
    permission: 'storefront.manage',
    input: subscribeInputSchema,
    output: z.array(subscriptionSchema),
  }),
  stopCancellation: mutation({
    summary: 'Stops a pending cancellation before it takes effect.',
    permission: 'storefront.manage',
    input: z.object({ subscriptionId: z.uuid() }),
    output: subscriptionSchema,
  }),
  officeSubscriptions: query({
    summary: "Staff: an office's subscriptions.",
    permission: 'staff.organizations.view',
    input: officeTargetSchema,
    output: z.array(subscriptionSchema),
  }),
  cancelSubscription: mutation({
    summary: "Sales: cancels an office's subscription at the end of the current month.",
    permission: 'staff.subscriptions.cancel',
    input: officeTargetSchema.extend({ subscriptionId: z.uuid() }),
    output: subscriptionSchema,
  }),
};
