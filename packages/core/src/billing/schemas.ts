import { z } from 'zod';
import { plainDateSchema, planCodeSchema } from '../storefront/schemas.ts';
import { passesLuhn } from '../checksums/luhn.ts';
import { text } from '../inputs/rules.ts';

export const cardBrandSchema = z.enum(['VISA', 'MASTERCARD', 'AMEX', 'DISCOVER', 'OTHER']);
export const paymentMethodRoleSchema = z.enum(['PRIMARY', 'BACKUP']);
export type PaymentMethodRole = z.infer<typeof paymentMethodRoleSchema>;

/**
 * A card as the user types it. It travels to the server only to be handed to the payment gateway, which
 * returns a token; the number and CVC are never stored or logged (README, "Payments").
 */
export const cardInputSchema = z.object({
  number: text({ max: 40 })
    .transform((value) => value.replace(/[\s-]/g, ''))
    .pipe(
      z
        .string()
        .regex(/^\d{12,19}$/, 'Enter the card number: 12 to 19 digits.')
        .refine(passesLuhn, 'This card number is not valid; check the digits.'),
    ),
  expMonth: z
    .int({ error: 'Enter the expiry month as a number from 1 to 12.' })
    .min(1, 'The expiry month is a number from 1 to 12.')
    .max(12, 'The expiry month is a number from 1 to 12.'),
  expYear: z
    .int({ error: 'Enter the expiry year in four digits, as printed on the card (for example 2031).' })
    .min(2000, 'Enter the expiry year in four digits, as printed on the card.')
    .max(2100, 'Enter the expiry year in four digits, as printed on the card.'),
  cvc: z.string().regex(/^\d{3,4}$/, 'The security code is 3 or 4 digits.'),
  holderName: text({ max: 100, trim: true }).min(1, 'Enter the name on the card.'),
});
export type CardInput = z.input<typeof cardInputSchema>;

export const addPaymentMethodInputSchema = z.object({
  card: cardInputSchema,
  /** PRIMARY or BACKUP; the office's first card becomes PRIMARY whatever is asked. */
  role: paymentMethodRoleSchema.nullable().default(null),
});

/** A card on file: what the gateway returned, never the number or CVC. */
export const paymentMethodSchema = z.object({
  id: z.uuid(),
  brand: cardBrandSchema,
  last4: z.string().regex(/^\d{4}$/),
  expMonth: z.int(),
  expYear: z.int(),
  holderName: z.string(),
  role: paymentMethodRoleSchema.nullable(),
  expired: z.boolean(),
});
export type PaymentMethod = z.infer<typeof paymentMethodSchema>;

export const invoiceSchema = z.object({
  id: z.uuid(),
  /** The number printed on the invoice, `INV-000123`. */
  number: z.string(),
  firstDay: plainDateSchema,
  lastDay: plainDateSchema,
  planCodes: z.array(planCodeSchema),
  monthlyRateCents: z.int().nonnegative(),
  amountCents: z.int().positive(),
  issuedOn: plainDateSchema,
  status: z.enum(['OPEN', 'PAID']),
});
export type Invoice = z.infer<typeof invoiceSchema>;

export const paymentSchema = z.object({
  id: z.uuid(),
  at: z.iso.datetime({ offset: true }),
  amountCents: z.int().positive(),
  status: z.enum(['SUCCEEDED', 'FAILED']),
  cardBrand: cardBrandSchema.nullable(),
  cardLast4: z.string().nullable(),
  /** Why it failed, in words, for FAILED payments. */
  failure: z.string().nullable(),
  invoiceNumbers: z.array(z.string()),
});
export type Payment = z.infer<typeof paymentSchema>;

export const billingHistorySchema = z.object({
  /** The office's storefront history start (null: everything is shown). Nothing before it is listed. */
  startsOn: plainDateSchema.nullable(),
  invoices: z.array(invoiceSchema),
  payments: z.array(paymentSchema),
  openBalanceCents: z.int().nonnegative(),
});
export type BillingHistory = z.infer<typeof billingHistorySchema>;

export const invoicePdfSchema = z.object({
  fileName: z.string(),
  contentType: z.literal('application/pdf'),
  base64: z.string(),
});
export type InvoicePdf = z.infer<typeof invoicePdfSchema>;

export const payBalanceInputSchema = z.object({
  /** Made once per click by the caller; a retry with the same key returns the first result, never charges twice. */
  idempotencyKey: z.uuid(),
});
export type AddPaymentMethodInput = z.input<typeof addPaymentMethodInputSchema>;
