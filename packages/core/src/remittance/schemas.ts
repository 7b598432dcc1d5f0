import { z } from 'zod';
import { text, wholeNumber } from '../inputs/rules.ts';
import { codedValueSchema } from '../eligibility/schemas.ts';
import { npiSchema } from '../providers/schemas.ts';
import { officeTargetSchema, plainDateSchema } from '../storefront/schemas.ts';
import { EFT_STATUSES, routingNumberProblem } from './rules.ts';

/** One adjustment (CAS): its group and reason beside their labels, the amount in integer cents. */
export const remittanceAdjustmentSchema = z.object({
  group: codedValueSchema,
  reason: codedValueSchema,
  amountCents: z.number().int(),
  quantity: z.string().nullable(),
});
export type RemittanceAdjustment = z.infer<typeof remittanceAdjustmentSchema>;

export const remittanceLineSchema = z.object({
  procedureCode: z.string(),
  modifiers: z.array(z.string()),
  chargedCents: z.number().int(),
  paidCents: z.number().int(),
  allowedCents: z.number().int().nullable(),
  unitsPaid: z.string().nullable(),
  serviceDate: plainDateSchema.nullable(),
  lineItemNumber: z.string().nullable(),
  adjustments: z.array(remittanceAdjustmentSchema),
  remarks: z.array(codedValueSchema),
});

/** One claim a payment settles, as an office posts it: what was billed, paid and why the difference. */
export const remittanceClaimSchema = z.object({
  patientAccountNumber: z.string(),
  payerClaimNumber: z.string(),
  status: codedValueSchema,
  chargedCents: z.number().int(),
  paidCents: z.number().int(),
  patientResponsibilityCents: z.number().int().nullable(),
  patient: z.object({ memberId: z.string(), firstName: z.string(), lastName: z.string() }),
  renderingProvider: z.object({ name: z.string(), npi: z.string() }).nullable(),
  serviceFrom: plainDateSchema.nullable(),
  serviceTo: plainDateSchema.nullable(),
  adjustments: z.array(remittanceAdjustmentSchema),
  remarks: z.array(codedValueSchema),
  lines: z.array(remittanceLineSchema),
});
export type RemittanceClaim = z.infer<typeof remittanceClaimSchema>;

/** A provider-level adjustment (PLB): a positive amount was taken from the payment, a negative one added. */
export const providerAdjustmentSchema = z.object({
  reason: codedValueSchema,
  reference: z.string().nullable(),
  amountCents: z.number().int(),
  fiscalPeriodEnds: plainDateSchema.nullable(),
});

/** Where a kept 835 came from: retrieved through the clearinghouse, or posted by a payer-side system. */
export const remittanceSourceSchema = z.enum(['CLEARINGHOUSE', 'PAYER_SYSTEM']);
export type RemittanceSource = z.infer<typeof remittanceSourceSchema>;

/** One payment (check, EFT or none) and what it pays, as the office's list shows it. */
export const remittanceSummarySchema = z.object({
  remittanceId: z.uuid(),
  traceNumber: z.string(),
  method: codedValueSchema,
  paymentDate: plainDateSchema,
  /** Signed: a debit (BPR03 `D`) is negative. */
  paymentCents: z.number().int(),
  payer: z.object({ name: z.string(), id: z.string() }),
  payee: z.object({ name: z.string(), npi: z.string() }),
  siteName: z.string(),
  claimCount: z.number().int(),
  receivedAt: z.iso.datetime({ offset: true }),
  source: remittanceSourceSchema,
});
export type RemittanceSummary = z.infer<typeof remittanceSummarySchema>;

/** The whole explanation of payment: the payment, every claim with its lines, adjustments and remarks. */
export const remittanceDetailSchema = remittanceSummarySchema.extend({
  productionDate: plainDateSchema.nullable(),
  payerContact: z.object({ name: z.string(), phone: z.string().nullable() }),
  claims: z.array(remittanceClaimSchema),
  providerAdjustments: z.array(providerAdjustmentSchema),
  codeListVersions: z.record(z.string(), z.string()),
});
export type RemittanceDetail = z.infer<typeof remittanceDetailSchema>;

/** What Portico keeps of an 835 besides its payment: the explanation as read, with the labels of that day. */
export const remittanceBodySchema = remittanceDetailSchema.pick({
  productionDate: true,
  payerContact: true,
  claims: true,
  providerAdjustments: true,
  codeListVersions: true,
});
export type RemittanceBody = z.infer<typeof remittanceBodySchema>;

