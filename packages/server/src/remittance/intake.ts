import {
  remittanceBodyOf,
  remittanceHeaderOf,
  remittanceImbalances,
  type PostRemittanceResult,
  type RemittanceSource,
} from '@portico/core';
import {
  GUIDE_835,
  hasErrors,
  readInterchange,
  readRemittanceAdvice,
  type CodeLists,
  type TransactionSet,
  elementOf,
  type X12Diagnostic,
} from '@portico/core/x12';
import type { OrgScope } from '../tenancy/org-scope.ts';
import { acknowledgementOf, type AcknowledgementSender, type CheckedTransaction } from './acknowledge.ts';
import { activeEnrollmentFor } from './enrollments.ts';

/** What of an X12 problem is said back: its words and where, never the values of the segment. */
const described = (problem: { message: string; segmentPosition?: number; loop?: string | null }) =>
  problem.segmentPosition === undefined
    ? problem.message
    : `${problem.message} (segment ${problem.segmentPosition}${problem.loop ? `, loop ${problem.loop}` : ''})`;

/**
 * Keeps the 835s of an interchange for one office. Each transaction is read against its guide and checked for
 * balance (`remittanceImbalances`); one with errors or that does not balance is reported, never loaded. A
 * balanced one goes to the site of the office's active enrollment for its payee NPI, once: a payment already
 * kept (same payer and trace number) is reported as a duplicate, even when two instances load it at once.
 */
export async function loadInterchange(
  scope: OrgScope,
  text: string,
  options: IntakeOptions,
): Promise<PostRemittanceResult> {
  const read = readInterchange(text);
  const { checked, ...result } = await loadRead(scope, read, options);
  return {
    ...result,
    acknowledgement: options.acknowledge
      ? acknowledgementOf(read, checked, { ...options.acknowledge, at: options.now })
      : null,
  };
}

/** How an intake runs: where the 835s came from, when, the code lists, and how to acknowledge them (or not). */
export interface IntakeOptions {
  source: RemittanceSource;
  now: Date;
  lists: CodeLists;
  /** Portico's side of the TA1 or 999 it answers a payer-side system with; absent for retrieved 835s. */
  acknowledge?: AcknowledgementSender;
}

async function loadRead(
  scope: OrgScope,
  read: ReturnType<typeof readInterchange>,
  options: IntakeOptions,
): Promise<Omit<PostRemittanceResult, 'acknowledgement'> & { checked: CheckedTransaction[] }> {
  const result: Omit<PostRemittanceResult, 'acknowledgement'> & { checked: CheckedTransaction[] } = {
    loaded: [],
    duplicates: [],
    rejected: [],
    checked: [],
  };
  const envelopeErrors = read.diagnostics.filter((d) => d.severity === 'error');
  const transactions = read.interchanges.flatMap((interchange) =>
    interchange.groups.flatMap((group) => group.transactions),
  );
  if (envelopeErrors.length > 0 || !read.delimiters || transactions.length === 0) {
    result.rejected.push({
      traceNumber: null,
      problems:
        envelopeErrors.length > 0
          ? envelopeErrors.map(described)
          : ['The interchange holds no transaction set.'],
    });
    return result;
  }
  const isCode = (list: string, code: string) => options.lists.has(list, code);
  for (const transaction of transactions) {
    const outcome = await loadTransaction(scope, transaction, read.delimiters, isCode, options);
    result.checked.push({ transaction, diagnostics: outcome.diagnostics });
    if ('rejected' in outcome) result.rejected.push(outcome.rejected);
    else if (outcome.duplicate) result.duplicates.push(outcome.kept);
    else result.loaded.push({ ...outcome.kept, claimCount: outcome.claimCount });
  }
  return result;
}

type TransactionOutcome = { diagnostics: X12Diagnostic[] } & (
  | { rejected: PostRemittanceResult['rejected'][number] }
  | { kept: { remittanceId: string; traceNumber: string }; duplicate: boolean; claimCount: number }
);

async function loadTransaction(
  scope: OrgScope,
  transaction: TransactionSet,
  delimiters: NonNullable<ReturnType<typeof readInterchange>['delimiters']>,
  isCode: (list: string, code: string) => boolean,
  options: IntakeOptions,
): Promise<TransactionOutcome> {
  if (transaction.id !== '835' || transaction.guide !== GUIDE_835)
    return {
      diagnostics: [],
      rejected: {
        traceNumber: null,
        problems: [`Transaction set ${transaction.controlNumber} is not an 835 (${GUIDE_835}).`],
      },
    };
  const { advice, diagnostics } = readRemittanceAdvice(transaction, delimiters, isCode);
  const traceNumber = advice?.trace.number ?? null;
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (!advice || hasErrors(diagnostics))
    return { diagnostics, rejected: { traceNumber, problems: errors.map(described) } };
  const imbalances = remittanceImbalances(advice);
  if (imbalances.length > 0)
    return {
      diagnostics,
      rejected: { traceNumber, problems: imbalances.map((imbalance) => imbalance.message) },
    };
  const header = remittanceHeaderOf(advice);
  if (header.payee.npi === '')
    return {
      diagnostics,
      rejected: { traceNumber, problems: ['The payee is not named by its NPI (N1*PE with XX).'] },
    };
  const enrollment = await activeEnrollmentFor(scope, header.payee.npi);
  if (!enrollment)
    return {
      diagnostics,
      rejected: {
        traceNumber,
        problems: [`The office has no active EFT/ERA enrollment for payee NPI ${header.payee.npi}.`],
      },
    };
  const body = remittanceBodyOf(advice, options.lists);
  const inserted = await scope
    .insertInto('remittances', {
      site_id: enrollment.siteId,
      enrollment_id: enrollment.id,
      payer_id: header.payer.id,
      payer_name: header.payer.name,
      payee_npi: header.payee.npi,
      payee_name: enrollment.payeeName,
      trace_number: header.traceNumber,
      method: header.method.code,
      payment_date: header.paymentDate,
      payment_cents: header.paymentCents,
      claim_count: body.claims.length,
      source: options.source,
      interchange_control_number: elementOf(transaction.interchange, 13),
      received_at: options.now,
      body: JSON.stringify(body),
    })
    .onConflict((conflict) => conflict.columns(['organization_id', 'payer_id', 'trace_number']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) {
    const kept = await scope
      .selectFrom('remittances')
      .select('id')
      .where('payer_id', '=', header.payer.id)
      .where('trace_number', '=', header.traceNumber)
      .executeTakeFirstOrThrow();
    return {
      diagnostics,
      kept: { remittanceId: kept.id, traceNumber: header.traceNumber },
      duplicate: true,
      claimCount: 0,
    };
  }
  if (body.claims.length > 0)
    await scope
      .insertInto(
        'remittance_claims',
        body.claims.map((claim, position) => ({
          remittance_id: inserted.id,
          position,
          patient_account_number: claim.patientAccountNumber.toUpperCase(),
          payer_claim_number: claim.payerClaimNumber.toUpperCase(),
          member_id: claim.patient.memberId.toUpperCase(),
          status: claim.status.code,
          charged_cents: claim.chargedCents,
          paid_cents: claim.paidCents,
        })),
      )
      .execute();
  return {
    diagnostics,
    kept: { remittanceId: inserted.id, traceNumber: header.traceNumber },
    duplicate: false,
    claimCount: body.claims.length,
  };
}
