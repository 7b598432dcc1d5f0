import type { CodeLists } from '../x12/code-lists.ts';
import type { Adjustment, RemittanceAdvice } from '../x12/remittance-advice.ts';
import { x12AmountToCents, x12DateToPlain } from '../x12/values.ts';
import { paymentMethodOf } from '../claims/rules.ts';
import type { RemittanceAdjustment, RemittanceBody, RemittanceClaim, RemittanceDetail } from './schemas.ts';

/**
 * Cents of an amount of a balanced 835 (`remittanceImbalances` found none, so every amount reads): X12 decimals
 * with more than two places round half away from zero to the cent, as `x12AmountToCents` says.
 */
const cents = (value: string) => x12AmountToCents(value) ?? 0;
const centsOrNull = (value: string | null) => (value === null ? null : x12AmountToCents(value));

const adjustmentsOf = (adjustments: readonly Adjustment[], lists: CodeLists): RemittanceAdjustment[] =>
  adjustments.map((adjustment) => ({
    group: lists.label('adjustment-groups', adjustment.group),
    reason: lists.label('adjustment-reasons', adjustment.reason),
    amountCents: cents(adjustment.amount),
    quantity: adjustment.quantity,
  }));

const remarksOf = (codes: readonly string[], lists: CodeLists) =>
  codes.map((code) => lists.label('remark-codes', code));

/** What the office's list shows of an 835 (the parts of the detail that need no claim). */
export interface RemittanceHeader {
  traceNumber: string;
  method: RemittanceDetail['method'];
  paymentDate: string;
  paymentCents: number;
  payer: { name: string; id: string };
  payee: { name: string; npi: string };
}

/** The payment of an 835 as the office's list shows it: a debit is negative. */
export function remittanceHeaderOf(advice: RemittanceAdvice): RemittanceHeader {
  const paid = cents(advice.payment.amount);
  return {
    traceNumber: advice.trace.number,
    method: paymentMethodOf(advice.payment.method),
    paymentDate: x12DateToPlain(advice.payment.date) ?? '',
    paymentCents: advice.payment.creditDebit === 'D' ? -paid : paid,
    payer: { name: advice.payer.name, id: advice.payer.id ?? advice.trace.payerId },
    payee: { name: advice.payee.name, npi: advice.payee.idQualifier === 'XX' ? advice.payee.id : '' },
  };
}

/** Every claim an 835 settles, in integer cents, with each code beside its label. */
export function remittanceClaimsOf(advice: RemittanceAdvice, lists: CodeLists): RemittanceClaim[] {
  return advice.groups
    .flatMap((group) => group.claims)
    .map((claim) => ({
      patientAccountNumber: claim.patientControlNumber,
      payerClaimNumber: claim.payerClaimNumber,
      status: lists.label('remittance-claim-statuses', claim.status),
      chargedCents: cents(claim.charge),
      paidCents: cents(claim.payment),
      patientResponsibilityCents: centsOrNull(claim.patientResponsibility),
      patient: claim.patient,
      renderingProvider: claim.renderingProvider,
      serviceFrom: x12DateToPlain(claim.statementFrom ?? claim.lines[0]?.serviceDate ?? null),
      serviceTo: x12DateToPlain(claim.statementTo ?? claim.lines.at(-1)?.serviceDate ?? null),
      adjustments: adjustmentsOf(claim.adjustments, lists),
      remarks: remarksOf(claim.remarks, lists),
      lines: claim.lines.map((line) => ({
        procedureCode: line.procedure.code,
        modifiers: line.procedure.modifiers,
        chargedCents: cents(line.charge),
        paidCents: cents(line.payment),
        allowedCents: centsOrNull(line.allowed),
        unitsPaid: line.unitsPaid,
        serviceDate: x12DateToPlain(line.serviceDate),
        lineItemNumber: line.lineItemNumber,
        adjustments: adjustmentsOf(line.adjustments, lists),
        remarks: remarksOf(line.remarks, lists),
      })),
    }));
}

/** The parts of the explanation of payment that come from the 835 itself (the rest is where Portico keeps it). */
export function remittanceBodyOf(advice: RemittanceAdvice, lists: CodeLists): RemittanceBody {
  return {
    productionDate: x12DateToPlain(advice.productionDate),
    payerContact: advice.payer.contact,
    claims: remittanceClaimsOf(advice, lists),
    providerAdjustments: advice.providerAdjustments.flatMap((plb) =>
      plb.items.map((item) => ({
        reason: lists.label('provider-adjustment-reasons', item.reason),
        reference: item.reference,
        amountCents: cents(item.amount),
        fiscalPeriodEnds: x12DateToPlain(plb.fiscalPeriodDate),
      })),
    ),
    codeListVersions: lists.versions(),
  };
}
