import {
  decodeAuditCursor,
  encodeAuditCursor,
  PorticoError,
  type AuditEntry,
  type AuditPage,
  type auditFiltersSchema,
} from '@portico/core';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { OrgScope } from '../tenancy/org-scope.ts';

type Filters = z.output<typeof auditFiltersSchema>;

/**
 * One page of an organization's audit trail, newest first, by keyset on (at, id): the indexes on
 * (organization_id, at) and (organization_id, actor_user_id, at) keep a page's cost flat however long the trail.
 * Calendar days are the office's, turned into instants by PostgreSQL in its time zone.
 */
export async function auditPage(
  scope: OrgScope,
  filters: Filters,
  page: { cursor?: string | undefined; limit: number },
  timeZone: string,
): Promise<AuditPage> {
  const after = page.cursor === undefined ? null : decodeAuditCursor(page.cursor);
  if (page.cursor !== undefined && after === null)
    throw new PorticoError('BAD_REQUEST', 'This page link is no longer valid.', { fieldPath: 'cursor' });
  let query = scope
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_user_id')
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.actor_user_id',
      'users.display_name',
      'audit_log.action',
      'audit_log.entity',
      'audit_log.entity_id',
      'audit_log.request_id',
    ])
    .orderBy('audit_log.at', 'desc')
    .orderBy('audit_log.id', 'desc')
    .limit(page.limit + 1);
  if (filters.userId !== undefined) query = query.where('audit_log.actor_user_id', '=', filters.userId);
  if (filters.action !== undefined && filters.action !== '')
    query = filters.action.endsWith('.')
      ? query.where(sql<boolean>`starts_with(audit_log.action, ${filters.action})`)
      : query.where('audit_log.action', '=', filters.action);
  if (filters.entity !== undefined && filters.entity !== '')
    query = query.where('audit_log.entity', '=', filters.entity);
  if (filters.entityId !== undefined && filters.entityId !== '')
    query = query.where('audit_log.entity_id', '=', filters.entityId);
  if (filters.from !== undefined)
    query = query.where(
      'audit_log.at',
      '>=',
      sql<Date>`(${filters.from}::date)::timestamp at time zone ${timeZone}`,
    );
  if (filters.to !== undefined)
    query = query.where(
      'audit_log.at',
      '<',
      sql<Date>`(${filters.to}::date + 1)::timestamp at time zone ${timeZone}`,
    );
  if (after)
    query = query.where(
      sql<boolean>`(audit_log.at, audit_log.id) < (${after.at}::timestamptz, ${after.id}::uuid)`,
    );
  const rows = await query.execute();
  const entries: AuditEntry[] = rows.slice(0, page.limit).map((row) => ({
    id: row.id,
    at: row.at.toISOString(),
    actor:
      row.actor_user_id === null
        ? null
        : { userId: row.actor_user_id, displayName: row.display_name ?? 'A former user' },
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    requestId: row.request_id,
  }));
  const last = entries.at(-1);
  return { entries, nextCursor: rows.length > page.limit && last ? encodeAuditCursor(last) : null };
}
