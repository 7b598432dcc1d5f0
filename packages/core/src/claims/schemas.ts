import { z } from 'zod';
import { cents, text, wholeNumber } from '../inputs/rules.ts';
import { codedValueSchema, memberSearchFields, x12Text } from '../eligibility/schemas.ts';
import { plainDateSchema } from '../storefront/schemas.ts';

/**
 * What an office asks about a claim (CAQH CORE's claim status rule: the member, the provider and the dates of
 * service; the payer's claim number, the office's patient account number and the billed amount narrow it).
 * `serviceTo` defaults to `serviceFrom`.
 */
export const claimStatusInputSchema = z
  .object({
    ...memberSearchFields,
    serviceFrom: plainDateSchema,
    serviceTo: plainDateSchema.optional(),
    payerClaimNumber: x12Text(50, 'claim number')
      .regex(/^[A-Za-z0-9-]{1,50}$/, 'A claim number is letters, digits or hyphens')
      .optional(),
    patientAccountNumber: x12Text(38, 'patient account number').optional(),
    chargedCents: cents().optional(),
  })
  .refine((input) => input.serviceTo === undefined || input.serviceTo >= input.serviceFrom, {
    path: ['serviceTo'],
    message: 'The last date of service is on or after the first',
  });
export type ClaimStatusInput = z.input<typeof claimStatusInputSchema>;

/**
 * Where a claim stands, in the words an office uses (from the 277's status category): the payer has it, is
 * working on it, wants something, paid, denied, finished it otherwise, sent it back, or has no such claim.
 */
export const claimPhaseSchema = z.enum([
  'RECEIVED',
  'PENDING',
  'INFORMATION_REQUESTED',
  'PAID',
  'DENIED',
  'FINALIZED',
  'RETURNED',
  'NOT_FOUND',
]);
export type ClaimPhase = z.infer<typeof claimPhaseSchema>;

/** One status of a claim or line: category and code with their labels, the entity it is about, its date. */
export const claimStatusDetailSchema = z.object({
  category: codedValueSchema,
  status: codedValueSchema,
  entity: z.string().nullable(),
  effectiveDate: plainDateSchema.nullable(),
});

/** How the payer paid: check or EFT, when, and the check number or EFT trace. */
export const claimPaymentSchema = z.object({
  method: codedValueSchema.nullable(),
  date: plainDateSchema.nullable(),
  trace: z.string().nullable(),
});

export const serviceLineStatusSchema = z.object({
  procedureCode: z.string(),
  modifiers: z.array(z.string()),
  chargedCents: z.number().int().nullable(),
  paidCents: z.number().int().nullable(),
  units: z.string().nullable(),
  serviceDate: plainDateSchema.nullable(),
  lineItemNumber: z.string().nullable(),
  statuses: z.array(claimStatusDetailSchema),
});

/** One claim as the payer reports it. Amounts in integer cents (X12 decimals, rounded half away from zero). */
export const claimStatusSchema = z.object({
  phase: claimPhaseSchema,
  finalized: z.boolean(),
  statuses: z.array(claimStatusDetailSchema),
  payerClaimNumber: z.string().nullable(),
  patientAccountNumber: z.string().nullable(),
  chargedCents: z.number().int().nullable(),
  paidCents: z.number().int().nullable(),
  adjudicatedOn: plainDateSchema.nullable(),
  payment: claimPaymentSchema.nullable(),
  serviceFrom: plainDateSchema.nullable(),
  serviceTo: plainDateSchema.nullable(),
  lines: z.array(serviceLineStatusSchema),
});
export type ClaimStatus = z.infer<typeof claimStatusSchema>;

/** The 277 as an office reads it. */
export const claimStatusSummarySchema = z.object({
  member: z.object({ memberId: z.string(), firstName: z.string(), lastName: z.string() }),
  payer: z.object({ name: z.string(), id: z.string() }),
  claims: z.array(claimStatusSchema),
});
export type ClaimStatusSummary = z.infer<typeof claimStatusSummarySchema>;

/** One inquiry as it is kept and shown again: the summary, the raw X12 both ways and the control numbers. */
export const claimStatusResultSchema = z.object({
  inquiryId: z.uuid(),
  checkedAt: z.iso.datetime({ offset: true }),
  serviceFrom: plainDateSchema,
  serviceTo: plainDateSchema,
  summary: claimStatusSummarySchema,
  x12: z.object({ request: z.string(), response: z.string() }),
  controlNumber: z.string(),
  traceNumber: z.string(),
  codeListVersions: z.record(z.string(), z.string()),
});
export type ClaimStatusResult = z.infer<typeof claimStatusResultSchema>;

/** How an inquiry ended: the phase of its first claim when answered, or why there was no answer. */
export const inquiryOutcomeSchema = z.enum([
  ...claimPhaseSchema.options,
  'REJECTED',
  'TIMEOUT',
  'UNAVAILABLE',
]);
export type InquiryOutcome = z.infer<typeof inquiryOutcomeSchema>;

/** A line of the office's history of claim status inquiries. */
export const inquirySummarySchema = z.object({
  inquiryId: z.uuid(),
  checkedAt: z.iso.datetime({ offset: true }),
  checkedBy: z.string(),
  siteName: z.string(),
  member: z.object({ memberId: z.string(), firstName: z.string(), lastName: z.string() }),
  serviceFrom: plainDateSchema,
  serviceTo: plainDateSchema,
  outcome: inquiryOutcomeSchema,
  /** The payer's words for a rejection, or what went wrong; null when answered. */
  problem: z.string().nullable(),
  hasResult: z.boolean(),
});
export type InquirySummary = z.infer<typeof inquirySummarySchema>;

export const inquiryHistoryInputSchema = z
  .object({
    day: plainDateSchema.optional(),
    cursor: text({ max: 200 }).optional(),
    limit: wholeNumber(1, 100).default(25),
  })
  .default({ limit: 25 });

export const inquiryHistorySchema = z.object({
  day: plainDateSchema,
  inquiries: z.array(inquirySummarySchema),
  nextCursor: z.string().nullable(),
});

export const inquiryRefInputSchema = z.object({ inquiryId: z.uuid() });
