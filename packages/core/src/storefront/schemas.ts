import { z } from 'zod';

export const planCodeSchema = z.enum(['ALLPAYER_ACCESS', 'MEDICARE', 'ALLPAYER_ADVANTAGE']);
export type PlanCode = z.infer<typeof planCodeSchema>;

/** A calendar day, `2026-11-25`, in the office's time zone. */
export const plainDateSchema = z.iso.date();

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
 * Where a subscription stands. AWAITING_PROVIDERS: recorded, but the provider list is incomplete;
 * ACTIVATING: the list is complete and Medicare services are being switched on.
 */
export const subscriptionStatusSchema = z.enum([
  'AWAITING_PROVIDERS',
  'ACTIVATING',
  'ACTIVE',
  'CANCELLATION_PENDING',
  'CANCELLED',
]);
export type SubscriptionStatus = z.infer<typeof subscriptionStatusSchema>;

export const subscriptionSchema = z.object({
  id: z.uuid(),
  planCode: planCodeSchema,
  planName: z.string(),
  status: subscriptionStatusSchema,
  monthlyPriceCents: z.int().nonnegative(),
  startedOn: plainDateSchema,
  readyBy: plainDateSchema.nullable(),
  endsOn: plainDateSchema.nullable(),
});
export type Subscription = z.infer<typeof subscriptionSchema>;
