import { z } from 'zod';
import { MAX_ROSTER_CHARS } from './rules.ts';
import { text } from '../inputs/rules.ts';

/** The columns of a provider roster CSV, in any order; names compared case-insensitively. */
export const ROSTER_COLUMNS = [
  'NPI',
  'FIRST_NAME',
  'LAST_NAME',
  'ORGANIZATION_NAME',
  'TIN',
  'SPECIALTY',
] as const;

/** The roster download's columns, in order: the upload's, then what the enrollment file says. */
export const ROSTER_DOWNLOAD_COLUMNS = [
  ...ROSTER_COLUMNS,
  'MEDICARE_ENROLLED',
  'MEDICARE_PROVIDER_TYPES',
  'MEDICARE_STATES',
] as const;

export const rosterImportInputSchema = z.object({
  csv: text({ max: MAX_ROSTER_CHARS, multiline: true })
    .min(1, 'The roster is empty')
    .max(MAX_ROSTER_CHARS, 'The roster is larger than 5 MB; split it into parts'),
  /** `all-or-nothing`: any bad row refuses the whole roster. `valid-rows`: the good rows go in, the bad ones are listed. */
  mode: z.enum(['all-or-nothing', 'valid-rows']),
});
export type RosterImportInput = z.input<typeof rosterImportInputSchema>;

/** One refused roster row: its line in the file, the field at fault, and why. */
export const rejectedRowSchema = z.object({
  line: z.int().positive(),
  field: z.string().nullable(),
  message: z.string(),
});
export type RejectedRow = z.infer<typeof rejectedRowSchema>;

export const rosterReportSchema = z.object({
  rowsRead: z.int().nonnegative(),
  added: z.int().nonnegative(),
  rejected: z.array(rejectedRowSchema),
});
export type RosterReport = z.infer<typeof rosterReportSchema>;
