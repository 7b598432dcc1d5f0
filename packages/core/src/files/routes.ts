import { z } from 'zod';
import type { Permission } from '../organizations/permissions.ts';
import { ROSTER_COLUMNS } from '../providers/roster.ts';

/**
 * What does not fit a JSON procedure: streamed files. Each route declares its permission here, as procedures do,
 * and the server checks it before anything is read or written.
 */
export interface FileRoute {
  method: 'GET' | 'POST';
  path: string;
  permission: Permission;
  summary: string;
}

export const fileRoutes = {
  providerRoster: {
    method: 'GET',
    path: '/files/providers/roster.csv',
    permission: 'providers.view',
    summary:
      "The office's provider roster as CSV, streamed in NPI order (constant server memory for any size); SSNs masked.",
  },
  accessTasks: {
    method: 'GET',
    path: '/files/access-hub/tasks.csv',
    permission: 'practice_setup.manage',
    summary:
      "The practice's open access-hub tasks as CSV, streamed in keyset pages with the Tasks tab's filters and order (`?portalId=&medicalGroupId=&sort=&direction=`).",
  },
  importPpef: {
    method: 'POST',
    path: '/files/ppef',
    permission: 'staff.import',
    summary:
      'Staff: imports a Medicare enrollment (PPEF) CSV sent as the request body, streamed to disk, then loaded like `npm run import:ppef`. `?name=` names the file.',
  },
} as const satisfies Record<string, FileRoute>;

/** The roster download's columns, in order. */
export const ROSTER_DOWNLOAD_COLUMNS = [
  ...ROSTER_COLUMNS,
  'MEDICARE_ENROLLED',
  'MEDICARE_PROVIDER_TYPES',
  'MEDICARE_STATES',
] as const;

/** What an enrollment-file import did. */
export const ppefImportReportSchema = z.object({
  fileId: z.uuid().nullable(),
  fileName: z.string(),
  sha256: z.string(),
  /** `loaded`: now the current file; `unchanged`: same checksum as the current file, nothing done. */
  outcome: z.enum(['loaded', 'unchanged']),
  rowsRead: z.int(),
  rowsLoaded: z.int(),
  rowsMalformed: z.int(),
  rowsDuplicate: z.int(),
  /** The first malformed lines, for the person who supplied the file. */
  malformed: z.array(z.object({ line: z.int(), reason: z.string() })),
  /** Offices now flagged: a Medicare plan without a Medicare-enrolled provider in this file. */
  officesFlagged: z.int(),
  /** Medicare subscriptions that waited for an enrolled provider and started with this file. */
  subscriptionsStarted: z.int(),
  /** Milliseconds spent in each phase: load (read, checksum, check and COPY at once), primary key, swap. */
  phaseMs: z.object({ load: z.number(), key: z.number(), swap: z.number() }),
});
export type PpefImportReport = z.infer<typeof ppefImportReportSchema>;
