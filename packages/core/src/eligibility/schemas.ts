import { z } from 'zod';
import { text, wholeNumber } from '../inputs/rules.ts';
import { npiSchema } from '../providers/schemas.ts';
import { plainDateSchema } from '../storefront/schemas.ts';
import { serviceTypes } from '../x12/code-lists/service-types.ts';

/**
 * Text that travels in X12: the basic and extended character set a payer accepts, none of the separators Portico
 * writes (`* : ^ ~`). Refused here, at its field, so an inquiry can never split a segment.
 */
export const x12Text = (max: number, what: string) =>
  text({ max, trim: true })
    .min(1, `Enter the ${what}`)
    .regex(
      /^[A-Za-z0-9 !"&'()+,\-./;?=%@[\]_{}\\|<>#$]*$/,
      `Use letters, digits, spaces and simple punctuation in the ${what} (no * : ^ ~)`,
    );

/** A service type code of the code list (EQ01), e.g. `30` Health Benefit Plan Coverage, `98` office visit. */
export const serviceTypeCodeSchema = text({ max: 3 }).refine(
  (code) => Object.hasOwn(serviceTypes.codes, code),
  'Choose a service type from the list',
);

/**
 * Whom a member-data request is about and who asks (CAQH CORE: member id plus name and date of birth; only the
 * office's own providers). `siteId` is the site the visit is at: needed when the caller works at more than one.
 * Eligibility and claim status search with the same fields.
 */
export const memberSearchFields = {
  memberId: x12Text(80, 'member id').regex(
    /^[A-Za-z0-9-]{2,80}$/,
    'A member id is 2 to 80 letters, digits or hyphens',
  ),
  firstName: x12Text(35, 'first name'),
  lastName: x12Text(60, 'last name'),
  dateOfBirth: plainDateSchema,
  providerNpi: npiSchema,
  siteId: z.uuid().optional(),
};

/** What an office asks about a member's eligibility (DOMAIN.md, "Payer provider portal services"). */
export const eligibilityCheckInputSchema = z.object({
  ...memberSearchFields,
  serviceTypes: z
    .array(serviceTypeCodeSchema)
    .min(1, 'Choose at least one service type')
    .max(10, 'At most 10 service types')
    .default(['30']),
  dateOfService: plainDateSchema.optional(),
});
export type EligibilityCheckInput = z.input<typeof eligibilityCheckInputSchema>;

/** A code and its label side by side, as the code list names it. */
export const codedValueSchema = z.object({ code: z.string(), label: z.string() });

/** One figure in integer cents: its base (for the period) and what remains of it, each null when not sent. */
export const figureSchema = z.object({
  baseCents: z.number().int().nullable(),
  remainingCents: z.number().int().nullable(),
});

/** What applies in one network (in or out): deductible and out-of-pocket per person and family, co-pay, co-insurance. */
export const networkBenefitsSchema = z.object({
  deductible: z.object({ individual: figureSchema, family: figureSchema }),
  outOfPocket: z.object({ individual: figureSchema, family: figureSchema }),
  copayCents: z.number().int().nullable(),
  /** Co-insurance the member pays, in basis points (2000 = 20 %). */
  coinsuranceBasisPoints: z.number().int().min(0).max(10_000).nullable(),
  authorizationRequired: z.boolean().nullable(),
  messages: z.array(z.string()),
});
export type NetworkBenefits = z.infer<typeof networkBenefitsSchema>;

export const coverageStatusSchema = z.enum(['ACTIVE', 'INACTIVE', 'NOT_COVERED']);

/** Benefits of one service type, grouped by network. */
export const serviceBenefitsSchema = z.object({
  serviceType: codedValueSchema,
  coverage: coverageStatusSchema.nullable(),
  inNetwork: networkBenefitsSchema,
  outOfNetwork: networkBenefitsSchema,
});
export type ServiceBenefits = z.infer<typeof serviceBenefitsSchema>;

/** The 271 as an office reads it, not as X12 lists it. */
export const eligibilitySummarySchema = z.object({
  member: z.object({
    memberId: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    dateOfBirth: plainDateSchema.nullable(),
    gender: z.string().nullable(),
    groupNumber: z.string().nullable(),
  }),
  payer: z.object({ name: z.string(), id: z.string() }),
  plan: z.object({
    status: coverageStatusSchema,
    description: z.string().nullable(),
    insuranceType: codedValueSchema.nullable(),
    coverageBegins: plainDateSchema.nullable(),
    coverageEnds: plainDateSchema.nullable(),
  }),
  primaryCareProvider: z.object({ name: z.string(), npi: z.string().nullable() }).nullable(),
  benefits: z.array(serviceBenefitsSchema),
  messages: z.array(z.string()),
});
export type EligibilitySummary = z.infer<typeof eligibilitySummarySchema>;

/** One check as it is kept and shown again: the summary, the raw X12 both ways and the control numbers. */
export const eligibilityResultSchema = z.object({
  checkId: z.uuid(),
  checkedAt: z.iso.datetime({ offset: true }),
  /** When the payer last refreshed its eligibility data (three times a day). */
  asOf: z.iso.datetime({ offset: true }),
  dateOfService: plainDateSchema,
  serviceTypes: z.array(codedValueSchema),
  summary: eligibilitySummarySchema,
  x12: z.object({ request: z.string(), response: z.string() }),
  controlNumber: z.string(),
  traceNumber: z.string(),
  codeListVersions: z.record(z.string(), z.string()),
});
export type EligibilityResult = z.infer<typeof eligibilityResultSchema>;

export const checkOutcomeSchema = z.enum([
  'ACTIVE',
  'INACTIVE',
  'NOT_COVERED',
  'REJECTED',
  'TIMEOUT',
  'UNAVAILABLE',
]);
export type CheckOutcome = z.infer<typeof checkOutcomeSchema>;

/** A line of the office's history of checks. */
export const checkSummarySchema = z.object({
  checkId: z.uuid(),
  checkedAt: z.iso.datetime({ offset: true }),
  checkedBy: z.string(),
  siteName: z.string(),
  member: z.object({ memberId: z.string(), firstName: z.string(), lastName: z.string() }),
  dateOfService: plainDateSchema,
  outcome: checkOutcomeSchema,
  /** The payer's words for a rejection, or what went wrong; null when answered. */
  problem: z.string().nullable(),
  hasResult: z.boolean(),
});
export type CheckSummary = z.infer<typeof checkSummarySchema>;

export const checkHistoryInputSchema = z
  .object({
    day: plainDateSchema.optional(),
    cursor: text({ max: 200 }).optional(),
    limit: wholeNumber(1, 100).default(25),
  })
  .default({ limit: 25 });

export const checkHistorySchema = z.object({
  day: plainDateSchema,
  checks: z.array(checkSummarySchema),
  nextCursor: z.string().nullable(),
});

export const checkRefInputSchema = z.object({ checkId: z.uuid() });

/** CAQH CORE: at least 90 % of a month's answers within 20 seconds. */
export const timelinessInputSchema = z.object({
  month: z.string().regex(/^(19|2[01])\d\d-(0[1-9]|1[0-2])$/, 'A month as YYYY-MM'),
});
export const timelinessSchema = z.object({
  month: z.string(),
  total: z.number().int(),
  withinLimit: z.number().int(),
  /** withinLimit / total in basis points, rounded down (so 89.99 % never shows as 90 %); null with no checks. */
  shareBasisPoints: z.number().int().nullable(),
  limitSeconds: z.number().int(),
});
