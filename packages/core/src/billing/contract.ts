import { z } from 'zod';
import { mutation, query } from '../contract/define.ts';
import { officeTargetSchema, plainDateSchema } from '../storefront/schemas.ts';
import {
  addPaymentMethodInputSchema,
  billingHistorySchema,
  invoicePdfSchema,
  payBalanceInputSchema,
  paymentMethodRoleSchema,
  paymentMethodSchema,
  paymentSchema,
} from './schemas.ts';

/** Procedures of billing: cards on file, invoices, payments. Changes need storefront.manage (not view-only). */
export const billingContract = {
  listPaymentMethods: query({
    summary: "The office's cards on file (brand, last four digits, expiry, role).",
    permission: 'storefront.view',
    input: z.void(),
    output: z.array(paymentMethodSchema),
  }),
  addPaymentMethod: mutation({
    summary:
      'Adds a card through the payment gateway, which keeps the number and returns a token. The first card becomes primary.',
    permission: 'storefront.manage',
    input: addPaymentMethodInputSchema,
    output: paymentMethodSchema,
  }),
  setPaymentMethodRole: mutation({
    summary:
      'Makes a card the primary or the backup card (the card holding that role before loses it), or neither.',
    permission: 'storefront.manage',
    input: z.object({ id: z.uuid(), role: paymentMethodRoleSchema.nullable() }),
    output: z.array(paymentMethodSchema),
  }),
  removePaymentMethod: mutation({
    summary: 'Removes a card. The only card of an office with an open balance cannot be removed.',
    permission: 'storefront.manage',
    input: z.object({ id: z.uuid() }),
    output: z.array(paymentMethodSchema),
  }),
  history: query({
    summary:
      "Invoices and payments from the office's storefront history start date, newest first, and the open balance.",
    permission: 'storefront.view',
    input: z.void(),
    output: billingHistorySchema,
  }),
  invoicePdf: query({
    summary: 'One invoice as a PDF document (base64).',
    permission: 'storefront.view',
    input: z.object({ invoiceId: z.uuid() }),
    output: invoicePdfSchema,
  }),
  payBalance: mutation({
    summary:
      'Charges the open balance to the primary card, then the backup card on a decline. Idempotent by key. A declined charge is recorded as FAILED.',
    permission: 'storefront.manage',
    input: payBalanceInputSchema,
    output: paymentSchema,
  }),
  setHistoryStart: mutation({
    summary:
      "Staff: sets an office's storefront history start date (after a migration); null shows everything.",
    permission: 'staff.billing.configure',
    input: officeTargetSchema.extend({ startsOn: plainDateSchema.nullable() }),
    output: z.object({ officeId: z.string(), startsOn: plainDateSchema.nullable() }),
  }),
};
