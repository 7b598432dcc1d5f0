import type { CodeLists } from '../x12/code-lists.ts';
import type { ClaimStatusInfo, ClaimStatusResponse } from '../x12/claim-status-response.ts';
import type { DateEntry } from '../x12/eligibility-parts.ts';
import { x12AmountToCents, x12DateToPlain } from '../x12/values.ts';
import type { ClaimPhase, ClaimStatus, ClaimStatusSummary } from './schemas.ts';

/** CAQH CORE holds claim status to eligibility's limit: an answer within 20 seconds of the 276. */
export const CLAIM_STATUS_TIMEOUT_SECONDS = 20;

/**
 * The phase of a claim from its status category (STC01-1, code list 507): acknowledgements of receipt (`A0`–`A2`,
 * `A5`) are RECEIVED, returns and rejections (`A3`, `A6`–`A8`) RETURNED, not found (`A4`, `D0`) NOT_FOUND; pending
 * (`P*`), requests for information (`R*`), and the finalized ones by their kind: `F1` and `F3F`/`F3N` PAID, `F2`
 * DENIED, `F0`, `F3`, `F4` FINALIZED. Null for `E*` (the payer could not answer) and unknown categories.
 */
export function claimPhaseOf(category: string): ClaimPhase | null {
  if (['A0', 'A1', 'A2', 'A5'].includes(category)) return 'RECEIVED';
  if (['A3', 'A6', 'A7', 'A8'].includes(category)) return 'RETURNED';
  if (category === 'A4' || category === 'D0') return 'NOT_FOUND';
  if (/^P\d$/.test(category)) return 'PENDING';
  if (/^R\d{1,2}$/.test(category)) return 'INFORMATION_REQUESTED';
  if (['F1', 'F3F', 'F3N'].includes(category)) return 'PAID';
  if (category === 'F2') return 'DENIED';
  if (['F0', 'F3', 'F4'].includes(category)) return 'FINALIZED';
  return null;
}

/** A finalized claim will not change again (no more adjudication); only F categories are final. */
export const isFinalPhase = (phase: ClaimPhase) => ['PAID', 'DENIED', 'FINALIZED'].includes(phase);

const PAYMENT_METHODS: Record<string, string> = {
  ACH: 'Electronic funds transfer',
  BOP: 'Financial institution option',
  CHK: 'Check',
  FWT: 'Federal Reserve wire transfer',
  NON: 'No payment',
};

/** A payment method (BPR04, STC09 and the like) beside its label. */
export const paymentMethodOf = (code: string) => ({ code, label: PAYMENT_METHODS[code] ?? code });

function detailOf(
  status: ClaimStatusInfo | ClaimStatusInfo['more'][number],
  lists: CodeLists,
  date: string | null,
) {
  return {
    category: lists.label('claim-status-categories', status.category),
    status: lists.label('claim-status-codes', status.code),
    entity: status.entity,
    effectiveDate: x12DateToPlain(date),
  };
}

/** A status and the further ones it carries (STC10, STC11), each labelled from the code lists. */
const detailsOf = (statuses: readonly ClaimStatusInfo[], lists: CodeLists) =>
  statuses.flatMap((status) => [
    detailOf(status, lists, status.effectiveDate),
    ...status.more.map((more) => detailOf(more, lists, status.effectiveDate)),
  ]);

function datesOf(entry: DateEntry | null): { from: string | null; to: string | null } {
  if (!entry) return { from: null, to: null };
  const [from, to = from] = entry.value.split('-');
  return { from: x12DateToPlain(from), to: x12DateToPlain(to) };
}

/**
 * The 277 as an office reads it: each claim's phase from its first status, amounts in integer cents, the payment
 * when one was made, and the service lines, every code beside its label.
 */
export function summarizeClaimStatus(response: ClaimStatusResponse, lists: CodeLists): ClaimStatusSummary {
  const claims = response.claims.flatMap((claim): ClaimStatus[] => {
    const first = claim.statuses[0];
    const phase = first ? claimPhaseOf(first.category) : null;
    if (!first || phase === null) return [];
    const dates = datesOf(claim.serviceDates);
    const paid = first.paymentMethod !== null || first.paymentTrace !== null;
    return [
      {
        phase,
        finalized: isFinalPhase(phase),
        statuses: detailsOf(claim.statuses, lists),
        payerClaimNumber: claim.payerClaimNumber,
        patientAccountNumber: claim.patientAccountNumber,
        chargedCents: x12AmountToCents(first.totalCharge),
        paidCents: x12AmountToCents(first.payment),
        adjudicatedOn: x12DateToPlain(first.adjudicationDate),
        payment: paid
          ? {
              method: first.paymentMethod === null ? null : paymentMethodOf(first.paymentMethod),
              date: x12DateToPlain(first.paymentDate),
              trace: first.paymentTrace,
            }
          : null,
        serviceFrom: dates.from,
        serviceTo: dates.to,
        lines: claim.lines.map((line) => ({
          procedureCode: line.procedure.code,
          modifiers: line.procedure.modifiers,
          chargedCents: x12AmountToCents(line.charge),
          paidCents: x12AmountToCents(line.payment),
          units: line.units,
          serviceDate: datesOf(line.serviceDate).from,
          lineItemNumber: line.lineItemNumber,
          statuses: detailsOf(line.statuses, lists),
        })),
      },
    ];
  });
  const { subscriber } = response;
  return {
    member: { memberId: subscriber.memberId, firstName: subscriber.firstName, lastName: subscriber.lastName },
    payer: { name: response.payer.name, id: response.payer.id },
    claims,
  };
}

/** The field an office corrects for a claim status code about the request (list 508). */
const FIELD_OF_STATUS: Readonly<Record<string, string>> = {
  '30': 'memberId',
  '31': 'lastName',
  '33': 'memberId',
  '34': 'lastName',
  '97': 'memberId',
  '125': 'lastName',
  '153': 'memberId',
  '158': 'dateOfBirth',
};

export interface ClaimStatusProblem {
  kind: 'REJECTED' | 'UNAVAILABLE';
  message: string;
  fieldPath: string | null;
}

/**
 * Why a 277 is no answer: a status in category `E0`, `E3` or `E4` says the request was wrong (a rejection in
 * the payer's words, with the field when the code names one), `E1` and `E2` that the payer cannot answer now,
 * and a 277 with no claim status it can place is unavailable too. Null when the 277 answers.
 */
export function claimStatusProblemOf(
  response: ClaimStatusResponse,
  lists: CodeLists,
): ClaimStatusProblem | null {
  const statuses = response.claims.flatMap((claim) => claim.statuses.slice(0, 1));
  const error = statuses.find((status) => status.category.startsWith('E'));
  if (error) {
    const category = lists.label('claim-status-categories', error.category).label;
    const status = lists.label('claim-status-codes', error.code).label;
    const unavailable = error.category === 'E1' || error.category === 'E2';
    return {
      kind: unavailable ? 'UNAVAILABLE' : 'REJECTED',
      message: `The payer answered: ${category} (${error.category}). ${status} (${error.code})`,
      fieldPath: unavailable ? null : (FIELD_OF_STATUS[error.code] ?? null),
    };
  }
  if (!statuses.some((status) => claimPhaseOf(status.category) !== null))
    return { kind: 'UNAVAILABLE', message: 'The payer answered without a claim status.', fieldPath: null };
  return null;
}
