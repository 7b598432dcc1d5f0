import { z } from 'zod';

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
