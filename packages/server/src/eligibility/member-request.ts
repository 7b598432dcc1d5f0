import { decodeInstantKey, encodeInstantKey, PorticoError } from '@portico/core';
import { sql } from 'kysely';
import type { Principal } from '../auth/principal.ts';
import type { OrgScope } from '../tenancy/org-scope.ts';

// What every member-data request to the payer settles first (eligibility, claim status): the site it is for, the
// office's provider who asks, and the interchange control number. A seam: claims use it too.

/** The next interchange control number, from the one sequence every instance draws from. */
export async function nextControlNumber(scope: OrgScope): Promise<number> {
  const result = await sql<{
    value: string;
  }>`select nextval('x12_control_number_seq')::text as value`.execute(scope.transaction);
  return Number(result.rows[0]?.value ?? 0);
}

/** The site a check is made for: the one asked (one of the caller's), or the caller's only site. */
export async function siteForCheck(
  scope: OrgScope,
  principal: Principal,
  siteId: string | undefined,
): Promise<{ id: string; name: string }> {
  const chosen = siteId ?? (principal.siteIds.length === 1 ? principal.siteIds[0] : undefined);
  if (principal.siteIds.length === 0)
    throw new PorticoError(
      'FORBIDDEN',
      'You are not assigned to a site of this office. Ask your user administrator.',
    );
  if (chosen === undefined)
    throw new PorticoError('BAD_REQUEST', 'Choose the site the visit is at.', { fieldPath: 'siteId' });
  const site = principal.siteIds.includes(chosen)
    ? await scope.selectFrom('sites').select(['id', 'name']).where('id', '=', chosen).executeTakeFirst()
    : undefined;
  if (!site) throw new PorticoError('NOT_FOUND', 'That is not one of your sites.', { fieldPath: 'siteId' });
  return site;
}

/**
 * The office's provider with this NPI, by name: only the office's own providers may ask about members or be paid.
 * A refusal names `fieldPath`, the input field the NPI came in.
 */
export async function providerForCheck(
  scope: OrgScope,
  npi: string,
  fieldPath = 'providerNpi',
): Promise<string> {
  const provider = await scope
    .selectFrom('providers')
    .select(['first_name', 'last_name', 'organization_name'])
    .where('npi', '=', npi)
    .executeTakeFirst();
  if (!provider)
    throw new PorticoError('NOT_FOUND', "This NPI is not on your office's provider list.", { fieldPath });
  return provider.organization_name ?? [provider.first_name, provider.last_name].filter(Boolean).join(' ');
}

/** What every kept member-data request has, whatever it asked (eligibility checks, claim status inquiries). */
export interface MemberRequestRecord {
  id: string;
  siteId: string;
  userId: string;
  memberId: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  providerNpi: string;
  controlNumber: string;
  traceNumber: string;
  requestX12: string;
  checkedAt: Date;
  problem: string | null;
  answeredAt: Date | null;
  durationMs: number | null;
  responseX12: string | null;
  summary: unknown;
}

/** The columns of those fields, as both tables name them. */
export interface MemberRequestColumns {
  id: string;
  site_id: string;
  user_id: string;
  member_id: string;
  first_name: string;
  last_name: string;
  date_of_birth: string;
  provider_npi: string;
  control_number: string;
  trace_number: string;
  request_x12: string;
  checked_at: Date;
  problem: string | null;
  answered_at: Date | null;
  duration_ms: number | null;
  response_x12: string | null;
  summary: unknown;
}

export const memberRequestOfRow = (row: MemberRequestColumns): MemberRequestRecord => ({
  id: row.id,
  siteId: row.site_id,
  userId: row.user_id,
  memberId: row.member_id,
  firstName: row.first_name,
  lastName: row.last_name,
  dateOfBirth: row.date_of_birth,
  providerNpi: row.provider_npi,
  controlNumber: row.control_number,
  traceNumber: row.trace_number,
  requestX12: row.request_x12,
  checkedAt: row.checked_at,
  problem: row.problem,
  answeredAt: row.answered_at,
  durationMs: row.duration_ms,
  responseX12: row.response_x12,
  summary: row.summary,
});

/** The row of a request to insert: its summary as JSON text (jsonb), null when unanswered. */
export const memberRequestRow = (record: MemberRequestRecord) => ({
  id: record.id,
  site_id: record.siteId,
  user_id: record.userId,
  member_id: record.memberId,
  first_name: record.firstName,
  last_name: record.lastName,
  date_of_birth: record.dateOfBirth,
  provider_npi: record.providerNpi,
  control_number: record.controlNumber,
  trace_number: record.traceNumber,
  request_x12: record.requestX12,
  checked_at: record.checkedAt,
  problem: record.problem,
  answered_at: record.answeredAt,
  duration_ms: record.durationMs,
  response_x12: record.responseX12,
  summary: record.summary === null ? null : JSON.stringify(record.summary),
});

/** A calendar day in the office's time zone as a range of instants: its first and the next day's first. */
export const dayStart = (day: string, zone: string) =>
  sql<Date>`(${day}::date)::timestamp at time zone ${zone}`;
export const dayEnd = (day: string, zone: string) =>
  sql<Date>`(${day}::date + 1)::timestamp at time zone ${zone}`;

/** A history page's keyset position from its cursor, or null for the first page; BAD_REQUEST for a forged one. */
export function historyAfter(cursor: string | undefined): { at: string; id: string } | null {
  if (cursor === undefined) return null;
  const after = decodeInstantKey(cursor);
  if (after === null)
    throw new PorticoError('BAD_REQUEST', 'This page link is no longer valid.', { fieldPath: 'cursor' });
  return after;
}

/** The rows a history page shows (one more was read to know whether another page follows) and its cursor. */
export function historyPage<R extends { id: string; checked_at: Date }>(
  rows: readonly R[],
  limit: number,
): { shown: R[]; nextCursor: string | null } {
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return {
    shown,
    nextCursor:
      rows.length > limit && last
        ? encodeInstantKey({ at: last.checked_at.toISOString(), id: last.id })
        : null,
  };
}
