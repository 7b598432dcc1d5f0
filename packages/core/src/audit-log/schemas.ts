import { z } from 'zod';
import { text, wholeNumber } from '../inputs/rules.ts';
import { officeTargetSchema, plainDateSchema } from '../storefront/schemas.ts';

/** One audited act as the audit viewer shows it: who, what, on which record, when. Never the record's data. */
export const auditEntrySchema = z.object({
  id: z.uuid(),
  at: z.iso.datetime({ offset: true }),
  /** The acting user, or null for the system (the lifecycle job, an import). */
  actor: z.object({ userId: z.uuid(), displayName: z.string() }).nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  requestId: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** The audit viewer's filters: by user, action, entity and calendar days (the office's time zone), all optional. */
export const auditFiltersSchema = z
  .object({
    userId: z.uuid().optional(),
    /** An action, or a prefix of one ending in a dot: `access.` matches every access change. */
    action: text({ max: 80, trim: true }).optional(),
    entity: text({ max: 80, trim: true }).optional(),
    entityId: text({ max: 200, trim: true }).optional(),
    from: plainDateSchema.optional(),
    to: plainDateSchema.optional(),
  })
  .refine((filters) => !filters.from || !filters.to || filters.from <= filters.to, {
    message: 'The first day comes before the last',
    path: ['to'],
  });
export type AuditFilters = z.input<typeof auditFiltersSchema>;

/** One page of the office's audit trail, newest first; `cursor` is a page's `nextCursor`. */
export const auditPageInputSchema = z.object({
  filters: auditFiltersSchema.default({}),
  cursor: text({ max: 200 }).optional(),
  limit: wholeNumber(1, 200).default(50),
});
export type AuditPageInput = z.input<typeof auditPageInputSchema>;

export const auditPageSchema = z.object({
  entries: z.array(auditEntrySchema),
  /** Where the next page starts, or null on the last page. */
  nextCursor: z.string().nullable(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

/** The payer's staff: a page of one office's audit trail. */
export const officeAuditPageInputSchema = auditPageInputSchema.extend(officeTargetSchema.shape);

/** The CSV download's query string: the same filters, flat (`?userId=&action=&from=&to=`). */
export const auditDownloadInputSchema = auditFiltersSchema;
