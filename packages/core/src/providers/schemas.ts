import { z } from 'zod';
import { npiProblem, parseTin, npiEntityKind } from './rules.ts';
import { text } from '../inputs/rules.ts';

/** An NPI, validated with its check digit. */
export const npiSchema = text({ max: 20 }).check((ctx) => {
  const problem = npiProblem(ctx.value);
  if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
});

/** A TIN written as an EIN (`12-3456789`) or an SSN (`123-45-6789`). */
export const tinSchema = text({ max: 20 }).check((ctx) => {
  const result = parseTin(ctx.value);
  if (!result.ok) ctx.issues.push({ code: 'custom', message: result.problem, input: ctx.value });
});

const personName = text({ max: 100, trim: true }).min(1, 'Enter a name');

/** What an office enters for a provider: NPI, name (person or group) and TIN (docs/domain.md, "Subscriptions storefront"). */
export const providerInputSchema = z
  .object({
    npi: npiSchema,
    firstName: personName.optional(),
    lastName: personName.optional(),
    organizationName: text({ max: 200, trim: true }).min(1, 'Enter the group name').optional(),
    tin: tinSchema,
    specialty: text({ max: 100, trim: true }).min(1).optional(),
  })
  .superRefine((provider, ctx) => {
    // A person's NPI and an organization's each need their own kind of name.
    if (npiEntityKind(provider.npi) === 'organization') {
      if (!provider.organizationName) {
        ctx.addIssue({
          code: 'custom',
          path: ['organizationName'],
          message: 'An organization NPI needs the group name',
        });
      }
    } else {
      if (!provider.firstName)
        ctx.addIssue({ code: 'custom', path: ['firstName'], message: 'Enter the provider’s first name' });
      if (!provider.lastName)
        ctx.addIssue({ code: 'custom', path: ['lastName'], message: 'Enter the provider’s last name' });
    }
  });
export type ProviderInput = z.input<typeof providerInputSchema>;

export const updateProviderInputSchema = z.object({ id: z.uuid(), provider: providerInputSchema });

/** One Medicare enrollment of an NPI, from CMS's public provider enrollment file. */
export const medicareEnrollmentSchema = z.object({
  enrollmentId: z.string(),
  providerTypeCode: z.string(),
  providerTypeDescription: z.string(),
  state: z.string(),
});

/** A provider of the office as the API returns it. The TIN is shown masked when it is an SSN. */
export const providerSchema = z.object({
  id: z.uuid(),
  npi: z.string(),
  entityKind: z.enum(['individual', 'organization']),
  displayName: z.string(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  organizationName: z.string().nullable(),
  tin: z.object({ kind: z.enum(['EIN', 'SSN']), display: z.string() }),
  specialty: z.string().nullable(),
  medicare: z.object({ enrolled: z.boolean(), enrollments: z.array(medicareEnrollmentSchema) }),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type Provider = z.infer<typeof providerSchema>;
