import { auditLogFiles, type AuditEntry } from '@portico/core';
import { serveDownload } from '../trpc/file-kernel.ts';
import { auditPage } from './store.ts';

const COLUMNS = ['At', 'User', 'User id', 'Action', 'Entity', 'Entity id', 'Request id'] as const;
/** Rows per keyset page: one page in memory at a time, whatever the trail's length. */
const PAGE = 1000;

function csvRow(entry: AuditEntry): string[] {
  return [
    entry.at,
    entry.actor?.displayName ?? 'System',
    entry.actor?.userId ?? '',
    entry.action,
    entry.entity,
    entry.entityId,
    entry.requestId,
  ];
}

/** The office's audit trail as CSV with the viewer's filters, streamed page by page. */
export const auditTrailDownload = serveDownload(auditLogFiles.auditTrail, (filters, { read, principal }) => ({
  fileName: 'audit-trail.csv',
  header: COLUMNS,
  pages: (async function* () {
    let cursor: string | undefined;
    do {
      const page = await read((scope) =>
        auditPage(scope, filters, { cursor, limit: PAGE }, principal.organization.timeZone),
      );
      yield page.entries.map(csvRow);
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
  })(),
}));
