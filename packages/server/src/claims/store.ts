import {
  claimStatusSummarySchema,
  PorticoError,
  type ClaimStatusResult,
  type InquiryOutcome,
  type InquirySummary,
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
} from '../eligibility/member-request.ts';
import type { OrgScope } from '../tenancy/org-scope.ts';

export interface InquiryRecord extends MemberRequestRecord {
  serviceFrom: string;
  serviceTo: string;
  payerClaimNumber: string | null;
  patientAccountNumber: string | null;
  chargedCents: number | null;
  outcome: InquiryOutcome;
}

export async function recordInquiry(scope: OrgScope, inquiry: InquiryRecord): Promise<void> {
  await scope
    .insertInto('claim_status_inquiries', {
      ...memberRequestRow(inquiry),
      service_from: inquiry.serviceFrom,
      service_to: inquiry.serviceTo,
      payer_claim_number: inquiry.payerClaimNumber,
      patient_account_number: inquiry.patientAccountNumber,
      charged_cents: inquiry.chargedCents,
      outcome: inquiry.outcome,
    })
    .execute();
}

/** One page of a day's inquiries at the caller's sites, newest first (keyset on checked_at, id). */
export async function inquiryHistory(
  scope: OrgScope,
  principal: Principal,
  day: string,
  page: { cursor?: string | undefined; limit: number },
): Promise<{ inquiries: InquirySummary[]; nextCursor: string | null }> {
  const after = historyAfter(page.cursor);
  if (principal.siteIds.length === 0) return { inquiries: [], nextCursor: null };
  const zone = principal.organization.timeZone;
  let query = scope
    .selectFrom('claim_status_inquiries')
    .innerJoin('users', 'users.id', 'claim_status_inquiries.user_id')
    .innerJoin('sites', (join) =>
      join
        .onRef('sites.id', '=', 'claim_status_inquiries.site_id')
        .onRef('sites.organization_id', '=', 'claim_status_inquiries.organization_id'),
    )
    .select([
      'claim_status_inquiries.id',
      'claim_status_inquiries.checked_at',
      'users.display_name',
      'sites.name as site_name',
      'claim_status_inquiries.member_id',
      'claim_status_inquiries.first_name',
      'claim_status_inquiries.last_name',
      'claim_status_inquiries.service_from',
      'claim_status_inquiries.service_to',
      'claim_status_inquiries.outcome',
      'claim_status_inquiries.problem',
      sql<boolean>`claim_status_inquiries.summary is not null`.as('has_result'),
    ])
    .where('claim_status_inquiries.site_id', 'in', [...principal.siteIds])
    .where('claim_status_inquiries.checked_at', '>=', dayStart(day, zone))
    .where('claim_status_inquiries.checked_at', '<', dayEnd(day, zone));
  if (after)
    query = query.where(
      sql<boolean>`(claim_status_inquiries.checked_at, claim_status_inquiries.id) < (${after.at}::timestamptz, ${after.id}::uuid)`,
    );
  const rows = await query
    .orderBy('claim_status_inquiries.checked_at', 'desc')
    .orderBy('claim_status_inquiries.id', 'desc')
    .limit(page.limit + 1)
    .execute();
  const { shown, nextCursor } = historyPage(rows, page.limit);
  return {
    nextCursor,
    inquiries: shown.map((row) => ({
      inquiryId: row.id,
      checkedAt: row.checked_at.toISOString(),
      checkedBy: row.display_name,
      siteName: row.site_name,
      member: { memberId: row.member_id, firstName: row.first_name, lastName: row.last_name },
      serviceFrom: row.service_from,
      serviceTo: row.service_to,
      outcome: row.outcome,
      problem: row.problem,
      hasResult: row.has_result,
    })),
  };
}

/** One answered inquiry at the caller's sites; NOT_FOUND for another site's, another office's, or an unanswered one. */
export async function answeredInquiry(
  scope: OrgScope,
  principal: Principal,
  inquiryId: string,
): Promise<InquiryRecord> {
  const row =
    principal.siteIds.length === 0
      ? undefined
      : await scope
          .selectFrom('claim_status_inquiries')
          .selectAll()
          .where('id', '=', inquiryId)
          .where('site_id', 'in', [...principal.siteIds])
          .executeTakeFirst();
  if (!row || row.summary === null)
    throw new PorticoError(
      'NOT_FOUND',
      'There is no answered claim status inquiry with this id at your sites.',
      {
        fieldPath: 'inquiryId',
      },
    );
  return {
    ...memberRequestOfRow(row),
    serviceFrom: row.service_from,
    serviceTo: row.service_to,
    payerClaimNumber: row.payer_claim_number,
    patientAccountNumber: row.patient_account_number,
    chargedCents: row.charged_cents,
    outcome: row.outcome,
  };
}

/** An answered inquiry as the API shows it, just made or read again, labelled by the code lists in force. */
export function resultOfInquiry(inquiry: InquiryRecord, codeLists: CodeLists): ClaimStatusResult {
  if (inquiry.summary === null || inquiry.responseX12 === null)
    throw new Error('only an answered inquiry has a result');
  return {
    inquiryId: inquiry.id,
    checkedAt: inquiry.checkedAt.toISOString(),
    serviceFrom: inquiry.serviceFrom,
    serviceTo: inquiry.serviceTo,
    summary: claimStatusSummarySchema.parse(inquiry.summary),
    x12: { request: inquiry.requestX12, response: inquiry.responseX12 },
    controlNumber: inquiry.controlNumber,
    traceNumber: inquiry.traceNumber,
    codeListVersions: codeLists.versions(),
  };
}
