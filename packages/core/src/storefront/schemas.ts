import { z } from 'zod';
import { text } from '../inputs/rules.ts';

export const planCodeSchema = z.enum(['ALLPAYER_ACCESS', 'MEDICARE', 'ALLPAYER_ADVANTAGE']);
export type PlanCode = z.infer<typeof planCodeSchema>;

/** A calendar day, `2026-11-25`, in the office's time zone. */
export const plainDateSchema = z.iso.date().regex(/^(?:19|2[01])\d\d-/, 'A date from 1900 to 2199');

/** One plan of the catalogue, as the database holds it. Prices are monthly, in integer cents. */
export const planSchema = z.object({
  code: planCodeSchema,
  name: z.string(),
  description: z.string(),
  monthlyPriceCents: z.int().nonnegative(),
  includes: z.array(planCodeSchema),
  requiresMedicareProvider: z.boolean(),
});
export type Plan = z.infer<typeof planSchema>;

/**
 * Where a subscription stands on a given day. It is derived from dates (see `subscriptionStatus`), never
 * stored, so it cannot go stale:
 * - AWAITING_PROVIDERS: recorded, but the provider list lacks what the plan needs; nothing is billed yet.
 * - ACTIVATING: the list is complete; Medicare services are switched on by `readyBy` at the latest.
 * - ACTIVE; CANCELLATION_PENDING: sales cancelled it, it ends on `endsOn`; CANCELLED: it has ended.
 * - UPGRADED: replaced by a bundle that includes it.
 */
export const subscriptionStatusSchema = z.enum([
  'AWAITING_PROVIDERS',
  'ACTIVATING',
  'ACTIVE',
  'CANCELLATION_PENDING',
  'CANCELLED',
  'UPGRADED',
]);
export type SubscriptionStatus = z.infer<typeof subscriptionStatusSchema>;

export const subscriptionSchema = z.object({
  id: z.uuid(),
  planCode: planCodeSchema,
  planName: z.string(),
  status: subscriptionStatusSchema,
  /** The price the office signed up at, in cents a month. */
  monthlyPriceCents: z.int().nonnegative(),
  startedOn: plainDateSchema,
  readyBy: plainDateSchema.nullable(),
  endsOn: plainDateSchema.nullable(),
  /** The version of the use agreement accepted at sign-up (null for subscriptions migrated from elsewhere). */
  useAgreementVersion: z.string().nullable(),
});
export type Subscription = z.infer<typeof subscriptionSchema>;

/** The use agreement an office accepts when it subscribes; its version is recorded with the subscription. */
export const useAgreementSchema = z.object({
  version: z.string(),
  title: z.string(),
  text: z.string(),
});
export type UseAgreement = z.infer<typeof useAgreementSchema>;

/** What a Medicare plan still needs from the office's provider list. */
export const providerListGapSchema = z.object({
  code: z.enum(['NO_PROVIDERS', 'NO_MEDICARE_ENROLLED_PROVIDER']),
  message: z.string(),
});
export type ProviderListGap = z.infer<typeof providerListGapSchema>;

/**
 * Where the office's Medicare plans stand with respect to its provider list: the held subscriptions to plans that
 * need a Medicare-enrolled provider (waiting for the list, activating with the day they are ready by, or running),
 * and what the list lacks. The provider manager shows it beside the list; prices stay with the storefront.
 */
export const medicarePlansSchema = z.object({
  plans: z.array(
    subscriptionSchema.pick({ id: true, planCode: true, planName: true, status: true, readyBy: true }),
  ),
  providerListGaps: z.array(providerListGapSchema),
});
export type MedicarePlans = z.infer<typeof medicarePlansSchema>;

/** Everything the storefront shows in one read. */
export const storefrontOverviewSchema = z.object({
  /** The office's calendar day, in its time zone. */
  today: plainDateSchema,
  subscriptions: z.array(subscriptionSchema),
  /** What the provider list lacks for the Medicare plans (empty when complete). */
  providerListGaps: z.array(providerListGapSchema),
  /** The held plans that need a Medicare-enrolled provider, with their status (as `providers.medicarePlans`). */
  medicarePlans: z.array(subscriptionSchema),
  /** False for a view-only user: the widget shows subscriptions without the buttons. */
  canManage: z.boolean(),
  openBalanceCents: z.int().nonnegative(),
});
export type StorefrontOverview = z.infer<typeof storefrontOverviewSchema>;

const planSelectionSchema = z
  .array(planCodeSchema)
  .min(1, 'Choose at least one plan.')
  .max(3)
  .refine((codes) => new Set(codes).size === codes.length, 'Each plan can be chosen once.');

export const quoteInputSchema = z.object({ planCodes: planSelectionSchema });

/** The review step: what subscribing to the chosen plans would change, and the monthly cost before and after. */
export const subscriptionQuoteSchema = z.object({
  adds: z.array(planCodeSchema),
  /** Held plans that the chosen bundle replaces (an upgrade, effective at once). */
  replaces: z.array(planCodeSchema),
  currentMonthlyCents: z.int().nonnegative(),
  newMonthlyCents: z.int().nonnegative(),
  providerListGaps: z.array(providerListGapSchema),
  agreement: useAgreementSchema,
});
export type SubscriptionQuote = z.infer<typeof subscriptionQuoteSchema>;

export const subscribeInputSchema = z.object({
  planCodes: planSelectionSchema,
  /** The version of the use agreement the user confirmed; must be the current one. */
  acceptedAgreementVersion: text({ max: 40 }).min(1),
});
export type SubscribeInput = z.infer<typeof subscribeInputSchema>;

/** A staff procedure's target office, by the host portal's id for it. */
export const officeTargetSchema = z.object({ officeId: text({ max: 200 }).min(1) });
