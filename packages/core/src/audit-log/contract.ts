import { download, query } from '../contract/define.ts';
import { FILE_PATHS } from '../contract/file-paths.ts';
import {
  auditDownloadInputSchema,
  auditPageInputSchema,
  auditPageSchema,
  officeAuditPageInputSchema,
} from './schemas.ts';

/**
 * The audit viewer (docs/domain.md "User administration": every access to member data is audited; HIPAA audit
 * controls). The security officer reads the office's trail; the payer's staff read an office's only with their own
 * permission. Every view of the trail is itself audited.
 */
export const auditLogContract = {
  page: query({
    summary:
      "One page of the office's audit trail, newest first, filtered by user, action (or an action prefix such as access.), entity and calendar days; keyset paging.",
    permission: 'audit.view',
    input: auditPageInputSchema,
    output: auditPageSchema,
    auditRead: 'audit_log',
  }),
  officePage: query({
    summary:
      "Staff: one page of an office's audit trail, with the same filters and paging as the office's own view.",
    permission: 'staff.audit.view',
    input: officeAuditPageInputSchema,
    output: auditPageSchema,
    auditRead: 'audit_log',
  }),
};

/** The audit trail as CSV, streamed. */
export const auditLogFiles = {
  auditTrail: download({
    path: FILE_PATHS.auditTrail,
    permission: 'audit.view',
    summary:
      "The office's audit trail as CSV, newest first, streamed in keyset pages with the viewer's filters (`?userId=&action=&entity=&from=&to=`).",
    input: auditDownloadInputSchema,
    audit: { action: 'audit.download', entity: 'audit_log' },
  }),
};
