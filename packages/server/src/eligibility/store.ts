import {
  eligibilitySummarySchema,
  PorticoError,
  type CheckOutcome,
  type CheckSummary,
  type EligibilityResult,
} from '@portico/core';
import type { CodeLists } from '@portico/core/x12';
import { sql } from 'kysely';
import type { Principal } from '../auth/principal.ts';
import {
  dayEnd,
  dayStart,
  historyAfter,
  historyPage,
  memberRequestOfRow,
  memberRequestRow,
  type MemberRequestRecord,
} from './member-request.ts';
import type { OrgScope } from '../tenancy/org-scope.ts';

export interface CheckRecord extends MemberRequestRecord {
  serviceTypes: string[];
  dateOfService: string;
  outcome: CheckOutcome;
  asOf: Date | null;
}

export async function recordCheck(scope: OrgScope, check: CheckRecord): Promise<void> {
  await scope
    .insertInto('eligibility_checks', {
      ...memberRequestRow(check),
      service_types: check.serviceTypes,
      date_of_service: check.dateOfService,
      outcome: check.outcome,
      as_of: check.asOf,
    })
    .execute();
}

/** One page of a day's checks at the caller's sites, newest first (keyset on checked_at, id). */
export async function checkHistory(
  scope: OrgScope,
  principal: Principal,
  day: string,
  page: { cursor?: string | undefined; limit: number },
): Promise<{ checks: CheckSummary[]; nextCursor: string | null }> {
  const after = historyAfter(page.cursor);
  if (principal.siteIds.length === 0) return { checks: [], nextCursor: null };
  const zone = principal.organization.timeZone;
  let query = scope
    .selectFrom('eligibility_checks')
    .innerJoin('users', 'users.id', 'eligibility_checks.user_id')
    .innerJoin('sites', (join) =>
      join
        .onRef('sites.id', '=', 'eligibility_checks.site_id')
        .onRef('sites.organization_id', '=', 'eligibility_checks.organization_id'),
    )
    .select([
      'eligibility_checks.id',
      'eligibility_checks.checked_at',
      'users.display_name',
      'sites.name as site_name',
      'eligibility_checks.member_id',
      'eligibility_checks.first_name',
      'eligibility_checks.last_name',
      'eligibility_checks.date_of_service',
      'eligibility_checks.outcome',
      'eligibility_checks.problem',
      'eligibility_checks.summary',
    ])
    .where('eligibility_checks.site_id', 'in', [...principal.siteIds])
    .where('eligibility_checks.checked_at', '>=', dayStart(day, zone))
    .where('eligibility_checks.checked_at', '<', dayEnd(day, zone));
  if (after)
    query = query.where(
      sql<boolean>`(eligibility_checks.checked_at, eligibility_checks.id) < (${after.at}::timestamptz, ${after.id}::uuid)`,
    );
  const rows = await query
    .orderBy('eligibility_checks.checked_at', 'desc')
    .orderBy('eligibility_checks.id', 'desc')
    .limit(page.limit + 1)
    .execute();
  const { shown, nextCursor } = historyPage(rows, page.limit);
  return {
    nextCursor,
    checks: shown.map((row) => ({
      checkId: row.id,
      checkedAt: row.checked_at.toISOString(),
      checkedBy: row.display_name,
      siteName: row.site_name,
      member: { memberId: row.member_id, firstName: row.first_name, lastName: row.last_name },
      dateOfService: row.date_of_service,
      outcome: row.outcome,
      problem: row.problem,
      hasResult: row.summary !== null,
    })),
  };
}

/** One answered check at the caller's sites, as kept; NOT_FOUND for another site's, another office's, or an unanswered one. */
export async function answeredCheck(
  scope: OrgScope,
  principal: Principal,
  checkId: string,
): Promise<CheckRecord> {
  const row =
    principal.siteIds.length === 0
      ? undefined
      : await scope
          .selectFrom('eligibility_checks')
          .selectAll()
          .where('id', '=', checkId)
          .where('site_id', 'in', [...principal.siteIds])
          .executeTakeFirst();
  if (!row || row.summary === null)
    throw new PorticoError(
      'NOT_FOUND',
      'There is no answered eligibility check with this id at your sites.',
      {
        fieldPath: 'checkId',
      },
    );
  return {
    ...memberRequestOfRow(row),
    serviceTypes: row.service_types,
    dateOfService: row.date_of_service,
    outcome: row.outcome,
    asOf: row.as_of,
  };
}

/** An answered check as the API shows it, just made or read again: one shape, labelled by the code lists in force. */
export function resultOfCheck(check: CheckRecord, codeLists: CodeLists): EligibilityResult {
  if (check.summary === null || check.responseX12 === null || check.asOf === null)
    throw new Error('only an answered check has a result');
  return {
    checkId: check.id,
    checkedAt: check.checkedAt.toISOString(),
    asOf: check.asOf.toISOString(),
    dateOfService: check.dateOfService,
    serviceTypes: check.serviceTypes.map((code) => codeLists.label('service-types', code)),
    summary: eligibilitySummarySchema.parse(check.summary),
    x12: { request: check.requestX12, response: check.responseX12 },
    controlNumber: check.controlNumber,
    traceNumber: check.traceNumber,
    codeListVersions: codeLists.versions(),
  };
}

/** A month's checks of the office and how many were answered within the limit (CAQH CORE's 20 seconds). */
export async function monthTimeliness(
  scope: OrgScope,
  month: string,
  zone: string,
  limitMs: number,
): Promise<{ total: number; withinLimit: number }> {
  const start = `${month}-01`;
  const row = await scope
    .selectFrom('eligibility_checks')
    .select([
      sql<string>`count(*)::text`.as('total'),
      sql<string>`count(*) filter (where duration_ms is not null and duration_ms <= ${limitMs} and outcome <> 'TIMEOUT')::text`.as(
        'within',
      ),
    ])
    .where('checked_at', '>=', sql<Date>`(${start}::date)::timestamp at time zone ${zone}`)
    .where(
      'checked_at',
      '<',
      sql<Date>`((${start}::date + interval '1 month')::date)::timestamp at time zone ${zone}`,
    )
    .executeTakeFirst();
  return { total: Number(row?.total ?? 0), withinLimit: Number(row?.within ?? 0) };
}
