import { z } from 'zod';
import { download, mutation, query } from '../contract/define.ts';
import { FILE_PATHS } from '../contract/file-paths.ts';
import { medicarePlansSchema } from '../storefront/schemas.ts';
import { rosterImportInputSchema, rosterReportSchema } from './roster.ts';
import { providerInputSchema, providerSchema, updateProviderInputSchema } from './schemas.ts';

/** Procedures of the providers domain: the office's provider list, with each provider's Medicare status. */
export const providersContract = {
  list: query({
    summary: "The office's providers with their Medicare enrollment status, ordered by name.",
    permission: 'providers.view',
    auditRead: 'provider',
    input: z.void(),
    output: z.array(providerSchema),
  }),
  get: query({
    summary: 'One provider of the office.',
    permission: 'providers.view',
    auditRead: 'provider',
    input: z.object({ id: z.uuid() }),
    output: providerSchema,
  }),
  medicarePlans: query({
    summary:
      "The office's held plans that need a Medicare-enrolled provider, each with its status and ready-by day, and what the provider list still lacks for them.",
    permission: 'providers.view',
    input: z.void(),
    output: medicarePlansSchema,
  }),
  add: mutation({
    summary: 'Adds a provider (NPI, name, TIN). An NPI appears once per office.',
    permission: 'practice_setup.manage',
    input: providerInputSchema,
    output: providerSchema,
  }),
  update: mutation({
    summary: "Replaces a provider's details.",
    permission: 'practice_setup.manage',
    input: updateProviderInputSchema,
    output: providerSchema,
  }),
  importRoster: mutation({
    summary:
      'Adds providers from a roster CSV (NPI, FIRST_NAME, LAST_NAME, ORGANIZATION_NAME, TIN, SPECIALTY). Every row is checked; with all-or-nothing any bad row refuses the roster (BAD_REQUEST, one issue per row), with valid-rows the good rows go in and the bad ones are reported.',
    permission: 'practice_setup.manage',
    input: rosterImportInputSchema,
    output: rosterReportSchema,
  }),
  remove: mutation({
    summary:
      'Removes a provider. Refused for the last Medicare-enrolled provider while a Medicare or Advantage subscription is active.',
    permission: 'practice_setup.manage',
    input: z.object({ id: z.uuid() }),
    output: z.object({ id: z.uuid() }),
  }),
};

/** The providers domain's streamed files. */
export const providersFiles = {
  providerRoster: download({
    path: FILE_PATHS.providerRoster,
    permission: 'providers.view',
    summary:
      "The office's provider roster as CSV, streamed in NPI order (constant server memory for any size); SSNs masked.",
    input: z.object({}),
    audit: { action: 'provider.roster.download', entity: 'provider_list' },
  }),
};