/** Payment methods an office filters by (BPR04). */
export const remittanceMethodSchema = z.enum(['ACH', 'CHK', 'NON']);

export const remittanceListInputSchema = z
  .object({
    paidFrom: plainDateSchema.optional(),
    paidTo: plainDateSchema.optional(),
    method: remittanceMethodSchema.optional(),
    /** A check or EFT trace number, a payer claim number, a patient account number or a member id. */
    search: text({ max: 50, trim: true }).optional(),
    cursor: text({ max: 200 }).optional(),
    limit: wholeNumber(1, 100).default(25),
  })
  .refine((input) => !input.paidFrom || !input.paidTo || input.paidFrom <= input.paidTo, {
    path: ['paidTo'],
    message: 'The last payment date is on or after the first',
  })
  .default({ limit: 25 });
export type RemittanceListInput = z.input<typeof remittanceListInputSchema>;

export const remittanceListSchema = z.object({
  remittances: z.array(remittanceSummarySchema),
  nextCursor: z.string().nullable(),
});

export const remittanceRefInputSchema = z.object({ remittanceId: z.uuid() });

/** A payer-side system posts 835s for an office (an interchange holding one or more transactions). */
export const postRemittanceInputSchema = officeTargetSchema.extend({
  x12: text({ max: 2_000_000, multiline: true }).min(1, 'Send the 835 interchange'),
});

/** What became of each 835 in an interchange: loaded, already there, or refused with the reasons. */
export const postRemittanceResultSchema = z.object({
  loaded: z.array(
    z.object({ remittanceId: z.uuid(), traceNumber: z.string(), claimCount: z.number().int() }),
  ),
  duplicates: z.array(z.object({ remittanceId: z.uuid(), traceNumber: z.string() })),
  rejected: z.array(z.object({ traceNumber: z.string().nullable(), problems: z.array(z.string()) })),
  /** The X12 answer for the sender's system: a TA1 when the envelope is wrong, else a 999; null when no ISA reads. */
  acknowledgement: z.string().nullable(),
});
export type PostRemittanceResult = z.infer<typeof postRemittanceResultSchema>;

// EFT and ERA enrollment (DOMAIN.md "Payer provider portal services"): once complete, no paper checks or EOPs.

export const eftStatusSchema = z.enum(EFT_STATUSES);

const routingNumberSchema = text({ max: 9 }).check((ctx) => {
  const problem = routingNumberProblem(ctx.value);
  if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
});

/** What an office enters to be paid by EFT with the ERA (835) sent electronically, per payee NPI. */
export const eftEnrollmentInputSchema = z.object({
  payeeNpi: npiSchema,
  /** The site that receives this payee's remittances. */
  siteId: z.uuid(),
  accountHolder: text({ max: 80, trim: true }).min(1, "Enter the account holder's name"),
  routingNumber: routingNumberSchema,
  accountNumber: text({ max: 17, trim: true }).regex(/^\d{4,17}$/, 'An account number is 4 to 17 digits'),
  accountType: z.enum(['CHECKING', 'SAVINGS']),
});
export type EftEnrollmentInput = z.input<typeof eftEnrollmentInputSchema>;

/** An enrollment as it is shown: the account number only by its last four digits. */
export const eftEnrollmentSchema = z.object({
  enrollmentId: z.uuid(),
  payeeNpi: z.string(),
  payeeName: z.string(),
  siteId: z.uuid(),
  siteName: z.string(),
  accountHolder: z.string(),
  accountType: z.enum(['CHECKING', 'SAVINGS']),
  routingNumber: z.string(),
  accountLast4: z.string(),
  status: eftStatusSchema,
  statusReason: z.string().nullable(),
  submittedAt: z.iso.datetime({ offset: true }),
  activatedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type EftEnrollment = z.infer<typeof eftEnrollmentSchema>;

export const eftEnrollmentsSchema = z.object({
  enrollments: z.array(eftEnrollmentSchema),
  /** Every enrollment of the office is active: no more paper checks or paper EOPs. */
  paperless: z.boolean(),
});

/** The payer's staff settles an enrollment after verifying the account (a rejection always says why). */
export const decideEftEnrollmentInputSchema = z
  .object({
    ...officeTargetSchema.shape,
    enrollmentId: z.uuid(),
    decision: z.enum(['ACTIVE', 'REJECTED']),
    reason: text({ max: 500, trim: true }).optional(),
  })
  .refine((input) => input.decision === 'ACTIVE' || (input.reason ?? '') !== '', {
    path: ['reason'],
    message: 'Say why the enrollment is rejected',
  });
