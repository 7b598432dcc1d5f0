import {
  accountLast4,
  eftDecisionConflict,
  isPaperless,
  PorticoError,
  type EftEnrollment,
  type EftEnrollmentInput,
  type EftStatus,
} from '@portico/core';
import type { Principal } from '../auth/principal.ts';
import { providerForCheck } from '../eligibility/member-request.ts';
import type { Sealer } from '../services/sealer.ts';
import type { OrgScope } from '../tenancy/org-scope.ts';

/** The office's EFT/ERA enrollments, by payee NPI, and whether it is paperless. */
export async function listEnrollments(
  scope: OrgScope,
): Promise<{ enrollments: EftEnrollment[]; paperless: boolean }> {
  const rows = await scope
    .selectFrom('eft_enrollments')
    .innerJoin('sites', (join) =>
      join
        .onRef('sites.id', '=', 'eft_enrollments.site_id')
        .onRef('sites.organization_id', '=', 'eft_enrollments.organization_id'),
    )
    .select([
      'eft_enrollments.id',
      'eft_enrollments.payee_npi',
      'eft_enrollments.payee_name',
      'eft_enrollments.site_id',
      'sites.name as site_name',
      'eft_enrollments.account_holder',
      'eft_enrollments.account_type',
      'eft_enrollments.routing_number',
      'eft_enrollments.account_last4',
      'eft_enrollments.status',
      'eft_enrollments.status_reason',
      'eft_enrollments.submitted_at',
      'eft_enrollments.activated_at',
    ])
    .orderBy('eft_enrollments.payee_npi')
    .execute();
  const enrollments = rows.map((row): EftEnrollment => ({
    enrollmentId: row.id,
    payeeNpi: row.payee_npi,
    payeeName: row.payee_name,
    siteId: row.site_id,
    siteName: row.site_name,
    accountHolder: row.account_holder,
    accountType: row.account_type,
    routingNumber: row.routing_number,
    accountLast4: row.account_last4,
    status: row.status,
    statusReason: row.status_reason,
    submittedAt: row.submitted_at.toISOString(),
    activatedAt: row.activated_at?.toISOString() ?? null,
  }));
  return { enrollments, paperless: isPaperless(enrollments.map((row) => row.status)) };
}

/**
 * Enrolls a payee NPI of the office (one of its providers) for EFT and ERA to one of its sites, or replaces the
 * account of an earlier enrollment: either way it waits, PENDING, for the payer to verify the new account. The
 * account number is sealed; only its last four digits are kept readable.
 */
export async function enroll(
  scope: OrgScope,
  sealer: Sealer,
  principal: Principal,
  input: Omit<EftEnrollmentInput, 'payeeNpi'> & { payeeNpi: string },
  now: Date,
): Promise<{ enrollmentId: string }> {
  const payeeName = await providerForCheck(scope, input.payeeNpi, 'payeeNpi');
  const site = await scope.selectFrom('sites').select('id').where('id', '=', input.siteId).executeTakeFirst();
  if (!site)
    throw new PorticoError('NOT_FOUND', 'That is not a site of this office.', { fieldPath: 'siteId' });
  const account = {
    payee_name: payeeName,
    site_id: input.siteId,
    account_holder: input.accountHolder,
    account_type: input.accountType,
    routing_number: input.routingNumber,
    account_number_sealed: sealer.seal(input.accountNumber),
    account_last4: accountLast4(input.accountNumber),
    status: 'PENDING' as const,
    status_reason: null,
    submitted_by: principal.userId,
    submitted_at: now,
    activated_at: null,
  };
  const row = await scope
    .insertInto('eft_enrollments', { payee_npi: input.payeeNpi, ...account })
    .onConflict((conflict) => conflict.columns(['organization_id', 'payee_npi']).doUpdateSet(account))
    .returning('id')
    .executeTakeFirstOrThrow();
  return { enrollmentId: row.id };
}

/** The payer settles a pending enrollment: ACTIVE once the account is verified, or REJECTED with why. */
export async function decideEnrollment(
  scope: OrgScope,
  input: { enrollmentId: string; decision: Exclude<EftStatus, 'PENDING'>; reason?: string | undefined },
  now: Date,
): Promise<void> {
  const current = await scope
    .selectFrom('eft_enrollments')
    .select('status')
    .where('id', '=', input.enrollmentId)
    .forUpdate()
    .executeTakeFirst();
  if (!current)
    throw new PorticoError('NOT_FOUND', 'This office has no such enrollment.', { fieldPath: 'enrollmentId' });
  const conflict = eftDecisionConflict(current.status);
  if (conflict) throw new PorticoError('CONFLICT', conflict, { fieldPath: 'enrollmentId' });
  await scope
    .updateTable('eft_enrollments')
    .set({
      status: input.decision,
      status_reason: input.decision === 'REJECTED' ? (input.reason ?? null) : null,
      activated_at: input.decision === 'ACTIVE' ? now : null,
    })
    .where('id', '=', input.enrollmentId)
    .execute();
}

/** The office's active enrollment for a payee NPI: where its remittances go, and the office's name for the payee. */
export async function activeEnrollmentFor(
  scope: OrgScope,
  payeeNpi: string,
): Promise<{ id: string; siteId: string; payeeName: string } | null> {
  const row = await scope
    .selectFrom('eft_enrollments')
    .select(['id', 'site_id', 'payee_name'])
    .where('payee_npi', '=', payeeNpi)
    .where('status', '=', 'ACTIVE')
    .executeTakeFirst();
  return row ? { id: row.id, siteId: row.site_id, payeeName: row.payee_name } : null;
}
